"""Step 1 rules: SMART objectives (Specific, Measurable, Achievable, Realistic, Time-bound)."""

from __future__ import annotations

from datetime import date

from ..findings import ERROR, INFO, WARNING
from ..values import id_key
from . import rule


@rule(
    "MP101",
    ERROR,
    ("Aucun objectif", "No objective"),
    ("Fixez trois à six objectifs SMART à l'étape 1.", "Set three to six SMART objectives in step 1."),
)
def no_objective(ctx):
    """The plan has no objective.

    Why: every action must serve an objective; without one the plan cannot be steered or measured.
    Example: the objectives table is empty.
    Fix: write three to six SMART objectives on sheet 1.
    """
    if ctx.has("objectives") and not ctx.plan.rows("objectives"):
        yield ctx.find("MP101", *ctx.header("objectives"))


@rule(
    "MP102",
    ERROR,
    ("Objectif {id} sans cible chiffrée (non mesurable)", "Objective {id} has no numeric target"),
    ("Indiquez la valeur à atteindre, par exemple 1500.", "Type the value to reach, for example 1500."),
)
def no_target(ctx):
    """An objective has no numeric target (it is not Measurable).

    Why: progress is measured against the target; without it the objective's status is unknown.
    Example: O2 "Grow the community" with an empty "Target".
    Fix: type the value to reach by the deadline, for example 15000.
    """
    for row, key in ctx.empty("objectives", "target"):
        yield ctx.at("MP102", row, key, id=row.get("id", "?"))


@rule(
    "MP103",
    WARNING,
    ("Objectif {id} sans indicateur ou sans unité", "Objective {id} has no KPI name or unit"),
    ("Nommez l'indicateur suivi et son unité.", "Name the KPI tracked and its unit."),
)
def no_kpi(ctx):
    """An objective has no KPI name or no unit.

    Why: a number without its indicator and unit ("1500 what?") cannot be measured consistently month
    after month.
    Example: target 1500 with empty "KPI" and "Unit".
    Fix: name the indicator ("Active subscribers") and its unit ("subscribers").
    """
    for row, key in ctx.empty("objectives", "kpi", "unit"):
        yield ctx.at("MP103", row, key, id=row.get("id", "?"))


@rule(
    "MP104",
    ERROR,
    ("Objectif {id} sans échéance (non temporel)", "Objective {id} has no deadline"),
    ("Indiquez la date d'atteinte de la cible.", "Type the date by which the target is reached."),
)
def no_deadline(ctx):
    """An objective has no deadline (it is not Time-bound).

    Why: without a deadline there is no expected progress to compare with, and no urgency.
    Example: O3 with an empty "Deadline".
    Fix: type the date by which the target must be reached, for example 30/09/2027 or T3.
    """
    for row, key in ctx.empty("objectives", "deadline"):
        yield ctx.at("MP104", row, key, id=row.get("id", "?"))


@rule(
    "MP105",
    WARNING,
    ("Échéance de l'objectif {id} hors de la période du plan", "Objective {id} deadline outside the plan period"),
    ("Placez l'échéance entre le {start} et le {end}.", "Set the deadline between {start} and {end}."),
)
def deadline_outside_period(ctx):
    """An objective's deadline falls outside the plan period.

    Why: the plan's actions and budget cover the period only; a target due later is not this plan's.
    Example: deadline 30/06/2028 in a 2027 plan.
    Fix: move the deadline inside the period, or move the objective to next year's plan.
    """
    period = ctx.plan.period
    if not period:
        return
    for row in ctx.plan.rows("objectives"):
        deadline = row.get("deadline")
        if isinstance(deadline, date) and not period[0] <= deadline <= period[1]:
            yield ctx.at(
                "MP105", row, "deadline", id=row.get("id", "?"), start=ctx.day(period[0]), end=ctx.day(period[1])
            )


@rule(
    "MP106",
    WARNING,
    ("Objectif {id} trop vague (moins de 4 mots)", "Objective {id} too vague (fewer than 4 words)"),
    ("Précisez : quoi, pour qui, de combien.", "Be specific: what, for whom, by how much."),
)
def vague_objective(ctx):
    """An objective's wording is too vague: fewer than 4 words (it is not Specific).

    Why: "More sales" does not say what, for whom or how much; the team cannot act on it.
    Example: "Notoriété".
    Fix: write a full sentence: "Grow online sales of the organic range by 25%".
    """
    for row in ctx.plan.rows("objectives"):
        text = row.get("objective")
        if text and len(text.split()) < 4:
            yield ctx.at("MP106", row, "objective", id=row.get("id", "?"))


@rule(
    "MP107",
    WARNING,
    ("Cible de l'objectif {id} irréaliste : {why}", "Objective {id} target unrealistic: {why}"),
    ("Revoyez la cible ou la valeur de départ.", "Review the target or the baseline."),
)
def unrealistic_target(ctx):
    """An objective's target is unrealistic: more than 300 % change from the baseline, or equal to it.

    Why: a target four times the baseline is rarely Achievable in a year; a target equal to the
    baseline asks for nothing and its progress cannot be computed.
    Example: baseline 1000 followers, target 10000.
    Fix: set a target you can justify (history, market, means), and explain it in "Rationale".
    """
    for row in ctx.plan.rows("objectives"):
        target, baseline = row.get("target"), row.get("baseline")
        if target is None or baseline is None:
            continue
        if target == baseline:
            why = ("cible égale à la valeur de départ", "target equals the baseline")
        elif baseline and abs(target - baseline) / abs(baseline) > 3:
            change = f"{abs(target - baseline) / abs(baseline):.0%}".replace("%", " %" if ctx.lang == "fr" else "%")
            why = (f"variation de {change}", f"a {change} change")
        else:
            continue
        yield ctx.at("MP107", row, "target", id=row.get("id", "?"), why=why[0 if ctx.lang == "fr" else 1])


@rule(
    "MP108",
    WARNING,
    ("Objectif {id} sans responsable", "Objective {id} has no owner"),
    ("Désignez un membre de l'équipe.", "Name a team member."),
)
def objective_without_owner(ctx):
    """An objective has no owner.

    Why: an objective everybody owns is an objective nobody follows.
    Example: O4 with an empty "Owner".
    Fix: pick a team member from the dropdown.
    """
    for row, key in ctx.empty("objectives", "owner"):
        yield ctx.at("MP108", row, key, id=row.get("id", "?"))


@rule(
    "MP109",
    INFO,
    ("Objectif {id} sans lien stratégique ni justification", "Objective {id} has no strategic link or rationale"),
    (
        "Expliquez pourquoi cet objectif compte et pourquoi il est atteignable.",
        "Say why it matters and why it is achievable.",
    ),
)
def objective_without_rationale(ctx):
    """An objective has no strategic link or no rationale.

    Why: the link says why the objective matters to the company; the rationale says why the target
    is Achievable and Realistic. Both convince the director who approves the budget.
    Example: O5 with empty "Strategic link".
    Fix: one sentence each.
    """
    for row, key in ctx.empty("objectives", "strategy", "rationale"):
        yield ctx.at("MP109", row, key, id=row.get("id", "?"))


@rule(
    "MP110",
    WARNING,
    ("Aucune action ne sert l'objectif {id}", "No action serves objective {id}"),
    ("Ajoutez une action liée à cet objectif à l'étape 6.", "Add an action for this objective in step 6."),
)
def objective_without_action(ctx):
    """No (not cancelled) action serves this objective.

    Why: an objective without actions will not be reached by itself.
    Example: O6 "Sign 25 corporate accounts" and no action whose "Objective" is O6.
    Fix: add actions for it on sheet 6, or drop the objective.
    """
    if not ctx.has("actions"):
        return
    served = {id_key(a.get("objective")) for a in ctx.active_actions if a.get("objective")}
    for row in ctx.plan.rows("objectives"):
        ident = row.get("id")
        if ident and id_key(ident) not in served:
            yield ctx.at("MP110", row, "id", id=ident)
