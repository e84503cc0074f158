"""Step 2 rules: personas described, reviewed and targeted."""

from __future__ import annotations

from datetime import date

from ..content import add_months
from ..findings import Phrase
from ..i18n import Text
from ..values import id_key
from . import at, check, place


@check("MP201")
def no_persona(ctx):
    if ctx.has("personas") and not ctx.plan.rows("personas"):
        yield place(*ctx.header("personas"))


@check("MP202")
def persona_without_needs(ctx):
    for row, key in ctx.empty("personas", "needs"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP203")
def persona_not_reviewed(ctx):
    data = ctx.plan.tables.get("personas")
    if not data or not data.has("reviewed"):
        return
    months = ctx.plan.setting("persona_review_months", 12) or 12
    limit = add_months(ctx.today, -int(months))
    for row in data.rows:
        why: Text | Phrase
        reviewed = row.get("reviewed")
        if reviewed is None and ctx.free(row, "reviewed"):
            why = Text("jamais révisé", "never reviewed")
        elif isinstance(reviewed, date) and reviewed < limit:
            why = Phrase.of(
                "non révisé depuis plus de {months} mois", "not reviewed for over {months} months", months=months
            )
        else:
            continue
        yield at(row, "reviewed", id=row.get("id", "?"), why=why)


@check("MP204")
def persona_without_action(ctx):
    if not ctx.has("actions"):
        return
    targeted = {id_key(p) for a in ctx.active_actions for p in (a.get("personas") or [])}
    for row in ctx.plan.rows("personas"):
        ident = row.get("id")
        if ident and id_key(ident) not in targeted:
            yield at(row, "id", id=ident)
