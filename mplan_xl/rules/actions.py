"""Step 6 rules: actions refer to known objectives, channels and personas, carry a cost, a revenue,
a 4P pillar and a schedule; the SWOT has its four quadrants."""

from __future__ import annotations

from ..findings import ERROR, INFO, WARNING
from ..schema import CHOICES
from ..values import id_key
from . import rule


@rule(
    "MP601",
    ERROR,
    ("Aucune action", "No action"),
    ("Listez les actions du plan à l'étape 6.", "List the plan's actions in step 6."),
)
def no_action(ctx):
    """The plan has no action.

    Why: objectives without actions are wishes; budget, schedule and workload all come from actions.
    Example: the actions table is empty.
    Fix: list the actions on sheet 6.
    """
    if ctx.has("actions") and not ctx.plan.rows("actions"):
        yield ctx.find("MP601", *ctx.header("actions"))


@rule(
    "MP602",
    ERROR,
    ("Action {id} : objectif « {ref} » inconnu", "Action {id}: unknown objective '{ref}'"),
    ("Choisissez un ID de l'onglet 1 dans la liste.", "Pick an id from sheet 1 in the list."),
)
def unknown_objective(ctx):
    """An action refers to an objective id that is not in the objectives table.

    Why: the action's cost and revenue would be attached to nothing in the figures by objective.
    Example: objective "O7" when objectives go from O1 to O6.
    Fix: pick the objective from the dropdown, or add the objective on sheet 1.
    """
    for action, ref in ctx.unknown("actions", "objective", "objectives", "id"):
        yield ctx.at("MP602", action, "objective", id=action.get("id", "?"), ref=ref)


@rule(
    "MP603",
    ERROR,
    ("Action {id} : canal « {ref} » inconnu", "Action {id}: unknown channel '{ref}'"),
    ("Choisissez un canal de l'onglet 4, écrit à l'identique.", "Pick a channel from sheet 4, spelt the same."),
)
def unknown_channel(ctx):
    """An action refers to a channel that is not in the channel table.

    Why: the channel's spend and ROI would be wrong, and channel rules cannot check it.
    Example: "Insta" when the channel table says "Instagram".
    Fix: pick the channel from the dropdown, or add it to the catalogue on sheet 4.
    """
    for action, ref in ctx.unknown("actions", "channel", "channels", "channel"):
        yield ctx.at("MP603", action, "channel", id=action.get("id", "?"), ref=ref)


@rule(
    "MP604",
    ERROR,
    ("Action {id} : persona(s) inconnu(s) {refs}", "Action {id}: unknown persona(s) {refs}"),
    ("Utilisez les ID de l'onglet 2, séparés par des virgules.", "Use ids from sheet 2, comma-separated."),
)
def unknown_persona(ctx):
    """An action targets a persona id that is not in the personas table.

    Why: persona coverage (MP204) and audience checks (MP403) would miss it.
    Example: "P1, P5" when personas go from P1 to P4.
    Fix: use the persona ids of sheet 2.
    """
    if not ctx.has("personas"):
        return
    known = ctx.ids("personas", "id")
    for action in ctx.plan.rows("actions"):
        unknown = [p for p in action.get("personas") or [] if id_key(p) not in known]
        if unknown:
            yield ctx.at("MP604", action, "personas", id=action.get("id", "?"), refs=", ".join(unknown))


@rule(
    "MP605",
    ERROR,
    ("Action {id} : coût estimé manquant ou négatif", "Action {id}: estimated cost missing or negative"),
    ("Indiquez le coût prévu (0 si l'action ne coûte rien).", "Type the planned cost (0 if it costs nothing)."),
)
def cost_missing(ctx):
    """An action's estimated cost is missing or negative.

    Why: the budget is the sum of costs; a missing cost makes the plan look cheaper than it is.
    Example: A12 with an empty "Estimated cost".
    Fix: type the cost, or 0 for an action that only takes time.
    """
    data = ctx.plan.tables.get("actions")
    if not data or not data.has("cost"):
        return
    for action in data.rows:
        cost = action.get("cost")
        if (cost is None and ctx.free(action, "cost")) or (cost is not None and cost < 0):
            yield ctx.at("MP605", action, "cost", id=action.get("id", "?"))


@rule(
    "MP606",
    WARNING,
    (
        "Action {id} : gain attendu ({revenue}) inférieur au coût ({cost})",
        "Action {id}: expected revenue ({revenue}) below cost ({cost})",
    ),
    (
        "Vérifiez que l'action vaut son coût (ou qu'elle vise la notoriété).",
        "Check the action is worth its cost (or that it aims at awareness).",
    ),
)
def negative_action_roi(ctx):
    """An action's expected revenue is below its cost (negative ROI).

    Why: the action loses money on its own terms; that may be deliberate (awareness), but should be.
    Example: cost 6,000 €, expected revenue 4,000 €.
    Fix: rework the action, cut its cost, or record why it is worth it.
    """
    for action in ctx.active_actions:
        cost, revenue = action.get("cost"), action.get("revenue")
        if cost is not None and revenue is not None and revenue < cost:
            yield ctx.at(
                "MP606", action, "revenue", id=action.get("id", "?"), revenue=ctx.money(revenue), cost=ctx.money(cost)
            )


@rule(
    "MP607",
    INFO,
    ("Action {id} sans gain attendu : ROI non calculable", "Action {id} has no expected revenue: no ROI"),
    ("Estimez le chiffre d'affaires attendu, même approximatif.", "Estimate the expected revenue, even roughly."),
)
def no_revenue(ctx):
    """An action has no expected revenue, so its ROI cannot be computed.

    Why: comparing actions by ROI is how a plan is arbitrated; a blank counts as zero in the plan's ROI.
    Example: an Instagram editorial calendar with an empty "Expected revenue".
    Fix: estimate it (conversion × basket), or leave it empty on purpose for pure awareness actions.
    """
    for action, key in ctx.empty("actions", "revenue", rows=ctx.active_actions):
        yield ctx.at("MP607", action, key, id=action.get("id", "?"))


@rule(
    "MP608",
    WARNING,
    ("Quadrant SWOT « {quadrant} » vide", "SWOT quadrant '{quadrant}' is empty"),
    ("Ajoutez au moins un élément à ce quadrant.", "Add at least one item to this quadrant."),
)
def swot_quadrant_empty(ctx):
    """A SWOT quadrant (strengths, weaknesses, opportunities, threats) is empty.

    Why: a SWOT without weaknesses or threats is a brochure, not an analysis.
    Example: no "Threat" row in the SWOT table.
    Fix: add at least one item per quadrant, linked to the action that answers it.
    """
    data = ctx.plan.tables.get("swot")
    if not data or not data.has("type"):
        return
    present = {row.get("type") for row in data.rows}
    for option in CHOICES["swot"].options:
        if option.key not in present:
            yield ctx.find("MP608", data.sheet, data.header_ref("type"), quadrant=option.label(ctx.lang))


@rule(
    "MP609",
    WARNING,
    ("Action {id} non planifiée", "Action {id} is not scheduled"),
    (
        "Ajoutez-la au planning (étape 7) avec un début et une échéance.",
        "Add it to the schedule (step 7) with a start and a deadline.",
    ),
)
def not_scheduled(ctx):
    """An action has no row in the schedule.

    Why: an unscheduled action has no deadline, no owner and no place in the monthly budget.
    Example: A18 appears on sheet 6 but not on sheet 7.
    Fix: add a schedule row with its start, deadline, owner and status.
    """
    if not ctx.has("schedule"):
        return
    for item in ctx.items:
        if item.schedule is None and item.action.get("id"):
            yield ctx.at("MP609", item.action, "id", id=item.action.get("id"))


@rule(
    "MP610",
    INFO,
    ("Action {id} sans pilier 4P", "Action {id} has no 4P pillar"),
    ("Classez-la : produit, prix, distribution ou communication.", "Classify it: product, price, place or promotion."),
)
def no_pillar(ctx):
    """An action has no 4P pillar (product, price, place, promotion).

    Why: the marketing mix shows whether the plan only communicates; the Summary sums spend by pillar.
    Example: A04 with an empty "4P pillar".
    Fix: pick the pillar from the dropdown.
    """
    for action, key in ctx.empty("actions", "pillar"):
        yield ctx.at("MP610", action, key, id=action.get("id", "?"))
