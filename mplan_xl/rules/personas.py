"""Step 2 rules: personas described, reviewed and targeted."""

from __future__ import annotations

from datetime import date

from ..content import add_months
from ..findings import WARNING
from ..values import id_key
from . import rule


@rule(
    "MP201",
    WARNING,
    ("Aucun persona", "No persona"),
    ("Décrivez au moins un persona à l'étape 2.", "Describe at least one persona in step 2."),
)
def no_persona(ctx):
    """The plan describes no persona.

    Why: without a picture of who you target, channels and messages are chosen blind.
    Example: the personas table is empty.
    Fix: describe two to four personas on sheet 2.
    """
    if ctx.has("personas") and not ctx.plan.rows("personas"):
        yield ctx.find("MP201", *ctx.header("personas"))


@rule(
    "MP202",
    WARNING,
    ("Persona {id} sans problématiques ni besoins", "Persona {id} has no pain points or needs"),
    ("Décrivez ce qui le gêne et ce qu'il cherche.", "Describe what bothers them and what they look for."),
)
def persona_without_needs(ctx):
    """A persona has no pain points and needs.

    Why: needs are what the actions answer; a persona reduced to an age range is a segment, not a persona.
    Example: P3 with an empty "Pain points and needs".
    Fix: one or two sentences from interviews or surveys.
    """
    for row, key in ctx.empty("personas", "needs"):
        yield ctx.at("MP202", row, key, id=row.get("id", "?"))


@rule(
    "MP203",
    WARNING,
    ("Persona {id} {why}", "Persona {id} {why}"),
    ("Révisez-le avec des données récentes et datez la révision.", "Review it with recent data and date the review."),
)
def persona_not_reviewed(ctx):
    """A persona was never reviewed, or not for more than `persona_review_months` (Settings, 12 by default).

    Why: habits and channels change; a persona from three years ago steers today's budget wrongly.
    Example: "Last reviewed" 01/11/2025 checked on 10/08/2027.
    Fix: review the persona (survey, CRM, sales feedback) and update "Last reviewed".
    """
    data = ctx.plan.tables.get("personas")
    if not data or not data.has("reviewed"):
        return
    months = ctx.plan.setting("persona_review_months", 12) or 12
    limit = add_months(ctx.today, -int(months))
    for row in data.rows:
        reviewed = row.get("reviewed")
        if reviewed is None and ctx.free(row, "reviewed"):
            why = ("jamais révisé", "never reviewed")
        elif isinstance(reviewed, date) and reviewed < limit:
            why = (f"non révisé depuis plus de {months} mois", f"not reviewed for over {months} months")
        else:
            continue
        yield ctx.at("MP203", row, "reviewed", id=row.get("id", "?"), why=why[0 if ctx.lang == "fr" else 1])


@rule(
    "MP204",
    WARNING,
    ("Persona {id} ciblé par aucune action", "Persona {id} targeted by no action"),
    ("Ciblez-le dans au moins une action, ou retirez-le.", "Target them in at least one action, or remove them."),
)
def persona_without_action(ctx):
    """A persona is targeted by no (not cancelled) action.

    Why: a persona the plan never addresses is either not a target or a gap in the plan.
    Example: P4 never appears in the actions' "Target personas".
    Fix: target them in an action, or remove the persona.
    """
    if not ctx.has("actions"):
        return
    targeted = {id_key(p) for a in ctx.active_actions for p in (a.get("personas") or [])}
    for row in ctx.plan.rows("personas"):
        ident = row.get("id")
        if ident and id_key(ident) not in targeted:
            yield ctx.at("MP204", row, "id", id=ident)
