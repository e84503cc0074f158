"""Step 8 rules: measurements and actuals refer to known objectives and actions, objectives are on track,
and actual costs stay close to estimates."""

from __future__ import annotations

from datetime import date

from ..i18n import Money, Percent, Text
from ..values import id_key
from . import at, check


@check("MP801")
def unknown_objective(ctx):
    for row, ref in ctx.unknown("measurements", "objective", "objectives", "id"):
        yield at(row, "objective", ref=ref)


def _dated_outside(ctx, table: str):
    """(row, date, why) for each row of the table dated after today or outside the plan period."""
    period = ctx.plan.period
    for row in ctx.plan.rows(table):
        when = row.get("date")
        if not isinstance(when, date):
            continue
        if when > ctx.today:
            yield row, when, Text("après aujourd'hui", "after today")
        elif period and not period[0] <= when <= period[1]:
            yield row, when, Text("hors de la période du plan", "outside the plan period")


@check("MP802")
def measurement_out_of_range(ctx):
    for row, when, why in _dated_outside(ctx, "measurements"):
        yield at(row, "date", date=when, why=why)


@check("MP803")
def off_track(ctx):
    rows = {id_key(r.get("id")): r for r in ctx.plan.rows("objectives") if r.get("id")}
    for ident, status in ctx.figures.objectives.items():
        if status["status"] == "off_track":
            yield at(
                rows[id_key(ident)],
                "id",
                id=ident,
                progress=Percent(status["progress"]),
                expected=Percent(status["expected"]),
            )


@check("MP804")
def no_measurement(ctx):
    period = ctx.plan.period
    if not period or ctx.today < period[0] or not ctx.has("measurements"):
        return
    measured = ctx.ids("measurements", "objective")
    for row in ctx.plan.rows("objectives"):
        if row.get("id") and id_key(row.get("id")) not in measured:
            yield at(row, "id", id=row.get("id"))


@check("MP805")
def overspend(ctx):
    """An action's actuals rows add up (v2: one row per invoice); the finding sits on its latest row's cost."""
    threshold = ctx.plan.setting("overspend_warn", 0.1) or 0
    costs = {id_key(a.get("id")): (a.get("id"), a.get("cost")) for a in ctx.plan.rows("actions") if a.get("id")}
    for key, spent in ctx.figures.actuals_by_action.items():
        ident, cost = costs.get(key, (None, None))
        actual, row = spent["cost"], spent["cost_row"]
        if row is not None and cost and actual > cost * (1 + threshold):
            yield at(
                row,
                "actual_cost",
                id=ident,
                actual=Money(actual),
                cost=Money(cost),
                over=Percent(actual / cost - 1),
            )


@check("MP806")
def unknown_action(ctx):
    for row, ref in ctx.unknown("actuals", "action", "actions", "id"):
        yield at(row, "action", ref=ref)


@check("MP807")
def late_reading(ctx):
    """While an objective's time runs, its latest reading is older than `measure_every_days`."""
    period = ctx.plan.period
    if not period or ctx.today < period[0]:
        return
    every = ctx.plan.setting("measure_every_days", 31) or 31
    for row in ctx.plan.rows("objectives"):
        ident, deadline = row.get("id"), row.get("deadline")
        state = ctx.figures.objectives.get(ident) if ident else None
        if not state or not state["measured_on"] or not isinstance(deadline, date) or ctx.today > deadline:
            continue
        measured_on = date.fromisoformat(state["measured_on"])
        late = (ctx.today - measured_on).days
        if late > every:
            yield at(row, "id", id=ident, date=measured_on, days=late, every=int(every))


@check("MP808")
def actual_out_of_range(ctx):
    """A dated actuals line lies outside the plan period or after today."""
    for row, when, why in _dated_outside(ctx, "actuals"):
        yield at(row, "date", date=when, why=why)
