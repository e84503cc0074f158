"""The rule catalogue: every finding mplan reports, declared once, sorted by code (SPEC section 3).

Each `RuleSpec` holds what a finding is (code, a short kebab-case name, severity), what it says (message
and hint, with `{placeholders}` the rule fills) and its documentation (a one-line title; what it checks,
why it matters, an example, how to fix). Everything a user reads is a `Text` in French and English.
`mplan rules`, docs/rules.md, docs/regles.md and every finding's wording come from here; the checks
themselves are small functions in the step modules (`@check("MP503")`), and the reader reports
MP001-MP008. A new rule is one `RuleSpec` here, in code order, plus one function.

The French documentation is typed with ordinary spaces; `RuleSpec` sets French typography's no-break
spaces itself (`french_typography`): before : ; ! ? % € and », after «, and in 70 000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import ERROR, INFO, WARNING
from ..i18n import NBSP, NNBSP, Text

# The step a code belongs to, by its third character (MP5xx: step 5), for grouped listings.
STEP_TITLES = {
    "0": Text("Lecture du classeur", "Reading the workbook"),
    "1": Text("Étape 1 · Objectifs", "Step 1 · Objectives"),
    "2": Text("Étape 2 · Personae", "Step 2 · Personas"),
    "3": Text("Étape 3 · Veille et PESTEL", "Step 3 · Watch and PESTEL"),
    "4": Text("Étape 4 · Canaux", "Step 4 · Channels"),
    "5": Text("Étape 5 · Budget et ressources", "Step 5 · Budget and resources"),
    "6": Text("Étape 6 · Actions", "Step 6 · Actions"),
    "7": Text("Étape 7 · Planning", "Step 7 · Schedule"),
    "8": Text("Étape 8 · Suivi", "Step 8 · Tracking"),
}
STEPS = {key: title.en for key, title in STEP_TITLES.items()}  # English, as before
SECTIONS = ("what", "why", "example", "fix")
HEADINGS = {
    "what": Text("Ce qui est vérifié", "What"),
    "why": Text("Pourquoi", "Why"),
    "example": Text("Exemple", "Example"),
    "fix": Text("Correction", "Fix"),
    "message": Text("Message", "Message"),
    "hint": Text("Conseil", "Hint"),
}
NO_TEXT = Text("", "")


def french_typography(text: str) -> str:
    """Ordinary spaces → no-break ones where French typography wants them, outside `code` spans.

    A no-break space before : ; ! ? % € and », after «; a narrow one between groups of thousands
    ("70 000 €" → "70\u202f000\u00a0€"). Code spans (`1 200,50 €`, values as typed) are left alone.
    """
    parts = text.split("`")
    for i in range(0, len(parts), 2):  # the even parts are outside backticks
        part = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NNBSP, parts[i])
        part = re.sub(r" (?=[:;!?%€»])", NBSP, part)
        parts[i] = re.sub(r"(?<=«) ", NBSP, part)
    return "`".join(parts)


@dataclass(frozen=True)
class RuleSpec:
    code: str  # MP + step digit + two digits
    name: str  # kebab-case, unique: `mplan rules overload`
    severity: str
    title: Text  # one line: what the finding means
    message: Text  # with {placeholders} filled by the rule's values
    hint: Text
    what: Text = NO_TEXT  # how the check works, when the title is not enough
    why: Text = NO_TEXT
    example: Text = NO_TEXT
    fix: Text = NO_TEXT

    def __post_init__(self) -> None:
        for key in ("title", *SECTIONS):  # message and hint are written into workbooks as they are
            text: Text = getattr(self, key)
            object.__setattr__(self, key, Text(french_typography(text.fr), text.en))

    @property
    def step(self) -> str:
        return STEPS[self.code[2]]

    def step_title(self, lang: str = "en") -> str:
        return STEP_TITLES[self.code[2]](lang)

    def sections(self, lang: str = "en") -> dict[str, str]:
        """The documentation sections this rule has, in order (What, Why, Example, Fix), in one language."""
        texts = {key: getattr(self, key)(lang) for key in SECTIONS}
        return {HEADINGS[key](lang): text for key, text in texts.items() if text}

    def to_dict(self) -> dict:
        """The rule as data; every text in both languages: {"fr": …, "en": …}."""
        texts = ("title", "message", "hint", *SECTIONS)
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "step": int(self.code[2]),
            **{key: {"fr": getattr(self, key).fr, "en": getattr(self, key).en} for key in texts},
        }


SPECS: tuple[RuleSpec, ...] = (
    RuleSpec(
        code="MP001",
        name="table-missing",
        severity=ERROR,
        title=Text("Un tableau du plan est introuvable.", "A table of the plan cannot be found."),
        message=Text("Tableau {table} introuvable", "Table {table} not found"),
        hint=Text(
            "Recréez le tableau avec ses en-têtes (voir un modèle mplan init).",
            "Recreate the table with its headers (see a template from mplan init).",
        ),
        what=Text(
            (
                "chacun des 14 tableaux (objectifs, personae, veille, PESTEL, canaux, équipe, frais fixes, actions, "
                "SWOT, planning, temps forts, relevés des indicateurs, réalisé, paramètres) est cherché par son nom de "
                "tableau Excel (`tbl_objectives`, …), puis par sa ligne d'en-têtes sur l'onglet de son étape, puis sur "
                "n'importe quel onglet."
            ),
            (
                "each of the 14 tables (objectives, personas, watch, PESTEL, channels, team, overheads, actions, "
                "SWOT, schedule, peaks, measurements, actuals, settings) is looked for by its Excel table name "
                "(`tbl_objectives`, …), then by its header row on its step's sheet, then on any sheet."
            ),
        ),
        why=Text(
            "les règles qui ont besoin d'un tableau absent ne s'appliquent pas : le plan n'est donc pas vraiment vérifié.",
            "the rules that need a missing table are skipped, so the plan is not really checked.",
        ),
        example=Text(
            "l'onglet « 3 Veille » a été vidé et son tableau supprimé.",
            'the sheet "3 Veille" was cleared and its table deleted.',
        ),
        fix=Text(
            "recopiez le tableau avec sa ligne d'en-têtes depuis un modèle vierge (`mplan init`).",
            "copy the table with its header row from a fresh template (`mplan init`).",
        ),
    ),
    RuleSpec(
        code="MP002",
        name="column-missing",
        severity=ERROR,
        title=Text("Une colonne obligatoire manque dans un tableau.", "A required column is missing from a table."),
        message=Text(
            "Colonne obligatoire « {column} » absente de {table}", "Required column '{column}' missing from {table}"
        ),
        hint=Text("Ajoutez une colonne intitulée « {column} ».", "Add a column headed '{column}'."),
        what=Text(
            (
                "le tableau a été trouvé, mais l'un de ses en-têtes obligatoires n'y est pas (les intitulés sont "
                "reconnus en français ou en anglais, sans tenir compte des majuscules, des accents ni des espaces autour)."
            ),
            (
                "the table was found but one of its required headers is not there (labels are matched in "
                "French or English, ignoring case, accents and surrounding spaces)."
            ),
        ),
        why=Text(
            "les lignes sont quand même lues, mais les règles qui ont besoin de cette colonne ne s'appliquent pas.",
            "the rows are still read, but the rules that need that column are skipped.",
        ),
        example=Text(
            "l'en-tête « Cible » du tableau des objectifs a été renommé « Valeur visée ».",
            'the "Cible" header of the objectives table was renamed "Valeur visée".',
        ),
        fix=Text(
            "redonnez à la colonne son intitulé (« Cible » / « Target »).",
            'name the column back with its label ("Cible" / "Target").',
        ),
    ),
    RuleSpec(
        code="MP004",
        name="value-unreadable",
        severity=ERROR,
        title=Text(
            "La valeur d'une cellule ne peut pas être interprétée selon le type de sa colonne.",
            "A cell's value cannot be interpreted for its column type.",
        ),
        message=Text("« {value} » dans « {column} » n'est pas {expected}", "'{value}' in '{column}' is not {expected}"),
        hint=Text(
            "Corrigez la cellule (nombre, date jj/mm/aaaa ou valeur de la liste).",
            "Fix the cell (a number, a date such as 15/03/2027, or a value from the list).",
        ),
        what=Text(
            (
                "mplan comprend les nombres et les montants (`1 200,50 €`, `1,200.50`, `4.500 €` dans un plan "
                "français), les pourcentages (`25 %`), les dates (`15/03/2027`, `15-Mar-27`, `2027/03/15`, "
                "`15 mars 2027`, `lundi 15 mars 2027`, `T2`, `fin d'année` ; dans un plan américain, les dates avec `/` "
                "commencent par le mois), les choix de la liste (dans l'une ou l'autre langue) et oui/non ; tout le "
                "reste est signalé à sa cellule et compté comme vide. De même pour une valeur lisible de deux façons "
                "(`€4,500` dans un plan français : 4 500 ou 4,5 ?) et pour une valeur hors des limites de sa colonne "
                "(un avancement de 150 %, une charge négative) : jamais de supposition silencieuse. Voir "
                "docs/workbook.md, « How values are read »."
            ),
            (
                "numbers and amounts (`1 200,50 €`, `1,200.50`, `4.500 €` in a French plan), percents (`25 %`), "
                "dates (`15/03/2027`, `15-Mar-27`, `2027/03/15`, `15 mars 2027`, `lundi 15 mars 2027`, `T2`, "
                "`fin d'année`; month-first `/` dates in a US plan), choices from the list (either language) and "
                "yes/no are understood; anything else is reported at its cell and counted as empty. So is a value "
                "that could be read two ways (`€4,500` in a French plan: 4 500 or 4,5?) and one outside its "
                "column's range (a progress of 150 %, a negative effort): never a silent guess. See "
                'docs/workbook.md, "How values are read".'
            ),
        ),
        why=Text(
            "une valeur illisible fausse sans bruit chaque total qui l'utilise.",
            "a value that cannot be read is silently wrong in every total that uses it.",
        ),
        example=Text("« beaucoup » saisi dans « Coût estimé ».", '"beaucoup" typed in "Coût estimé".'),
        fix=Text(
            "saisissez un nombre, une date ou une valeur de la liste déroulante.",
            "type a number, a date or a value from the dropdown.",
        ),
    ),
    RuleSpec(
        code="MP005",
        name="duplicate-id",
        severity=ERROR,
        title=Text("Identifiant en double dans un tableau.", "Duplicate id in a table."),
        message=Text("Identifiant en double : {value}", "Duplicate id: {value}"),
        hint=Text("Donnez un identifiant unique à chaque ligne.", "Give each row a unique id."),
        what=Text(
            (
                "les identifiants doivent être uniques dans les objectifs, les personae, les actions et les temps forts ; "
                "de même pour les noms des canaux, les membres de l'équipe et les ID d'action du planning. Les "
                "identifiants sont comparés sans tenir compte des majuscules ni des espaces. Le tableau du réalisé fait "
                "exception (contrat v2) : une action peut y avoir une ligne par facture, par commande ou par mois."
            ),
            (
                "ids must be unique in objectives, personas, actions and peaks; channel names, team members, "
                "and the action ids of the schedule too. Ids compare ignoring case and spaces. The actuals table "
                "is the exception (contract v2): an action may have one row per invoice, order or month."
            ),
        ),
        why=Text(
            (
                "une référence à un identifiant en double est ambiguë : coûts et avancement seraient comptés deux fois "
                "ou perdus."
            ),
            "a reference to a duplicated id is ambiguous: costs and progress would be counted twice or lost.",
        ),
        example=Text("deux actions portent l'ID A07.", "two actions with id A07."),
        fix=Text(
            "renumérotez l'une d'elles (et les lignes qui y font référence).",
            "renumber one of them (and the rows that refer to it).",
        ),
    ),
    RuleSpec(
        code="MP006",
        name="required-value-missing",
        severity=ERROR,
        title=Text(
            "Une valeur obligatoire manque sur une ligne non vide.",
            "A required value is missing on a row that has content.",
        ),
        message=Text("Valeur obligatoire manquante : « {column} »", "Required value missing: '{column}'"),
        hint=Text("Renseignez « {column} » sur cette ligne.", "Fill in '{column}' on this row."),
        what=Text(
            (
                "sur chaque ligne qui contient au moins une valeur, chaque colonne obligatoire (en-tête bleu foncé) doit "
                "être renseignée. Une cellule déjà signalée comme illisible (MP004, MP007, MP008) ne l'est pas une "
                "seconde fois ; la cible et l'échéance des objectifs et le coût des actions ont leurs propres règles "
                "(MP102, MP104, MP605)."
            ),
            (
                "on every row with at least one value, each required column (dark blue header) must be filled. "
                "A cell already reported as unreadable (MP004, MP007, MP008) is not reported again, and objective "
                "targets and deadlines and action costs have rules of their own (MP102, MP104, MP605)."
            ),
        ),
        why=Text(
            "une ligne sans ses valeurs clés est inutilisable : une action sans objectif ne sert à rien.",
            "a row without its key values cannot be used: an action without an objective serves nothing.",
        ),
        example=Text(
            "une ligne du planning avec une date de début mais sans échéance.",
            "a schedule row with a start date but no deadline.",
        ),
        fix=Text("remplissez la cellule, ou supprimez la ligne.", "fill in the cell, or delete the row."),
    ),
    RuleSpec(
        code="MP007",
        name="formula-without-value",
        severity=WARNING,
        title=Text(
            "Une cellule contenant une formule n'a pas de valeur calculée (le fichier a été enregistré sans calcul).",
            "A formula cell has no calculated value (the file was saved without calculation).",
        ),
        message=Text(
            "Formule sans valeur calculée dans « {column} » : traitée comme vide",
            "Formula without a calculated value in '{column}': treated as empty",
        ),
        hint=Text(
            "Ouvrez le classeur, recalculez (F9) et enregistrez-le.", "Open the workbook, recalculate (F9) and save it."
        ),
        what=Text(
            (
                "mplan lit les valeurs enregistrées par le tableur ; une formule écrite par un programme et jamais "
                "recalculée n'en a pas : elle compte donc comme vide."
            ),
            (
                "mplan reads the values the spreadsheet saved; a formula written by a program and never "
                "recalculated has none, so it counts as empty."
            ),
        ),
        why=Text("les chiffres omettraient cette valeur sans prévenir.", "the figures would silently miss that value."),
        example=Text(
            "un coût `=B5*3` dans un classeur généré par un script et jamais ouvert.",
            "a cost `=B5*3` in a workbook generated by a script and never opened.",
        ),
        fix=Text(
            "ouvrez le classeur dans Excel ou LibreOffice, recalculez (F9) et enregistrez-le.",
            "open the workbook in Excel or LibreOffice, recalculate (F9) and save.",
        ),
    ),
    RuleSpec(
        code="MP008",
        name="excel-error",
        severity=ERROR,
        title=Text(
            "Une cellule de saisie contient une valeur d'erreur Excel (#REF!, #DIV/0!, #N/A, #VALEUR!, …).",
            "An input cell holds an Excel error value (#REF!, #DIV/0!, #N/A, #VALUE!, …).",
        ),
        message=Text("Erreur Excel {error} dans « {column} »", "Excel error {error} in '{column}'"),
        hint=Text("Corrigez la formule ou remplacez-la par une valeur.", "Fix the formula or type a value instead."),
        why=Text(
            "l'erreur se propage à tous les totaux ; mplan compte la cellule comme vide et indique où elle se trouve.",
            "the error propagates to every total; mplan counts the cell as empty and says where it is.",
        ),
        example=Text(
            "`#REF!` dans « Gain attendu » après la suppression d'une colonne.",
            '`#REF!` in "Gain attendu" after a column was deleted.',
        ),
        fix=Text("réparez la formule ou saisissez la valeur.", "repair the formula or type the value."),
    ),
    RuleSpec(
        code="MP010",
        name="period-invalid",
        severity=ERROR,
        title=Text(
            "La période du plan manque, ou sa fin n'est pas postérieure à son début.",
            "The plan period is missing, or its end is not after its start.",
        ),
        message=Text("Période du plan absente ou fin avant le début", "Plan period missing or end not after start"),
        hint=Text(
            "Renseignez le début et la fin de période dans les Paramètres.",
            "Fill in the period start and end in Settings.",
        ),
        why=Text(
            (
                "échéances, rythme des dépenses, budgets mensuels et avancement des objectifs sont tous mesurés par "
                "rapport à la période."
            ),
            "deadlines, pacing, monthly budgets and objective progress are all measured against the period.",
        ),
        example=Text(
            "« Fin de période » au 31/12/2026 et « Début de période » au 01/01/2027.",
            '"Fin de période" 31/12/2026 with "Début de période" 01/01/2027.',
        ),
        fix=Text("renseignez les deux dates dans l'onglet « Paramètres ».", "set both dates in the Settings sheet."),
    ),
    RuleSpec(
        code="MP011",
        name="period-too-long",
        severity=WARNING,
        title=Text("La période du plan dépasse 24 mois.", "The plan period is longer than 24 months."),
        message=Text("Période du plan de {months} mois (plus de 24)", "Plan period of {months} months (over 24)"),
        hint=Text(
            "Un plan d'action couvre en général 12 mois : découpez-le.",
            "An action plan usually covers 12 months: split it.",
        ),
        why=Text(
            "un plan d'action est un outil annuel ; au-delà de deux ans, actions et budgets relèvent de la conjecture.",
            "an action plan is a one-year tool; beyond two years actions and budgets are guesses.",
        ),
        example=Text("une période du 01/01/2027 au 31/12/2029.", "a period from 01/01/2027 to 31/12/2029."),
        fix=Text(
            "limitez ce plan à 12 mois et commencez-en un autre pour l'année suivante.",
            "keep this plan to 12 months and start another one for the following year.",
        ),
    ),
    RuleSpec(
        code="MP012",
        name="currency-not-iso",
        severity=WARNING,
        title=Text(
            "La devise n'est pas un code ISO 4217 de trois lettres.",
            "The currency is not a three-letter ISO 4217 code.",
        ),
        message=Text(
            "Devise « {currency} » : un code de trois lettres est attendu (EUR, USD…)",
            "Currency '{currency}': a three-letter code is expected (EUR, USD…)",
        ),
        hint=Text(
            "Choisissez la devise dans la liste ; les montants sont affichés sans symbole d'ici là.",
            "Pick the currency from the list; amounts are shown without a symbol until then.",
        ),
        what=Text(
            "la devise des Paramètres doit être un code ISO 4217 : trois lettres, comme EUR, USD ou CHF.",
            "the Settings currency must be an ISO 4217 code: three letters, such as EUR, USD or CHF.",
        ),
        why=Text(
            "la devise entre dans le format des montants écrit dans le classeur ; un texte quelconque "
            "(guillemets, 300 caractères) y serait invalide et Excel réparerait le fichier.",
            "the currency goes into the number format of every amount written into the workbook; free text "
            "(quotes, 300 characters) would make it invalid and Excel would repair the file.",
        ),
        example=Text("« euros » au lieu de EUR.", "'euros' instead of EUR."),
        fix=Text("choisissez le code dans la liste déroulante.", "pick the code from the dropdown."),
    ),
    RuleSpec(
        code="MP101",
        name="no-objective",
        severity=ERROR,
        title=Text("Le plan n'a aucun objectif.", "The plan has no objective."),
        message=Text("Aucun objectif", "No objective"),
        hint=Text("Fixez trois à six objectifs SMART à l'étape 1.", "Set three to six SMART objectives in step 1."),
        why=Text(
            "chaque action doit servir un objectif ; sans objectif, le plan ne peut être ni piloté ni mesuré.",
            "every action must serve an objective; without one the plan cannot be steered or measured.",
        ),
        example=Text("le tableau des objectifs est vide.", "the objectives table is empty."),
        fix=Text(
            "rédigez trois à six objectifs SMART dans l'onglet « 1 Objectifs ».",
            "write three to six SMART objectives on sheet 1.",
        ),
    ),
    RuleSpec(
        code="MP102",
        name="objective-without-target",
        severity=ERROR,
        title=Text(
            "Un objectif n'a pas de cible chiffrée (il n'est pas Mesurable).",
            "An objective has no numeric target (it is not Measurable).",
        ),
        message=Text("Objectif {id} sans cible chiffrée (non mesurable)", "Objective {id} has no numeric target"),
        hint=Text("Indiquez la valeur à atteindre, par exemple 1500.", "Type the value to reach, for example 1500."),
        why=Text(
            "l'avancement se mesure par rapport à la cible ; sans elle, l'état de l'objectif est inconnu.",
            "progress is measured against the target; without it the objective's status is unknown.",
        ),
        example=Text(
            "O2 « Développer la communauté » avec une « Cible » vide.",
            'O2 "Grow the community" with an empty "Target".',
        ),
        fix=Text(
            "saisissez la valeur à atteindre à l'échéance, par exemple 15 000.",
            "type the value to reach by the deadline, for example 15000.",
        ),
    ),
    RuleSpec(
        code="MP103",
        name="objective-without-kpi",
        severity=WARNING,
        title=Text(
            "Un objectif n'a pas de nom d'indicateur ou pas d'unité.", "An objective has no KPI name or no unit."
        ),
        message=Text("Objectif {id} sans indicateur ou sans unité", "Objective {id} has no KPI name or unit"),
        hint=Text("Nommez l'indicateur suivi et son unité.", "Name the KPI tracked and its unit."),
        why=Text(
            (
                "un nombre sans son indicateur ni son unité (« 1 500 quoi ? ») ne peut pas être mesuré de façon "
                "cohérente d'un mois sur l'autre."
            ),
            (
                'a number without its indicator and unit ("1500 what?") cannot be measured consistently month after month.'
            ),
        ),
        example=Text(
            "une cible de 1 500 avec « Indicateur (KPI) » et « Unité » vides.",
            'target 1500 with empty "KPI" and "Unit".',
        ),
        fix=Text(
            "nommez l'indicateur (« Abonnés actifs ») et son unité (« abonnés »).",
            'name the indicator ("Active subscribers") and its unit ("subscribers").',
        ),
    ),
    RuleSpec(
        code="MP104",
        name="objective-without-deadline",
        severity=ERROR,
        title=Text(
            "Un objectif n'a pas d'échéance (il n'est pas Temporellement défini).",
            "An objective has no deadline (it is not Time-bound).",
        ),
        message=Text("Objectif {id} sans échéance (non temporel)", "Objective {id} has no deadline"),
        hint=Text("Indiquez la date d'atteinte de la cible.", "Type the date by which the target is reached."),
        why=Text(
            "sans échéance, il n'y a ni avancement attendu auquel se comparer, ni urgence.",
            "without a deadline there is no expected progress to compare with, and no urgency.",
        ),
        example=Text("O3 avec une « Échéance » vide.", 'O3 with an empty "Deadline".'),
        fix=Text(
            "saisissez la date à laquelle la cible doit être atteinte, par exemple 30/09/2027 ou T3.",
            "type the date by which the target must be reached, for example 30/09/2027 or T3.",
        ),
    ),
    RuleSpec(
        code="MP105",
        name="deadline-outside-period",
        severity=WARNING,
        title=Text(
            "L'échéance d'un objectif tombe hors de la période du plan.",
            "An objective's deadline falls outside the plan period.",
        ),
        message=Text(
            "Échéance de l'objectif {id} hors de la période du plan", "Objective {id} deadline outside the plan period"
        ),
        hint=Text("Placez l'échéance entre le {start} et le {end}.", "Set the deadline between {start} and {end}."),
        why=Text(
            (
                "les actions et le budget du plan ne couvrent que la période ; une cible à atteindre plus tard ne "
                "relève pas de ce plan."
            ),
            "the plan's actions and budget cover the period only; a target due later is not this plan's.",
        ),
        example=Text("une échéance au 30/06/2028 dans un plan 2027.", "deadline 30/06/2028 in a 2027 plan."),
        fix=Text(
            "ramenez l'échéance dans la période, ou reportez l'objectif au plan de l'année suivante.",
            "move the deadline inside the period, or move the objective to next year's plan.",
        ),
    ),
    RuleSpec(
        code="MP106",
        name="vague-objective",
        severity=WARNING,
        title=Text(
            "La formulation d'un objectif est trop vague : moins de 4 mots (il n'est pas Spécifique).",
            "An objective's wording is too vague: fewer than 4 words (it is not Specific).",
        ),
        message=Text("Objectif {id} trop vague (moins de 4 mots)", "Objective {id} too vague (fewer than 4 words)"),
        hint=Text("Précisez : quoi, pour qui, de combien.", "Be specific: what, for whom, by how much."),
        why=Text(
            "« Plus de ventes » ne dit ni quoi, ni pour qui, ni de combien ; l'équipe ne peut pas s'en servir pour agir.",
            '"More sales" does not say what, for whom or how much; the team cannot act on it.',
        ),
        example=Text("« Notoriété ».", '"Notoriété".'),
        fix=Text(
            "rédigez une phrase complète : « Augmenter de 25 % les ventes en ligne de la gamme bio ».",
            'write a full sentence: "Grow online sales of the organic range by 25%".',
        ),
    ),
    RuleSpec(
        code="MP107",
        name="unrealistic-target",
        severity=WARNING,
        title=Text(
            (
                "La cible d'un objectif est irréaliste : plus de 300 % d'écart avec la valeur de départ, ou égale à "
                "celle-ci."
            ),
            "An objective's target is unrealistic: more than 300 % change from the baseline, or equal to it.",
        ),
        message=Text("Cible de l'objectif {id} irréaliste : {why}", "Objective {id} target unrealistic: {why}"),
        hint=Text("Revoyez la cible ou la valeur de départ.", "Review the target or the baseline."),
        why=Text(
            (
                "une cible à quatre fois la valeur de départ est rarement Atteignable en un an ; une cible égale à la "
                "valeur de départ ne demande rien, et son avancement ne peut pas être calculé."
            ),
            (
                "a target four times the baseline is rarely Achievable in a year; a target equal to the "
                "baseline asks for nothing and its progress cannot be computed."
            ),
        ),
        example=Text("valeur de départ 1 000 abonnés, cible 10 000.", "baseline 1000 followers, target 10000."),
        fix=Text(
            (
                "fixez une cible que vous pouvez justifier (historique, marché, moyens) et expliquez-la dans "
                "« Justification (atteignable, réaliste) »."
            ),
            'set a target you can justify (history, market, means), and explain it in "Rationale".',
        ),
    ),
    RuleSpec(
        code="MP108",
        name="objective-without-owner",
        severity=WARNING,
        title=Text("Un objectif n'a pas de responsable.", "An objective has no owner."),
        message=Text("Objectif {id} sans responsable", "Objective {id} has no owner"),
        hint=Text("Désignez un membre de l'équipe.", "Name a team member."),
        why=Text(
            "un objectif dont tout le monde est responsable n'est suivi par personne.",
            "an objective everybody owns is an objective nobody follows.",
        ),
        example=Text("O4 avec un « Responsable » vide.", 'O4 with an empty "Owner".'),
        fix=Text("choisissez un membre de l'équipe dans la liste déroulante.", "pick a team member from the dropdown."),
    ),
    RuleSpec(
        code="MP109",
        name="objective-without-rationale",
        severity=INFO,
        title=Text(
            "Un objectif n'a pas de lien avec la stratégie ou pas de justification.",
            "An objective has no strategic link or no rationale.",
        ),
        message=Text(
            "Objectif {id} sans lien stratégique ni justification", "Objective {id} has no strategic link or rationale"
        ),
        hint=Text(
            "Expliquez pourquoi cet objectif compte et pourquoi il est atteignable.",
            "Say why it matters and why it is achievable.",
        ),
        why=Text(
            (
                "le lien dit pourquoi l'objectif compte pour l'entreprise ; la justification dit pourquoi la cible est "
                "Atteignable et Réaliste. Les deux convainquent la direction qui valide le budget."
            ),
            (
                "the link says why the objective matters to the company; the rationale says why the target "
                "is Achievable and Realistic. Both convince the director who approves the budget."
            ),
        ),
        example=Text("O5 avec « Lien avec la stratégie » vide.", 'O5 with empty "Strategic link".'),
        fix=Text("une phrase pour chacun.", "one sentence each."),
    ),
    RuleSpec(
        code="MP110",
        name="objective-without-action",
        severity=WARNING,
        title=Text(
            "Aucune action (non annulée) ne sert cet objectif.", "No (not cancelled) action serves this objective."
        ),
        message=Text("Aucune action ne sert l'objectif {id}", "No action serves objective {id}"),
        hint=Text("Ajoutez une action liée à cet objectif à l'étape 6.", "Add an action for this objective in step 6."),
        why=Text(
            "un objectif sans action ne sera pas atteint tout seul.",
            "an objective without actions will not be reached by itself.",
        ),
        example=Text(
            "O6 « Signer 25 comptes entreprises » et aucune action dont l'« Objectif lié » est O6.",
            'O6 "Sign 25 corporate accounts" and no action whose "Objective" is O6.',
        ),
        fix=Text(
            "ajoutez-lui des actions dans l'onglet « 6 Actions », ou abandonnez l'objectif.",
            "add actions for it on sheet 6, or drop the objective.",
        ),
    ),
    RuleSpec(
        code="MP201",
        name="no-persona",
        severity=WARNING,
        title=Text("Le plan ne décrit aucun persona.", "The plan describes no persona."),
        message=Text("Aucun persona", "No persona"),
        hint=Text("Décrivez au moins un persona à l'étape 2.", "Describe at least one persona in step 2."),
        why=Text(
            "sans portrait de votre cible, canaux et messages sont choisis à l'aveugle.",
            "without a picture of who you target, channels and messages are chosen blind.",
        ),
        example=Text("le tableau des personae est vide.", "the personas table is empty."),
        fix=Text(
            "décrivez deux à quatre personae dans l'onglet « 2 Personae ».", "describe two to four personas on sheet 2."
        ),
    ),
    RuleSpec(
        code="MP202",
        name="persona-without-needs",
        severity=WARNING,
        title=Text("Un persona n'a ni problématiques ni besoins.", "A persona has no pain points and needs."),
        message=Text("Persona {id} sans problématiques ni besoins", "Persona {id} has no pain points or needs"),
        hint=Text("Décrivez ce qui le gêne et ce qu'il cherche.", "Describe what bothers them and what they look for."),
        why=Text(
            (
                "les besoins sont ce à quoi répondent les actions ; un persona réduit à une tranche d'âge est un "
                "segment, pas un persona."
            ),
            "needs are what the actions answer; a persona reduced to an age range is a segment, not a persona.",
        ),
        example=Text("P3 avec « Problématiques et besoins » vide.", 'P3 with an empty "Pain points and needs".'),
        fix=Text(
            "une ou deux phrases tirées d'entretiens ou d'enquêtes.", "one or two sentences from interviews or surveys."
        ),
    ),
    RuleSpec(
        code="MP203",
        name="persona-not-reviewed",
        severity=WARNING,
        title=Text(
            (
                "Un persona n'a jamais été révisé, ou pas depuis plus de `persona_review_months` mois (« Revue des "
                "personae (mois) » dans les Paramètres, 12 par défaut)."
            ),
            "A persona was never reviewed, or not for more than `persona_review_months` (Settings, 12 by default).",
        ),
        message=Text("Persona {id} {why}", "Persona {id} {why}"),
        hint=Text(
            "Révisez-le avec des données récentes et datez la révision.",
            "Review it with recent data and date the review.",
        ),
        why=Text(
            (
                "les habitudes et les canaux changent ; un persona vieux de trois ans oriente mal le budget "
                "d'aujourd'hui."
            ),
            "habits and channels change; a persona from three years ago steers today's budget wrongly.",
        ),
        example=Text(
            "« Dernière révision » au 01/11/2025, vérifié le 10/08/2027.",
            '"Last reviewed" 01/11/2025 checked on 10/08/2027.',
        ),
        fix=Text(
            ("révisez le persona (enquête, CRM, retours des commerciaux) et mettez à jour « Dernière révision »."),
            'review the persona (survey, CRM, sales feedback) and update "Last reviewed".',
        ),
    ),
    RuleSpec(
        code="MP204",
        name="persona-without-action",
        severity=WARNING,
        title=Text(
            "Aucune action (non annulée) ne cible un persona.", "A persona is targeted by no (not cancelled) action."
        ),
        message=Text("Persona {id} ciblé par aucune action", "Persona {id} targeted by no action"),
        hint=Text(
            "Ciblez-le dans au moins une action, ou retirez-le.", "Target them in at least one action, or remove them."
        ),
        why=Text(
            (
                "un persona auquel le plan ne s'adresse jamais n'est pas une cible, ou bien révèle un manque dans le "
                "plan."
            ),
            "a persona the plan never addresses is either not a target or a gap in the plan.",
        ),
        example=Text(
            "P4 n'apparaît jamais dans les « Personae ciblés » des actions.",
            'P4 never appears in the actions\' "Target personas".',
        ),
        fix=Text(
            "ciblez-le dans une action, ou retirez le persona.", "target them in an action, or remove the persona."
        ),
    ),
    RuleSpec(
        code="MP301",
        name="watch-type-missing",
        severity=INFO,
        title=Text(
            (
                "L'un des quatre types de veille (commerciale, concurrentielle, marché, technologique) n'a aucune "
                "entrée."
            ),
            "One of the four watch types (commercial, competitive, market, technology) has no entry.",
        ),
        message=Text("Aucune veille de type « {type} »", "No '{type}' watch entry"),
        hint=Text("Ajoutez au moins une observation de ce type.", "Add at least one observation of this type."),
        why=Text(
            "une veille qui ne suit que les concurrents passe à côté des évolutions du marché et des technologies.",
            "a watch that only follows competitors misses market and technology shifts.",
        ),
        example=Text(
            "aucune ligne « Technologique » dans le journal de veille.", 'no "Technology" row in the watch log.'
        ),
        fix=Text("ajoutez au moins une observation de chaque type.", "add at least one observation of each type."),
    ),
    RuleSpec(
        code="MP302",
        name="pestel-factor-missing",
        severity=INFO,
        title=Text(
            (
                "Un facteur PESTEL (politique, économique, socioculturel, technologique, environnemental, légal) n'a "
                "aucune entrée."
            ),
            "A PESTEL factor (political, economic, social, technological, environmental, legal) has no entry.",
        ),
        message=Text("Facteur PESTEL « {factor} » sans constat", "PESTEL factor '{factor}' has no finding"),
        hint=Text(
            "Ajoutez un constat pour ce facteur, même « sans impact ».",
            "Add a finding for this factor, even 'no impact'.",
        ),
        why=Text(
            "une analyse PESTEL n'est utile que complète : le facteur que vous négligez est celui qui vous surprend.",
            "PESTEL is useful only when complete: the factor you skip is the one that surprises you.",
        ),
        example=Text("aucune ligne « Légal ».", 'no "Legal" row.'),
        fix=Text(
            "ajoutez un constat par facteur, même pour dire que l'impact est faible.",
            "add a finding per factor, even one that says the impact is low.",
        ),
    ),
    RuleSpec(
        code="MP401",
        name="channel-without-objective",
        severity=WARNING,
        title=Text("Un canal retenu ne sert aucun objectif.", "A selected channel serves no objective."),
        message=Text(
            "Canal retenu « {channel} » sans objectif servi", "Selected channel '{channel}' serves no objective"
        ),
        hint=Text(
            "Indiquez les objectifs qu'il sert (ex. O1, O3) ou ne le retenez pas.",
            "List the objectives it serves (e.g. O1, O3) or unselect it.",
        ),
        why=Text(
            "un canal est retenu parce qu'il sert des objectifs ; sinon, c'est une habitude, pas une stratégie.",
            "a channel is selected because it serves objectives; otherwise it is habit, not strategy.",
        ),
        example=Text(
            "« Radio » retenu avec « Objectifs servis » vide.", '"Radio" selected with empty "Objectives served".'
        ),
        fix=Text(
            "indiquez les ID des objectifs qu'il sert, ou mettez « Retenu » à Non.",
            'list the objective ids it serves, or set "Selected" to No.',
        ),
    ),
    RuleSpec(
        code="MP402",
        name="action-on-unselected-channel",
        severity=WARNING,
        title=Text(
            "Une action utilise un canal qui n'est pas marqué comme retenu dans l'onglet « 4 Canaux ».",
            "An action uses a channel that is not marked selected on sheet 4.",
        ),
        message=Text(
            "Action {id} sur le canal « {channel} », non retenu", "Action {id} uses channel '{channel}', not selected"
        ),
        hint=Text("Retenez ce canal à l'étape 4 ou changez de canal.", "Select this channel in step 4 or use another."),
        why=Text(
            (
                "le choix des canaux de l'étape 4 doit guider les actions ; sinon, l'argent va là où il n'était pas "
                "prévu."
            ),
            "the channel choice of step 4 should drive the actions; money goes where it was not planned.",
        ),
        example=Text(
            "une action sur « Facebook » alors que « Retenu » est vide pour Facebook.",
            'an action on "Facebook" while Facebook\'s "Selected" is empty.',
        ),
        fix=Text(
            "retenez le canal (avec sa justification) ou déplacez l'action vers un canal retenu.",
            "select the channel (with its rationale) or move the action to a selected channel.",
        ),
    ),
    RuleSpec(
        code="MP403",
        name="audience-mismatch",
        severity=WARNING,
        title=Text(
            (
                "Canal inadapté à l'audience : un persona de 55 ans et plus est ciblé via un réseau surtout fréquenté par les "
                "jeunes (TikTok, Snapchat, …)."
            ),
            "Audience mismatch: a persona aged 55+ is targeted through a youth-skewed network (TikTok, Snapchat, …).",
        ),
        message=Text(
            "Persona {persona} (55 ans et +) ciblé via {channel}", "Persona {persona} (55+) targeted through {channel}"
        ),
        hint=Text(
            "Ce réseau touche surtout les moins de 35 ans : choisissez un canal adapté.",
            "This network mostly reaches under-35s: choose a channel that fits.",
        ),
        why=Text(
            "ces réseaux touchent peu de personnes de plus de 55 ans ; le budget manquerait sa cible.",
            "these networks reach few people over 55; the budget would miss its target.",
        ),
        example=Text(
            "une action sur TikTok ciblant P2, « Tranche d'âge » 55+.",
            'an action on TikTok targeting P2, "Age range" 55+.',
        ),
        fix=Text(
            (
                "touchez ce persona par e-mail, presse écrite, Facebook ou en magasin ; gardez le réseau pour des "
                "personae plus jeunes."
            ),
            "reach that persona through email, print, Facebook or shops; keep the network for younger ones.",
        ),
    ),
    RuleSpec(
        code="MP404",
        name="channel-unused",
        severity=INFO,
        title=Text(
            "Aucune action (non annulée) n'utilise un canal retenu.",
            "A selected channel is used by no (not cancelled) action.",
        ),
        message=Text(
            "Canal retenu « {channel} » utilisé par aucune action", "Selected channel '{channel}' used by no action"
        ),
        hint=Text("Prévoyez une action sur ce canal ou ne le retenez pas.", "Plan an action on it or unselect it."),
        why=Text(
            "retenir un canal sans rien y prévoir crée un écart entre la stratégie et l'action.",
            "selecting a channel and planning nothing on it is a gap between strategy and action.",
        ),
        example=Text("« LinkedIn » retenu, aucune action sur LinkedIn.", '"LinkedIn" selected, no action on LinkedIn.'),
        fix=Text(
            "ajoutez une action sur ce canal, ou ne le retenez plus.", "add an action on the channel, or unselect it."
        ),
    ),
    RuleSpec(
        code="MP501",
        name="over-envelope",
        severity=ERROR,
        title=Text(
            "Les dépenses prévues dépassent l'enveloppe budgétaire.", "Planned spend exceeds the budget envelope."
        ),
        message=Text(
            "Dépenses prévues ({spend}) supérieures à l'enveloppe ({envelope})",
            "Planned spend ({spend}) exceeds the envelope ({envelope})",
        ),
        hint=Text(
            "Réduisez ou annulez des actions, ou obtenez une enveloppe plus large.",
            "Cut or cancel actions, or get a larger envelope.",
        ),
        what=Text(
            "dépenses prévues = coût estimé de chaque action non annulée + frais fixes prévus.",
            "planned spend = the estimated cost of every action not cancelled + the planned overheads.",
        ),
        why=Text(
            "un plan qui coûte plus que son budget ne sera pas validé, ou sera coupé à l'aveugle plus tard.",
            "a plan that costs more than its budget will not be approved, or will be cut blindly later.",
        ),
        example=Text(
            "enveloppe de 60 000 €, actions et frais fixes à 66 300 €.",
            "envelope 60,000 €, actions and overheads 66,300 €.",
        ),
        fix=Text(
            "supprimez ou annulez les actions au ROI le plus faible, ou renégociez l'enveloppe.",
            "cut or cancel the lowest-ROI actions, or negotiate the envelope.",
        ),
    ),
    RuleSpec(
        code="MP502",
        name="near-envelope",
        severity=WARNING,
        title=Text(
            "Les dépenses prévues dépassent le seuil d'alerte budget de l'enveloppe (90 % par défaut).",
            "Planned spend is above the budget warning threshold of the envelope (90 % by default).",
        ),
        message=Text(
            "Dépenses prévues à {share} de l'enveloppe (seuil {threshold})",
            "Planned spend at {share} of the envelope (threshold {threshold})",
        ),
        hint=Text("Gardez une marge pour les imprévus.", "Keep a margin for the unexpected."),
        why=Text(
            "un plan qui consomme toute son enveloppe n'a plus de marge pour les opportunités ni les dépassements.",
            "a plan that uses all its envelope has no room for opportunities or overruns.",
        ),
        example=Text(
            "66 300 € prévus sur une enveloppe de 70 000 € (95 %).", "66,300 € planned of a 70,000 € envelope (95 %)."
        ),
        fix=Text(
            "gardez une réserve, ou relevez le « Seuil d'alerte budget » dans les Paramètres si c'est voulu.",
            "keep a reserve, or raise the threshold in Settings if that is deliberate.",
        ),
    ),
    RuleSpec(
        code="MP503",
        name="overload",
        severity=WARNING,
        title=Text(
            (
                "La charge d'un responsable dépasse sa capacité le mois en cours ou un mois suivant (un constat par "
                "responsable et par mois)."
            ),
            (
                "An owner's workload exceeds their capacity in the current month or a later one "
                "(one finding per owner and month)."
            ),
        ),
        message=Text(
            "{owner} : {days} jours de charge en {month} pour {capacity} disponibles",
            "{owner}: {days} days of work in {month} for {capacity} available",
        ),
        hint=Text(
            "Étalez les actions, réaffectez-les ou augmentez la capacité.",
            "Spread the actions, reassign them or raise the capacity.",
        ),
        what=Text(
            (
                "la charge de chaque action planifiée est répartie également sur les jours ouvrés (du lundi au "
                "vendredi, hors jours fériés du pays) de son début à son échéance, puis additionnée par responsable et "
                "par mois. Seuls le mois en cours et les suivants sont vérifiés : les mois passés appartiennent à "
                "l'histoire et figurent dans la matrice de charge de la « Synthèse »."
            ),
            (
                "each scheduled action's effort is spread evenly over the business days (Monday to Friday, "
                "minus the country's public holidays) from start to deadline, and summed per owner and month. "
                "Only the month of today and later months are checked: past months are history, shown in the "
                "Summary's workload matrix."
            ),
        ),
        why=Text(
            "un mois surchargé, ce sont des actions en retard et des temps forts manqués.",
            "an overloaded month means late actions and missed commercial peaks.",
        ),
        example=Text(
            "Claire, disponible 8 jours par mois, a 13,4 jours prévus en mai.",
            "Claire, 8 days a month, has 13.4 days planned in May.",
        ),
        fix=Text(
            (
                "déplacez des actions vers des mois plus légers, confiez-les à quelqu'un d'autre, ou augmentez la "
                "capacité."
            ),
            "move actions to lighter months, give them to someone else, or raise the capacity.",
        ),
    ),
    RuleSpec(
        code="MP504",
        name="owner-not-in-team",
        severity=WARNING,
        title=Text(
            "Un responsable (d'un objectif ou d'une action planifiée) ne figure pas dans le tableau de l'équipe.",
            "An owner (of an objective or a scheduled action) is not in the team table.",
        ),
        message=Text("Responsable « {owner} » absent de l'équipe", "Owner '{owner}' is not in the team"),
        hint=Text(
            "Ajoutez ce membre à l'équipe (étape 5) ou choisissez-le dans la liste.",
            "Add this member to the team (step 5) or pick one from the list.",
        ),
        why=Text(
            "charge et capacité sont calculées par membre de l'équipe ; un responsable inconnu échappe aux deux.",
            "workload and capacity are computed per team member; an unknown owner escapes both.",
        ),
        example=Text(
            "responsable « Jules » alors que l'équipe compte Claire, Hugo et Sarah.",
            'owner "Jules" while the team lists Claire, Hugo and Sarah.',
        ),
        fix=Text(
            "ajoutez la personne à l'équipe avec sa capacité mensuelle, ou corrigez l'orthographe.",
            "add the person to the team with their monthly capacity, or fix the spelling.",
        ),
    ),
    RuleSpec(
        code="MP505",
        name="no-envelope",
        severity=INFO,
        title=Text(
            "Aucune enveloppe budgétaire n'est fixée : le budget du plan est construit action par action.",
            "No budget envelope is set: the plan is budgeted bottom-up.",
        ),
        message=Text("Pas d'enveloppe : budget construit action par action", "No envelope: bottom-up budget"),
        hint=Text(
            "Indiquez une enveloppe dans les Paramètres pour suivre le budget.",
            "Set an envelope in Settings to track the budget against it.",
        ),
        why=Text(
            (
                "c'est permis ; l'enveloppe est alors la somme des coûts prévus, et les alertes budgétaires ne peuvent "
                "donc pas se déclencher."
            ),
            "this is allowed; the envelope is then the sum of planned costs, so budget alerts cannot fire.",
        ),
        example=Text("« Enveloppe budgétaire » laissée vide.", '"Budget envelope" left empty.'),
        fix=Text(
            "si un budget vous a été accordé, saisissez-le dans les Paramètres.",
            "if a budget was granted, type it in Settings.",
        ),
    ),
    RuleSpec(
        code="MP506",
        name="negative-plan-roi",
        severity=WARNING,
        title=Text(
            "Le ROI prévu du plan est négatif : le gain attendu est inférieur aux dépenses prévues.",
            "The plan's expected ROI is negative: expected revenue is below planned spend.",
        ),
        message=Text("ROI prévu du plan négatif ({roi})", "Plan's expected ROI is negative ({roi})"),
        hint=Text("Revoyez les actions les moins rentables.", "Review the least profitable actions."),
        what=Text(
            "ROI = (gain attendu − dépenses prévues) / dépenses prévues, sur les actions non annulées.",
            "ROI = (expected revenue − planned spend) / planned spend, over actions not cancelled.",
        ),
        why=Text(
            (
                "tel qu'il est écrit, le plan perd de l'argent, sauf s'il vise la notoriété (dites-le alors dans les "
                "objectifs)."
            ),
            "the plan as written loses money, unless its aim is awareness (then say so in the objectives).",
        ),
        example=Text(
            "40 000 € attendus pour 55 000 € dépensés : ROI de −27 %.",
            "40,000 € expected for 55,000 € spent: ROI −27 %.",
        ),
        fix=Text(
            "revoyez les actions dont le gain attendu est inférieur au coût (MP606).",
            "review the actions whose expected revenue is below their cost (MP606).",
        ),
    ),
    RuleSpec(
        code="MP507",
        name="actual-over-envelope",
        severity=ERROR,
        title=Text("Les dépenses réelles dépassent déjà l'enveloppe.", "Actual spend already exceeds the envelope."),
        message=Text(
            "Dépenses réelles ({spend}) supérieures à l'enveloppe ({envelope})",
            "Actual spend ({spend}) exceeds the envelope ({envelope})",
        ),
        hint=Text("Arrêtez les engagements et réaffectez le budget restant.", "Freeze commitments and reallocate."),
        what=Text(
            "dépenses réelles = coût réel de chaque action du tableau du réalisé + frais fixes réels.",
            "actual spend = the actual cost of every action in the actuals table + the actual overheads.",
        ),
        why=Text(
            "le budget est consommé ; tout nouvel engagement est un dépassement.",
            "the budget is spent; every new commitment is an overrun.",
        ),
        example=Text("71 200 € dépensés sur 70 000 €.", "71,200 € spent of 70,000 €."),
        fix=Text(
            "gelez les engagements et faites valider le dépassement par la direction.",
            "freeze commitments and agree on the overrun with management.",
        ),
    ),
    RuleSpec(
        code="MP508",
        name="pacing-over",
        severity=WARNING,
        title=Text(
            ("Prévision à terme : ce qui est dépensé plus ce que le plan doit encore dépenser dépasse l'enveloppe."),
            "Forecast at completion: what is spent plus what the plan still has to spend exceeds the envelope.",
        ),
        message=Text(
            "Prévision à terme : {projected} dépensés en fin de période pour {envelope}",
            "Forecast at completion: {projected} spent by period end for {envelope}",
        ),
        hint=Text(
            "Réduisez les actions restantes ou revoyez l'enveloppe.",
            "Trim the remaining actions or revisit the envelope.",
        ),
        what=Text(
            (
                "prévision = dépenses réelles + pour chaque action active non terminée, son coût estimé moins ce qui a "
                "déjà été dépensé pour elle (jamais en dessous de zéro) + pour chaque poste de frais fixes, le prévu "
                "moins le réel. Le coût réel d'une action « Terminé » est définitif. Vérifié seulement si une enveloppe "
                "est fixée (et qu'elle n'est pas déjà dépassée : c'est alors MP507)."
            ),
            (
                "forecast = actual spend + for each active action not Done, its estimated cost less what was "
                "already spent on it (never below zero) + for each overhead, planned less actual. A Done action's "
                "actual cost is final. Checked only when an envelope is set (and the envelope is not already "
                "exceeded: that is MP507)."
            ),
        ),
        why=Text(
            (
                "les dépassements déjà constatés sur certaines actions, ajoutés à ce que coûteront les autres, "
                "finissent au-dessus du budget."
            ),
            "overruns already booked on some actions, added to what the others will cost, end above budget.",
        ),
        example=Text(
            "52 000 € dépensés, 21 000 € encore prévus sur les actions restantes : 73 000 € pour 70 000 €.",
            "52,000 € spent, 21,000 € still planned on the remaining actions: 73,000 € for 70,000 €.",
        ),
        fix=Text(
            "supprimez ou reportez des actions restantes, renégociez les coûts, ou obtenez une enveloppe plus large.",
            "cut or postpone remaining actions, renegotiate costs, or agree a larger envelope.",
        ),
    ),
    RuleSpec(
        code="MP509",
        name="pacing-under",
        severity=INFO,
        title=Text(
            "Prévision à terme : plus de 20 % de l'enveloppe resteraient inutilisés en fin de période.",
            "Forecast at completion: more than 20 % of the envelope would be left unused at period end.",
        ),
        message=Text(
            "Prévision à terme : {unused} de l'enveloppe resteraient inutilisés",
            "Forecast at completion: {unused} of the envelope would stay unused",
        ),
        hint=Text("Planifiez de nouvelles actions ou réaffectez le budget.", "Plan new actions or reallocate."),
        what=Text(
            (
                "la prévision à terme (voir MP508) est inférieure à 80 % de l'enveloppe. Vérifié seulement si une "
                "enveloppe est fixée. Un plan dont les dépenses se concentrent en fin d'année n'est pas signalé : ce "
                "qu'il prévoit encore compte."
            ),
            (
                "the forecast at completion (see MP508) is below 80 % of the envelope. Checked only when an "
                "envelope is set. A plan whose spend is heavy at year end is not flagged: what it still plans counts."
            ),
        ),
        why=Text(
            "un budget non dépensé est souvent un budget perdu l'année suivante.",
            "budget not spent is often budget lost next year.",
        ),
        example=Text(
            ("une enveloppe de 70 000 €, 30 000 € dépensés et 20 000 € encore prévus : 29 % resteraient inutilisés."),
            "a 70,000 € envelope, 30,000 € spent and 20,000 € still planned: 29 % would stay unused.",
        ),
        fix=Text(
            "prévoyez des actions pour le budget restant, ou rendez-le tôt pour qu'il serve ailleurs.",
            "plan actions for the remaining budget, or give it back early so it can be used elsewhere.",
        ),
    ),
    RuleSpec(
        code="MP601",
        name="no-action",
        severity=ERROR,
        title=Text("Le plan n'a aucune action.", "The plan has no action."),
        message=Text("Aucune action", "No action"),
        hint=Text("Listez les actions du plan à l'étape 6.", "List the plan's actions in step 6."),
        why=Text(
            "des objectifs sans actions sont des vœux pieux ; budget, planning et charge découlent tous des actions.",
            "objectives without actions are wishes; budget, schedule and workload all come from actions.",
        ),
        example=Text("le tableau des actions est vide.", "the actions table is empty."),
        fix=Text("listez les actions dans l'onglet « 6 Actions ».", "list the actions on sheet 6."),
    ),
    RuleSpec(
        code="MP602",
        name="action-unknown-objective",
        severity=ERROR,
        title=Text(
            "Une action renvoie à un ID d'objectif absent du tableau des objectifs.",
            "An action refers to an objective id that is not in the objectives table.",
        ),
        message=Text("Action {id} : objectif « {ref} » inconnu", "Action {id}: unknown objective '{ref}'"),
        hint=Text("Choisissez un ID de l'onglet 1 dans la liste.", "Pick an id from sheet 1 in the list."),
        why=Text(
            "le coût et le gain de l'action ne seraient rattachés à rien dans les chiffres par objectif.",
            "the action's cost and revenue would be attached to nothing in the figures by objective.",
        ),
        example=Text(
            "objectif « O7 » alors que les objectifs vont de O1 à O6.",
            'objective "O7" when objectives go from O1 to O6.',
        ),
        fix=Text(
            "choisissez l'objectif dans la liste déroulante, ou ajoutez l'objectif dans l'onglet « 1 Objectifs ».",
            "pick the objective from the dropdown, or add the objective on sheet 1.",
        ),
    ),
    RuleSpec(
        code="MP603",
        name="action-unknown-channel",
        severity=ERROR,
        title=Text(
            "Une action renvoie à un canal absent du tableau des canaux.",
            "An action refers to a channel that is not in the channel table.",
        ),
        message=Text("Action {id} : canal « {ref} » inconnu", "Action {id}: unknown channel '{ref}'"),
        hint=Text(
            "Choisissez un canal de l'onglet 4, écrit à l'identique.", "Pick a channel from sheet 4, spelt the same."
        ),
        why=Text(
            (
                "les dépenses et le ROI du canal seraient faux, et les règles sur les canaux ne pourraient pas la "
                "vérifier."
            ),
            "the channel's spend and ROI would be wrong, and channel rules cannot check it.",
        ),
        example=Text(
            "« Insta » alors que le tableau des canaux indique « Instagram ».",
            '"Insta" when the channel table says "Instagram".',
        ),
        fix=Text(
            "choisissez le canal dans la liste déroulante, ou ajoutez-le au catalogue de l'onglet « 4 Canaux ».",
            "pick the channel from the dropdown, or add it to the catalogue on sheet 4.",
        ),
    ),
    RuleSpec(
        code="MP604",
        name="action-unknown-persona",
        severity=ERROR,
        title=Text(
            "Une action cible un ID de persona absent du tableau des personae.",
            "An action targets a persona id that is not in the personas table.",
        ),
        message=Text("Action {id} : persona(s) inconnu(s) {refs}", "Action {id}: unknown persona(s) {refs}"),
        hint=Text("Utilisez les ID de l'onglet 2, séparés par des virgules.", "Use ids from sheet 2, comma-separated."),
        why=Text(
            "la couverture des personae (MP204) et le contrôle des audiences (MP403) ne la verraient pas.",
            "persona coverage (MP204) and audience checks (MP403) would miss it.",
        ),
        example=Text("« P1, P5 » alors que les personae vont de P1 à P4.", '"P1, P5" when personas go from P1 to P4.'),
        fix=Text("utilisez les ID des personae de l'onglet « 2 Personae ».", "use the persona ids of sheet 2."),
    ),
    RuleSpec(
        code="MP605",
        name="cost-missing",
        severity=ERROR,
        title=Text(
            "Le coût estimé d'une action manque ou est négatif.", "An action's estimated cost is missing or negative."
        ),
        message=Text(
            "Action {id} : coût estimé manquant ou négatif", "Action {id}: estimated cost missing or negative"
        ),
        hint=Text(
            "Indiquez le coût prévu (0 si l'action ne coûte rien).", "Type the planned cost (0 if it costs nothing)."
        ),
        why=Text(
            "le budget est la somme des coûts ; un coût manquant fait paraître le plan moins cher qu'il ne l'est.",
            "the budget is the sum of costs; a missing cost makes the plan look cheaper than it is.",
        ),
        example=Text("A12 avec un « Coût estimé » vide.", 'A12 with an empty "Estimated cost".'),
        fix=Text(
            "saisissez le coût, ou 0 pour une action qui ne demande que du temps.",
            "type the cost, or 0 for an action that only takes time.",
        ),
    ),
    RuleSpec(
        code="MP606",
        name="negative-action-roi",
        severity=WARNING,
        title=Text(
            "Le gain attendu d'une action est inférieur à son coût (ROI négatif).",
            "An action's expected revenue is below its cost (negative ROI).",
        ),
        message=Text(
            "Action {id} : gain attendu ({revenue}) inférieur au coût ({cost})",
            "Action {id}: expected revenue ({revenue}) below cost ({cost})",
        ),
        hint=Text(
            "Vérifiez que l'action vaut son coût (ou qu'elle vise la notoriété).",
            "Check the action is worth its cost (or that it aims at awareness).",
        ),
        why=Text(
            (
                "l'action perd de l'argent selon ses propres chiffres ; cela peut être voulu (notoriété), mais doit "
                "l'être."
            ),
            "the action loses money on its own terms; that may be deliberate (awareness), but should be.",
        ),
        example=Text("coût 6 000 €, gain attendu 4 000 €.", "cost 6,000 €, expected revenue 4,000 €."),
        fix=Text(
            "retravaillez l'action, réduisez son coût, ou notez pourquoi elle en vaut la peine.",
            "rework the action, cut its cost, or record why it is worth it.",
        ),
    ),
    RuleSpec(
        code="MP607",
        name="action-without-revenue",
        severity=INFO,
        title=Text(
            "Une action n'a pas de gain attendu : son ROI ne peut pas être calculé.",
            "An action has no expected revenue, so its ROI cannot be computed.",
        ),
        message=Text(
            "Action {id} sans gain attendu : ROI non calculable", "Action {id} has no expected revenue: no ROI"
        ),
        hint=Text(
            "Estimez le chiffre d'affaires attendu, même approximatif.", "Estimate the expected revenue, even roughly."
        ),
        why=Text(
            (
                "c'est en comparant le ROI des actions que l'on arbitre un plan ; une case vide compte pour zéro dans "
                "le ROI du plan."
            ),
            "comparing actions by ROI is how a plan is arbitrated; a blank counts as zero in the plan's ROI.",
        ),
        example=Text(
            "un calendrier éditorial Instagram avec un « Gain attendu » vide.",
            'an Instagram editorial calendar with an empty "Expected revenue".',
        ),
        fix=Text(
            (
                "estimez-le (taux de conversion × panier moyen), ou laissez-le vide à dessein pour une action de pure "
                "notoriété."
            ),
            "estimate it (conversion × basket), or leave it empty on purpose for pure awareness actions.",
        ),
    ),
    RuleSpec(
        code="MP608",
        name="swot-quadrant-empty",
        severity=WARNING,
        title=Text(
            "Un quadrant SWOT (forces, faiblesses, opportunités, menaces) est vide.",
            "A SWOT quadrant (strengths, weaknesses, opportunities, threats) is empty.",
        ),
        message=Text("Quadrant SWOT « {quadrant} » vide", "SWOT quadrant '{quadrant}' is empty"),
        hint=Text("Ajoutez au moins un élément à ce quadrant.", "Add at least one item to this quadrant."),
        why=Text(
            "un SWOT sans faiblesses ni menaces est une plaquette commerciale, pas une analyse.",
            "a SWOT without weaknesses or threats is a brochure, not an analysis.",
        ),
        example=Text("aucune ligne « Menace » dans le tableau SWOT.", 'no "Threat" row in the SWOT table.'),
        fix=Text(
            "ajoutez au moins un élément par quadrant, relié à l'action qui y répond.",
            "add at least one item per quadrant, linked to the action that answers it.",
        ),
    ),
    RuleSpec(
        code="MP609",
        name="action-not-scheduled",
        severity=WARNING,
        title=Text("Une action n'a pas de ligne dans le planning.", "An action has no row in the schedule."),
        message=Text("Action {id} non planifiée", "Action {id} is not scheduled"),
        hint=Text(
            "Ajoutez-la au planning (étape 7) avec un début et une échéance.",
            "Add it to the schedule (step 7) with a start and a deadline.",
        ),
        why=Text(
            "une action non planifiée n'a ni échéance, ni responsable, ni place dans le budget mensuel.",
            "an unscheduled action has no deadline, no owner and no place in the monthly budget.",
        ),
        example=Text(
            "A18 figure dans l'onglet « 6 Actions » mais pas dans « 7 Planning ».",
            "A18 appears on sheet 6 but not on sheet 7.",
        ),
        fix=Text(
            "ajoutez-lui une ligne au planning avec son début, son échéance, son responsable et son statut.",
            "add a schedule row with its start, deadline, owner and status.",
        ),
    ),
    RuleSpec(
        code="MP610",
        name="action-without-pillar",
        severity=INFO,
        title=Text(
            "Une action n'a pas de pilier 4P (produit, prix, distribution, communication).",
            "An action has no 4P pillar (product, price, place, promotion).",
        ),
        message=Text("Action {id} sans pilier 4P", "Action {id} has no 4P pillar"),
        hint=Text(
            "Classez-la : produit, prix, distribution ou communication.",
            "Classify it: product, price, place or promotion.",
        ),
        why=Text(
            (
                "le marketing mix montre si le plan ne fait que communiquer ; la « Synthèse » additionne les dépenses "
                "par pilier."
            ),
            "the marketing mix shows whether the plan only communicates; the Summary sums spend by pillar.",
        ),
        example=Text("A04 avec un « Pilier 4P » vide.", 'A04 with an empty "4P pillar".'),
        fix=Text("choisissez le pilier dans la liste déroulante.", "pick the pillar from the dropdown."),
    ),
    RuleSpec(
        code="MP701",
        name="schedule-unknown-action",
        severity=ERROR,
        title=Text(
            ("Une ligne du planning (ou une dépendance) renvoie à un ID d'action absent du tableau des actions."),
            "A schedule row (or a dependency) refers to an action id that is not in the actions table.",
        ),
        message=Text("Action « {ref} » inconnue", "Unknown action '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
        why=Text(
            (
                "les dates, le responsable et le statut de la ligne ne s'appliquent à rien ; les dépendances envers "
                "elle ne peuvent pas être vérifiées."
            ),
            "the row's dates, owner and status apply to nothing; dependencies on it cannot be checked.",
        ),
        example=Text(
            "« A27 » planifiée, ou « Dépend de : A30 », alors que les actions vont de A01 à A26.",
            '"A27" scheduled, or "Depends on: A30", when actions go from A01 to A26.',
        ),
        fix=Text(
            "corrigez l'ID, ou ajoutez l'action dans l'onglet « 6 Actions ».",
            "correct the id, or add the action on sheet 6.",
        ),
    ),
    RuleSpec(
        code="MP702",
        name="end-before-start",
        severity=ERROR,
        title=Text(
            "L'échéance d'une ligne du planning précède son début.", "A schedule row's deadline is before its start."
        ),
        message=Text(
            "Action {id} : échéance ({end}) avant le début ({start})",
            "Action {id}: deadline ({end}) before start ({start})",
        ),
        hint=Text("Corrigez l'une des deux dates.", "Correct one of the two dates."),
        why=Text(
            "l'action est comptée comme non planifiée : ni budget mensuel, ni charge, ni alerte d'échéance.",
            "the action counts as unscheduled: no monthly budget, no workload, no deadline alert.",
        ),
        example=Text(
            "début le 15/05/2027, échéance le 15/04/2027 (une faute de frappe dans le mois).",
            "start 15/05/2027, deadline 15/04/2027 (a typo in the month).",
        ),
        fix=Text("corrigez la date.", "correct the date."),
    ),
    RuleSpec(
        code="MP704",
        name="schedule-outside-period",
        severity=WARNING,
        title=Text(
            "Une action planifiée commence avant ou finit après la période du plan.",
            "A scheduled action starts before or ends after the plan period.",
        ),
        message=Text("Action {id} hors de la période du plan", "Action {id} outside the plan period"),
        hint=Text(
            "Ramenez ses dates dans la période ({start} – {end}).",
            "Bring its dates inside the period ({start} – {end}).",
        ),
        why=Text(
            "son coût tombe en partie hors du budget et des mois de ce plan.",
            "its cost partly falls outside this plan's budget and months.",
        ),
        example=Text(
            "une action de Noël qui se termine le 05/01/2028 dans un plan 2027.",
            "a Christmas action ending 05/01/2028 in a 2027 plan.",
        ),
        fix=Text(
            "ramenez les dates dans la période, ou répartissez l'action entre deux plans.",
            "move the dates inside the period, or split the action between two plans.",
        ),
    ),
    RuleSpec(
        code="MP705",
        name="overdue",
        severity=WARNING,
        title=Text(
            "Une action ni terminée ni annulée a une échéance antérieure à aujourd'hui.",
            "An action not done (and not cancelled) has a deadline before today.",
        ),
        message=Text("Action {id} en retard : échéance le {end}", "Action {id} overdue: deadline {end}"),
        hint=Text("Terminez-la, replanifiez-la ou marquez-la terminée.", "Finish it, reschedule it, or mark it done."),
        why=Text(
            (
                "soit elle est en retard, soit son statut n'a pas été mis à jour ; dans les deux cas, l'image du plan "
                "est faussée."
            ),
            "either it is late, or its status was not updated; both distort the plan's picture.",
        ),
        example=Text(
            "statut « En cours », échéance le 31/07/2027, nous sommes le 10/08/2027.",
            'status "In progress", deadline 31/07/2027, today 10/08/2027.',
        ),
        fix=Text("passez-la à « Terminé », ou fixez une nouvelle échéance.", "mark it done, or set a new deadline."),
    ),
    RuleSpec(
        code="MP706",
        name="due-soon",
        severity=INFO,
        title=Text(
            (
                "Une action non terminée arrive à échéance dans les prochains jours (14 par défaut : « Échéance proche "
                "(jours) » dans les Paramètres)."
            ),
            "An action not done is due within the due-soon window (14 days by default, in Settings).",
        ),
        message=Text("Action {id} à échéance le {end} ({days})", "Action {id} due on {end} ({days})"),
        hint=Text("Vérifiez qu'elle sera prête à temps.", "Check it will be ready in time."),
        why=Text(
            "un rappel, pour agir pendant qu'il est encore temps.", "a reminder, to act while there is still time."
        ),
        example=Text("échéance dans 5 jours, statut « À faire ».", 'deadline in 5 days, status "To do".'),
        fix=Text("rien à corriger ; veillez à ce qu'elle ait bien lieu.", "nothing to fix; make sure it happens."),
    ),
    RuleSpec(
        code="MP707",
        name="not-started",
        severity=WARNING,
        title=Text(
            "La date de début d'une action est passée mais son statut est toujours « À faire » (ou vide).",
            "An action's start date has passed but its status is still To do (or empty).",
        ),
        message=Text(
            "Action {id} : démarrage prévu le {start}, toujours « à faire »",
            "Action {id}: due to start on {start}, still 'to do'",
        ),
        hint=Text("Démarrez-la ou mettez à jour son statut et ses dates.", "Start it, or update its status and dates."),
        why=Text(
            "le premier signe d'une action en retard, des semaines avant son échéance.",
            "the first sign of a late action, weeks before its deadline.",
        ),
        example=Text(
            "début le 01/06/2027, statut « À faire », nous sommes le 10/08/2027.",
            'start 01/06/2027, status "To do", today 10/08/2027.',
        ),
        fix=Text(
            "démarrez-la et passez-la à « En cours », ou décalez ses dates.",
            'start it and set "In progress", or move its dates.',
        ),
    ),
    RuleSpec(
        code="MP708",
        name="starts-before-dependency",
        severity=WARNING,
        title=Text(
            "Une action commence avant la fin de l'une des actions dont elle dépend.",
            "An action starts before one of the actions it depends on ends.",
        ),
        message=Text(
            "Action {id} démarre le {start}, avant la fin de {dep} ({dep_end})",
            "Action {id} starts on {start}, before {dep} ends ({dep_end})",
        ),
        hint=Text("Décalez le début après la fin de la dépendance.", "Start it after the dependency ends."),
        why=Text(
            (
                "la dépendance dit « terminez d'abord celle-ci » ; commencer plus tôt, c'est travailler sans son "
                "résultat."
            ),
            'the dependency says "finish this first"; starting earlier means working without its result.',
        ),
        example=Text(
            (
                "les dégustations (A12) dépendent du lancement de la gamme (A11), qui se termine le 15/06, mais "
                "commencent le 01/06."
            ),
            "the tastings (A12) depend on the range launch (A11) ending 15/06 but start 01/06.",
        ),
        fix=Text(
            "placez le début après l'échéance de la dépendance, ou supprimez la dépendance.",
            "move the start after the dependency's deadline, or remove the dependency.",
        ),
    ),
    RuleSpec(
        code="MP709",
        name="dependency-cycle",
        severity=ERROR,
        title=Text(
            "Des actions dépendent les unes des autres en boucle (A dépend de B, qui dépend de A).",
            "Actions depend on each other in a cycle (A depends on B, which depends on A).",
        ),
        message=Text("Dépendances circulaires : {cycle}", "Dependency cycle: {cycle}"),
        hint=Text("Supprimez l'une des dépendances du cycle.", "Remove one dependency of the cycle."),
        why=Text(
            "aucun ordre ne peut satisfaire une boucle ; le planning ne peut pas être juste.",
            "no order can satisfy a cycle; the schedule cannot be right.",
        ),
        example=Text("A05 dépend de A06 et A06 dépend de A05.", "A05 depends on A06 and A06 depends on A05."),
        fix=Text("supprimez la dépendance qui n'est pas réelle.", "remove the dependency that is not real."),
    ),
    RuleSpec(
        code="MP710",
        name="late-for-peak",
        severity=WARNING,
        title=Text(
            ("Une action liée à un temps fort commercial commence après le début du temps fort (en retard ou manqué)."),
            "An action tied to a commercial peak starts after the peak starts (late or missed).",
        ),
        message=Text(
            "Action {id} démarre le {start}, après le début de « {peak} » ({peak_start})",
            "Action {id} starts on {start}, after '{peak}' starts ({peak_start})",
        ),
        hint=Text("Démarrez l'action avant le temps fort.", "Start the action before the peak."),
        why=Text(
            "une campagne pour la fête des Mères qui commence après la fête des Mères a manqué son moment.",
            "a Mother's Day campaign that starts after Mother's Day has missed its moment.",
        ),
        example=Text(
            "« Temps fort » : Fête des mères 2027 (30/05), début le 02/06.",
            '"Commercial peak: Mother\'s Day 2027" (30/05) and start 02/06.',
        ),
        fix=Text("démarrez l'action avant le temps fort.", "start the action ahead of the peak."),
    ),
    RuleSpec(
        code="MP711",
        name="scheduled-without-owner",
        severity=WARNING,
        title=Text(
            "Une action planifiée (non annulée) n'a pas de responsable.",
            "A scheduled action (not cancelled) has no owner.",
        ),
        message=Text("Action {id} planifiée sans responsable", "Scheduled action {id} has no owner"),
        hint=Text("Désignez un responsable.", "Name an owner."),
        why=Text(
            "personne n'en répond, et sa charge n'est comptée pour personne.",
            "nobody is accountable, and its workload is counted for nobody.",
        ),
        example=Text("A14 planifiée avec un « Responsable » vide.", 'A14 scheduled with an empty "Owner".'),
        fix=Text(
            "choisissez un responsable dans la liste déroulante de l'équipe.", "pick an owner from the team dropdown."
        ),
    ),
    RuleSpec(
        code="MP712",
        name="gap-month",
        severity=INFO,
        title=Text(
            (
                "Un mois de la période du plan n'a aucune action active en cours (un trou dans le calendrier) ; non "
                "signalé pour un plan sans aucune action."
            ),
            (
                "A month of the plan period has no active action running (a gap in the calendar); "
                "not raised on a plan without any action."
            ),
        ),
        message=Text("Aucune action en cours en {month}", "No action running in {month}"),
        hint=Text(
            "Un mois sans action : voulu (congés) ou oubli ?", "A month without action: on purpose (holidays) or a gap?"
        ),
        why=Text(
            "les clients oublient les marques qui se taisent ; un trou peut être voulu (août) ou un oubli.",
            "customers forget brands that go silent; a gap may be deliberate (August) or an oversight.",
        ),
        example=Text("rien de planifié entre le 01/08 et le 31/08.", "nothing scheduled between 01/08 and 31/08."),
        fix=Text(
            ("prévoyez une action légère (newsletter, publications sur les réseaux sociaux) ou assumez ce trou."),
            "plan a light action (newsletter, social posts) or accept the gap.",
        ),
    ),
    RuleSpec(
        code="MP713",
        name="unknown-peak",
        severity=WARNING,
        title=Text(
            "Une ligne du planning cite un temps fort commercial absent du tableau des temps forts.",
            "A schedule row names a commercial peak that is not in the peaks table.",
        ),
        message=Text(
            "Temps fort « {peak} » absent du tableau des temps forts",
            "Commercial peak '{peak}' is not in the peaks table",
        ),
        hint=Text(
            "Choisissez un temps fort de la liste, écrit à l'identique.", "Pick a peak from the list, spelt the same."
        ),
        why=Text(
            "l'action ne peut pas être comparée à la date de son temps fort (MP710).",
            "the action cannot be checked against its peak's date (MP710).",
        ),
        example=Text(
            "« Fête des mères » alors que le tableau des temps forts indique « Fête des mères 2027 ».",
            '"Fête des mères" while the peaks table says "Fête des mères 2027".',
        ),
        fix=Text(
            "choisissez le temps fort dans la liste déroulante, ou ajoutez-le au tableau des temps forts.",
            "pick the peak from the dropdown, or add it to the peaks table.",
        ),
    ),
    RuleSpec(
        code="MP801",
        name="measurement-unknown-objective",
        severity=ERROR,
        title=Text(
            "Une mesure renvoie à un ID d'objectif absent du tableau des objectifs.",
            "A measurement refers to an objective id that is not in the objectives table.",
        ),
        message=Text("Mesure pour un objectif inconnu « {ref} »", "Measurement for an unknown objective '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 1.", "Use an id from sheet 1."),
        why=Text(
            "la valeur n'est prise en compte dans l'avancement d'aucun objectif.",
            "the value is left out of every objective's progress.",
        ),
        example=Text("« O7 » alors que les objectifs vont de O1 à O6.", '"O7" when objectives go from O1 to O6.'),
        fix=Text("corrigez l'ID.", "correct the id."),
    ),
    RuleSpec(
        code="MP802",
        name="measurement-out-of-range",
        severity=WARNING,
        title=Text(
            "Une mesure est datée hors de la période du plan ou après aujourd'hui.",
            "A measurement is dated outside the plan period or after today.",
        ),
        message=Text("Mesure datée du {date}, {why}", "Measurement dated {date}, {why}"),
        hint=Text("Vérifiez la date de la mesure.", "Check the measurement's date."),
        why=Text(
            (
                "une mesure future est une faute de frappe (et n'est pas prise en compte dans l'avancement) ; une "
                "mesure hors période appartient à un autre plan."
            ),
            (
                "a future measurement is a typo (and is ignored for progress); one outside the period belongs "
                "to another plan."
            ),
        ),
        example=Text(
            "une mesure datée du 31/12/2027, vérifiée le 10/08/2027.", "a measurement dated 31/12/2027 on 10/08/2027."
        ),
        fix=Text("corrigez la date.", "correct the date."),
    ),
    RuleSpec(
        code="MP803",
        name="off-track",
        severity=WARNING,
        title=Text(
            ("Un objectif est en retard : son avancement a plus de 10 points de retard sur le temps écoulé."),
            "An objective is off track: its progress is more than 10 points behind the time elapsed.",
        ),
        message=Text(
            "Objectif {id} en retard : {progress} atteint pour {expected} attendu",
            "Objective {id} off track: {progress} reached where {expected} was expected",
        ),
        hint=Text(
            "Renforcez les actions de cet objectif ou revoyez la cible.",
            "Strengthen this objective's actions or revisit the target.",
        ),
        what=Text(
            (
                "avancement = (dernière mesure − valeur de départ) / (cible − valeur de départ) ; attendu = part du "
                "temps écoulé entre le début de période et l'échéance de l'objectif. En retard quand avancement < "
                "attendu − 10 %."
            ),
            (
                "progress = (latest measurement − baseline) / (target − baseline); expected = share of the "
                "time elapsed between period start and the objective's deadline. Off track when progress < "
                "expected − 10 %."
            ),
        ),
        why=Text(
            "plus une dérive est repérée tôt, moins elle coûte à corriger.",
            "the earlier a drift is seen, the cheaper it is to correct.",
        ),
        example=Text(
            "34 % de la cible d'abonnés atteints à 61 % du temps.",
            "34 % of the subscribers target reached at 61 % of the time.",
        ),
        fix=Text(
            "ajoutez ou renforcez des actions, ou révisez la cible avec la direction.",
            "add or strengthen actions, or revise the target with management.",
        ),
    ),
    RuleSpec(
        code="MP804",
        name="no-measurement",
        severity=INFO,
        title=Text(
            "Un objectif n'a aucune mesure alors que la période du plan a commencé.",
            "An objective has no measurement although the plan period has started.",
        ),
        message=Text("Objectif {id} sans aucune mesure", "Objective {id} has no measurement"),
        hint=Text(
            "Relevez l'indicateur au moins une fois par mois (onglet 8).", "Record the KPI at least monthly (sheet 8)."
        ),
        why=Text(
            "un objectif que personne ne mesure n'est pas piloté.", "an objective nobody measures is not steered."
        ),
        example=Text(
            "O5 en août, sans aucune ligne dans les relevés des indicateurs.",
            "O5 in August with no row in the KPI log.",
        ),
        fix=Text(
            "relevez la valeur de l'indicateur dans l'onglet « 8 Suivi », au moins une fois par mois.",
            "record the KPI's value on sheet 8, at least monthly.",
        ),
    ),
    RuleSpec(
        code="MP805",
        name="overspend",
        severity=WARNING,
        title=Text(
            (
                "Le coût réel d'une action (la somme de ses lignes de réalisé) dépasse son coût estimé de plus que le "
                "seuil de dépassement (10 %)."
            ),
            (
                "An action's actual cost (its actuals rows added up) exceeds its estimate by more than the "
                "overspend threshold (10 %)."
            ),
        ),
        message=Text(
            "Action {id} : coût réel {actual} pour {cost} prévus (+{over})",
            "Action {id}: actual cost {actual} for {cost} planned (+{over})",
        ),
        hint=Text(
            "Expliquez le dépassement et ajustez les prochaines estimations.",
            "Explain the overrun and adjust the next estimates.",
        ),
        what=Text(
            (
                "les lignes de réalisé de l'action (une par facture, commande ou mois) sont additionnées ; le constat "
                "est placé sur la cellule de coût de sa ligne la plus récente (par date, puis par ligne)."
            ),
            (
                "the action's actuals rows (one per invoice, order or month) are added up; the finding sits on "
                "the cost cell of its latest row (by date, then row)."
            ),
        ),
        why=Text(
            "les dépassements s'additionnent ; repérés action par action, ils peuvent encore être absorbés.",
            "overruns add up; seen action by action they can still be absorbed.",
        ),
        example=Text(
            "coût estimé 5 500 €, deux factures de 3 200 € (+16 %).",
            "estimated 5,500 €, two invoices of 3,200 € (+16 %).",
        ),
        fix=Text(
            "expliquez le dépassement dans le commentaire, et réduisez d'autres coûts.",
            "explain it in the comment, and reduce other costs.",
        ),
    ),
    RuleSpec(
        code="MP806",
        name="actuals-unknown-action",
        severity=ERROR,
        title=Text(
            "Une ligne de réalisé renvoie à un ID d'action absent du tableau des actions.",
            "An actuals row refers to an action id that is not in the actions table.",
        ),
        message=Text("Réalisé pour une action inconnue « {ref} »", "Actuals for an unknown action '{ref}'"),
        hint=Text("Utilisez un ID de l'onglet 6.", "Use an id from sheet 6."),
        why=Text("son coût et son gain sont exclus des chiffres.", "its cost and revenue are left out of the figures."),
        example=Text(
            "une ligne de réalisé pour « A30 » alors que les actions vont de A01 à A26.",
            'actuals for "A30" when actions go from A01 to A26.',
        ),
        fix=Text("corrigez l'ID.", "correct the id."),
    ),
    RuleSpec(
        code="MP807",
        name="late-reading",
        severity=WARNING,
        title=Text(
            (
                "Le dernier relevé d'un objectif est plus ancien que la fréquence des mesures, alors que l'objectif "
                "est en cours (aujourd'hui se situe entre le début de période et son échéance)."
            ),
            (
                "An objective's latest reading is older than the measurement interval while its time runs "
                "(today between period start and its deadline)."
            ),
        ),
        message=Text(
            "Objectif {id} : dernière mesure le {date}, il y a {days} jours (une tous les {every} jours)",
            "Objective {id}: latest reading on {date}, {days} days ago (one every {every} days)",
        ),
        hint=Text(
            "Relevez l'indicateur et ajoutez la mesure à l'onglet 8.",
            "Read the KPI and add the value on sheet 8.",
        ),
        what=Text(
            (
                "la dernière mesure datée d'aujourd'hui ou d'avant a plus de `measure_every_days` jours (« Fréquence "
                "des mesures (jours) » dans les Paramètres, 31 par défaut). Un constat par objectif, sur sa ligne. "
                "L'état de l'objectif est jugé à la date de ce relevé : un relevé ancien donne ce constat, pas un état "
                "rouge."
            ),
            (
                "the latest measurement dated on or before today is more than `measure_every_days` days old "
                "(Settings, 31 by default). One finding per objective, at its row. The objective's status is "
                "judged at the date of that reading: a late reading is this finding, not a red status."
            ),
        ),
        why=Text(
            (
                "un avancement calculé sur un relevé ancien est périmé ; une revue mensuelle du plan demande les "
                "chiffres du mois."
            ),
            "progress shown from an old reading is stale; a monthly plan review needs this month's figures.",
        ),
        example=Text(
            "O3 mesuré pour la dernière fois le 30/04/2027, vérifié le 10/08/2027 (102 jours).",
            "O3 last measured on 30/04/2027, checked on 10/08/2027 (102 days).",
        ),
        fix=Text(
            "saisissez la valeur actuelle de l'indicateur dans les relevés des indicateurs.",
            "record the KPI's current value in the KPI log.",
        ),
    ),
    RuleSpec(
        code="MP808",
        name="actual-out-of-range",
        severity=WARNING,
        title=Text(
            "Une ligne de réalisé est datée hors de la période du plan ou après aujourd'hui.",
            "An actuals row is dated outside the plan period or after today.",
        ),
        message=Text("Réalisé daté du {date}, {why}", "Actuals line dated {date}, {why}"),
        hint=Text("Vérifiez la date de la facture.", "Check the invoice's date."),
        what=Text(
            (
                "une ligne de réalisé datée doit tomber dans la période du plan, et pas après aujourd'hui. Son montant "
                "compte quand même dans les dépenses réelles ; une ligne postérieure à aujourd'hui est exclue des "
                "dépenses à date."
            ),
            (
                "a dated actuals line must fall inside the plan period and not after today. Its amount still "
                "counts in the actual spend; a line after today is left out of the spend to date."
            ),
        ),
        why=Text(
            (
                "une date future est en général une faute de frappe, et une ligne hors période appartient à un autre "
                "plan."
            ),
            "a future date is usually a typo, and a line outside the period belongs to another plan.",
        ),
        example=Text(
            "une facture datée du 15/09/2027 alors que le rapport est établi le 10/08/2027.",
            "an invoice dated 15/09/2027 when the report is made on 10/08/2027.",
        ),
        fix=Text(
            "corrigez la date, ou déplacez la ligne vers le plan auquel elle appartient.",
            "correct the date, or move the line to the plan it belongs to.",
        ),
    ),
)

CATALOG: dict[str, RuleSpec] = {spec.code: spec for spec in SPECS}
BY_NAME: dict[str, RuleSpec] = {spec.name: spec for spec in SPECS}


def spec(code_or_name: str) -> RuleSpec | None:
    """A rule by its code (any case) or its name."""
    key = code_or_name.strip()
    return CATALOG.get(key.upper()) or BY_NAME.get(key.lower())
