"""The workbook contract as data: sheets, tables, columns, settings and choice lists (SPEC section 1).

Every sheet name, header label and choice label of the workbook is spelled here and nowhere else.
The template writer, the reader, the generic checks and the docs all derive from these objects.

Each table reads as a table: one line per column, `col(key, French label, English label, type, flags)`.
Flags: `req` (a row needs a value), `unique`, `choices` (key in CHOICES), `ref` (key of the table whose
id column the values refer to), `integer`, `width` (Excel characters; default per type, DEFAULT_WIDTH),
`min` and `max` (the range a sensible value lies in, bounds included; a percent as a fraction, 1 = 100 %).
A setting is a column of the settings "table". The help notes shown on headers live in texts.HELP.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from . import texts
from .i18n import CURRENCY_SYMBOLS, pick  # noqa: F401  (CURRENCY_SYMBOLS: kept importable from here)

LANGS = ("fr", "en")


class ColumnType(StrEnum):
    """Value types understood by the reader (SPEC "Value types"); each equals the contract's word for it."""

    TEXT = "text"
    ID = "id"
    LIST = "list"
    NUMBER = "number"
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"


T = ColumnType
# The members under their short names, as other modules import them.
TEXT, ID, LIST, NUMBER, MONEY, PERCENT, DATE, CHOICE, BOOL = (
    T.TEXT,
    T.ID,
    T.LIST,
    T.NUMBER,
    T.MONEY,
    T.PERCENT,
    T.DATE,
    T.CHOICE,
    T.BOOL,
)

# Column width (Excel characters) of each type, unless the column sets its own.
DEFAULT_WIDTH: dict[ColumnType, float] = {
    T.TEXT: 24,
    T.ID: 9,
    T.LIST: 16,
    T.NUMBER: 12,
    T.MONEY: 14,
    T.PERCENT: 12,
    T.DATE: 13,
    T.CHOICE: 16,
    T.BOOL: 10,
}


@dataclass(frozen=True)
class Option:
    """One entry of a choice list: a stable key used by the code, and its labels."""

    key: str
    fr: str
    en: str

    def label(self, lang: str) -> str:
        return pick(lang, self.fr, self.en)


@dataclass(frozen=True)
class ChoiceList:
    key: str
    options: tuple[Option, ...]

    def labels(self, lang: str) -> list[str]:
        return [o.label(lang) for o in self.options]

    def option(self, key: str) -> Option:
        return next(o for o in self.options if o.key == key)

    @property
    def defined_name(self) -> str:
        return f"lst_{self.key}"


def _choices(key: str, *options: tuple[str, str, str]) -> ChoiceList:
    return ChoiceList(key, tuple(Option(*o) for o in options))


def _codes(key: str, codes: str) -> ChoiceList:
    """A list of codes shown as themselves in both languages."""
    return _choices(key, *((c, c, c) for c in codes.split()))


CHOICES: dict[str, ChoiceList] = {
    c.key: c
    for c in (
        _choices(
            "watch_type",
            ("commercial", "Commerciale", "Commercial"),
            ("competitive", "Concurrentielle", "Competitive"),
            ("market", "Marché", "Market"),
            ("technology", "Technologique", "Technology"),
        ),
        _choices(
            "stance",
            ("opportunity", "Opportunité", "Opportunity"),
            ("threat", "Menace", "Threat"),
            ("neutral", "Neutre", "Neutral"),
        ),
        _choices("impact", ("low", "Faible", "Low"), ("medium", "Moyen", "Medium"), ("high", "Fort", "High")),
        _choices(
            "pestel",
            ("political", "Politique", "Political"),
            ("economic", "Économique", "Economic"),
            ("social", "Socioculturel", "Social"),
            ("technological", "Technologique", "Technological"),
            ("environmental", "Environnemental", "Environmental"),
            ("legal", "Légal", "Legal"),
        ),
        _choices("category", ("traditional", "Traditionnel", "Traditional"), ("digital", "Digital", "Digital")),
        _choices(
            "pillar",
            ("product", "Produit", "Product"),
            ("price", "Prix", "Price"),
            ("place", "Distribution", "Place"),
            ("promotion", "Communication", "Promotion"),
        ),
        _choices(
            "swot",
            ("strength", "Force", "Strength"),
            ("weakness", "Faiblesse", "Weakness"),
            ("opportunity", "Opportunité", "Opportunity"),
            ("threat", "Menace", "Threat"),
        ),
        _choices("priority", ("high", "Haute", "High"), ("medium", "Moyenne", "Medium"), ("low", "Basse", "Low")),
        _choices(
            "status",
            ("todo", "À faire", "To do"),
            ("in_progress", "En cours", "In progress"),
            ("done", "Terminé", "Done"),
            ("cancelled", "Annulé", "Cancelled"),
        ),
        _choices("bool", ("yes", "Oui", "Yes"), ("no", "Non", "No")),
        _codes("language", "fr en"),
        _codes("currency", "EUR USD GBP CHF CAD JPY SEK NOK DKK PLN MAD XOF TND AUD"),
        _codes("country", "FR BE CH LU CA MC DE ES IT GB US NL PT MA TN SN CI"),
    )
}

# Currency symbols for number formats; other ISO codes are shown as the code itself.


@dataclass(frozen=True)
class Column:
    """A column of a table, or a setting (a row of the Settings sheet, i.e. a column of the settings "table")."""

    key: str
    fr: str
    en: str
    type: ColumnType
    required: bool = False
    unique: bool = False
    choices: str | None = None  # key in CHOICES
    ref: str | None = None  # key of the table whose id column this column refers to
    integer: bool = False
    width: float = 0  # 0: DEFAULT_WIDTH of the type
    table: str = ""  # key of the table the column belongs to, "settings" for a setting
    min: float | None = None  # smallest sensible value, included (a percent as a fraction)
    max: float | None = None  # largest sensible value, included

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", ColumnType(self.type))  # a contract word ("money") becomes its member
        if not self.width:
            object.__setattr__(self, "width", DEFAULT_WIDTH[self.type])

    def label(self, lang: str) -> str:
        return pick(lang, self.fr, self.en)

    def help(self, lang: str) -> str:
        """The note shown on the header (and as input help), from texts.HELP."""
        return texts.t(texts.HELP[self.table, self.key], lang)


Setting = Column  # a setting is a column of the settings table; the old name kept for imports


@dataclass(frozen=True)
class Table:
    key: str
    sheet: str
    columns: tuple[Column, ...]
    id_column: str | None = None  # the column other tables refer to
    blank_rows: int = 30  # empty rows the template pre-sizes the table with

    @property
    def excel_name(self) -> str:
        return f"tbl_{self.key}"

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def ref_name(self) -> str:
        """Defined name listing this table's ids, the source of the dropdowns that refer to it."""
        return f"ref_{self.key}"


@dataclass(frozen=True)
class Sheet:
    key: str
    fr: str
    en: str
    generated: bool = False
    step: int | None = None
    tables: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return pick(lang, self.fr, self.en)


def col(
    key: str,
    fr: str,
    en: str,
    type_: ColumnType,
    *,
    req: bool = False,
    unique: bool = False,
    choices: str | None = None,
    ref: str | None = None,
    integer: bool = False,
    width: float = 0,
    min: float | None = None,
    max: float | None = None,
) -> Column:
    """One line of a table below; the table it belongs to is filled in by `_of`."""
    return Column(key, fr, en, type_, req, unique, choices, ref, integer, width, min=min, max=max)


def _of(table_key: str, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    return tuple(replace(c, table=table_key) for c in columns)


def table(
    key: str, sheet: str, *, columns: tuple[Column, ...], id_column: str | None = None, blank_rows: int = 30
) -> Table:
    return Table(key, sheet, _of(key, columns), id_column, blank_rows)


SHEETS: tuple[Sheet, ...] = (
    Sheet("guide", "Guide", "Guide"),
    Sheet("settings", "Paramètres", "Settings", tables=("settings",)),
    Sheet("objectives", "1 Objectifs", "1 Objectives", step=1, tables=("objectives",)),
    Sheet("personas", "2 Personae", "2 Personas", step=2, tables=("personas",)),
    Sheet("watch", "3 Veille", "3 Watch", step=3, tables=("watch", "pestel")),
    Sheet("channels", "4 Canaux", "4 Channels", step=4, tables=("channels",)),
    Sheet("resources", "5 Ressources", "5 Resources", step=5, tables=("team", "overheads")),
    Sheet("actions", "6 Actions", "6 Actions", step=6, tables=("actions", "swot")),
    Sheet("schedule", "7 Planning", "7 Schedule", step=7, tables=("schedule", "peaks")),
    Sheet("tracking", "8 Suivi", "8 Tracking", step=8, tables=("measurements", "actuals")),
    Sheet("lists", "Listes", "Lists"),
    Sheet("summary", "Synthèse", "Summary", generated=True),
    Sheet("alerts", "Alertes", "Alerts", generated=True),
    Sheet("timeline", "Calendrier", "Timeline", generated=True),
)
SHEET = {s.key: s for s in SHEETS}

# fmt: off
SETTINGS: tuple[Column, ...] = _of("settings", (
    col("plan_name",             "Nom du plan",                     "Plan name",                      T.TEXT,    req=True),
    col("company",               "Entreprise",                      "Company",                        T.TEXT),
    col("plan_owner",            "Responsable du plan",             "Plan owner",                     T.TEXT),
    col("period_start",          "Début de période",                "Period start",                   T.DATE,    req=True),
    col("period_end",            "Fin de période",                  "Period end",                     T.DATE,    req=True),
    col("currency",              "Devise",                          "Currency",                       T.TEXT,    choices="currency"),
    col("envelope",              "Enveloppe budgétaire",            "Budget envelope",                T.MONEY),
    col("country",               "Pays (jours fériés)",             "Country (public holidays)",      T.TEXT,    choices="country"),
    col("due_soon_days",         "Échéance proche (jours)",         "Due-soon window (days)",         T.NUMBER,  integer=True, min=0),
    col("budget_warn",           "Seuil d'alerte budget",           "Budget warning threshold",       T.PERCENT, min=0, max=10),
    col("overspend_warn",        "Seuil de dépassement par action", "Per-action overspend threshold", T.PERCENT, min=0, max=10),
    col("persona_review_months", "Revue des personae (mois)",       "Persona review (months)",        T.NUMBER,  integer=True, min=0),
    col("gross_margin",          "Taux de marge brute",             "Gross margin rate",              T.PERCENT, min=0, max=1),
    col("reference_date",        "Date de référence",               "Reference date",                 T.DATE),
    col("measure_every_days",    "Fréquence des mesures (jours)",   "Measurement interval (days)",    T.NUMBER,  integer=True, min=0),
    col("language",              "Langue",                          "Language",                       T.TEXT,    choices="language"),
))
# fmt: on
SETTING = {s.key: s for s in SETTINGS}

# Defaults that do not depend on the period (period_start / period_end are computed by the template).
SETTING_DEFAULTS = {
    "currency": "EUR",
    "country": "FR",
    "due_soon_days": 14,
    "budget_warn": 0.9,
    "overspend_warn": 0.1,
    "persona_review_months": 12,
    "measure_every_days": 31,
}

# The settings table itself: two columns (label, value) plus a help column the reader ignores.
SETTINGS_TABLE_LABELS = {
    "label": ("Paramètre", "Setting"),
    "value": ("Valeur", "Value"),
    "help": ("Aide", "Help"),
}

# fmt: off
TABLES: tuple[Table, ...] = (
    table("objectives", "objectives", id_column="id", blank_rows=20, columns=(
        col("id",        "ID",                                    "ID",                                T.ID,     req=True, unique=True),
        col("objective", "Objectif",                              "Objective",                         T.TEXT,   req=True, width=40),
        col("kpi",       "Indicateur (KPI)",                      "KPI",                               T.TEXT,   width=22),
        col("baseline",  "Valeur de départ",                      "Baseline",                          T.NUMBER),
        col("target",    "Cible",                                 "Target",                            T.NUMBER, req=True),
        col("unit",      "Unité",                                 "Unit",                              T.TEXT,   width=10),
        col("deadline",  "Échéance",                              "Deadline",                          T.DATE,   req=True),
        col("owner",     "Responsable",                           "Owner",                             T.ID,     ref="team", width=16),
        col("strategy",  "Lien avec la stratégie",                "Strategic link",                    T.TEXT,   width=30),
        col("rationale", "Justification (atteignable, réaliste)", "Rationale (achievable, realistic)", T.TEXT,   width=34),
    )),
    table("personas", "personas", id_column="id", blank_rows=10, columns=(
        col("id",       "ID",                              "ID",                          T.ID,   req=True, unique=True),
        col("name",     "Nom",                             "Name",                        T.TEXT, req=True, width=20),
        col("age",      "Tranche d'âge",                   "Age range",                   T.TEXT, width=12),
        col("gender",   "Sexe",                            "Gender",                      T.TEXT, width=10),
        col("location", "Zone géographique",               "Location",                    T.TEXT, width=18),
        col("csp",      "Catégorie socio-professionnelle", "Socio-professional category", T.TEXT, width=20),
        col("needs",    "Problématiques et besoins",       "Pain points and needs",       T.TEXT, width=34),
        col("habits",   "Habitudes de consommation",       "Buying habits",               T.TEXT, width=30),
        col("channels", "Canaux privilégiés",              "Preferred channels",          T.LIST, width=24),
        col("tone",     "Ton à adopter",                   "Tone of voice",               T.TEXT, width=18),
        col("source",   "Source des données",              "Data source",                 T.TEXT, width=20),
        col("reviewed", "Dernière révision",               "Last reviewed",               T.DATE),
    )),
    table("watch", "watch", blank_rows=30, columns=(
        col("date",        "Date",                  "Date",                  T.DATE),
        col("type",        "Type de veille",        "Watch type",            T.CHOICE, req=True, choices="watch_type"),
        col("subject",     "Sujet ou acteur",       "Subject or player",     T.TEXT,   req=True, width=22),
        col("observation", "Observation",           "Observation",           T.TEXT,   width=40),
        col("stance",      "Opportunité ou menace", "Opportunity or threat", T.CHOICE, choices="stance"),
        col("impact",      "Impact",                "Impact",                T.CHOICE, choices="impact", width=10),
        col("source",      "Source",                "Source",                T.TEXT,   width=20),
    )),
    table("pestel", "watch", blank_rows=12, columns=(
        col("factor",  "Facteur",           "Factor",             T.CHOICE, req=True, choices="pestel"),
        col("finding", "Constat",           "Finding",            T.TEXT,   width=36),
        col("impact",  "Impact",            "Impact",             T.CHOICE, choices="impact", width=10),
        col("effect",  "Effet sur le plan", "Effect on the plan", T.TEXT,   width=34),
    )),
    table("channels", "channels", id_column="channel", blank_rows=15, columns=(
        col("channel",    "Canal",            "Channel",           T.TEXT,   req=True, unique=True),
        col("category",   "Catégorie",        "Category",          T.CHOICE, choices="category", width=13),
        col("lever",      "Levier",           "Lever",             T.TEXT,   width=20),
        col("objectives", "Objectifs servis", "Objectives served", T.LIST,   ref="objectives"),
        col("personas",   "Personae ciblés",  "Personas targeted", T.LIST,   ref="personas"),
        col("past",       "Résultats passés", "Past results",      T.TEXT,   width=26),
        col("selected",   "Retenu",           "Selected",          T.BOOL,   choices="bool"),
        col("rationale",  "Justification",    "Rationale",         T.TEXT,   width=30),
    )),
    table("team", "resources", id_column="member", blank_rows=10, columns=(
        col("member",     "Membre",                "Member",                T.TEXT,   req=True, unique=True, width=18),
        col("role",       "Rôle",                  "Role",                  T.TEXT,   width=22),
        col("capacity",   "Capacité (jours/mois)", "Capacity (days/month)", T.NUMBER, min=0),
        col("day_cost",   "Coût journalier",       "Daily cost",            T.MONEY),
        col("to_recruit", "À recruter",            "To recruit",            T.BOOL,   choices="bool"),
    )),
    table("overheads", "resources", blank_rows=10, columns=(
        col("item",     "Poste",         "Item",           T.TEXT,  req=True, width=26),
        col("category", "Catégorie",     "Category",       T.TEXT,  width=16),
        col("planned",  "Montant prévu", "Planned amount", T.MONEY, req=True),
        col("actual",   "Montant réel",  "Actual amount",  T.MONEY),
    )),
    table("actions", "actions", id_column="id", blank_rows=40, columns=(
        col("id",          "ID",                   "ID",                   T.ID,     req=True, unique=True),
        col("action",      "Action",               "Action",               T.TEXT,   req=True, width=32),
        col("description", "Description",          "Description",          T.TEXT,   width=36),
        col("objective",   "Objectif lié",         "Objective",            T.ID,     req=True, ref="objectives", width=11),
        col("personas",    "Personae ciblés",      "Target personas",      T.LIST,   ref="personas"),
        col("channel",     "Canal",                "Channel",              T.TEXT,   req=True, ref="channels", width=20),
        col("pillar",      "Pilier 4P",            "4P pillar",            T.CHOICE, choices="pillar", width=15),
        col("cost",        "Coût estimé",          "Estimated cost",       T.MONEY,  req=True),
        col("revenue",     "Gain attendu",         "Expected revenue",     T.MONEY),
        col("effort",      "Charge (jours-homme)", "Effort (person-days)", T.NUMBER, min=0),
    )),
    table("swot", "actions", blank_rows=16, columns=(
        col("type",   "Type",        "Type",           T.CHOICE, req=True, choices="swot", width=13),
        col("item",   "Élément",     "Item",           T.TEXT,   req=True, width=34),
        col("action", "Action liée", "Related action", T.ID,     ref="actions", width=11),
    )),
    table("schedule", "schedule", blank_rows=40, columns=(
        col("action",   "ID action",   "Action ID",       T.ID,     req=True, unique=True, ref="actions", width=11),
        col("start",    "Début",       "Start",           T.DATE,   req=True),
        col("end",      "Échéance",    "Deadline",        T.DATE,   req=True),
        col("owner",    "Responsable", "Owner",           T.ID,     ref="team", width=16),
        col("priority", "Priorité",    "Priority",        T.CHOICE, choices="priority", width=12),
        col("status",   "Statut",      "Status",          T.CHOICE, choices="status", width=13),
        col("depends",  "Dépend de",   "Depends on",      T.LIST,   ref="actions", width=12),
        col("peak",     "Temps fort",  "Commercial peak", T.TEXT,   ref="peaks", width=22),
    )),
    table("peaks", "schedule", id_column="name", blank_rows=10, columns=(
        col("name",  "Temps fort", "Commercial peak", T.TEXT, req=True, unique=True, width=30),
        col("start", "Début",      "Start",           T.DATE, req=True),
        col("end",   "Fin",        "End",             T.DATE),
    )),
    table("measurements", "tracking", blank_rows=60, columns=(
        col("date",      "Date",        "Date",         T.DATE,   req=True),
        col("objective", "ID objectif", "Objective ID", T.ID,     req=True, ref="objectives", width=12),
        col("value",     "Valeur",      "Value",        T.NUMBER, req=True),
        col("comment",   "Commentaire", "Comment",      T.TEXT,   width=30),
    )),
    table("actuals", "tracking", blank_rows=40, columns=(
        col("date",           "Date",        "Date",           T.DATE),
        col("action",         "ID action",   "Action ID",      T.ID,      req=True, ref="actions", width=11),
        col("actual_cost",    "Coût réel",   "Actual cost",    T.MONEY),
        col("actual_revenue", "Gain réel",   "Actual revenue", T.MONEY),
        col("progress",       "Avancement",  "Progress",       T.PERCENT, min=0, max=1),
        col("comment",        "Commentaire", "Comment",        T.TEXT,    width=30),
    )),
)
# fmt: on
TABLE = {t.key: t for t in TABLES}


def sheet_of(table_key: str) -> Sheet:
    return SHEET[TABLE[table_key].sheet]


def input_sheets() -> list[Sheet]:
    return [s for s in SHEETS if not s.generated]
