"""The rule catalogue: every finding mplan reports, declared once, sorted by code (SPEC section 3).

Each `RuleSpec` holds what a finding is (code, a short kebab-case name, severity), what it says (message
and hint in French and English, with `{placeholders}` the rule fills) and its documentation (a one-line
title; what it checks, why it matters, an example, how to fix). `mplan rules`, docs/rules.md and every
finding's wording come from here; the checks themselves are small functions in the step modules
(`@check("MP503")`), and the reader reports MP001-MP008. A new rule is one `RuleSpec` here, in code
order, plus one function.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import ERROR, INFO, WARNING
from ..i18n import Text

# The step a code belongs to, by its third character (MP5xx: step 5), for grouped listings.
STEPS = {
    "0": "Reading the workbook",
    "1": "Step 1 · Objectives",
    "2": "Step 2 · Personas",
    "3": "Step 3 · Watch and PESTEL",
    "4": "Step 4 · Channels",
    "5": "Step 5 · Budget and resources",
    "6": "Step 6 · Actions",
    "7": "Step 7 · Schedule",
    "8": "Step 8 · Tracking",
}
SECTIONS = ("what", "why", "example", "fix")


@dataclass(frozen=True)
class RuleSpec:
    code: str  # MP + step digit + two digits
    name: str  # kebab-case, unique: `mplan rules overload`
    severity: str
    title: str  # one line: what the finding means
    message: Text  # with {placeholders} filled by the rule's values
    hint: Text
    what: str = ""  # how the check works, when the title is not enough
    why: str = ""
    example: str = ""
    fix: str = ""

    @property
    def step(self) -> str:
        return STEPS[self.code[2]]

    def sections(self) -> dict[str, str]:
        """The documentation sections this rule has, in order (What, Why, Example, Fix)."""
        return {key.capitalize(): getattr(self, key) for key in SECTIONS if getattr(self, key)}

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "step": int(self.code[2]),
            "title": self.title,
            "message": {"fr": self.message.fr, "en": self.message.en},
            "hint": {"fr": self.hint.fr, "en": self.hint.en},
            **{key: getattr(self, key) for key in SECTIONS},
        }


SPECS: tuple[RuleSpec, ...] = (
    RuleSpec(
        code="MP001",
        name="table-missing",
        severity=ERROR,
        title="A table of the plan cannot be found.",
        message=Text("Tableau {table} introuvable", "Table {table} not found"),
        hint=Text(
            "Recréez le tableau avec ses en-têtes (voir un modèle mplan init).",
            "Recreate the table with its headers (see a template from mplan init).",
        ),
        what=(
            "each of the 14 tables (objectives, personas, watch, PESTEL, channels, team, overheads, actions, "
            "SWOT, schedule, peaks, measurements, actuals, settings) is looked for by its Excel table name "
            "(`tbl_objectives`, …), then by its header row on its step's sheet, then on any sheet."
        ),
        why="the rules that need a missing table are skipped, so the plan is not really checked.",
        example='the sheet "3 Veille" was cleared and its table deleted.',
        fix="copy the table with its header row from a fresh template (`mplan init`).",
    ),
    RuleSpec(
        code="MP002",
        name="column-missing",
        severity=ERROR,
        title="A required column is missing from a table.",
        message=Text(
            "Colonne obligatoire « {column} » absente de {table}", "Required column '{column}' missing from {table}"
        ),
        hint=Text("Ajoutez une colonne intitulée « {column} ».", "Add a column headed '{column}'."),
        what=(
            "the table was found but one of its required headers is not there (labels are matched in "
            "French or English, ignoring case, accents and surrounding spaces)."
        ),
        why="the rows are still read, but the rules that need that column are skipped.",
        example='the "Cible" header of the objectives table was renamed "Valeur visée".',
        fix='name the column back with its label ("Cible" / "Target").',
    ),
    RuleSpec(
        code="MP004",
        name="value-unreadable",
        severity=ERROR,
        title="A cell's value cannot be interpreted for its column type.",
        message=Text("« {value} » dans « {column} » n'est pas {expected}", "'{value}' in '{column}' is not {expected}"),
        hint=Text(
            "Corrigez la cellule (nombre, date jj/mm/aaaa ou valeur de la liste).",
            "Fix the cell (a number, a date such as 15/03/2027, or a value from the list).",
        ),
        what=(
            "numbers and amounts (`1 200,50 €`, `1,200.50`, `4.500 €` in a French plan), percents (`25 %`), "
            "dates (`15/03/2027`, `15-Mar-27`, `2027/03/15`, `15 mars 2027`, `lundi 15 mars 2027`, `T2`, "
            "`fin d'année`; month-first `/` dates in a US plan), choices from the list (either language) and "
            "yes/no are understood; anything else is reported at its cell and counted as empty. So is a value "
            "that could be read two ways (`€4,500` in a French plan: 4 500 or 4,5?) and one outside its "
            "column's range (a progress of 150 %, a negative effort): never a silent guess. See "
            'docs/workbook.md, "How values are read".'
        ),
        why="a value that cannot be read is silently wrong in every total that uses it.",
        example='"beaucoup" typed in "Coût estimé".',
        fix="type a number, a date or a value from the dropdown.",
    ),
    RuleSpec(
        code="MP005",
        name="duplicate-id",
        severity=ERROR,
        title="Duplicate id in a table.",
        message=Text("Identifiant en double : {value}", "Duplicate id: {value}"),
        hint=Text("Donnez un identifiant unique à chaque ligne.", "Give each row a unique id."),
        what=(
            "ids must be unique in objectives, personas, actions and peaks; channel names, team members, "
            "and the action ids of the schedule too. Ids compare ignoring case and spaces. The actuals table "
            "is the exception (contract v2): an action may have one row per invoice, order or month."
        ),
        why="a reference to a duplicated id is ambiguous: costs and progress would be counted twice or lost.",
        example="two actions with id A07.",
        fix="renumber one of them (and the rows that refer to it).",
    ),
    RuleSpec(
        code="MP006",
        name="required-value-missing",
        severity=ERROR,
        title="A required value is missing on a row that has content.",
        message=Text("Valeur obligatoire manquante : « {column} »", "Required value missing: '{column}'"),
        hint=Text("Renseignez « {column} » sur cette ligne.", "Fill in '{column}' on this row."),
        what=(
            "on every row with at least one value, each required column (dark blue header) must be filled. "
            "A cell already reported as unreadable (MP004, MP007, MP008) is not reported again, and objective "
            "targets and deadlines and action costs have rules of their own (MP102, MP104, MP605)."
        ),
        why="a row without its key values cannot be used: an action without an objective serves nothing.",
        example="a schedule row with a start date but no deadline.",
        fix="fill in the cell, or delete the row.",
    ),
    RuleSpec(
        code="MP007",
        name="formula-without-value",
        severity=WARNING,
        title="A formula cell has no calculated value (the file was saved without calculation).",
        message=Text(
            "Formule sans valeur calculée dans « {column} » : traitée comme vide",
            "Formula without a calculated value in '{column}': treated as empty",
        ),
        hint=Text(
            "Ouvrez le classeur, recalculez (F9) et enregistrez-le.", "Open the workbook, recalculate (F9) and save it."
        ),
        what=(
            "mplan reads the values the spreadsheet saved; a formula written by a program and never "
            "recalculated has none, so it counts as empty."
        ),
        why="the figures would silently miss that value.",
        example="a cost `=B5*3` in a workbook generated by a script and never opened.",
        fix="open the workbook in Excel or LibreOffice, recalculate (F9) and save.",
    ),
    RuleSpec(
        code="MP008",
        name="excel-error",
        severity=ERROR,
        title="An input cell holds an Excel error value (#REF!, #DIV/0!, #N/A, #VALUE!, …).",
        message=Text("Erreur Excel {error} dans « {column} »", "Excel error {error} in '{column}'"),
        hint=Text("Corrigez la formule ou remplacez-la par une valeur.", "Fix the formula or type a value instead."),
        why="the error propagates to every total; mplan counts the cell as empty and says where it is.",
        example='`#REF!` in "Gain attendu" after a column was deleted.',
        fix="repair the formula or type the value.",
    ),
    RuleSpec(
        code="MP010",
        name="period-invalid",
        severity=ERROR,
        title="The plan period is missing, or its end is not after its start.",
        message=Text("Période du plan absente ou fin avant le début", "Plan period missing or end not after start"),
        hint=Text(
            "Renseignez le début et la fin de période dans les Paramètres.",
            "Fill in the period start and end in Settings.",
        ),
        why="deadlines, pacing, monthly budgets and objective progress are all measured against the period.",
        example='"Fin de période" 31/12/2026 with "Début de période" 01/01/2027.',
        fix="set both dates in the Settings sheet.",
    ),
    RuleSpec(
        code="MP011",
        name="period-too-long",
        severity=WARNING,
        title="The plan period is longer than 24 months.",
        message=Text("Période du plan de {months} mois (plus de 24)", "Plan period of {months} months (over 24)"),
        hint=Text(
            "Un plan d'action couvre en général 12 mois : découpez-le.",
            "An action plan usually covers 12 months: split it.",
        ),
        why="an action plan is a one-year tool; beyond two years actions and budgets are guesses.",
        example="a period from 01/01/2027 to 31/12/2029.",
        fix="keep this plan to 12 months and start another one for the following year.",
    ),
    RuleSpec(
        code="MP101",
        name="no-objective",
        severity=ERROR,
        title="The plan has no objective.",
        message=Text("Aucun objectif", "No objective"),
        hint=Text("Fixez trois à six objectifs SMART à l'étape 1.", "Set three to six SMART objectives in step 1."),
        why="every action must serve an objective; without one the plan cannot be steered or measured.",
        example="the objectives table is empty.",
        fix="write three to six SMART objectives on sheet 1.",
    ),
    RuleSpec(
        code="MP102",
        name="objective-without-target",
        severity=ERROR,
        title="An objective has no numeric target (it is not Measurable).",
        message=Text("Objectif {id} sans cible chiffrée (non mesurable)", "Objective {id} has no numeric target"),
        hint=Text("Indiquez la valeur à atteindre, par exemple 1500.", "Type the value to reach, for example 1500."),
        why="progress is measured against the target; without it the objective's status is unknown.",
        example='O2 "Grow the community" with an empty "Target".',
        fix="type the value to reach by the deadline, for example 15000.",
    ),
    RuleSpec(
        code="MP103",
        name="objective-without-kpi",
        severity=WARNING,
        title="An objective has no KPI name or no unit.",
        message=Text("Objectif {id} sans indicateur ou sans unité", "Objective {id} has no KPI name or unit"),
        hint=Text("Nommez l'indicateur suivi et son unité.", "Name the KPI tracked and its unit."),
        why=(
            'a number without its indicator and unit ("1500 what?") cannot be measured consistently month after month.'
        ),
        example='target 1500 with empty "KPI" and "Unit".',
        fix='name the indicator ("Active subscribers") and its unit ("subscribers").',
    ),
    RuleSpec(
        code="MP104",
        name="objective-without-deadline",
        severity=ERROR,
        title="An objective has no deadline (it is not Time-bound).",
        message=Text("Objectif {id} sans échéance (non temporel)", "Objective {id} has no deadline"),
        hint=Text("Indiquez la date d'atteinte de la cible.", "Type the date by which the target is reached."),
        why="without a deadline there is no expected progress to compare with, and no urgency.",
        example='O3 with an empty "Deadline".',
        fix="type the date by which the target must be reached, for example 30/09/2027 or T3.",
    ),
    RuleSpec(
        code="MP105",
        name="deadline-outside-period",
        severity=WARNING,
        title="An objective's deadline falls outside the plan period.",
        message=Text(
            "Échéance de l'objectif {id} hors de la période du plan", "Objective {id} deadline outside the plan period"
        ),
        hint=Text("Placez l'échéance entre le {start} et le {end}.", "Set the deadline between {start} and {end}."),
        why="the plan's actions and budget cover the period only; a target due later is not this plan's.",
        example="deadline 30/06/2028 in a 2027 plan.",
        fix="move the deadline inside the period, or move the objective to next year's plan.",
    ),
    RuleSpec(
        code="MP106",
        name="vague-objective",
        severity=WARNING,
        title="An objective's wording is too vague: fewer than 4 words (it is not Specific).",
        message=Text("Objectif {id} trop vague (moins de 4 mots)", "Objective {id} too vague (fewer than 4 words)"),
        hint=Text("Précisez : quoi, pour qui, de combien.", "Be specific: what, for whom, by how much."),
        why='"More sales" does not say what, for whom or how much; the team cannot act on it.',
        example='"Notoriété".',
        fix='write a full sentence: "Grow online sales of the organic range by 25%".',
    ),
    RuleSpec(
        code="MP107",
        name="unrealistic-target",
        severity=WARNING,
        title="An objective's target is unrealistic: more than 300 % change from the baseline, or equal to it.",
        message=Text("Cible de l'objectif {id} irréaliste : {why}", "Objective {id} target unrealistic: {why}"),
        hint=Text("Revoyez la cible ou la valeur de départ.", "Review the target or the baseline."),
        why=(
            "a target four times the baseline is rarely Achievable in a year; a target equal to the "
            "baseline asks for nothing and its progress cannot be computed."
        ),
        example="baseline 1000 followers, target 10000.",
        fix='set a target you can justify (history, market, means), and explain it in "Rationale".',
    ),
    RuleSpec(
        code="MP108",
        name="objective-without-owner",
        severity=WARNING,
        title="An objective has no owner.",
        message=Text("Objectif {id} sans responsable", "Objective {id} has no owner"),
        hint=Text("Désignez un membre de l'équipe.", "Name a team member."),
        why="an objective everybody owns is an objective nobody follows.",
        example='O4 with an empty "Owner".',
        fix="pick a team member from the dropdown.",
    ),
    RuleSpec(
        code="MP109",
        name="objective-without-rationale",
        severity=INFO,
        title="An objective has no strategic link or no rationale.",
        message=Text(
            "Objectif {id} sans lien stratégique ni justification", "Objective {id} has no strategic link or rationale"
        ),
        hint=Text(
            "Expliquez pourquoi cet objectif compte et pourquoi il est atteignable.",
            "Say why it matters and why it is achievable.",
        ),
        why=(
            "the link says why the objective matters to the company; the rationale says why the target "
            "is Achievable and Realistic. Both convince the director who approves the budget."
        ),
        example='O5 with empty "Strategic link".',
        fix="one sentence each.",
    ),
    RuleSpec(
        code="MP110",
        name="objective-without-action",
        severity=WARNING,
        title="No (not cancelled) action serves this objective.",
        message=Text("Aucune action ne sert l'objectif {id}", "No action serves objective {id}"),
        hint=Text("Ajoutez une action liée à cet objectif à l'étape 6.", "Add an action for this objective in step 6."),
        why="an objective without actions will not be reached by itself.",
        example='O6 "Sign 25 corporate accounts" and no action whose "Objective" is O6.',
        fix="add actions for it on sheet 6, or drop the objective.",
    ),
    RuleSpec(
        code="MP201",
        name="no-persona",
        severity=WARNING,
        title="The plan describes no persona.",
        message=Text("Aucun persona", "No persona"),
        hint=Text("Décrivez au moins un persona à l'étape 2.", "Describe at least one persona in step 2."),
        why="without a picture of who you target, channels and messages are chosen blind.",
        example="the personas table is empty.",
        fix="describe two to four personas on sheet 2.",
    ),
    RuleSpec(
        code="MP202",
        name="persona-without-needs",
        severity=WARNING,
        title="A persona has no pain points and needs.",
        message=Text("Persona {id} sans problématiques ni besoins", "Persona {id} has no pain points or needs"),
        hint=Text("Décrivez ce qui le gêne et ce qu'il cherche.", "Describe what bothers them and what they look for."),
        why="needs are what the actions answer; a persona reduced to an age range is a segment, not a persona.",
        example='P3 with an empty "Pain points and needs".',
        fix="one or two sentences from interviews or surveys.",
    ),
    RuleSpec(
        code="MP203",
        name="persona-not-reviewed",
        severity=WARNING,
        title="A persona was never reviewed, or not for more than `persona_review_months` (Settings, 12 by default).",
        message=Text("Persona {id} {why}", "Persona {id} {why}"),
        hint=Text(
            "Révisez-le avec des données récentes et datez la révision.",
            "Review it with recent data and date the review.",
        ),
        why="habits and channels change; a persona from three years ago steers today's budget wrongly.",
        example='"Last reviewed" 01/11/2025 checked on 10/08/2027.',
        fix='review the persona (survey, CRM, sales feedback) and update "Last reviewed".',
    ),
    RuleSpec(
        code="MP204",
        name="persona-without-action",
        severity=WARNING,
        title="A persona is targeted by no (not cancelled) action.",
        message=Text("Persona {id} ciblé par aucune action", "Persona {id} targeted by no action"),
        hint=Text(
            "Ciblez-le dans au moins une action, ou retirez-le.", "Target them in at least one action, or remove them."
        ),
        why="a persona the plan never addresses is either not a target or a gap in the plan.",
        example='P4 never appears in the actions\' "Target personas".',
        fix="target them in an action, or remove the persona.",
    ),
    RuleSpec(
        code="MP301",
        name="watch-type-missing",
        severity=INFO,
        title="One of the four watch types (commercial, competitive, market, technology) has no entry.",
        message=Text("Aucune veille de type « {type} »", "No '{type}' watch entry"),
        hint=Text("Ajoutez au moins une observation de ce type.", "Add at least one observation of this type."),
        why="a watch that only follows competitors misses market and technology shifts.",
        example='no "Technology" row in the watch log.',
        fix="add at least one observation of each type.",
    ),
    RuleSpec(
        code="MP302",
        name="pestel-factor-missing",
        severity=INFO,
        title="A PESTEL factor (political, economic, social, technological, environmental, legal) has no entry.",
        message=Text("Facteur PESTEL « {factor} » sans constat", "PESTEL factor '{factor}' has no finding"),
        hint=Text(
            "Ajoutez un constat pour ce facteur, même « sans impact ».",
            "Add a finding for this factor, even 'no impact'.",
        ),
        why="PESTEL is useful only when complete: the factor you skip is the one that surprises you.",
        example='no "Legal" row.',
        fix="add a finding per factor, even one that says the impact is low.",
    ),
    RuleSpec(
        code="MP401",
        name="channel-without-objective",
        severity=WARNING,
        title="A selected channel serves no objective.",
        message=Text(
            "Canal retenu « {channel} » sans objectif servi", "Selected channel '{channel}' serves no objective"
        ),
        hint=Text(
            "Indiquez les objectifs qu'il sert (ex. O1, O3) ou ne le retenez pas.",
            "List the objectives it serves (e.g. O1, O3) or unselect it.",
        ),
        why="a channel is selected because it serves objectives; otherwise it is habit, not strategy.",
        example='"Radio" selected with empty "Objectives served".',
        fix='list the objective ids it serves, or set "Selected" to No.',
    ),
    RuleSpec(
        code="MP402",
        name="action-on-unselected-channel",
        severity=WARNING,
        title="An action uses a channel that is not marked selected on sheet 4.",
        message=Text(
            "Action {id} sur le canal « {channel} », non retenu", "Action {id} uses channel '{channel}', not selected"
        ),
        hint=Text("Retenez ce canal à l'étape 4 ou changez de canal.", "Select this channel in step 4 or use another."),
        why="the channel choice of step 4 should drive the actions; money goes where it was not planned.",
        example='an action on "Facebook" while Facebook\'s "Selected" is empty.',
        fix="select the channel (with its rationale) or move the action to a selected channel.",
    ),
    RuleSpec(
        code="MP403",
        name="audience-mismatch",
        severity=WARNING,
        title="Audience mismatch: a persona aged 55+ is targeted through a youth-skewed network (TikTok, Snapchat, …).",
        message=Text(
            "Persona {persona} (55 ans et +) ciblé via {channel}", "Persona {persona} (55+) targeted through {channel}"
        ),
        hint=Text(
            "Ce réseau touche surtout les moins de 35 ans : choisissez un canal adapté.",
            "This network mostly reaches under-35s: choose a channel that fits.",
        ),
        why="these networks reach few people over 55; the budget would miss its target.",
        example='an action on TikTok targeting P2, "Age range" 55+.',
        fix="reach that persona through email, print, Facebook or shops; keep the network for younger ones.",
    ),
    RuleSpec(
        code="MP404",
        name="channel-unused",
        severity=INFO,
        title="A selected channel is used by no (not cancelled) action.",
        message=Text(
            "Canal retenu « {channel} » utilisé par aucune action", "Selected channel '{channel}' used by no action"
        ),
        hint=Text("Prévoyez une action sur ce canal ou ne le retenez pas.", "Plan an action on it or unselect it."),
        why="selecting a channel and planning nothing on it is a gap between strategy and action.",
        example='"LinkedIn" selected, no action on LinkedIn.',
        fix="add an action on the channel, or unselect it.",
    ),
    RuleSpec(
        code="MP501",
        name="over-envelope",
        severity=ERROR,
        title="Planned spend exceeds the budget envelope.",
        message=Text(
            "Dépenses prévues ({spend}) supérieures à l'enveloppe ({envelope})",
            "Planned spend ({spend}) exceeds the envelope ({envelope})",
        ),
        hint=Text(
            "Réduisez ou annulez des actions, ou obtenez une enveloppe plus large.",
            "Cut or cancel actions, or get a larger envelope.",
        ),
        what="planned spend = the estimated cost of every action not cancelled + the planned overheads.",
        why="a plan that costs more than its budget will not be approved, or will be cut blindly later.",
        example="envelope 60,000 €, actions and overheads 66,300 €.",
        fix="cut or cancel the lowest-ROI actions, or negotiate the envelope.",
    ),
    RuleSpec(
        code="MP502",
        name="near-envelope",
        severity=WARNING,
        title="Planned spend is above the budget warning threshold of the envelope (90 % by default).",
        message=Text(
            "Dépenses prévues à {share} de l'enveloppe (seuil {threshold})",
            "Planned spend at {share} of the envelope (threshold {threshold})",
        ),
        hint=Text("Gardez une marge pour les imprévus.", "Keep a margin for the unexpected."),
        why="a plan that uses all its envelope has no room for opportunities or overruns.",
        example="66,300 € planned of a 70,000 € envelope (95 %).",
        fix="keep a reserve, or raise the threshold in Settings if that is deliberate.",
    ),
    RuleSpec(
        code="MP503",
        name="overload",
        severity=WARNING,
        title=(
            "An owner's workload exceeds their capacity in the current month or a later one "
            "(one finding per owner and month)."
        ),
        message=Text(
            "{owner} : {days} jours de charge en {month} pour {capacity} disponibles",
            "{owner}: {days} days of work in {month} for {capacity} available",
        ),
        hint=Text(
            "Étalez les actions, réaffectez-les ou augmentez la capacité.",
            "Spread the actions, reassign them or raise the capacity.",
        ),
        what=(
            "each scheduled action's effort is spread evenly over the business days (Monday to Friday, "
            "minus the country's public holidays) from start to deadline, and summed per owner and month. "
            "Only the month of today and later months are checked: past months are history, shown in the "
            "Summary's workload matrix."
        ),
        why="an overloaded month means late actions and missed commercial peaks.",
        example="Claire, 8 days a month, has 13.4 days planned in May.",
        fix="move actions to lighter months, give them to someone else, or raise the capacity.",
    ),
    RuleSpec(
        code="MP504",
        name="owner-not-in-team",
        severity=WARNING,
        title="An owner (of an objective or a scheduled action) is not in the team table.",
        message=Text("Responsable « {owner} » absent de l'équipe", "Owner '{owner}' is not in the team"),
        hint=Text(
            "Ajoutez ce membre à l'équipe (étape 5) ou choisissez-le dans la liste.",
            "Add this member to the team (step 5) or pick one from the list.",
        ),
        why="workload and capacity are computed per team member; an unknown owner escapes both.",
        example='owner "Jules" while the team lists Claire, Hugo and Sarah.',
        fix="add the person to the team with their monthly capacity, or fix the spelling.",
    ),
    RuleSpec(
        code="MP505",
        name="no-envelope",
        severity=INFO,
        title="No budget envelope is set: the plan is budgeted bottom-up.",
        message=Text("Pas d'enveloppe : budget construit action par action", "No envelope: bottom-up budget"),
        hint=Text(
            "Indiquez une enveloppe dans les Paramètres pour suivre le budget.",
            "Set an envelope in Settings to track the budget against it.",
        ),
        why="this is allowed; the envelope is then the sum of planned costs, so budget alerts cannot fire.",
        example='"Budget envelope" left empty.',
        fix="if a budget was granted, type it in Settings.",
    ),
    RuleSpec(
        code="MP506",
        name="negative-plan-roi",
        severity=WARNING,
        title="The plan's expected ROI is negative: expected revenue is below planned spend.",
        message=Text("ROI prévu du plan négatif ({roi})", "Plan's expected ROI is negative ({roi})"),
        hint=Text("Revoyez les actions les moins rentables.", "Review the least profitable actions."),
        what="ROI = (expected revenue − planned spend) / planned spend, over actions not cancelled.",
        why="the plan as written loses money, unless its aim is awareness (then say so in the objectives).",
        example="40,000 € expected for 55,000 € spent: ROI −27 %.",
        fix="review the actions whose expected revenue is below their cost (MP606).",
    ),
    RuleSpec(
        code="MP507",
        name="actual-over-envelope",
        severity=ERROR,
        title="Actual spend already exceeds the envelope.",
        message=Text(
            "Dépenses réelles ({spend}) supérieures à l'enveloppe ({envelope})",
            "Actual spend ({spend}) exceeds the envelope ({envelope})",
        ),
        hint=Text("Arrêtez les engagements et réaffectez le budget restant.", "Freeze commitments and reallocate."),
        what="actual spend = the actual cost of every action in the actuals table + the actual overheads.",
        why="the budget is spent; every new commitment is an overrun.",
        example="71,200 € spent of 70,000 €.",
        fix="freeze commitments and agree on the overrun with management.",
    ),
    RuleSpec(
        code="MP508",
        name="pacing-over",
        severity=WARNING,
        title="Forecast at completion: what is spent plus what the plan still has to spend exceeds the envelope.",
        message=Text(
            "Prévision à terme : {projected} dépensés en fin de période pour {envelope}",
            "Forecast at completion: {projected} spent by period end for {envelope}",
        ),
        hint=Text(
            "Réduisez les actions restantes ou revoyez l'enveloppe.",
            "Trim the remaining actions or revisit the envelope.",
        ),
        what=(
            "forecast = actual spend + for each active action not Done, its estimated cost less what was "
            "already spent on it (never below zero) + for each overhead, planned less actual. A Done action's "
            "actual cost is final. Checked only when an envelope is set (and the envelope is not already "
            "exceeded: that is MP507)."
        ),
        why="overruns already booked on some actions, added to what the others will cost, end above budget.",
        example="52,000 € spent, 21,000 € still planned on the remaining actions: 73,000 € for 70,000 €.",
        fix="cut or postpone remaining actions, renegotiate costs, or agree a larger envelope.",
    ),
    RuleSpec(
        code="MP509",
        name="pacing-under",
        severity=INFO,
        title="Forecast at completion: more than 20 % of the envelope would be left unused at period end.",
        message=Text(
            "Prévision à terme : {unused} de l'enveloppe resteraient inutilisés",
            "Forecast at completion: {unused} of the envelope would stay unused",
        ),
        hint=Text("Planifiez de nouvelles actions ou réaffectez le budget.", "Plan new actions or reallocate."),
        what=(
            "the forecast at completion (see MP508) is below 80 % of the envelope. Checked only when an "
            "envelope is set. A plan whose spend is heavy at year end is not flagged: what it still plans counts."
        ),
        why="budget not spent is often budget lost next year.",
        example="a 70,000 € envelope, 30,000 € spent and 20,000 € still planned: 29 % would stay unused.",
        fix="plan actions for the remaining budget, or give it back early so it can be used elsewhere.",
    ),
    RuleSpec(
        code="MP601",
        name="no-action",
        severity=ERROR,
        title="The plan has no action.",
        message=Text("Aucune action", "No action"),
        hint=Text("Listez les actions du plan à l'étape 6.", "List the plan's actions in step 6."),
        why="objectives without actions are wishes; budget, schedule and workload all come from actions.",
        example="the actions table is empty.",
        fix="list the actions on sheet 6.",
    ),
    RuleSpec(
        code="MP602",
        name="action-unknown-objective",
        severity=ERROR,
        title="An action refers to an objective id that is not in the objectives table.",
        message=Text("Action {id} : objectif « {ref} » inconnu", "Action {id}: unknown objective '{ref}'"),
        hint=Text("Choisissez un ID de l'onglet 1 dans la liste.", "Pick an id from sheet 1 in the list."),
        why="the action's cost and revenue would be attached to nothing in the figures by objective.",
        example='objective "O7" when objectives go from O1 to O6.',
        fix="pick the objective from the dropdown, or add the objective on sheet 1.",
    ),
    RuleSpec(
        code="MP603",
        name="action-unknown-channel",
        severity=ERROR,
        title="An action refers to a channel that is not in the channel table.",
        message=Text("Action {id} : canal « {ref} » inconnu", "Action {id}: unknown channel '{ref}'"),
        hint=Text(
            "Choisissez un canal de l'onglet 4, écrit à l'identique.", "Pick a channel from sheet 4, spelt the same."
        ),
        why="the channel's spend and ROI would be wrong, and channel rules cannot check it.",
        example='"Insta" when the channel table says "Instagram".',
        fix="pick the channel from the dropdown, or add it to the catalogue on sheet 4.",
    ),
    RuleSpec(
        code="MP604",
        name="action-unknown-persona",
        severity=ERROR,
        title="An action targets a persona id that is not in the personas table.",
        message=Text("Action {id} : persona(s) inconnu(s) {refs}", "Action {id}: unknown persona(s) {refs}"),
        hint=Text("Utilisez les ID de l'onglet 2, séparés par des virgules.", "Use ids from sheet 2, comma-separated."),
        why="persona coverage (MP204) and audience checks (MP403) would miss it.",
        example='"P1, P5" when personas go from P1 to P4.',
        fix="use the persona ids of sheet 2.",
    ),
    RuleSpec(
        code="MP605",
        name="cost-missing",
        severity=ERROR,
        title="An action's estimated cost is missing or negative.",
        message=Text(
            "Action {id} : coût estimé manquant ou négatif", "Action {id}: estimated cost missing or negative"
        ),
        hint=Text(
            "Indiquez le coût prévu (0 si l'action ne coûte rien).", "Type the planned cost (0 if it costs nothing)."
        ),
        why="the budget is the sum of costs; a missing cost makes the plan look cheaper than it is.",
        example='A12 with an empty "Estimated cost".',
        fix="type the cost, or 0 for an action that only takes time.",
    ),
    RuleSpec(
        code="MP606",
        name="negative-action-roi",
        severity=WARNING,
        title="An action's expected revenue is below its cost (negative ROI).",
        message=Text(
            "Action {id} : gain attendu ({revenue}) inférieur au coût ({cost})",
            "Action {id}: expected revenue ({revenue}) below cost ({cost})",
        ),
        hint=Text(
            "Vérifiez que l'action vaut son coût (ou qu'elle vise la notoriété).",
            "Check the action is worth its cost (or that it aims at awareness).",
        ),
        why="the action loses money on its own terms; that may be deliberate (awareness), but should be.",
        example="cost 6,000 €, expected revenue 4,000 €.",
        fix="rework the action, cut its cost, or record why it is worth it.",
    ),
    RuleSpec(
        code="MP607",
        name="action-without-revenue",
        severity=INFO,
        title="An action has no expected revenue, so its ROI cannot be computed.",
        message=Text(
            "Action {id} sans gain attendu : ROI non calculable", "Action {id} has no expected revenue: no ROI"
        ),
        hint=Text(
            "Estimez le chiffre d'affaires attendu, même approximatif.", "Estimate the expected revenue, even roughly."
        ),
        why="comparing actions by ROI is how a plan is arbitrated; a blank counts as zero in the plan's ROI.",
        example='an Instagram editorial calendar with an empty "Expected revenue".',
        fix="estimate it (conversion × basket), or leave it empty on purpose for pure awareness actions.",
    ),
    RuleSpec(
        code="MP608",
        name="swot-quadrant-empty",
        severity=WARNING,
        title="A SWOT quadrant (strengths, weaknesses, opportunities, threats) is empty.",
        message=Text("Quadrant SWOT « {quadrant} » vide", "SWOT quadrant '{quadrant}' is empty"),
        hint=Text("Ajoutez au moins un élément à ce quadrant.", "Add at least one item to this quadrant."),
        why="a SWOT without weaknesses or threats is a brochure, not an analysis.",
        example='no "Threat" row in the SWOT table.',
        fix="add at least one item per quadrant, linked to the action that answers it.",
    ),
    RuleSpec(
        code="MP609",
        name="action-not-scheduled",
        severity=WARNING,
        title="An action has no row in the schedule.",
        message=Text("Action {id} non planifiée", "Action {id} is not scheduled"),
        hint=Text(
            "Ajoutez-la au planning (étape 7) avec un début et une échéance.",
            "Add it to the schedule (step 7) with a start and a deadline.",
        ),
        why="an unscheduled action has no deadline, no owner and no place in the monthly budget.",
        example="A18 appears on sheet 6 but not on sheet 7.",
        fix="add a schedule row with its start, deadline, owner and status.",
    ),
    RuleSpec(
        code="MP610",
        name="action-without-pillar",
        severity=INFO,
        title="An action has no 4P pillar (product, price, place, promotion).",
        message=Text("Action {id} sans pilier 4P", "Action {id} has no 4P pillar"),
        hint=Text(
            "Classez-la : produit, prix, distribution ou communication.",
            "Classify it: product, price, place or promotion.",
        ),
        why="the marketing mix shows whether the plan only communicates; the Summary sums spend by pillar.",
        example='A04 with an empty "4P pillar".',
        fix="pick the pillar from the dropdown.",
    ),
    RuleSpec(
        code="MP701",
        name="schedule-unknown-action",
        severity=ERROR,
        title="A schedule row (or a dependency) refers to an action id that is not in the actions table.",
        message=Text("Action « {ref} » inconnue", "Unknown action '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
        why="the row's dates, owner and status apply to nothing; dependencies on it cannot be checked.",
        example='"A27" scheduled, or "Depends on: A30", when actions go from A01 to A26.',
        fix="correct the id, or add the action on sheet 6.",
    ),
    RuleSpec(
        code="MP702",
        name="end-before-start",
        severity=ERROR,
        title="A schedule row's deadline is before its start.",
        message=Text(
            "Action {id} : échéance ({end}) avant le début ({start})",
            "Action {id}: deadline ({end}) before start ({start})",
        ),
        hint=Text("Corrigez l'une des deux dates.", "Correct one of the two dates."),
        why="the action counts as unscheduled: no monthly budget, no workload, no deadline alert.",
        example="start 15/05/2027, deadline 15/04/2027 (a typo in the month).",
        fix="correct the date.",
    ),
    RuleSpec(
        code="MP704",
        name="schedule-outside-period",
        severity=WARNING,
        title="A scheduled action starts before or ends after the plan period.",
        message=Text("Action {id} hors de la période du plan", "Action {id} outside the plan period"),
        hint=Text(
            "Ramenez ses dates dans la période ({start} – {end}).",
            "Bring its dates inside the period ({start} – {end}).",
        ),
        why="its cost partly falls outside this plan's budget and months.",
        example="a Christmas action ending 05/01/2028 in a 2027 plan.",
        fix="move the dates inside the period, or split the action between two plans.",
    ),
    RuleSpec(
        code="MP705",
        name="overdue",
        severity=WARNING,
        title="An action not done (and not cancelled) has a deadline before today.",
        message=Text("Action {id} en retard : échéance le {end}", "Action {id} overdue: deadline {end}"),
        hint=Text("Terminez-la, replanifiez-la ou marquez-la terminée.", "Finish it, reschedule it, or mark it done."),
        why="either it is late, or its status was not updated; both distort the plan's picture.",
        example='status "In progress", deadline 31/07/2027, today 10/08/2027.',
        fix="mark it done, or set a new deadline.",
    ),
    RuleSpec(
        code="MP706",
        name="due-soon",
        severity=INFO,
        title="An action not done is due within the due-soon window (14 days by default, in Settings).",
        message=Text(
            "Action {id} à échéance le {end} (dans {days} jours)", "Action {id} due on {end} (in {days} days)"
        ),
        hint=Text("Vérifiez qu'elle sera prête à temps.", "Check it will be ready in time."),
        why="a reminder, to act while there is still time.",
        example='deadline in 5 days, status "To do".',
        fix="nothing to fix; make sure it happens.",
    ),
    RuleSpec(
        code="MP707",
        name="not-started",
        severity=WARNING,
        title="An action's start date has passed but its status is still To do (or empty).",
        message=Text(
            "Action {id} : démarrage prévu le {start}, toujours « à faire »",
            "Action {id}: due to start on {start}, still 'to do'",
        ),
        hint=Text("Démarrez-la ou mettez à jour son statut et ses dates.", "Start it, or update its status and dates."),
        why="the first sign of a late action, weeks before its deadline.",
        example='start 01/06/2027, status "To do", today 10/08/2027.',
        fix='start it and set "In progress", or move its dates.',
    ),
    RuleSpec(
        code="MP708",
        name="starts-before-dependency",
        severity=WARNING,
        title="An action starts before one of the actions it depends on ends.",
        message=Text(
            "Action {id} démarre le {start}, avant la fin de {dep} ({dep_end})",
            "Action {id} starts on {start}, before {dep} ends ({dep_end})",
        ),
        hint=Text("Décalez le début après la fin de la dépendance.", "Start it after the dependency ends."),
        why='the dependency says "finish this first"; starting earlier means working without its result.',
        example="the tastings (A12) depend on the range launch (A11) ending 15/06 but start 01/06.",
        fix="move the start after the dependency's deadline, or remove the dependency.",
    ),
    RuleSpec(
        code="MP709",
        name="dependency-cycle",
        severity=ERROR,
        title="Actions depend on each other in a cycle (A depends on B, which depends on A).",
        message=Text("Dépendances circulaires : {cycle}", "Dependency cycle: {cycle}"),
        hint=Text("Supprimez l'une des dépendances du cycle.", "Remove one dependency of the cycle."),
        why="no order can satisfy a cycle; the schedule cannot be right.",
        example="A05 depends on A06 and A06 depends on A05.",
        fix="remove the dependency that is not real.",
    ),
    RuleSpec(
        code="MP710",
        name="late-for-peak",
        severity=WARNING,
        title="An action tied to a commercial peak starts after the peak starts (late or missed).",
        message=Text(
            "Action {id} démarre le {start}, après le début de « {peak} » ({peak_start})",
            "Action {id} starts on {start}, after '{peak}' starts ({peak_start})",
        ),
        hint=Text("Démarrez l'action avant le temps fort.", "Start the action before the peak."),
        why="a Mother's Day campaign that starts after Mother's Day has missed its moment.",
        example='"Commercial peak: Mother\'s Day 2027" (30/05) and start 02/06.',
        fix="start the action ahead of the peak.",
    ),
    RuleSpec(
        code="MP711",
        name="scheduled-without-owner",
        severity=WARNING,
        title="A scheduled action (not cancelled) has no owner.",
        message=Text("Action {id} planifiée sans responsable", "Scheduled action {id} has no owner"),
        hint=Text("Désignez un responsable.", "Name an owner."),
        why="nobody is accountable, and its workload is counted for nobody.",
        example='A14 scheduled with an empty "Owner".',
        fix="pick an owner from the team dropdown.",
    ),
    RuleSpec(
        code="MP712",
        name="gap-month",
        severity=INFO,
        title=(
            "A month of the plan period has no active action running (a gap in the calendar); "
            "not raised on a plan without any action."
        ),
        message=Text("Aucune action en cours en {month}", "No action running in {month}"),
        hint=Text(
            "Un mois sans action : voulu (congés) ou oubli ?", "A month without action: on purpose (holidays) or a gap?"
        ),
        why="customers forget brands that go silent; a gap may be deliberate (August) or an oversight.",
        example="nothing scheduled between 01/08 and 31/08.",
        fix="plan a light action (newsletter, social posts) or accept the gap.",
    ),
    RuleSpec(
        code="MP713",
        name="unknown-peak",
        severity=WARNING,
        title="A schedule row names a commercial peak that is not in the peaks table.",
        message=Text(
            "Temps fort « {peak} » absent du tableau des temps forts",
            "Commercial peak '{peak}' is not in the peaks table",
        ),
        hint=Text(
            "Choisissez un temps fort de la liste, écrit à l'identique.", "Pick a peak from the list, spelt the same."
        ),
        why="the action cannot be checked against its peak's date (MP710).",
        example='"Fête des mères" while the peaks table says "Fête des mères 2027".',
        fix="pick the peak from the dropdown, or add it to the peaks table.",
    ),
    RuleSpec(
        code="MP801",
        name="measurement-unknown-objective",
        severity=ERROR,
        title="A measurement refers to an objective id that is not in the objectives table.",
        message=Text("Mesure pour un objectif inconnu « {ref} »", "Measurement for an unknown objective '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 1.", "Use an id from sheet 1."),
        why="the value is left out of every objective's progress.",
        example='"O7" when objectives go from O1 to O6.',
        fix="correct the id.",
    ),
    RuleSpec(
        code="MP802",
        name="measurement-out-of-range",
        severity=WARNING,
        title="A measurement is dated outside the plan period or after today.",
        message=Text("Mesure datée du {date}, {why}", "Measurement dated {date}, {why}"),
        hint=Text("Vérifiez la date de la mesure.", "Check the measurement's date."),
        why=(
            "a future measurement is a typo (and is ignored for progress); one outside the period belongs "
            "to another plan."
        ),
        example="a measurement dated 31/12/2027 on 10/08/2027.",
        fix="correct the date.",
    ),
    RuleSpec(
        code="MP803",
        name="off-track",
        severity=WARNING,
        title="An objective is off track: its progress is more than 10 points behind the time elapsed.",
        message=Text(
            "Objectif {id} en retard : {progress} atteint pour {expected} attendu",
            "Objective {id} off track: {progress} reached where {expected} was expected",
        ),
        hint=Text(
            "Renforcez les actions de cet objectif ou revoyez la cible.",
            "Strengthen this objective's actions or revisit the target.",
        ),
        what=(
            "progress = (latest measurement − baseline) / (target − baseline); expected = share of the "
            "time elapsed between period start and the objective's deadline. Off track when progress < "
            "expected − 10 %."
        ),
        why="the earlier a drift is seen, the cheaper it is to correct.",
        example="34 % of the subscribers target reached at 61 % of the time.",
        fix="add or strengthen actions, or revise the target with management.",
    ),
    RuleSpec(
        code="MP804",
        name="no-measurement",
        severity=INFO,
        title="An objective has no measurement although the plan period has started.",
        message=Text("Objectif {id} sans aucune mesure", "Objective {id} has no measurement"),
        hint=Text(
            "Relevez l'indicateur au moins une fois par mois (onglet 8).", "Record the KPI at least monthly (sheet 8)."
        ),
        why="an objective nobody measures is not steered.",
        example="O5 in August with no row in the KPI log.",
        fix="record the KPI's value on sheet 8, at least monthly.",
    ),
    RuleSpec(
        code="MP805",
        name="overspend",
        severity=WARNING,
        title=(
            "An action's actual cost (its actuals rows added up) exceeds its estimate by more than the "
            "overspend threshold (10 %)."
        ),
        message=Text(
            "Action {id} : coût réel {actual} pour {cost} prévus (+{over})",
            "Action {id}: actual cost {actual} for {cost} planned (+{over})",
        ),
        hint=Text(
            "Expliquez le dépassement et ajustez les prochaines estimations.",
            "Explain the overrun and adjust the next estimates.",
        ),
        what=(
            "the action's actuals rows (one per invoice, order or month) are added up; the finding sits on "
            "the cost cell of its latest row (by date, then row)."
        ),
        why="overruns add up; seen action by action they can still be absorbed.",
        example="estimated 5,500 €, two invoices of 3,200 € (+16 %).",
        fix="explain it in the comment, and reduce other costs.",
    ),
    RuleSpec(
        code="MP806",
        name="actuals-unknown-action",
        severity=ERROR,
        title="An actuals row refers to an action id that is not in the actions table.",
        message=Text("Réalisé pour une action inconnue « {ref} »", "Actuals for an unknown action '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
        why="its cost and revenue are left out of the figures.",
        example='actuals for "A30" when actions go from A01 to A26.',
        fix="correct the id.",
    ),
    RuleSpec(
        code="MP807",
        name="late-reading",
        severity=WARNING,
        title=(
            "An objective's latest reading is older than the measurement interval while its time runs "
            "(today between period start and its deadline)."
        ),
        message=Text(
            "Objectif {id} : dernière mesure le {date}, il y a {days} jours (une tous les {every} jours)",
            "Objective {id}: latest reading on {date}, {days} days ago (one every {every} days)",
        ),
        hint=Text(
            "Relevez l'indicateur et ajoutez la mesure à l'onglet 8.",
            "Read the KPI and add the value on sheet 8.",
        ),
        what=(
            "the latest measurement dated on or before today is more than `measure_every_days` days old "
            "(Settings, 31 by default). One finding per objective, at its row. The objective's status is "
            "judged at the date of that reading: a late reading is this finding, not a red status."
        ),
        why="progress shown from an old reading is stale; a monthly plan review needs this month's figures.",
        example="O3 last measured on 30/04/2027, checked on 10/08/2027 (102 days).",
        fix="record the KPI's current value in the KPI log.",
    ),
    RuleSpec(
        code="MP808",
        name="actual-out-of-range",
        severity=WARNING,
        title="An actuals row is dated outside the plan period or after today.",
        message=Text("Réalisé daté du {date}, {why}", "Actuals line dated {date}, {why}"),
        hint=Text("Vérifiez la date de la facture.", "Check the invoice's date."),
        what=(
            "a dated actuals line must fall inside the plan period and not after today. Its amount still "
            "counts in the actual spend; a line after today is left out of the spend to date."
        ),
        why="a future date is usually a typo, and a line outside the period belongs to another plan.",
        example="an invoice dated 15/09/2027 when the report is made on 10/08/2027.",
        fix="correct the date, or move the line to the plan it belongs to.",
    ),
)

CATALOG: dict[str, RuleSpec] = {spec.code: spec for spec in SPECS}
BY_NAME: dict[str, RuleSpec] = {spec.name: spec for spec in SPECS}


def spec(code_or_name: str) -> RuleSpec | None:
    """A rule by its code (any case) or its name."""
    key = code_or_name.strip()
    return CATALOG.get(key.upper()) or BY_NAME.get(key.lower())
