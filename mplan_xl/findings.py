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

# code: (severity, (message fr, message en), (hint fr, hint en)). The reader's codes are here; every
# other rule declares its own with @rule in mplan_xl/rules.
MESSAGES: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "MP001": (
        ERROR,
        ("Tableau {table} introuvable", "Table {table} not found"),
        (
            "Recréez le tableau avec ses en-têtes (voir un modèle mplan init).",
            "Recreate the table with its headers (see a template from mplan init).",
        ),
    ),
    "MP002": (
        ERROR,
        ("Colonne obligatoire « {column} » absente de {table}", "Required column '{column}' missing from {table}"),
        ("Ajoutez une colonne intitulée « {column} ».", "Add a column headed '{column}'."),
    ),
    "MP004": (
        ERROR,
        ("« {value} » dans « {column} » n'est pas {expected}", "'{value}' in '{column}' is not {expected}"),
        (
            "Corrigez la cellule (nombre, date jj/mm/aaaa ou valeur de la liste).",
            "Fix the cell (a number, a date such as 15/03/2027, or a value from the list).",
        ),
    ),
    "MP007": (
        WARNING,
        (
            "Formule sans valeur calculée dans « {column} » : traitée comme vide",
            "Formula without a calculated value in '{column}': treated as empty",
        ),
        ("Ouvrez le classeur, recalculez (F9) et enregistrez-le.", "Open the workbook, recalculate (F9) and save it."),
    ),
    "MP008": (
        ERROR,
        ("Erreur Excel {error} dans « {column} »", "Excel error {error} in '{column}'"),
        ("Corrigez la formule ou remplacez-la par une valeur.", "Fix the formula or type a value instead."),
    ),
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
    if "kind" in values:  # MP004: what the column expected, worded in the message's language
        from .values import EXPECTED

        values = dict(values, expected=EXPECTED[values["kind"]][pick])
    return Finding(code, severity, sheet, cell, message[pick].format(**values), hint[pick].format(**values))


@dataclass
class Report:
    file: str
    today: date
    findings: list[Finding] = field(default_factory=list)
    lang: str = "fr"
    sheets: list[str] = field(default_factory=list)  # the workbook's sheet order, for grouped output

    @property
    def counts(self) -> dict[str, int]:
        counts = {ERROR: 0, WARNING: 0, INFO: 0}
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "today": self.today.isoformat(),
            "counts": self.counts,
            "findings": [asdict(f) for f in self.findings],
        }
