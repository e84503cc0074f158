"""Step 4 rules: selected channels serve objectives, reach the right personas and are used."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..catalog import YOUTH_NETWORKS
from ..values import id_key, norm
from . import at, check

if TYPE_CHECKING:
    from ..reader import Row


def _channels(ctx) -> dict[str, Row]:
    return {id_key(r.get("channel")): r for r in ctx.plan.rows("channels") if r.get("channel")}


@check("MP401")
def selected_channel_without_objective(ctx):
    data = ctx.plan.tables.get("channels")
    if data and data.has("objectives"):
        for row in data.rows:
            if row.get("selected") and not row.get("objectives") and ctx.free(row, "objectives"):
                yield at(row, "objectives", channel=row.get("channel", "?"))


@check("MP402")
def action_on_unselected_channel(ctx):
    channels = _channels(ctx)
    if not channels:
        return
    for action in ctx.active_actions:
        channel = action.get("channel")
        row = channels.get(id_key(channel)) if channel else None
        if row is not None and not row.get("selected"):
            yield at(action, "channel", id=action.get("id", "?"), channel=channel)


def _senior(age: str | None) -> bool:
    if not age:
        return False
    numbers = [int(n) for n in re.findall(r"\d+", age)]
    return bool(numbers) and min(numbers) >= 55


def _youth(channel: str | None) -> bool:
    return bool(channel) and any(net in norm(channel) for net in YOUTH_NETWORKS)


@check("MP403")
def audience_mismatch(ctx):
    seniors = {
        id_key(r.get("id")): r.get("id") for r in ctx.plan.rows("personas") if r.get("id") and _senior(r.get("age"))
    }
    if not seniors:
        return
    for action in ctx.active_actions:
        if _youth(action.get("channel")):
            for persona in action.get("personas") or []:
                if id_key(persona) in seniors:
                    yield at(action, "personas", persona=persona, channel=action.get("channel"))
    for row in ctx.plan.rows("channels"):
        if row.get("selected") and _youth(row.get("channel")):
            for persona in row.get("personas") or []:
                if id_key(persona) in seniors:
                    yield at(row, "personas", persona=persona, channel=row.get("channel"))


@check("MP404")
def selected_channel_unused(ctx):
    if not ctx.has("actions"):
        return
    used = {id_key(a.get("channel")) for a in ctx.active_actions if a.get("channel")}
    for row in ctx.plan.rows("channels"):
        if row.get("selected") and row.get("channel") and id_key(row.get("channel")) not in used:
            yield at(row, "channel", channel=row.get("channel"))
