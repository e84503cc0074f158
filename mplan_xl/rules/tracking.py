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


@check("MP802")
def measurement_out_of_range(ctx):
    period = ctx.plan.period
    for row in ctx.plan.rows("measurements"):
        when = row.get("date")
        if not isinstance(when, date):
            continue
        if when > ctx.today:
            why = Text("après aujourd'hui", "after today")
        elif period and not period[0] <= when <= period[1]:
            why = Text("hors de la période du plan", "outside the plan period")
        else:
            continue
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
    threshold = ctx.plan.setting("overspend_warn", 0.1) or 0
    costs = {id_key(a.get("id")): a.get("cost") for a in ctx.plan.rows("actions") if a.get("id")}
    for row in ctx.plan.rows("actuals"):
        ident, actual = row.get("action"), row.get("actual_cost")
        cost = costs.get(id_key(ident)) if ident else None
        if actual is not None and cost and actual > cost * (1 + threshold):
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
