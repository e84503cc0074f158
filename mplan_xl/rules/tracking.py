"""Step 8 rules: measurements and actuals refer to known objectives and actions, objectives are on track,
and actual costs stay close to estimates."""

from __future__ import annotations

from datetime import date

from ..findings import ERROR, INFO, WARNING
from ..values import id_key
from . import rule


@rule(
    "MP801",
    ERROR,
    ("Mesure pour un objectif inconnu « {ref} »", "Measurement for an unknown objective '{ref}'"),
    ("Utilisez un ID de l'onglet 1.", "Use an id from sheet 1."),
)
def unknown_objective(ctx):
    """A measurement refers to an objective id that is not in the objectives table.

    Why: the value is left out of every objective's progress.
    Example: "O7" when objectives go from O1 to O6.
    Fix: correct the id.
    """
    for row, ref in ctx.unknown("measurements", "objective", "objectives", "id"):
        yield ctx.at("MP801", row, "objective", ref=ref)


@rule(
    "MP802",
    WARNING,
    ("Mesure datée du {date}, {why}", "Measurement dated {date}, {why}"),
    ("Vérifiez la date de la mesure.", "Check the measurement's date."),
)
def measurement_out_of_range(ctx):
    """A measurement is dated outside the plan period or after today.

    Why: a future measurement is a typo (and is ignored for progress); one outside the period belongs
    to another plan.
    Example: a measurement dated 31/12/2027 on 10/08/2027.
    Fix: correct the date.
    """
    period = ctx.plan.period
    for row in ctx.plan.rows("measurements"):
        when = row.get("date")
        if not isinstance(when, date):
            continue
        if when > ctx.today:
            why = ("après aujourd'hui", "after today")
        elif period and not period[0] <= when <= period[1]:
            why = ("hors de la période du plan", "outside the plan period")
        else:
            continue
        yield ctx.at("MP802", row, "date", date=ctx.day(when), why=why[0 if ctx.lang == "fr" else 1])


def _pct(ctx, ratio):
    return f"{ratio:.0%}".replace("%", "\u00a0%") if ctx.lang == "fr" else f"{ratio:.0%}"


@rule(
    "MP803",
    WARNING,
    (
        "Objectif {id} en retard : {progress} atteint pour {expected} attendu",
        "Objective {id} off track: {progress} reached where {expected} was expected",
    ),
    (
        "Renforcez les actions de cet objectif ou revoyez la cible.",
        "Strengthen this objective's actions or revisit the target.",
    ),
)
def off_track(ctx):
    """An objective is off track: its progress is more than 10 points behind the time elapsed.

    What: progress = (latest measurement − baseline) / (target − baseline); expected = share of the
    time elapsed between period start and the objective's deadline. Off track when progress <
    expected − 10 %.
    Why: the earlier a drift is seen, the cheaper it is to correct.
    Example: 34 % of the subscribers target reached at 61 % of the time.
    Fix: add or strengthen actions, or revise the target with management.
    """
    rows = {id_key(r.get("id")): r for r in ctx.plan.rows("objectives") if r.get("id")}
    for ident, status in ctx.figures.objectives.items():
        if status["status"] == "off_track":
            yield ctx.at(
                "MP803",
                rows[id_key(ident)],
                "id",
                id=ident,
                progress=_pct(ctx, status["progress"]),
                expected=_pct(ctx, status["expected"]),
            )


@rule(
    "MP804",
    INFO,
    ("Objectif {id} sans aucune mesure", "Objective {id} has no measurement"),
    ("Relevez l'indicateur au moins une fois par mois (onglet 8).", "Record the KPI at least monthly (sheet 8)."),
)
def no_measurement(ctx):
    """An objective has no measurement although the plan period has started.

    Why: an objective nobody measures is not steered.
    Example: O5 in August with no row in the KPI log.
    Fix: record the KPI's value on sheet 8, at least monthly.
    """
    period = ctx.plan.period
    if not period or ctx.today < period[0] or not ctx.has("measurements"):
        return
    measured = ctx.ids("measurements", "objective")
    for row in ctx.plan.rows("objectives"):
        if row.get("id") and id_key(row.get("id")) not in measured:
            yield ctx.at("MP804", row, "id", id=row.get("id"))


@rule(
    "MP805",
    WARNING,
    (
        "Action {id} : coût réel {actual} pour {cost} prévus (+{over})",
        "Action {id}: actual cost {actual} for {cost} planned (+{over})",
    ),
    (
        "Expliquez le dépassement et ajustez les prochaines estimations.",
        "Explain the overrun and adjust the next estimates.",
    ),
)
def overspend(ctx):
    """An action's actual cost exceeds its estimate by more than the overspend threshold (10 %).

    Why: overruns add up; seen action by action they can still be absorbed.
    Example: estimated 5,500 €, actual 6,400 € (+16 %).
    Fix: explain it in the comment, and reduce other costs.
    """
    threshold = ctx.plan.setting("overspend_warn", 0.1) or 0
    costs = {id_key(a.get("id")): a.get("cost") for a in ctx.plan.rows("actions") if a.get("id")}
    for row in ctx.plan.rows("actuals"):
        ident, actual = row.get("action"), row.get("actual_cost")
        cost = costs.get(id_key(ident)) if ident else None
        if actual is not None and cost and actual > cost * (1 + threshold):
            yield ctx.at(
                "MP805",
                row,
                "actual_cost",
                id=ident,
                actual=ctx.money(actual),
                cost=ctx.money(cost),
                over=_pct(ctx, actual / cost - 1),
            )


@rule(
    "MP806",
    ERROR,
    ("Réalisé pour une action inconnue « {ref} »", "Actuals for an unknown action '{ref}'"),
    ("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
)
def unknown_action(ctx):
    """An actuals row refers to an action id that is not in the actions table.

    Why: its cost and revenue are left out of the figures.
    Example: actuals for "A30" when actions go from A01 to A26.
    Fix: correct the id.
    """
    for row, ref in ctx.unknown("actuals", "action", "actions", "id"):
        yield ctx.at("MP806", row, "action", ref=ref)
