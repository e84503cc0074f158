"""Step 5 rules: the budget envelope, pacing of actual spend, the team's workload and ownership."""

from __future__ import annotations

from ..findings import ERROR, INFO, WARNING
from ..values import id_key
from . import rule


def _pct(ctx, ratio: float) -> str:
    return f"{ratio:.0%}".replace("%", "\u00a0%") if ctx.lang == "fr" else f"{ratio:.0%}"


def _envelope(ctx):
    return ctx.plan.setting("envelope")


@rule(
    "MP501",
    ERROR,
    (
        "Dépenses prévues ({spend}) supérieures à l'enveloppe ({envelope})",
        "Planned spend ({spend}) exceeds the envelope ({envelope})",
    ),
    (
        "Réduisez ou annulez des actions, ou obtenez une enveloppe plus large.",
        "Cut or cancel actions, or get a larger envelope.",
    ),
)
def over_envelope(ctx):
    """Planned spend exceeds the budget envelope.

    What: planned spend = the estimated cost of every action not cancelled + the planned overheads.
    Why: a plan that costs more than its budget will not be approved, or will be cut blindly later.
    Example: envelope 60,000 €, actions and overheads 66,300 €.
    Fix: cut or cancel the lowest-ROI actions, or negotiate the envelope.
    """
    envelope = _envelope(ctx)
    if envelope and ctx.figures.planned_spend > envelope:
        yield ctx.find(
            "MP501",
            *ctx.setting_cell("envelope"),
            spend=ctx.money(ctx.figures.planned_spend),
            envelope=ctx.money(envelope),
        )


@rule(
    "MP502",
    WARNING,
    (
        "Dépenses prévues à {share} de l'enveloppe (seuil {threshold})",
        "Planned spend at {share} of the envelope (threshold {threshold})",
    ),
    ("Gardez une marge pour les imprévus.", "Keep a margin for the unexpected."),
)
def near_envelope(ctx):
    """Planned spend is above the budget warning threshold of the envelope (90 % by default).

    Why: a plan that uses all its envelope has no room for opportunities or overruns.
    Example: 66,300 € planned of a 70,000 € envelope (95 %).
    Fix: keep a reserve, or raise the threshold in Settings if that is deliberate.
    """
    envelope = _envelope(ctx)
    threshold = ctx.plan.setting("budget_warn", 0.9)
    spend = ctx.figures.planned_spend
    if envelope and threshold is not None and threshold * envelope < spend <= envelope:
        yield ctx.find(
            "MP502", *ctx.setting_cell("envelope"), share=_pct(ctx, spend / envelope), threshold=_pct(ctx, threshold)
        )


@rule(
    "MP503",
    WARNING,
    (
        "{owner} : {days} jours de charge en {month} pour {capacity} disponibles",
        "{owner}: {days} days of work in {month} for {capacity} available",
    ),
    (
        "Étalez les actions, réaffectez-les ou augmentez la capacité.",
        "Spread the actions, reassign them or raise the capacity.",
    ),
)
def overload(ctx):
    """An owner's workload exceeds their capacity in a month (one finding per owner and month).

    What: each scheduled action's effort is spread evenly over the business days (Monday to Friday,
    minus the country's public holidays) from start to deadline, and summed per owner and month.
    Why: an overloaded month means late actions and missed commercial peaks.
    Example: Claire, 8 days a month, has 13.4 days planned in May.
    Fix: move actions to lighter months, give them to someone else, or raise the capacity.
    """
    team = {id_key(r.get("member")): r for r in ctx.plan.rows("team") if r.get("member")}
    for owner, months in ctx.figures.workload.items():
        member = team.get(id_key(owner))
        for month, load in months.items():
            if load["capacity"] and load["days"] > load["capacity"] + 1e-9:
                days = f"{load['days']:.1f}".replace(".", "," if ctx.lang == "fr" else ".")
                yield ctx.at(
                    "MP503",
                    member,
                    "capacity",
                    owner=owner,
                    days=days,
                    month=f"{month[5:]}/{month[:4]}",
                    capacity=f"{load['capacity']:g}".replace(".", "," if ctx.lang == "fr" else "."),
                )


@rule(
    "MP504",
    WARNING,
    ("Responsable « {owner} » absent de l'équipe", "Owner '{owner}' is not in the team"),
    (
        "Ajoutez ce membre à l'équipe (étape 5) ou choisissez-le dans la liste.",
        "Add this member to the team (step 5) or pick one from the list.",
    ),
)
def owner_not_in_team(ctx):
    """An owner (of an objective or a scheduled action) is not in the team table.

    Why: workload and capacity are computed per team member; an unknown owner escapes both.
    Example: owner "Jules" while the team lists Claire, Hugo and Sarah.
    Fix: add the person to the team with their monthly capacity, or fix the spelling.
    """
    if not ctx.has("team"):
        return
    team = ctx.ids("team", "member")
    for table in ("objectives", "schedule"):
        for row in ctx.plan.rows(table):
            owner = row.get("owner")
            if owner and id_key(owner) not in team:
                yield ctx.at("MP504", row, "owner", owner=owner)


@rule(
    "MP505",
    INFO,
    ("Pas d'enveloppe : budget construit action par action", "No envelope: bottom-up budget"),
    (
        "Indiquez une enveloppe dans les Paramètres pour suivre le budget.",
        "Set an envelope in Settings to track the budget against it.",
    ),
)
def no_envelope(ctx):
    """No budget envelope is set: the plan is budgeted bottom-up.

    Why: this is allowed; the envelope is then the sum of planned costs, so budget alerts cannot fire.
    Example: "Budget envelope" left empty.
    Fix: if a budget was granted, type it in Settings.
    """
    cell = ctx.plan.settings.get("envelope")
    if _envelope(ctx) is None and not (cell and (cell.sheet, cell.ref) in ctx.taken):
        yield ctx.find("MP505", *ctx.setting_cell("envelope"))


@rule(
    "MP506",
    WARNING,
    ("ROI prévu du plan négatif ({roi})", "Plan's expected ROI is negative ({roi})"),
    ("Revoyez les actions les moins rentables.", "Review the least profitable actions."),
)
def negative_plan_roi(ctx):
    """The plan's expected ROI is negative: expected revenue is below planned spend.

    What: ROI = (expected revenue − planned spend) / planned spend, over actions not cancelled.
    Why: the plan as written loses money, unless its aim is awareness (then say so in the objectives).
    Example: 40,000 € expected for 55,000 € spent: ROI −27 %.
    Fix: review the actions whose expected revenue is below their cost (MP606).
    """
    roi = ctx.figures.planned_roi
    if roi is not None and roi < 0 and ctx.has("actions"):
        yield ctx.find("MP506", *ctx.header("actions", "revenue"), roi=_pct(ctx, roi))


@rule(
    "MP507",
    ERROR,
    (
        "Dépenses réelles ({spend}) supérieures à l'enveloppe ({envelope})",
        "Actual spend ({spend}) exceeds the envelope ({envelope})",
    ),
    ("Arrêtez les engagements et réaffectez le budget restant.", "Freeze commitments and reallocate."),
)
def actual_over_envelope(ctx):
    """Actual spend already exceeds the envelope.

    What: actual spend = the actual cost of every action in the actuals table + the actual overheads.
    Why: the budget is spent; every new commitment is an overrun.
    Example: 71,200 € spent of 70,000 €.
    Fix: freeze commitments and agree on the overrun with management.
    """
    envelope = _envelope(ctx)
    if envelope and ctx.figures.actual_spend > envelope:
        yield ctx.find(
            "MP507",
            *ctx.setting_cell("envelope"),
            spend=ctx.money(ctx.figures.actual_spend),
            envelope=ctx.money(envelope),
        )


@rule(
    "MP508",
    WARNING,
    (
        "Au rythme actuel, {projected} dépensés en fin de période pour {envelope}",
        "At the current pace, {projected} spent by period end for {envelope}",
    ),
    ("Ralentissez les dépenses ou revoyez l'enveloppe.", "Slow spending down or revisit the envelope."),
)
def pacing_over(ctx):
    """Pacing: at the current pace, spend at the end of the period will exceed the envelope.

    What: projected spend = actual spend / elapsed share of the period at today.
    Why: an overrun seen in spring can still be avoided; seen in December it cannot.
    Example: 40,000 € spent at 40 % of the period: 100,000 € projected for 70,000 €.
    Fix: slow down commitments, or check that early spend is front-loaded by design.
    """
    envelope, projected = _envelope(ctx), ctx.figures.projected_spend
    if envelope and projected is not None and projected > envelope and ctx.figures.actual_spend <= envelope:
        yield ctx.find(
            "MP508", *ctx.setting_cell("envelope"), projected=ctx.money(projected), envelope=ctx.money(envelope)
        )


@rule(
    "MP509",
    INFO,
    (
        "Au rythme actuel, {unused} de l'enveloppe resteraient inutilisés",
        "At the current pace, {unused} of the envelope would stay unused",
    ),
    ("Accélérez les actions prévues ou réaffectez le budget.", "Speed up planned actions or reallocate."),
)
def pacing_under(ctx):
    """Pacing: at the current pace, more than 20 % of the envelope will be left unused at period end.

    Why: budget not spent is often budget lost next year, and actions that were planned are late.
    Example: 10,000 € spent at half the period of a 70,000 € envelope: 50,000 € left unused.
    Fix: check for late actions and missing actuals (is spend recorded?), then reallocate.
    """
    envelope, projected = _envelope(ctx), ctx.figures.projected_spend
    if envelope and projected is not None and projected < 0.8 * envelope:
        yield ctx.find("MP509", *ctx.setting_cell("envelope"), unused=_pct(ctx, 1 - projected / envelope))
