"""Step 4 rules: selected channels serve objectives, reach the right personas and are used."""

from __future__ import annotations

import re

from ..catalog import YOUTH_NETWORKS
from ..findings import INFO, WARNING
from ..values import id_key, norm
from . import rule


def _channels(ctx) -> dict[str, object]:
    return {id_key(r.get("channel")): r for r in ctx.plan.rows("channels") if r.get("channel")}


@rule(
    "MP401",
    WARNING,
    ("Canal retenu « {channel} » sans objectif servi", "Selected channel '{channel}' serves no objective"),
    (
        "Indiquez les objectifs qu'il sert (ex. O1, O3) ou ne le retenez pas.",
        "List the objectives it serves (e.g. O1, O3) or unselect it.",
    ),
)
def selected_channel_without_objective(ctx):
    """A selected channel serves no objective.

    Why: a channel is selected because it serves objectives; otherwise it is habit, not strategy.
    Example: "Radio" selected with empty "Objectives served".
    Fix: list the objective ids it serves, or set "Selected" to No.
    """
    data = ctx.plan.tables.get("channels")
    if data and data.has("objectives"):
        for row in data.rows:
            if row.get("selected") and not row.get("objectives") and ctx.free(row, "objectives"):
                yield ctx.at("MP401", row, "objectives", channel=row.get("channel", "?"))


@rule(
    "MP402",
    WARNING,
    ("Action {id} sur le canal « {channel} », non retenu", "Action {id} uses channel '{channel}', not selected"),
    ("Retenez ce canal à l'étape 4 ou changez de canal.", "Select this channel in step 4 or use another."),
)
def action_on_unselected_channel(ctx):
    """An action uses a channel that is not marked selected on sheet 4.

    Why: the channel choice of step 4 should drive the actions; money goes where it was not planned.
    Example: an action on "Facebook" while Facebook's "Selected" is empty.
    Fix: select the channel (with its rationale) or move the action to a selected channel.
    """
    channels = _channels(ctx)
    if not channels:
        return
    for action in ctx.active_actions:
        channel = action.get("channel")
        row = channels.get(id_key(channel)) if channel else None
        if row is not None and not row.get("selected"):
            yield ctx.at("MP402", action, "channel", id=action.get("id", "?"), channel=channel)


def _senior(age: str | None) -> bool:
    if not age:
        return False
    numbers = [int(n) for n in re.findall(r"\d+", age)]
    return bool(numbers) and min(numbers) >= 55


def _youth(channel: str | None) -> bool:
    return bool(channel) and any(net in norm(channel) for net in YOUTH_NETWORKS)


@rule(
    "MP403",
    WARNING,
    ("Persona {persona} (55 ans et +) ciblé via {channel}", "Persona {persona} (55+) targeted through {channel}"),
    (
        "Ce réseau touche surtout les moins de 35 ans : choisissez un canal adapté.",
        "This network mostly reaches under-35s: choose a channel that fits.",
    ),
)
def audience_mismatch(ctx):
    """Audience mismatch: a persona aged 55+ is targeted through a youth-skewed network (TikTok, Snapchat, …).

    Why: these networks reach few people over 55; the budget would miss its target.
    Example: an action on TikTok targeting P2, "Age range" 55+.
    Fix: reach that persona through email, print, Facebook or shops; keep the network for younger ones.
    """
    seniors = {
        id_key(r.get("id")): r.get("id") for r in ctx.plan.rows("personas") if r.get("id") and _senior(r.get("age"))
    }
    if not seniors:
        return
    for action in ctx.active_actions:
        if _youth(action.get("channel")):
            for persona in action.get("personas") or []:
                if id_key(persona) in seniors:
                    yield ctx.at("MP403", action, "personas", persona=persona, channel=action.get("channel"))
    for row in ctx.plan.rows("channels"):
        if row.get("selected") and _youth(row.get("channel")):
            for persona in row.get("personas") or []:
                if id_key(persona) in seniors:
                    yield ctx.at("MP403", row, "personas", persona=persona, channel=row.get("channel"))


@rule(
    "MP404",
    INFO,
    ("Canal retenu « {channel} » utilisé par aucune action", "Selected channel '{channel}' used by no action"),
    ("Prévoyez une action sur ce canal ou ne le retenez pas.", "Plan an action on it or unselect it."),
)
def selected_channel_unused(ctx):
    """A selected channel is used by no (not cancelled) action.

    Why: selecting a channel and planning nothing on it is a gap between strategy and action.
    Example: "LinkedIn" selected, no action on LinkedIn.
    Fix: add an action on the channel, or unselect it.
    """
    if not ctx.has("actions"):
        return
    used = {id_key(a.get("channel")) for a in ctx.active_actions if a.get("channel")}
    for row in ctx.plan.rows("channels"):
        if row.get("selected") and row.get("channel") and id_key(row.get("channel")) not in used:
            yield ctx.at("MP404", row, "channel", channel=row.get("channel"))
