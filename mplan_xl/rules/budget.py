"""Step 5 rules: the budget envelope, pacing of actual spend, the team's workload and ownership."""

from __future__ import annotations

from ..i18n import Money, Month, Number, Percent
from ..values import id_key
from . import at, check, place


def _envelope(ctx):
    return ctx.plan.setting("envelope")


@check("MP501")
def over_envelope(ctx):
    envelope = _envelope(ctx)
    if envelope and ctx.figures.planned_spend > envelope:
        yield place(
            *ctx.setting_cell("envelope"),
            spend=Money(ctx.figures.planned_spend),
            envelope=Money(envelope),
        )


@check("MP502")
def near_envelope(ctx):
    envelope = _envelope(ctx)
    threshold = ctx.plan.setting("budget_warn", 0.9)
    spend = ctx.figures.planned_spend
    if envelope and threshold is not None and threshold * envelope < spend <= envelope:
        yield place(*ctx.setting_cell("envelope"), share=Percent(spend / envelope), threshold=Percent(threshold))


@check("MP503")
def overload(ctx):
    team = {id_key(r.get("member")): r for r in ctx.plan.rows("team") if r.get("member")}
    current = f"{ctx.today.year:04d}-{ctx.today.month:02d}"  # v2: past months are history, not alerts
    for owner, months in ctx.figures.workload.items():
        member = team.get(id_key(owner))
        if member is None:  # no team row, no capacity: nothing to exceed
            continue
        for month, load in months.items():
            if month >= current and load["capacity"] and load["days"] > load["capacity"] + 1e-9:
                yield at(
                    member,
                    "capacity",
                    owner=owner,
                    days=Number(load["days"], 1),
                    month=Month(month),
                    capacity=Number(load["capacity"]),
                )


@check("MP504")
def owner_not_in_team(ctx):
    if not ctx.has("team"):
        return
    team = ctx.ids("team", "member")
    for table in ("objectives", "schedule"):
        for row in ctx.plan.rows(table):
            owner = row.get("owner")
            if owner and id_key(owner) not in team:
                yield at(row, "owner", owner=owner)


@check("MP505")
def no_envelope(ctx):
    cell = ctx.plan.settings.get("envelope")
    if _envelope(ctx) is None and not (cell and (cell.sheet, cell.ref) in ctx.taken):
        yield place(*ctx.setting_cell("envelope"))


@check("MP506")
def negative_plan_roi(ctx):
    roi = ctx.figures.planned_roi
    if roi is not None and roi < 0 and ctx.has("actions"):
        yield place(*ctx.header("actions", "revenue"), roi=Percent(roi))


@check("MP507")
def actual_over_envelope(ctx):
    envelope = _envelope(ctx)
    if envelope and ctx.figures.actual_spend > envelope:
        yield place(
            *ctx.setting_cell("envelope"),
            spend=Money(ctx.figures.actual_spend),
            envelope=Money(envelope),
        )


@check("MP508")
def pacing_over(ctx):
    envelope, projected = _envelope(ctx), ctx.figures.projected_spend  # the forecast at completion
    if envelope and projected is not None and projected > envelope + 0.005 and ctx.figures.actual_spend <= envelope:
        yield place(*ctx.setting_cell("envelope"), projected=Money(projected), envelope=Money(envelope))


@check("MP509")
def pacing_under(ctx):
    envelope, projected = _envelope(ctx), ctx.figures.projected_spend
    if envelope and projected is not None and projected < 0.8 * envelope:
        yield place(*ctx.setting_cell("envelope"), unused=Percent(1 - projected / envelope))
