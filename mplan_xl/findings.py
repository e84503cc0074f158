"""Findings are data: code, severity, sheet, cell, message and hint (SPEC section 3).

MESSAGES holds each code's severity and its message and hint templates in French and English.
A report collects findings with their counts and renders them as SPEC's JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .cells import split_address

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

# code: (severity, (message fr, message en), (hint fr, hint en))
MESSAGES: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "MP001": (ERROR, ("Tableau {table} introuvable", "Table {table} not found"),
              ("Recréez le tableau avec ses en-têtes (voir un modèle mplan init).",
               "Recreate the table with its headers (see a template from mplan init).")),
    "MP002": (ERROR, ("Colonne obligatoire « {column} » absente de {table}",
                      "Required column '{column}' missing from {table}"),
              ("Ajoutez une colonne intitulée « {column} ».", "Add a column headed '{column}'.")),
    "MP004": (ERROR, ("Valeur illisible dans « {column} » : {reason}", "Unreadable value in '{column}': {reason}"),
              ("Corrigez la cellule (nombre, date jj/mm/aaaa ou valeur de la liste).",
               "Fix the cell (a number, a date such as 15/03/2027, or a value from the list).")),
    "MP005": (ERROR, ("Identifiant en double : {value}", "Duplicate id: {value}"),
              ("Donnez un identifiant unique à chaque ligne.", "Give each row a unique id.")),
    "MP006": (ERROR, ("Valeur obligatoire manquante : « {column} »", "Required value missing: '{column}'"),
              ("Renseignez « {column} » sur cette ligne.", "Fill in '{column}' on this row.")),
    "MP007": (WARNING, ("Formule sans valeur calculée dans « {column} » : traitée comme vide",
                        "Formula without a calculated value in '{column}': treated as empty"),
              ("Ouvrez le classeur, recalculez (F9) et enregistrez-le.",
               "Open the workbook, recalculate (F9) and save it.")),
    "MP008": (ERROR, ("Erreur Excel {error} dans « {column} »", "Excel error {error} in '{column}'"),
              ("Corrigez la formule ou remplacez-la par une valeur.", "Fix the formula or type a value instead.")),
    "MP010": (ERROR, ("Période du plan absente ou fin avant le début", "Plan period missing or end not after start"),
              ("Renseignez le début et la fin de période dans les Paramètres.",
               "Fill in the period start and end in Settings.")),
    "MP011": (WARNING, ("Période du plan de {months} mois (plus de 24)", "Plan period of {months} months (over 24)"),
              ("Un plan d'action couvre en général 12 mois : découpez-le.",
               "An action plan usually covers 12 months: split it.")),
    "MP101": (ERROR, ("Aucun objectif", "No objective"),
              ("Fixez trois à six objectifs SMART à l'étape 1.", "Set three to six SMART objectives in step 1.")),
    "MP102": (ERROR, ("Objectif {id} sans cible chiffrée (non mesurable)", "Objective {id} has no numeric target"),
              ("Indiquez la valeur à atteindre, par exemple 1500.", "Type the value to reach, for example 1500.")),
    "MP103": (WARNING, ("Objectif {id} sans indicateur ou sans unité", "Objective {id} has no KPI name or unit"),
              ("Nommez l'indicateur suivi et son unité.", "Name the KPI tracked and its unit.")),
    "MP104": (ERROR, ("Objectif {id} sans échéance (non temporel)", "Objective {id} has no deadline"),
              ("Indiquez la date d'atteinte de la cible.", "Type the date by which the target is reached.")),
    "MP105": (WARNING, ("Échéance de l'objectif {id} hors de la période du plan",
                        "Objective {id} deadline outside the plan period"),
              ("Placez l'échéance entre le {start} et le {end}.", "Set the deadline between {start} and {end}.")),
    "MP106": (WARNING, ("Objectif {id} trop vague (moins de 4 mots)", "Objective {id} too vague (fewer than 4 words)"),
              ("Précisez : quoi, pour qui, de combien.", "Be specific: what, for whom, by how much.")),
    "MP107": (WARNING, ("Cible de l'objectif {id} irréaliste : {why}", "Objective {id} target unrealistic: {why}"),
              ("Revoyez la cible ou la valeur de départ.", "Review the target or the baseline.")),
    "MP108": (WARNING, ("Objectif {id} sans responsable", "Objective {id} has no owner"),
              ("Désignez un membre de l'équipe.", "Name a team member.")),
    "MP109": (INFO, ("Objectif {id} sans lien stratégique ni justification",
                     "Objective {id} has no strategic link or rationale"),
              ("Expliquez pourquoi cet objectif compte et pourquoi il est atteignable.",
               "Say why it matters and why it is achievable.")),
    "MP110": (WARNING, ("Aucune action ne sert l'objectif {id}", "No action serves objective {id}"),
              ("Ajoutez une action liée à cet objectif à l'étape 6.", "Add an action for this objective in step 6.")),
}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    sheet: str
    cell: str
    message: str
    hint: str

    def sort_key(self):
        row, col = split_address(self.cell)
        return SEVERITY_ORDER[self.severity], self.sheet, row, col, self.code


def finding(code: str, sheet: str, cell: str, lang: str, **values) -> Finding:
    severity, message, hint = MESSAGES[code]
    pick = 0 if lang == "fr" else 1
    return Finding(code, severity, sheet, cell, message[pick].format(**values), hint[pick].format(**values))


@dataclass
class Report:
    file: str
    today: date
    findings: list[Finding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {ERROR: 0, WARNING: 0, INFO: 0}
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    def to_dict(self) -> dict:
        return {"file": self.file, "today": self.today.isoformat(), "counts": self.counts,
                "findings": [asdict(f) for f in self.findings]}
