"""Step 7 rules: the schedule refers to known actions and peaks, its dates hold together, deadlines are
met, dependencies are ordered and acyclic, and every month of the period has something in market."""

from __future__ import annotations

from datetime import date, timedelta

from ..content import add_months
from ..i18n import InDays, Month
from ..values import id_key
from . import at, check, place


def _valid(row) -> tuple[date, date] | None:
    start, end = row.get("start"), row.get("end")
    if isinstance(start, date) and isinstance(end, date) and end >= start:
        return start, end
    return None


def _active_rows(ctx) -> list:
    """Schedule rows of known, not cancelled actions, with valid dates (computed once per run)."""

    def compute():
        known = ctx.ids("actions", "id") if ctx.has("actions") else None
        found = []
        for row in ctx.plan.rows("schedule"):
            ident = row.get("action")
            if not ident or row.get("status") == "cancelled" or (known is not None and id_key(ident) not in known):
                continue
            dates = _valid(row)
            if dates:
                found.append((row, dates))
        return found

    return ctx.memo("active_schedule", compute)


@check("MP701")
def unknown_action(ctx):
    if not ctx.has("actions"):
        return
    known = ctx.ids("actions", "id")
    for row in ctx.plan.rows("schedule"):
        ref = row.get("action")
        if ref and id_key(ref) not in known:
            yield at(row, "action", ref=ref)
        unknown = [d for d in row.get("depends") or [] if id_key(d) not in known]
        if unknown:
            yield at(row, "depends", ref=", ".join(unknown))


@check("MP702")
def end_before_start(ctx):
    for row in ctx.plan.rows("schedule"):
        start, end = row.get("start"), row.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            yield at(row, "end", id=row.get("action", "?"), start=start, end=end)


@check("MP704")
def outside_period(ctx):
    period = ctx.plan.period
    if not period:
        return
    for row, (start, end) in _active_rows(ctx):
        if start < period[0] or end > period[1]:
            key = "start" if start < period[0] else "end"
            yield at(row, key, id=row.get("action"), start=period[0], end=period[1])


@check("MP705")
def overdue(ctx):
    for row, (_, end) in _active_rows(ctx):
        if row.get("status") != "done" and end < ctx.today:
            yield at(row, "end", id=row.get("action"), end=end)


@check("MP706")
def due_soon(ctx):
    window = ctx.plan.setting("due_soon_days", 14)
    for row, (_, end) in _active_rows(ctx):
        if row.get("status") != "done" and ctx.today <= end <= ctx.today + timedelta(days=window):
            yield at(row, "end", id=row.get("action"), end=end, days=InDays((end - ctx.today).days))


@check("MP707")
def not_started(ctx):
    for row, (start, _) in _active_rows(ctx):
        if row.get("status") in (None, "todo") and start < ctx.today and ctx.free(row, "status"):
            yield at(row, "status", id=row.get("action"), start=start)


@check("MP708")
def starts_before_dependency(ctx):
    dates = {id_key(r.get("action")): d for r, d in _active_rows(ctx)}
    for row, (start, _) in _active_rows(ctx):
        for dep in row.get("depends") or []:
            found = dates.get(id_key(dep))
            if found and start < found[1]:
                yield at(
                    row,
                    "start",
                    id=row.get("action"),
                    start=start,
                    dep=dep,
                    dep_end=found[1],
                )


@check("MP709")
def dependency_cycle(ctx):
    rows = {id_key(r.get("action")): r for r in ctx.plan.rows("schedule") if r.get("action")}
    graph = {k: [id_key(d) for d in r.get("depends") or [] if id_key(d) in rows] for k, r in rows.items()}
    reported: set[frozenset] = set()
    done: set[str] = set()  # explored to the end: no cycle through them is left to find
    for start in graph:
        if start in done:
            continue
        stack, path, position = [(start, iter(graph[start]))], [start], {start: 0}
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                del position[node]
                done.add(node)
            elif child in position:  # back to a node of the current path: a cycle
                cycle = path[position[child] :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = min((rows[k] for k in cycle), key=lambda r: r.row)
                    names = [rows[k].get("action") for k in cycle] + [rows[child].get("action")]
                    yield at(first, "depends", cycle=" → ".join(names))
            elif child not in done:
                position[child] = len(path)
                stack.append((child, iter(graph[child])))
                path.append(child)


@check("MP710")
def late_for_peak(ctx):
    peaks = {id_key(p.get("name")): p for p in ctx.plan.rows("peaks") if p.get("name")}
    for row, (start, _) in _active_rows(ctx):
        peak = peaks.get(id_key(row.get("peak") or ""))
        if peak and isinstance(peak.get("start"), date) and start > peak.get("start"):
            yield at(
                row,
                "start",
                id=row.get("action"),
                start=start,
                peak=peak.get("name"),
                peak_start=peak.get("start"),
            )


@check("MP711")
def no_owner(ctx):
    for row, key in ctx.empty("schedule", "owner", rows=[row for row, _ in _active_rows(ctx)]):
        yield at(row, key, id=row.get("action"))


@check("MP712")
def gap_month(ctx):
    period = ctx.plan.period
    if not period or not ctx.has("schedule") or not ctx.plan.rows("actions"):  # v2: no action, no gap to report
        return
    spans = [d for _, d in _active_rows(ctx)]
    month = period[0].replace(day=1)
    while month <= period[1]:
        end = add_months(month, 1) - timedelta(days=1)
        if not any(s <= end and e >= month for s, e in spans):
            yield place(*ctx.header("schedule", "start"), month=Month(f"{month:%Y-%m}"))
        month = add_months(month, 1)


@check("MP713")
def unknown_peak(ctx):
    for row, peak in ctx.unknown("schedule", "peak", "peaks", "name"):
        yield at(row, "peak", peak=peak)
