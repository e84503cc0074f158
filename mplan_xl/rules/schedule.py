"""Step 7 rules: the schedule refers to known actions and peaks, its dates hold together, deadlines are
met, dependencies are ordered and acyclic, and every month of the period has something in market."""

from __future__ import annotations

from datetime import date, timedelta

from ..content import add_months
from ..findings import ERROR, INFO, WARNING
from ..values import id_key
from . import rule


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


@rule(
    "MP701",
    ERROR,
    ("Action « {ref} » inconnue", "Unknown action '{ref}'"),
    ("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
)
def unknown_action(ctx):
    """A schedule row (or a dependency) refers to an action id that is not in the actions table.

    Why: the row's dates, owner and status apply to nothing; dependencies on it cannot be checked.
    Example: "A27" scheduled, or "Depends on: A30", when actions go from A01 to A26.
    Fix: correct the id, or add the action on sheet 6.
    """
    if not ctx.has("actions"):
        return
    known = ctx.ids("actions", "id")
    for row in ctx.plan.rows("schedule"):
        ref = row.get("action")
        if ref and id_key(ref) not in known:
            yield ctx.at("MP701", row, "action", ref=ref)
        unknown = [d for d in row.get("depends") or [] if id_key(d) not in known]
        if unknown:
            yield ctx.at("MP701", row, "depends", ref=", ".join(unknown))


@rule(
    "MP702",
    ERROR,
    ("Action {id} : échéance ({end}) avant le début ({start})", "Action {id}: deadline ({end}) before start ({start})"),
    ("Corrigez l'une des deux dates.", "Correct one of the two dates."),
)
def end_before_start(ctx):
    """A schedule row's deadline is before its start.

    Why: the action counts as unscheduled: no monthly budget, no workload, no deadline alert.
    Example: start 15/05/2027, deadline 15/04/2027 (a typo in the month).
    Fix: correct the date.
    """
    for row in ctx.plan.rows("schedule"):
        start, end = row.get("start"), row.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            yield ctx.at("MP702", row, "end", id=row.get("action", "?"), start=ctx.day(start), end=ctx.day(end))


@rule(
    "MP704",
    WARNING,
    ("Action {id} hors de la période du plan", "Action {id} outside the plan period"),
    ("Ramenez ses dates dans la période ({start} – {end}).", "Bring its dates inside the period ({start} – {end})."),
)
def outside_period(ctx):
    """A scheduled action starts before or ends after the plan period.

    Why: its cost partly falls outside this plan's budget and months.
    Example: a Christmas action ending 05/01/2028 in a 2027 plan.
    Fix: move the dates inside the period, or split the action between two plans.
    """
    period = ctx.plan.period
    if not period:
        return
    for row, (start, end) in _active_rows(ctx):
        if start < period[0] or end > period[1]:
            key = "start" if start < period[0] else "end"
            yield ctx.at("MP704", row, key, id=row.get("action"), start=ctx.day(period[0]), end=ctx.day(period[1]))


@rule(
    "MP705",
    WARNING,
    ("Action {id} en retard : échéance le {end}", "Action {id} overdue: deadline {end}"),
    ("Terminez-la, replanifiez-la ou marquez-la terminée.", "Finish it, reschedule it, or mark it done."),
)
def overdue(ctx):
    """An action not done (and not cancelled) has a deadline before today.

    Why: either it is late, or its status was not updated; both distort the plan's picture.
    Example: status "In progress", deadline 31/07/2027, today 10/08/2027.
    Fix: mark it done, or set a new deadline.
    """
    for row, (_, end) in _active_rows(ctx):
        if row.get("status") != "done" and end < ctx.today:
            yield ctx.at("MP705", row, "end", id=row.get("action"), end=ctx.day(end))


@rule(
    "MP706",
    INFO,
    ("Action {id} à échéance le {end} (dans {days} jours)", "Action {id} due on {end} (in {days} days)"),
    ("Vérifiez qu'elle sera prête à temps.", "Check it will be ready in time."),
)
def due_soon(ctx):
    """An action not done is due within the due-soon window (14 days by default, in Settings).

    Why: a reminder, to act while there is still time.
    Example: deadline in 5 days, status "To do".
    Fix: nothing to fix; make sure it happens.
    """
    window = ctx.plan.setting("due_soon_days", 14)
    for row, (_, end) in _active_rows(ctx):
        if row.get("status") != "done" and ctx.today <= end <= ctx.today + timedelta(days=window):
            yield ctx.at("MP706", row, "end", id=row.get("action"), end=ctx.day(end), days=(end - ctx.today).days)


@rule(
    "MP707",
    WARNING,
    (
        "Action {id} : démarrage prévu le {start}, toujours « à faire »",
        "Action {id}: due to start on {start}, still 'to do'",
    ),
    ("Démarrez-la ou mettez à jour son statut et ses dates.", "Start it, or update its status and dates."),
)
def not_started(ctx):
    """An action's start date has passed but its status is still To do (or empty).

    Why: the first sign of a late action, weeks before its deadline.
    Example: start 01/06/2027, status "To do", today 10/08/2027.
    Fix: start it and set "In progress", or move its dates.
    """
    for row, (start, _) in _active_rows(ctx):
        if row.get("status") in (None, "todo") and start < ctx.today and ctx.free(row, "status"):
            yield ctx.at("MP707", row, "status", id=row.get("action"), start=ctx.day(start))


@rule(
    "MP708",
    WARNING,
    (
        "Action {id} démarre le {start}, avant la fin de {dep} ({dep_end})",
        "Action {id} starts on {start}, before {dep} ends ({dep_end})",
    ),
    ("Décalez le début après la fin de la dépendance.", "Start it after the dependency ends."),
)
def starts_before_dependency(ctx):
    """An action starts before one of the actions it depends on ends.

    Why: the dependency says "finish this first"; starting earlier means working without its result.
    Example: the tastings (A12) depend on the range launch (A11) ending 15/06 but start 01/06.
    Fix: move the start after the dependency's deadline, or remove the dependency.
    """
    dates = {id_key(r.get("action")): d for r, d in _active_rows(ctx)}
    for row, (start, _) in _active_rows(ctx):
        for dep in row.get("depends") or []:
            found = dates.get(id_key(dep))
            if found and start < found[1]:
                yield ctx.at(
                    "MP708",
                    row,
                    "start",
                    id=row.get("action"),
                    start=ctx.day(start),
                    dep=dep,
                    dep_end=ctx.day(found[1]),
                )


@rule(
    "MP709",
    ERROR,
    ("Dépendances circulaires : {cycle}", "Dependency cycle: {cycle}"),
    ("Supprimez l'une des dépendances du cycle.", "Remove one dependency of the cycle."),
)
def dependency_cycle(ctx):
    """Actions depend on each other in a cycle (A depends on B, which depends on A).

    Why: no order can satisfy a cycle; the schedule cannot be right.
    Example: A05 depends on A06 and A06 depends on A05.
    Fix: remove the dependency that is not real.
    """
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
                    yield ctx.at("MP709", first, "depends", cycle=" → ".join(names))
            elif child not in done:
                position[child] = len(path)
                stack.append((child, iter(graph[child])))
                path.append(child)


@rule(
    "MP710",
    WARNING,
    (
        "Action {id} démarre le {start}, après le début de « {peak} » ({peak_start})",
        "Action {id} starts on {start}, after '{peak}' starts ({peak_start})",
    ),
    ("Démarrez l'action avant le temps fort.", "Start the action before the peak."),
)
def late_for_peak(ctx):
    """An action tied to a commercial peak starts after the peak starts (late or missed).

    Why: a Mother's Day campaign that starts after Mother's Day has missed its moment.
    Example: "Commercial peak: Mother's Day 2027" (30/05) and start 02/06.
    Fix: start the action ahead of the peak.
    """
    peaks = {id_key(p.get("name")): p for p in ctx.plan.rows("peaks") if p.get("name")}
    for row, (start, _) in _active_rows(ctx):
        peak = peaks.get(id_key(row.get("peak") or ""))
        if peak and isinstance(peak.get("start"), date) and start > peak.get("start"):
            yield ctx.at(
                "MP710",
                row,
                "start",
                id=row.get("action"),
                start=ctx.day(start),
                peak=peak.get("name"),
                peak_start=ctx.day(peak.get("start")),
            )


@rule(
    "MP711",
    WARNING,
    ("Action {id} planifiée sans responsable", "Scheduled action {id} has no owner"),
    ("Désignez un responsable.", "Name an owner."),
)
def no_owner(ctx):
    """A scheduled action (not cancelled) has no owner.

    Why: nobody is accountable, and its workload is counted for nobody.
    Example: A14 scheduled with an empty "Owner".
    Fix: pick an owner from the team dropdown.
    """
    for row, key in ctx.empty("schedule", "owner", rows=[row for row, _ in _active_rows(ctx)]):
        yield ctx.at("MP711", row, key, id=row.get("action"))


@rule(
    "MP712",
    INFO,
    ("Aucune action en cours en {month}", "No action running in {month}"),
    ("Un mois sans action : voulu (congés) ou oubli ?", "A month without action: on purpose (holidays) or a gap?"),
)
def gap_month(ctx):
    """A month of the plan period has no active action running (a gap in the calendar).

    Why: customers forget brands that go silent; a gap may be deliberate (August) or an oversight.
    Example: nothing scheduled between 01/08 and 31/08.
    Fix: plan a light action (newsletter, social posts) or accept the gap.
    """
    period = ctx.plan.period
    if not period or not ctx.has("schedule"):
        return
    spans = [d for _, d in _active_rows(ctx)]
    month = period[0].replace(day=1)
    while month <= period[1]:
        end = add_months(month, 1) - timedelta(days=1)
        if not any(s <= end and e >= month for s, e in spans):
            yield ctx.find("MP712", *ctx.header("schedule", "start"), month=f"{month:%m/%Y}")
        month = add_months(month, 1)


@rule(
    "MP713",
    WARNING,
    ("Temps fort « {peak} » absent du tableau des temps forts", "Commercial peak '{peak}' is not in the peaks table"),
    ("Choisissez un temps fort de la liste, écrit à l'identique.", "Pick a peak from the list, spelt the same."),
)
def unknown_peak(ctx):
    """A schedule row names a commercial peak that is not in the peaks table.

    Why: the action cannot be checked against its peak's date (MP710).
    Example: "Fête des mères" while the peaks table says "Fête des mères 2027".
    Fix: pick the peak from the dropdown, or add it to the peaks table.
    """
    for row, peak in ctx.unknown("schedule", "peak", "peaks", "name"):
        yield ctx.at("MP713", row, "peak", peak=peak)
