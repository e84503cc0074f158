"""The plan's figures (SPEC section 2, contract v2): spend, revenue, ROI, forecast at completion, plan vs
actual over time, monthly plan, workload, deadlines, objective progress judged at each reading's date.
Pure: `today` is passed in, nothing reads the clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import cached_property

from .gcpause import paused_gc
from .peaks import public_holidays
from .reader import Plan, Row
from .values import id_key

ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA = "achieved", "on_track", "off_track", "no_data"


def elapsed_share(start: date, end: date, today: date) -> float:
    """(today − start) / (end − start) in whole days, clamped to [0, 1]."""
    if end <= start:
        return 1.0 if today >= end else 0.0
    return min(1.0, max(0.0, (today - start).days / (end - start).days))


def roi(revenue: float | None, spend: float | None) -> float | None:
    if not spend or revenue is None:
        return None
    return (revenue - spend) / spend


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def days(start: date, end: date) -> Iterator[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


@dataclass
class Scheduled:
    """An action joined with its schedule row (if any)."""

    action: Row
    schedule: Row | None
    start: date | None = None
    end: date | None = None

    @property
    def status(self) -> str | None:
        return self.schedule.get("status") if self.schedule else None

    @property
    def active(self) -> bool:
        return self.status != "cancelled"

    @property
    def scheduled(self) -> bool:
        return self.start is not None

    @property
    def due(self) -> date:
        """The end date of a scheduled item (only scheduled items are overdue or due soon)."""
        if self.end is None:
            raise ValueError(f"action {self.action.get('id')!r} has no end date")
        return self.end


@dataclass(frozen=True)
class Deadline:
    """An overdue or due-soon action and the days left to its end: calendar and business days, negative
    once the end is past (business days: Monday to Friday, public holidays of the plan's country left out)."""

    ident: str
    kind: str  # "overdue" or "due_soon"
    item: Scheduled
    days_left: int
    business_days_left: int


@dataclass
class Figures:
    today: date
    planned_spend: float = 0.0
    actual_spend: float = 0.0
    expected_revenue: float = 0.0
    actual_revenue: float = 0.0
    planned_roi: float | None = None
    actual_roi: float | None = None
    envelope: float | None = None
    budget_used: float | None = None
    planned_romi: float | None = None
    actual_romi: float | None = None
    projected_spend: float | None = None  # forecast at completion: actual + what the plan still has to spend
    actual_by_month: dict = field(default_factory=dict)  # "YYYY-MM" or "undated" -> actual cost of those rows
    planned_to_date: float = 0.0
    actual_to_date: float = 0.0
    to_date_gap: float = 0.0  # actual_to_date - planned_to_date
    by_channel: dict = field(default_factory=dict)
    by_objective: dict = field(default_factory=dict)
    by_pillar: dict = field(default_factory=dict)
    by_month: dict = field(default_factory=dict)
    unscheduled_cost: float = 0.0
    workload: dict = field(default_factory=dict)
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    objectives: dict = field(default_factory=dict)
    items: list[Scheduled] = field(default_factory=list, repr=False)  # join_schedule(plan), shared with rules
    # per action id key: {"cost", "revenue", "progress", "last"}: its actuals rows added up, progress the latest
    actuals_by_action: dict = field(default_factory=dict, repr=False)

    country: str = field(default="FR", repr=False)  # whose public holidays the business days leave out

    def as_dict(self) -> dict:
        """The figures of SPEC section 2, as `mplan export --format json` gives them."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("today", "items", "country", "actuals_by_action")
        }

    @property
    def overheads(self) -> float:
        """The planned spend that no action carries (the overheads table's)."""
        return self.planned_spend - sum(b["planned_cost"] for b in self.by_channel.values())

    @cached_property
    def deadlines(self) -> list[Deadline]:
        """The overdue then due-soon actions, by end date, with their days left (computed on first use:
        the public holidays are loaded only when a deadline needs them)."""
        wanted = [(ident, "overdue") for ident in self.overdue] + [(ident, "due_soon") for ident in self.due_soon]
        if not wanted:
            return []
        items = {id_key(i.action.get("id") or ""): i for i in self.items}
        ends = [items[id_key(i)].due for i, _ in wanted if id_key(i) in items]
        low, high = min(ends + [self.today]), max(ends + [self.today])
        counter = BusinessDays(low, high, set(public_holidays(low, high, self.country)))
        found = []
        for ident, kind in sorted(wanted, key=lambda w: items[id_key(w[0])].due):
            item = items[id_key(ident)]
            end, today = item.due, self.today
            business = counter.count(min(end, today), max(end, today)) - 1 if end != today else 0
            found.append(
                Deadline(ident, kind, item, (end - today).days, business if end >= today else -max(business, 0))
            )
        return found


def join_schedule(plan: Plan) -> list[Scheduled]:
    """Each action with its first schedule row; start/end only when both are valid and end ≥ start."""
    schedule: dict[str, Row] = {}
    for row in plan.rows("schedule"):
        action = row.get("action")
        if action:
            schedule.setdefault(id_key(action), row)
    joined = []
    for action in plan.rows("actions"):
        ident = action.get("id")
        first = schedule.get(id_key(ident)) if ident else None
        item = Scheduled(action, first)
        if first:
            start, end = first.get("start"), first.get("end")
            if isinstance(start, date) and isinstance(end, date) and end >= start:
                item.start, item.end = start, end
        joined.append(item)
    return joined


@paused_gc()
def compute(plan: Plan, today: date) -> Figures:
    fig = Figures(today, country=plan.setting("country", "FR") or "FR")
    items = fig.items = join_schedule(plan)
    active = [i for i in items if i.active]
    overhead_planned = sum(r.get("planned", 0) or 0 for r in plan.rows("overheads"))
    overhead_actual = sum(r.get("actual", 0) or 0 for r in plan.rows("overheads"))
    action_ids = {id_key(i.action.get("id")) for i in items if i.action.get("id")}
    actuals = [r for r in plan.rows("actuals") if r.get("action") and id_key(r.get("action")) in action_ids]
    fig.actuals_by_action = by_action = actuals_by_action(actuals)
    fig.planned_spend = sum(i.action.get("cost", 0) or 0 for i in active) + overhead_planned
    fig.actual_spend = sum(r.get("actual_cost", 0) or 0 for r in actuals) + overhead_actual
    fig.expected_revenue = sum(i.action.get("revenue", 0) or 0 for i in active)
    fig.actual_revenue = sum(r.get("actual_revenue", 0) or 0 for r in actuals)
    fig.planned_roi = roi(fig.expected_revenue, fig.planned_spend)
    fig.actual_roi = roi(fig.actual_revenue, fig.actual_spend)
    margin = plan.setting("gross_margin")
    if margin is not None:
        fig.planned_romi = roi(fig.expected_revenue * margin, fig.planned_spend)
        fig.actual_romi = roi(fig.actual_revenue * margin, fig.actual_spend)
    envelope = plan.setting("envelope")
    fig.envelope = envelope if envelope else fig.planned_spend
    fig.budget_used = fig.planned_spend / fig.envelope if fig.envelope else None
    fig.projected_spend = _forecast_at_completion(fig, active, by_action, plan.rows("overheads"))
    _breakdowns(fig, active, by_action)
    _monthly(fig, active)
    _to_date(plan, fig, active, actuals, overhead_planned, overhead_actual, today)
    _workload(plan, fig, active)
    _deadlines(plan, fig, active, today)
    fig.objectives = objective_progress(plan, today)
    return fig


def actuals_by_action(actuals: list[Row]) -> dict[str, dict]:
    """Each action's actuals rows added up; its progress is its latest row's (by date, then row; SPEC v2), and
    `cost_row` is its latest row with a cost (where MP805 reports an overrun).

    An undated row counts as older than any dated one (a v1 workbook has one undated row per action).
    """
    result: dict[str, dict] = {}
    for r in actuals:
        entry = result.get(id_key(r.get("action")))
        if entry is None:
            entry = result[id_key(r.get("action"))] = {
                "cost": 0.0,
                "revenue": 0.0,
                "progress": None,
                "last": None,
                "cost_row": None,
                "cost_last": None,
            }
        entry["cost"] += r.get("actual_cost") or 0
        entry["revenue"] += r.get("actual_revenue") or 0
        when = r.get("date") if isinstance(r.get("date"), date) else None
        order = (when or date.min, r.row)
        if r.get("progress") is not None and (entry["last"] is None or order >= entry["last"]):
            entry["last"], entry["progress"] = order, r.get("progress")
        if r.get("actual_cost") is not None and (entry["cost_last"] is None or order >= entry["cost_last"]):
            entry["cost_last"], entry["cost_row"] = order, r
    return result


def _forecast_at_completion(fig: Figures, active: list[Scheduled], by_action: dict, overheads: list[Row]) -> float:
    """actual spend + what the plan still has to spend: each active action not Done, max(0, cost − spent so
    far), and each overhead, max(0, planned − actual). A Done action's actual cost is final."""
    remaining = 0.0
    for item in active:
        if item.status == "done":
            continue
        spent = by_action.get(id_key(item.action.get("id") or ""), {}).get("cost", 0.0)
        remaining += max(0.0, (item.action.get("cost") or 0) - spent)
    for row in overheads:
        remaining += max(0.0, (row.get("planned") or 0) - (row.get("actual") or 0))
    return fig.actual_spend + remaining


def _to_date(
    plan: Plan,
    fig: Figures,
    active: list[Scheduled],
    actuals: list[Row],
    overhead_planned: float,
    overhead_actual: float,
    today: date,
) -> None:
    """Plan vs actual over time (SPEC v2): actual spend by month, planned and actual to date, their gap."""
    months: dict[str, float] = defaultdict(float)
    undated: float | None = None
    dated_to_date = 0.0
    for r in actuals:
        cost = r.get("actual_cost") or 0
        when = r.get("date")
        if isinstance(when, date):
            months[month_key(when)] += cost
            if when <= today:
                dated_to_date += cost
        else:
            undated = (undated or 0.0) + cost
    fig.actual_by_month = dict(sorted(months.items()))
    if undated is not None:
        fig.actual_by_month["undated"] = undated
    planned = 0.0
    for item in active:
        start, end = item.start, item.end
        if start is not None and end is not None and today >= start:
            total_days = (end - start).days + 1
            elapsed_days = min(total_days, (today - start).days + 1)
            planned += (item.action.get("cost") or 0) * elapsed_days / total_days
    period = plan.period
    if period:
        planned += overhead_planned * elapsed_share(period[0], period[1], today)
    fig.planned_to_date = planned
    fig.actual_to_date = dated_to_date + (undated or 0.0) + overhead_actual
    fig.to_date_gap = fig.actual_to_date - fig.planned_to_date


def _bucket() -> dict:
    return {
        "planned_cost": 0.0,
        "expected_revenue": 0.0,
        "roi": None,
        "actual_cost": 0.0,
        "actual_revenue": 0.0,
        "actions": 0,
    }


def _breakdowns(fig: Figures, active: list[Scheduled], by_action: dict) -> None:
    none = {"cost": 0.0, "revenue": 0.0}
    targets = ((fig.by_channel, "channel"), (fig.by_objective, "objective"), (fig.by_pillar, "pillar"))
    for item in active:  # one pass: each action's figures are looked up once for the three tables
        action = item.action
        cost, revenue = action.get("cost") or 0, action.get("revenue") or 0
        spent = by_action.get(id_key(action.get("id") or ""), none)
        actual_cost, actual_revenue = spent["cost"], spent["revenue"]
        for target, key in targets:
            name = action.get(key) or ""
            bucket = target.get(name)
            if bucket is None:
                bucket = target[name] = _bucket()
            bucket["planned_cost"] += cost
            bucket["expected_revenue"] += revenue
            bucket["actual_cost"] += actual_cost
            bucket["actual_revenue"] += actual_revenue
            bucket["actions"] += 1
    for target, _ in targets:
        for bucket in target.values():
            bucket["roi"] = roi(bucket["expected_revenue"], bucket["planned_cost"])


def month_spans(start: date, end: date) -> list[tuple[str, date, date]]:
    """(month key, first day, last day) of each calendar month that [start, end] overlaps."""
    spans: list[tuple[str, date, date]] = []
    first = start
    while first <= end:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        spans.append((month_key(first), first, min(end, following - timedelta(days=1))))
        first = following
    return spans


def _spread(total: float, weights: list[tuple[str, int]]) -> dict[str, float]:
    """Split total by weights; the last share takes the rounding remainder so that shares sum exactly."""
    whole = sum(w for _, w in weights)
    shares: dict[str, float] = {}
    allocated = 0.0
    for key, weight in weights[:-1]:
        shares[key] = total * weight / whole
        allocated += shares[key]
    shares[weights[-1][0]] = total - allocated
    return shares


def _monthly(fig: Figures, active: list[Scheduled]) -> None:
    months: dict[str, float] = defaultdict(float)
    weights_of: dict[tuple[date, date], list[tuple[str, int]]] = {}
    for item in active:
        cost = item.action.get("cost") or 0
        start, end = item.start, item.end
        if start is None or end is None:  # not scheduled
            fig.unscheduled_cost += cost
            continue
        weights = weights_of.get((start, end))
        if weights is None:
            weights = weights_of[start, end] = [
                (key, (last - first).days + 1) for key, first, last in month_spans(start, end)
            ]
        for key, share in _spread(cost, weights).items():
            months[key] += share
    fig.by_month = dict(sorted(months.items()))


class BusinessDays:
    """Counts Monday-to-Friday days that are not public holidays, by prefix sums over a date range."""

    def __init__(self, first: date, last: date, holidays: set[date]):
        self.first = first
        self.prefix = [0]
        for day in days(first, last):
            self.prefix.append(self.prefix[-1] + (day.weekday() < 5 and day not in holidays))

    def count(self, start: date, end: date) -> int:
        return self.prefix[(end - self.first).days + 1] - self.prefix[(start - self.first).days]


def _workload(plan: Plan, fig: Figures, active: list[Scheduled]) -> None:
    capacity = {id_key(r.get("member")): r.get("capacity") for r in plan.rows("team") if r.get("member")}
    names: dict[str, str] = {id_key(r.get("member")): r["member"] for r in plan.rows("team") if r.get("member")}
    scheduled: list[tuple[str, float, date, date]] = []  # (owner, effort, start, end)
    for item in active:
        if item.start is None or item.end is None or item.schedule is None:  # not scheduled
            continue
        owner, effort = item.schedule.get("owner"), item.action.get("effort")
        if owner and effort:
            scheduled.append((owner, effort, item.start, item.end))
    if not scheduled:
        return
    first, last = min(start for _, _, start, _ in scheduled), max(end for _, _, _, end in scheduled)
    counter = BusinessDays(first, last, set(public_holidays(first, last, plan.setting("country", "FR") or "FR")))
    load: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    weights_of: dict[tuple[date, date], list[tuple[str, int]]] = {}  # many actions share their dates
    for owner, effort, start, end in scheduled:
        weights = weights_of.get((start, end))
        if weights is None:
            spans = month_spans(start, end)
            weights = [(key, counter.count(a, b)) for key, a, b in spans]
            if not any(w for _, w in weights):  # only weekends and holidays: spread over calendar days
                weights = [(key, (b - a).days + 1) for key, a, b in spans]
            weights = weights_of[start, end] = [(k, w) for k, w in weights if w]
        for key, share in _spread(effort, weights).items():
            load[names.get(id_key(owner), owner)][key] += share
    for owner, months in sorted(load.items()):
        cap = capacity.get(id_key(owner))
        fig.workload[owner] = {
            m: {"days": d, "capacity": cap, "utilisation": d / cap if cap else None} for m, d in sorted(months.items())
        }


def _deadlines(plan: Plan, fig: Figures, active: list[Scheduled], today: date) -> None:
    window = plan.setting("due_soon_days", 14)
    for item in active:
        end = item.end
        if end is None or item.status == "done":  # not scheduled, or done
            continue
        ident = item.action.get("id")
        if end < today:
            fig.overdue.append(ident)
        elif end <= today + timedelta(days=window):
            fig.due_soon.append(ident)


def _progress(value: float, target: float | None, baseline: float | None) -> float | None:
    """(value − baseline) / (target − baseline); without a baseline, value / target."""
    if target is None:
        return None
    if baseline is not None and target != baseline:
        return (value - baseline) / (target - baseline)
    if baseline is None and target:
        return value / target
    return None


def _expected(window: tuple[date, date] | None, day: date) -> float | None:
    """The elapsed share of a timed objective's [period start, deadline] at day; None when not timed."""
    return elapsed_share(window[0], window[1], day) if window else None


def objective_progress(plan: Plan, today: date) -> dict[str, dict]:
    """Each objective judged at the date of its latest reading (SPEC v2), with its reading history.

    expected = elapsed share of [period start, deadline] at the reading's date; once today is past the
    deadline, expected = 1 (its time is up). A late reading is MP807's business, not a red status.
    """
    readings: dict[str, list[tuple[date, int, float]]] = defaultdict(list)
    for row in plan.rows("measurements"):
        when, objective, value = row.get("date"), row.get("objective"), row.get("value")
        if not isinstance(when, date) or objective is None or value is None or when > today:
            continue
        readings[id_key(objective)].append((when, row.row, value))
    result: dict[str, dict] = {}
    start = plan.period[0] if plan.period else None
    for row in plan.rows("objectives"):
        ident = row.get("id")
        if not ident:
            continue
        target, baseline, deadline = row.get("target"), row.get("baseline"), row.get("deadline")
        window = (start, deadline) if start is not None and isinstance(deadline, date) else None  # timed objective
        history = sorted(readings.get(id_key(ident), ()), key=lambda r: (r[0], r[1]))
        found = None
        for when, line, value in history:  # latest date wins; same date: the lowest row (first in the sheet)
            if found is None or when > found[0]:
                found = (when, line, value)
        measured_on = found[0] if found else None
        expected = _expected(window, measured_on or today)
        if window and today > window[1]:
            expected = 1.0
        progress = _progress(found[2], target, baseline) if found else None
        status = NO_DATA
        if progress is not None:
            if progress >= 1:
                status = ACHIEVED
            elif expected is None or progress >= expected - 0.10:
                status = ON_TRACK
            else:
                status = OFF_TRACK
        result[ident] = {
            "latest": found[2] if found else None,
            "progress": progress,
            "expected": expected,
            "status": status,
            "measured_on": measured_on.isoformat() if measured_on else None,
            "history": [
                {
                    "date": when.isoformat(),
                    "value": value,
                    "progress": _progress(value, target, baseline),
                    "expected": _expected(window, when),
                }
                for when, _, value in history
            ],
        }
    return result


def month_rows(plan: Plan, fig: Figures) -> list[tuple[str, float, float | None, float, float | None]]:
    """(month, planned, actual or None after today's month, cumulated planned, cumulated actual or None): the
    months of the plan period and every month with a planned or actual cost. Cumulated actual starts with
    the undated actuals (already spent, SPEC section 2). The Summary's table and the web page's chart."""
    months = set(fig.by_month) | {k for k in fig.actual_by_month if k != "undated"}
    if plan.period:
        months |= {key for key, _, _ in month_spans(*plan.period)}
    current = month_key(fig.today)
    cum_planned, cum_actual = 0.0, fig.actual_by_month.get("undated") or 0.0
    rows: list[tuple[str, float, float | None, float, float | None]] = []
    for key in sorted(months):
        planned = fig.by_month.get(key) or 0.0
        cum_planned += planned
        if key <= current:
            actual = fig.actual_by_month.get(key) or 0.0
            cum_actual += actual
            rows.append((key, planned, actual, cum_planned, cum_actual))
        else:
            rows.append((key, planned, None, cum_planned, None))
    return rows
