"""The workbook contract as data: sheets, tables, columns, settings and choice lists (SPEC section 1).

Every sheet name, header label and choice label of the workbook is spelled here and nowhere else.
The template writer, the reader, the generic checks and the docs all derive from these objects.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("fr", "en")

# Value types understood by the reader (SPEC "Value types").
TEXT, ID, LIST, NUMBER, MONEY, PERCENT, DATE, CHOICE, BOOL = (
    "text",
    "id",
    "list",
    "number",
    "money",
    "percent",
    "date",
    "choice",
    "bool",
)


@dataclass(frozen=True)
class Option:
    """One entry of a choice list: a stable key used by the code, and its labels."""

    key: str
    fr: str
    en: str

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


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
        _choices("language", ("fr", "fr", "fr"), ("en", "en", "en")),
        _choices(
            "currency",
            *(
                (c, c, c)
                for c in (
                    "EUR",
                    "USD",
                    "GBP",
                    "CHF",
                    "CAD",
                    "JPY",
                    "SEK",
                    "NOK",
                    "DKK",
                    "PLN",
                    "MAD",
                    "XOF",
                    "TND",
                    "AUD",
                )
            ),
        ),
        _choices(
            "country",
            *(
                (c, c, c)
                for c in (
                    "FR",
                    "BE",
                    "CH",
                    "LU",
                    "CA",
                    "MC",
                    "DE",
                    "ES",
                    "IT",
                    "GB",
                    "US",
                    "NL",
                    "PT",
                    "MA",
                    "TN",
                    "SN",
                    "CI",
                )
            ),
        ),
    )
}

# Currency symbols for number formats; other ISO codes are shown as the code itself.
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CAD": "$", "AUD": "$", "CHF": "CHF"}


@dataclass(frozen=True)
class Column:
    key: str
    fr: str
    en: str
    type: str
    required: bool = False
    unique: bool = False
    choices: str | None = None  # key in CHOICES
    ref: str | None = None  # key of the table whose id column this column refers to
    integer: bool = False
    width: float = 14
    help_fr: str = ""
    help_en: str = ""

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def help(self, lang: str) -> str:
        return self.help_fr if lang == "fr" else self.help_en


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
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Setting:
    key: str
    fr: str
    en: str
    type: str
    required: bool = False
    choices: str | None = None
    integer: bool = False
    help_fr: str = ""
    help_en: str = ""

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def help(self, lang: str) -> str:
        return self.help_fr if lang == "fr" else self.help_en


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

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "plan_name",
        "Nom du plan",
        "Plan name",
        TEXT,
        required=True,
        help_fr="Le nom qui figurera en tête de la synthèse. Ex. : Plan marketing 2027",
        help_en="The name shown at the top of the summary. E.g. Marketing plan 2027",
    ),
    Setting("company", "Entreprise", "Company", TEXT, help_fr="Ex. : Maison Caracole", help_en="E.g. Caracole & Co"),
    Setting(
        "plan_owner",
        "Responsable du plan",
        "Plan owner",
        TEXT,
        help_fr="Qui porte le plan. Ex. : Claire Martin",
        help_en="Who owns the plan. E.g. Claire Martin",
    ),
    Setting(
        "period_start",
        "Début de période",
        "Period start",
        DATE,
        required=True,
        help_fr="Premier jour du plan, jj/mm/aaaa. Ex. : 01/01/2027",
        help_en="First day of the plan. E.g. 01/01/2027",
    ),
    Setting(
        "period_end",
        "Fin de période",
        "Period end",
        DATE,
        required=True,
        help_fr="Dernier jour du plan, jj/mm/aaaa. Ex. : 31/12/2027",
        help_en="Last day of the plan. E.g. 31/12/2027",
    ),
    Setting(
        "currency",
        "Devise",
        "Currency",
        TEXT,
        choices="currency",
        help_fr="Code ISO 4217 de la devise des montants. Ex. : EUR",
        help_en="ISO 4217 code of the plan's currency. E.g. EUR",
    ),
    Setting(
        "envelope",
        "Enveloppe budgétaire",
        "Budget envelope",
        MONEY,
        help_fr="Budget total alloué au plan. Laissez vide pour un budget construit action par action.",
        help_en="Total budget granted to the plan. Leave empty for a bottom-up plan.",
    ),
    Setting(
        "country",
        "Pays (jours fériés)",
        "Country (public holidays)",
        TEXT,
        choices="country",
        help_fr="Code ISO 3166 du pays dont les jours fériés comptent dans la charge. Ex. : FR",
        help_en="ISO 3166 code of the country whose public holidays reduce workload. E.g. FR",
    ),
    Setting(
        "due_soon_days",
        "Échéance proche (jours)",
        "Due-soon window (days)",
        NUMBER,
        integer=True,
        help_fr="Une action dont l'échéance tombe dans ce nombre de jours est signalée. Ex. : 14",
        help_en="Actions whose deadline falls within this many days are flagged. E.g. 14",
    ),
    Setting(
        "budget_warn",
        "Seuil d'alerte budget",
        "Budget warning threshold",
        PERCENT,
        help_fr="Alerte quand les dépenses prévues dépassent cette part de l'enveloppe. Ex. : 90 %",
        help_en="Warn when planned spend exceeds this share of the envelope. E.g. 90 %",
    ),
    Setting(
        "overspend_warn",
        "Seuil de dépassement par action",
        "Per-action overspend threshold",
        PERCENT,
        help_fr="Alerte quand le coût réel d'une action dépasse son estimation de plus de ce taux. Ex. : 10 %",
        help_en="Warn when an action's actual cost exceeds its estimate by more than this. E.g. 10 %",
    ),
    Setting(
        "persona_review_months",
        "Revue des personae (mois)",
        "Persona review (months)",
        NUMBER,
        integer=True,
        help_fr="Un persona non révisé depuis plus de ces mois est signalé. Ex. : 12",
        help_en="A persona not reviewed for longer than this is flagged. E.g. 12",
    ),
    Setting(
        "gross_margin",
        "Taux de marge brute",
        "Gross margin rate",
        PERCENT,
        help_fr="Pour calculer le ROMI. Laissez vide si inconnu. Ex. : 60 %",
        help_en="Used to compute ROMI. Leave empty if unknown. E.g. 60 %",
    ),
    Setting(
        "reference_date",
        "Date de référence",
        "Reference date",
        DATE,
        help_fr="Date du jour pour les échéances et le suivi. Vide = aujourd'hui.",
        help_en="'Today' for deadlines and tracking. Empty = today.",
    ),
    Setting(
        "measure_every_days",
        "Fréquence des mesures (jours)",
        "Measurement interval (days)",
        NUMBER,
        integer=True,
        help_fr="Un objectif dont la dernière mesure est plus ancienne que ce nombre de jours est signalé. Ex. : 31",
        help_en="An objective whose latest reading is older than this many days is flagged. E.g. 31",
    ),
    Setting(
        "language",
        "Langue",
        "Language",
        TEXT,
        choices="language",
        help_fr="Langue des rapports : fr ou en.",
        help_en="Language of the reports: fr or en.",
    ),
)
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


def C(
    key,
    fr,
    en,
    type_,
    *,
    req=False,
    unique=False,
    choices=None,
    ref=None,
    integer=False,
    width=None,
    fr_help="",
    en_help="",
):
    default_width = {TEXT: 24, ID: 9, LIST: 16, NUMBER: 12, MONEY: 14, PERCENT: 12, DATE: 13, CHOICE: 16, BOOL: 10}[
        type_
    ]
    return Column(key, fr, en, type_, req, unique, choices, ref, integer, width or default_width, fr_help, en_help)


TABLES: tuple[Table, ...] = (
    Table(
        "objectives",
        "objectives",
        (
            C(
                "id",
                "ID",
                "ID",
                ID,
                req=True,
                unique=True,
                fr_help="Identifiant court et unique de l'objectif, repris dans les actions et le suivi. Ex. : O1",
                en_help="Short unique id, used by actions and tracking. E.g. O1",
            ),
            C(
                "objective",
                "Objectif",
                "Objective",
                TEXT,
                req=True,
                width=40,
                fr_help="Spécifique : ce que vous voulez obtenir, en une phrase. "
                "Ex. : Augmenter les ventes en ligne de la gamme bio",
                en_help="Specific: what you want to achieve, in one sentence. E.g. Grow online sales of the organic range",
            ),
            C(
                "kpi",
                "Indicateur (KPI)",
                "KPI",
                TEXT,
                width=22,
                fr_help="Mesurable : l'indicateur suivi. Ex. : Chiffre d'affaires e-commerce",
                en_help="Measurable: the indicator you track. E.g. E-commerce revenue",
            ),
            C(
                "baseline",
                "Valeur de départ",
                "Baseline",
                NUMBER,
                fr_help="Valeur de l'indicateur au départ. Ex. : 120000",
                en_help="Value of the KPI today. E.g. 120000",
            ),
            C(
                "target",
                "Cible",
                "Target",
                NUMBER,
                req=True,
                fr_help="Valeur à atteindre à l'échéance (un nombre). Ex. : 150000",
                en_help="Value to reach by the deadline (a number). E.g. 150000",
            ),
            C(
                "unit",
                "Unité",
                "Unit",
                TEXT,
                width=10,
                fr_help="Unité de l'indicateur. Ex. : €, %, abonnés",
                en_help="Unit of the KPI. E.g. €, %, followers",
            ),
            C(
                "deadline",
                "Échéance",
                "Deadline",
                DATE,
                req=True,
                fr_help="Temporel : date à laquelle la cible doit être atteinte. Ex. : 31/12/2027",
                en_help="Time-bound: date by which the target is reached. E.g. 31/12/2027",
            ),
            C(
                "owner",
                "Responsable",
                "Owner",
                ID,
                ref="team",
                width=16,
                fr_help="Membre de l'équipe (onglet 5) qui porte l'objectif. Ex. : Claire",
                en_help="Team member (sheet 5) who owns the objective. E.g. Claire",
            ),
            C(
                "strategy",
                "Lien avec la stratégie",
                "Strategic link",
                TEXT,
                width=30,
                fr_help="À quel axe stratégique de l'entreprise l'objectif contribue.",
                en_help="Which company strategy the objective serves.",
            ),
            C(
                "rationale",
                "Justification (atteignable, réaliste)",
                "Rationale (achievable, realistic)",
                TEXT,
                width=34,
                fr_help="Atteignable et réaliste : pourquoi cette cible est tenable (historique, marché, moyens).",
                en_help="Achievable and realistic: why this target can be met (history, market, means).",
            ),
        ),
        id_column="id",
        blank_rows=20,
    ),
    Table(
        "personas",
        "personas",
        (
            C(
                "id",
                "ID",
                "ID",
                ID,
                req=True,
                unique=True,
                fr_help="Identifiant court du persona. Ex. : P1",
                en_help="Short persona id. E.g. P1",
            ),
            C(
                "name",
                "Nom",
                "Name",
                TEXT,
                req=True,
                width=20,
                fr_help="Un prénom et un trait. Ex. : Léa, jeune active urbaine",
                en_help="A first name and a trait. E.g. Lea, young urban professional",
            ),
            C(
                "age",
                "Tranche d'âge",
                "Age range",
                TEXT,
                width=12,
                fr_help="Ex. : 25-34, 55+, < 25",
                en_help="E.g. 25-34, 55+, < 25",
            ),
            C(
                "gender",
                "Sexe",
                "Gender",
                TEXT,
                width=10,
                fr_help="Ex. : Femme, Homme, Mixte",
                en_help="E.g. Female, Male, Mixed",
            ),
            C(
                "location",
                "Zone géographique",
                "Location",
                TEXT,
                width=18,
                fr_help="Ex. : Grandes villes, Auvergne-Rhône-Alpes",
                en_help="E.g. Large cities, North-West",
            ),
            C(
                "csp",
                "Catégorie socio-professionnelle",
                "Socio-professional category",
                TEXT,
                width=20,
                fr_help="Ex. : Cadres, CSP+",
                en_help="E.g. Managers, upper middle class",
            ),
            C(
                "needs",
                "Problématiques et besoins",
                "Pain points and needs",
                TEXT,
                width=34,
                fr_help="Ce qui le gêne, ce qu'il cherche. Ex. : Manque de temps, veut des produits sains",
                en_help="What bothers them, what they look for. E.g. Short on time, wants healthy products",
            ),
            C(
                "habits",
                "Habitudes de consommation",
                "Buying habits",
                TEXT,
                width=30,
                fr_help="Où, quand et comment il achète. Ex. : Commande en ligne le soir",
                en_help="Where, when and how they buy. E.g. Orders online in the evening",
            ),
            C(
                "channels",
                "Canaux privilégiés",
                "Preferred channels",
                LIST,
                width=24,
                fr_help="Canaux où le toucher, séparés par des virgules. Ex. : Instagram, Emailing",
                en_help="Channels to reach them, comma-separated. E.g. Instagram, Emailing",
            ),
            C(
                "tone",
                "Ton à adopter",
                "Tone of voice",
                TEXT,
                width=18,
                fr_help="Ex. : Complice, tutoiement",
                en_help="E.g. Friendly, informal",
            ),
            C(
                "source",
                "Source des données",
                "Data source",
                TEXT,
                width=20,
                fr_help="D'où viennent ces informations. Ex. : Enquête clients 2026",
                en_help="Where this comes from. E.g. 2026 customer survey",
            ),
            C(
                "reviewed",
                "Dernière révision",
                "Last reviewed",
                DATE,
                fr_help="Date de la dernière mise à jour du persona. Ex. : 15/09/2026",
                en_help="When the persona was last updated. E.g. 15/09/2026",
            ),
        ),
        id_column="id",
        blank_rows=10,
    ),
    Table(
        "watch",
        "watch",
        (
            C(
                "date",
                "Date",
                "Date",
                DATE,
                fr_help="Date de l'observation. Ex. : 12/10/2026",
                en_help="Date of the observation. E.g. 12/10/2026",
            ),
            C(
                "type",
                "Type de veille",
                "Watch type",
                CHOICE,
                req=True,
                choices="watch_type",
                fr_help="Commerciale, concurrentielle, marché ou technologique (liste).",
                en_help="Commercial, competitive, market or technology (list).",
            ),
            C(
                "subject",
                "Sujet ou acteur",
                "Subject or player",
                TEXT,
                req=True,
                width=22,
                fr_help="Ex. : Concurrent X, nouvelle réglementation",
                en_help="E.g. Competitor X, new regulation",
            ),
            C(
                "observation",
                "Observation",
                "Observation",
                TEXT,
                width=40,
                fr_help="Ce que vous avez constaté. Ex. : Lance une offre d'abonnement à -20 %",
                en_help="What you noticed. E.g. Launches a subscription at -20%",
            ),
            C(
                "stance",
                "Opportunité ou menace",
                "Opportunity or threat",
                CHOICE,
                choices="stance",
                fr_help="Opportunité, menace ou neutre (liste).",
                en_help="Opportunity, threat or neutral (list).",
            ),
            C(
                "impact",
                "Impact",
                "Impact",
                CHOICE,
                choices="impact",
                width=10,
                fr_help="Faible, moyen ou fort (liste).",
                en_help="Low, medium or high (list).",
            ),
            C(
                "source",
                "Source",
                "Source",
                TEXT,
                width=20,
                fr_help="Ex. : LSA, salon, site du concurrent",
                en_help="E.g. trade press, fair, competitor website",
            ),
        ),
        blank_rows=30,
    ),
    Table(
        "pestel",
        "watch",
        (
            C(
                "factor",
                "Facteur",
                "Factor",
                CHOICE,
                req=True,
                choices="pestel",
                fr_help="Politique, économique, socioculturel, technologique, environnemental ou légal (liste).",
                en_help="Political, economic, social, technological, environmental or legal (list).",
            ),
            C(
                "finding",
                "Constat",
                "Finding",
                TEXT,
                width=36,
                fr_help="Ex. : Inflation alimentaire persistante",
                en_help="E.g. Persistent food inflation",
            ),
            C(
                "impact",
                "Impact",
                "Impact",
                CHOICE,
                choices="impact",
                width=10,
                fr_help="Faible, moyen ou fort (liste).",
                en_help="Low, medium or high (list).",
            ),
            C(
                "effect",
                "Effet sur le plan",
                "Effect on the plan",
                TEXT,
                width=34,
                fr_help="Ce que vous en faites dans le plan. Ex. : Mettre en avant les petits formats",
                en_help="What the plan does about it. E.g. Push smaller pack sizes",
            ),
        ),
        blank_rows=12,
    ),
    Table(
        "channels",
        "channels",
        (
            C(
                "channel",
                "Canal",
                "Channel",
                TEXT,
                req=True,
                unique=True,
                width=24,
                fr_help="Nom du canal, repris dans les actions. Ex. : Emailing",
                en_help="Channel name, used by actions. E.g. Emailing",
            ),
            C(
                "category",
                "Catégorie",
                "Category",
                CHOICE,
                choices="category",
                width=13,
                fr_help="Traditionnel ou digital (liste).",
                en_help="Traditional or digital (list).",
            ),
            C(
                "lever",
                "Levier",
                "Lever",
                TEXT,
                width=20,
                fr_help="Ce que le canal apporte. Ex. : Notoriété, acquisition, fidélisation",
                en_help="What the channel brings. E.g. Awareness, acquisition, loyalty",
            ),
            C(
                "objectives",
                "Objectifs servis",
                "Objectives served",
                LIST,
                ref="objectives",
                fr_help="ID des objectifs servis, séparés par des virgules. Ex. : O1, O3",
                en_help="Ids of the objectives served, comma-separated. E.g. O1, O3",
            ),
            C(
                "personas",
                "Personae ciblés",
                "Personas targeted",
                LIST,
                ref="personas",
                fr_help="ID des personae touchés, séparés par des virgules. Ex. : P1, P2",
                en_help="Ids of the personas reached, comma-separated. E.g. P1, P2",
            ),
            C(
                "past",
                "Résultats passés",
                "Past results",
                TEXT,
                width=26,
                fr_help="Ce que le canal a donné jusqu'ici. Ex. : Taux d'ouverture 28 %",
                en_help="What the channel delivered so far. E.g. 28% open rate",
            ),
            C(
                "selected",
                "Retenu",
                "Selected",
                BOOL,
                choices="bool",
                fr_help="Oui si le canal est retenu pour ce plan (liste).",
                en_help="Yes if the plan uses it (list).",
            ),
            C(
                "rationale",
                "Justification",
                "Rationale",
                TEXT,
                width=30,
                fr_help="Pourquoi le retenir ou l'écarter.",
                en_help="Why it is selected or not.",
            ),
        ),
        id_column="channel",
        blank_rows=15,
    ),
    Table(
        "team",
        "resources",
        (
            C(
                "member",
                "Membre",
                "Member",
                TEXT,
                req=True,
                unique=True,
                width=18,
                fr_help="Nom ou prénom, repris comme responsable ailleurs. Ex. : Claire",
                en_help="Name, used as owner elsewhere. E.g. Claire",
            ),
            C(
                "role",
                "Rôle",
                "Role",
                TEXT,
                width=22,
                fr_help="Ex. : Chargée de communication",
                en_help="E.g. Communications officer",
            ),
            C(
                "capacity",
                "Capacité (jours/mois)",
                "Capacity (days/month)",
                NUMBER,
                width=12,
                fr_help="Jours par mois consacrés au plan. Ex. : 8",
                en_help="Days a month given to the plan. E.g. 8",
            ),
            C(
                "day_cost",
                "Coût journalier",
                "Daily cost",
                MONEY,
                fr_help="Coût d'une journée de travail. Ex. : 350",
                en_help="Cost of one working day. E.g. 350",
            ),
            C(
                "to_recruit",
                "À recruter",
                "To recruit",
                BOOL,
                choices="bool",
                fr_help="Oui si la personne reste à recruter (liste).",
                en_help="Yes if still to be hired (list).",
            ),
        ),
        id_column="member",
        blank_rows=10,
    ),
    Table(
        "overheads",
        "resources",
        (
            C(
                "item",
                "Poste",
                "Item",
                TEXT,
                req=True,
                width=26,
                fr_help="Coût qui ne dépend pas d'une action. Ex. : Outil d'emailing",
                en_help="A cost not tied to one action. E.g. Emailing tool",
            ),
            C(
                "category",
                "Catégorie",
                "Category",
                TEXT,
                width=16,
                fr_help="Ex. : Outils, agence, études",
                en_help="E.g. Tools, agency, research",
            ),
            C(
                "planned",
                "Montant prévu",
                "Planned amount",
                MONEY,
                req=True,
                fr_help="Montant prévu sur la période. Ex. : 1200",
                en_help="Planned amount for the period. E.g. 1200",
            ),
            C(
                "actual",
                "Montant réel",
                "Actual amount",
                MONEY,
                fr_help="Montant réellement dépensé à ce jour.",
                en_help="Amount actually spent so far.",
            ),
        ),
        blank_rows=10,
    ),
    Table(
        "actions",
        "actions",
        (
            C(
                "id",
                "ID",
                "ID",
                ID,
                req=True,
                unique=True,
                fr_help="Identifiant unique de l'action, repris au planning et au suivi. Ex. : A01",
                en_help="Unique action id, used by the schedule and tracking. E.g. A01",
            ),
            C(
                "action",
                "Action",
                "Action",
                TEXT,
                req=True,
                width=32,
                fr_help="Intitulé court. Ex. : Newsletter mensuelle",
                en_help="Short title. E.g. Monthly newsletter",
            ),
            C(
                "description",
                "Description",
                "Description",
                TEXT,
                width=36,
                fr_help="Contenu, message, livrables.",
                en_help="Content, message, deliverables.",
            ),
            C(
                "objective",
                "Objectif lié",
                "Objective",
                ID,
                req=True,
                ref="objectives",
                width=11,
                fr_help="ID de l'objectif servi (liste). Ex. : O1",
                en_help="Id of the objective served (list). E.g. O1",
            ),
            C(
                "personas",
                "Personae ciblés",
                "Target personas",
                LIST,
                ref="personas",
                fr_help="ID des personae, séparés par des virgules. Ex. : P1, P2",
                en_help="Persona ids, comma-separated. E.g. P1, P2",
            ),
            C(
                "channel",
                "Canal",
                "Channel",
                TEXT,
                req=True,
                ref="channels",
                width=20,
                fr_help="Canal utilisé, tel qu'écrit à l'onglet 4 (liste). Ex. : Emailing",
                en_help="Channel used, as written on sheet 4 (list). E.g. Emailing",
            ),
            C(
                "pillar",
                "Pilier 4P",
                "4P pillar",
                CHOICE,
                choices="pillar",
                width=15,
                fr_help="Produit, prix, distribution ou communication (liste).",
                en_help="Product, price, place or promotion (list).",
            ),
            C(
                "cost",
                "Coût estimé",
                "Estimated cost",
                MONEY,
                req=True,
                fr_help="Budget prévu pour l'action. Ex. : 2500",
                en_help="Budget planned for the action. E.g. 2500",
            ),
            C(
                "revenue",
                "Gain attendu",
                "Expected revenue",
                MONEY,
                fr_help="Chiffre d'affaires attendu grâce à l'action. Ex. : 8000",
                en_help="Revenue expected from the action. E.g. 8000",
            ),
            C(
                "effort",
                "Charge (jours-homme)",
                "Effort (person-days)",
                NUMBER,
                width=12,
                fr_help="Travail interne nécessaire, en jours. Ex. : 4",
                en_help="Internal work needed, in days. E.g. 4",
            ),
        ),
        id_column="id",
        blank_rows=40,
    ),
    Table(
        "swot",
        "actions",
        (
            C(
                "type",
                "Type",
                "Type",
                CHOICE,
                req=True,
                choices="swot",
                width=13,
                fr_help="Force, faiblesse, opportunité ou menace (liste).",
                en_help="Strength, weakness, opportunity or threat (list).",
            ),
            C(
                "item",
                "Élément",
                "Item",
                TEXT,
                req=True,
                width=34,
                fr_help="Ex. : Marque reconnue localement",
                en_help="E.g. Strong local brand",
            ),
            C(
                "action",
                "Action liée",
                "Related action",
                ID,
                ref="actions",
                width=11,
                fr_help="ID de l'action qui en tire parti ou y répond (liste). Ex. : A03",
                en_help="Id of the action that uses or answers it (list). E.g. A03",
            ),
        ),
        blank_rows=16,
    ),
    Table(
        "schedule",
        "schedule",
        (
            C(
                "action",
                "ID action",
                "Action ID",
                ID,
                req=True,
                unique=True,
                ref="actions",
                width=11,
                fr_help="ID de l'action planifiée (liste). Ex. : A01",
                en_help="Id of the scheduled action (list). E.g. A01",
            ),
            C(
                "start",
                "Début",
                "Start",
                DATE,
                req=True,
                fr_help="Date de début, jj/mm/aaaa. Ex. : 01/03/2027",
                en_help="Start date. E.g. 01/03/2027",
            ),
            C(
                "end",
                "Échéance",
                "Deadline",
                DATE,
                req=True,
                fr_help="Date de fin, jj/mm/aaaa. Ex. : 31/03/2027",
                en_help="End date. E.g. 31/03/2027",
            ),
            C(
                "owner",
                "Responsable",
                "Owner",
                ID,
                ref="team",
                width=16,
                fr_help="Membre de l'équipe responsable (liste).",
                en_help="Team member in charge (list).",
            ),
            C(
                "priority",
                "Priorité",
                "Priority",
                CHOICE,
                choices="priority",
                width=12,
                fr_help="Haute, moyenne ou basse (liste).",
                en_help="High, medium or low (list).",
            ),
            C(
                "status",
                "Statut",
                "Status",
                CHOICE,
                choices="status",
                width=13,
                fr_help="À faire, en cours, terminé ou annulé (liste).",
                en_help="To do, in progress, done or cancelled (list).",
            ),
            C(
                "depends",
                "Dépend de",
                "Depends on",
                LIST,
                ref="actions",
                width=12,
                fr_help="ID des actions à finir avant, séparés par des virgules. Ex. : A01, A02",
                en_help="Ids of actions to finish first, comma-separated. E.g. A01, A02",
            ),
            C(
                "peak",
                "Temps fort",
                "Commercial peak",
                TEXT,
                ref="peaks",
                width=22,
                fr_help="Temps fort commercial visé, tel qu'écrit à droite (liste). Ex. : Fête des mères",
                en_help="Commercial peak aimed at, as written on the right (list). E.g. Mother's Day",
            ),
        ),
        blank_rows=40,
    ),
    Table(
        "peaks",
        "schedule",
        (
            C(
                "name",
                "Temps fort",
                "Commercial peak",
                TEXT,
                req=True,
                unique=True,
                width=30,
                fr_help="Nom du temps fort. Ex. : Soldes d'été",
                en_help="Name of the peak. E.g. Summer sales",
            ),
            C(
                "start",
                "Début",
                "Start",
                DATE,
                req=True,
                fr_help="Premier jour. Ex. : 24/06/2027",
                en_help="First day. E.g. 24/06/2027",
            ),
            C(
                "end",
                "Fin",
                "End",
                DATE,
                fr_help="Dernier jour (vide pour un jour seul).",
                en_help="Last day (empty for a single day).",
            ),
        ),
        id_column="name",
        blank_rows=10,
    ),
    Table(
        "measurements",
        "tracking",
        (
            C(
                "date",
                "Date",
                "Date",
                DATE,
                req=True,
                fr_help="Date de la mesure. Ex. : 31/03/2027",
                en_help="Date of the measurement. E.g. 31/03/2027",
            ),
            C(
                "objective",
                "ID objectif",
                "Objective ID",
                ID,
                req=True,
                ref="objectives",
                width=12,
                fr_help="ID de l'objectif mesuré (liste). Ex. : O1",
                en_help="Id of the objective measured (list). E.g. O1",
            ),
            C(
                "value",
                "Valeur",
                "Value",
                NUMBER,
                req=True,
                fr_help="Valeur de l'indicateur à cette date. Ex. : 131000",
                en_help="Value of the KPI on that date. E.g. 131000",
            ),
            C(
                "comment",
                "Commentaire",
                "Comment",
                TEXT,
                width=30,
                fr_help="Ex. : Effet soldes",
                en_help="E.g. Sales effect",
            ),
        ),
        blank_rows=60,
    ),
    Table(
        "actuals",
        "tracking",
        (
            C(
                "date",
                "Date",
                "Date",
                DATE,
                fr_help="Date de la facture, de la commande ou du mois constaté (une ligne par facture). Ex. : 15/03/2027",
                en_help="Date of the invoice, order or month recorded (one row per invoice). E.g. 15/03/2027",
            ),
            C(
                "action",
                "ID action",
                "Action ID",
                ID,
                req=True,
                ref="actions",
                width=11,
                fr_help="ID de l'action (liste). Ex. : A01",
                en_help="Action id (list). E.g. A01",
            ),
            C(
                "actual_cost",
                "Coût réel",
                "Actual cost",
                MONEY,
                fr_help="Montant de cette ligne (facture, commande) ; les lignes d'une action s'additionnent. Ex. : 2300",
                en_help="Amount of this line (invoice, order); an action's lines add up. E.g. 2300",
            ),
            C(
                "actual_revenue",
                "Gain réel",
                "Actual revenue",
                MONEY,
                fr_help="Chiffre d'affaires constaté. Ex. : 9100",
                en_help="Revenue observed. E.g. 9100",
            ),
            C(
                "progress",
                "Avancement",
                "Progress",
                PERCENT,
                width=12,
                fr_help="Part réalisée à cette date, en % (la dernière ligne de l'action compte). Ex. : 50 %",
                en_help="Share done at this date, in % (the action's latest row counts). E.g. 50 %",
            ),
            C(
                "comment",
                "Commentaire",
                "Comment",
                TEXT,
                width=30,
                fr_help="Ex. : Devis renégocié",
                en_help="E.g. Quote renegotiated",
            ),
        ),
        blank_rows=40,
    ),
)
TABLE = {t.key: t for t in TABLES}


def sheet_of(table_key: str) -> Sheet:
    return SHEET[TABLE[table_key].sheet]


def input_sheets() -> list[Sheet]:
    return [s for s in SHEETS if not s.generated]
