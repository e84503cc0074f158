"""Step 6 rules: actions refer to known objectives, channels and personas, carry a cost, a revenue,
a 4P pillar and a schedule; the SWOT has its four quadrants."""

from __future__ import annotations

from ..i18n import Money
from ..values import id_key
from . import at, check, place
from .watch import missing_options


@check("MP601")
def no_action(ctx):
    if ctx.has("actions") and not ctx.plan.rows("actions"):
        yield place(*ctx.header("actions"))


@check("MP602")
def unknown_objective(ctx):
    for action, ref in ctx.unknown("actions", "objective", "objectives", "id"):
        yield at(action, "objective", id=action.get("id", "?"), ref=ref)


@check("MP603")
def unknown_channel(ctx):
    for action, ref in ctx.unknown("actions", "channel", "channels", "channel"):
        yield at(action, "channel", id=action.get("id", "?"), ref=ref)


@check("MP604")
def unknown_persona(ctx):
    if not ctx.has("personas"):
        return
    known = ctx.ids("personas", "id")
    for action in ctx.plan.rows("actions"):
        unknown = [p for p in action.get("personas") or [] if id_key(p) not in known]
        if unknown:
            yield at(action, "personas", id=action.get("id", "?"), refs=", ".join(unknown))


@check("MP605")
def cost_missing(ctx):
    data = ctx.plan.tables.get("actions")
    if not data or not data.has("cost"):
        return
    for action in data.rows:
        cost = action.get("cost")
        if (cost is None and ctx.free(action, "cost")) or (cost is not None and cost < 0):
            yield at(action, "cost", id=action.get("id", "?"))


@check("MP606")
def negative_action_roi(ctx):
    for action in ctx.active_actions:
        cost, revenue = action.get("cost"), action.get("revenue")
        if cost is not None and revenue is not None and revenue < cost:
            yield at(action, "revenue", id=action.get("id", "?"), revenue=Money(revenue), cost=Money(cost))


@check("MP607")
def no_revenue(ctx):
    for action, key in ctx.empty("actions", "revenue", rows=ctx.active_actions):
        yield at(action, key, id=action.get("id", "?"))


@check("MP608")
def swot_quadrant_empty(ctx):
    for label, data in missing_options(ctx, "swot", "type", "swot"):
        yield place(data.sheet, data.header_ref("type"), quadrant=label)


@check("MP609")
def not_scheduled(ctx):
    if not ctx.has("schedule"):
        return
    for item in ctx.items:
        if item.schedule is None and item.action.get("id"):
            yield at(item.action, "id", id=item.action.get("id"))


@check("MP610")
def no_pillar(ctx):
    for action, key in ctx.empty("actions", "pillar"):
        yield at(action, key, id=action.get("id", "?"))
