"""Words the workbook shows besides the contract labels: step titles, advice, the Guide, the legend.

Kept apart from schema.py (the contract) so that wording can improve without touching the contract.
Every entry is a (French, English) pair; `t(pair, lang)` picks one (mplan_xl.i18n is the one home of the
languages: its `Text` is the same pair as a type, and its `Locale` formats values).
"""

from __future__ import annotations

from .i18n import Text

Pair = tuple[str, str]


def t(pair: Pair | Text, lang: str) -> str:
    return Text.of(pair)(lang)


# Step sheets: title shown in row 1, then one or two sentences of advice (also on the Guide).
STEPS: dict[str, tuple[Pair, Pair]] = {
    "objectives": (
        ("Étape 1 · Fixer des objectifs SMART", "Step 1 · Set SMART objectives"),
        (
            "Un objectif utile est Spécifique, Mesurable (un indicateur et une cible chiffrée), Atteignable, "
            "Réaliste et Temporel (une échéance). Trois à six objectifs suffisent : au-delà, plus rien n'est "
            "prioritaire.",
            "A useful objective is Specific, Measurable (a KPI and a numeric target), Achievable, Realistic and "
            "Time-bound (a deadline). Three to six are enough: beyond that nothing is a priority.",
        ),
    ),
    "personas": (
        ("Étape 2 · Décrire les personae", "Step 2 · Describe your personas"),
        (
            "Donnez un visage à chaque cible : âge, lieu, besoins, habitudes d'achat et canaux où la toucher. "
            "Appuyez-vous sur des données (enquêtes, CRM) et révisez-les au moins une fois par an.",
            "Give each target a face: age, location, needs, buying habits and the channels that reach them. "
            "Base them on data (surveys, CRM) and review them at least once a year.",
        ),
    ),
    "watch": (
        ("Étape 3 · Veille et analyse PESTEL", "Step 3 · Market watch and PESTEL"),
        (
            "Notez ce que font vos concurrents, ce qui change sur votre marché et dans la technologie, puis "
            "passez l'environnement au crible des six facteurs PESTEL. Chaque constat fort doit se retrouver "
            "dans une action.",
            "Record what competitors do and what changes in your market and in technology, then scan the "
            "environment through the six PESTEL factors. Every strong finding should lead to an action.",
        ),
    ),
    "channels": (
        ("Étape 4 · Choisir leviers et canaux", "Step 4 · Choose levers and channels"),
        (
            "Le catalogue ci-dessous liste les canaux traditionnels et digitaux. Retenez ceux qui touchent vos "
            "personae et servent vos objectifs, en vous appuyant sur les résultats passés ; écartez les autres.",
            "The catalogue below lists traditional and digital channels. Select those that reach your personas "
            "and serve your objectives, based on past results; leave the others out.",
        ),
    ),
    "resources": (
        ("Étape 5 · Budget et ressources", "Step 5 · Budget and resources"),
        (
            "Fixez l'enveloppe dans les Paramètres (ou laissez-la vide pour un budget construit action par "
            "action), listez l'équipe avec sa disponibilité mensuelle et les frais fixes hors actions.",
            "Set the envelope in Settings (or leave it empty for a bottom-up budget), list the team with its "
            "monthly availability and the fixed costs not tied to an action.",
        ),
    ),
    "actions": (
        ("Étape 6 · Lister les actions (SWOT et 4P)", "Step 6 · List the actions (SWOT and 4P)"),
        (
            "Chaque action sert un objectif, passe par un canal retenu et porte un coût, un gain attendu et une "
            "charge. La SWOT à droite relie vos forces et menaces aux actions qui y répondent.",
            "Each action serves an objective, uses a selected channel and carries a cost, an expected revenue "
            "and an effort. The SWOT on the right links strengths and threats to the actions that answer them.",
        ),
    ),
    "schedule": (
        ("Étape 7 · Planifier", "Step 7 · Schedule"),
        (
            "Donnez à chaque action un début, une échéance, un responsable, une priorité et un statut. Calez les "
            "actions sur les temps forts commerciaux (à droite, pré-remplis pour la période) et démarrez-les "
            "avant eux.",
            "Give each action a start, a deadline, an owner, a priority and a status. Align actions with the "
            "commercial peaks (on the right, pre-filled for the period) and start them ahead of the peak.",
        ),
    ),
    "tracking": (
        ("Étape 8 · Mesurer et suivre", "Step 8 · Measure and track"),
        (
            "Relevez régulièrement (au moins chaque mois) la valeur de chaque indicateur, et saisissez le réalisé "
            "ligne par ligne : une ligne datée par facture ou par mois, autant de lignes que nécessaire pour une "
            "même action (elles s'additionnent). mplan compare ces mesures aux cibles et au budget, mois par mois.",
            "Record each KPI regularly (at least monthly), and type what was really spent line by line: one dated "
            "line per invoice or per month, as many lines as needed for one action (they add up). mplan compares "
            "them with the targets and the budget, month by month.",
        ),
    ),
}

TABLE_CAPTIONS: dict[str, Pair] = {
    "settings": ("Paramètres du plan", "Plan settings"),
    "objectives": ("Objectifs SMART", "SMART objectives"),
    "personas": ("Personae", "Personas"),
    "watch": ("Journal de veille", "Market watch log"),
    "pestel": ("Analyse PESTEL", "PESTEL analysis"),
    "channels": ("Catalogue des canaux", "Channel catalogue"),
    "team": ("Équipe (ressources humaines)", "Team (human resources)"),
    "overheads": ("Frais fixes hors actions", "Overheads not tied to an action"),
    "actions": ("Plan d'actions", "Action list"),
    "swot": ("Analyse SWOT", "SWOT analysis"),
    "schedule": ("Planning des actions", "Action schedule"),
    "peaks": ("Temps forts commerciaux", "Commercial peaks"),
    "measurements": ("Relevés des indicateurs", "KPI measurements"),
    "actuals": ("Coûts et gains réels", "Actual costs and revenue"),
}

SETTINGS_INTRO: Pair = (
    "Réglages du plan : période, devise, enveloppe, seuils d'alerte. Les cellules claires se modifient.",
    "Plan settings: period, currency, envelope, alert thresholds. Edit the light cells.",
)

LIST_TITLES: dict[str, Pair] = {
    "watch_type": ("Types de veille", "Watch types"),
    "stance": ("Opportunité / menace", "Opportunity / threat"),
    "impact": ("Impact", "Impact"),
    "pestel": ("Facteurs PESTEL", "PESTEL factors"),
    "category": ("Catégories de canal", "Channel categories"),
    "pillar": ("Piliers 4P", "4P pillars"),
    "swot": ("Types SWOT", "SWOT types"),
    "priority": ("Priorités", "Priorities"),
    "status": ("Statuts", "Statuses"),
    "bool": ("Oui / Non", "Yes / No"),
    "language": ("Langues", "Languages"),
    "currency": ("Devises", "Currencies"),
    "country": ("Pays", "Countries"),
}
LISTS_INTRO: Pair = (
    "Listes des menus déroulants. Onglet protégé (sans mot de passe) : ne le modifiez pas, mplan s'y réfère.",
    "Sources of the dropdown menus. Protected sheet (no password): do not edit it, mplan relies on it.",
)

GUIDE_TITLE: Pair = ("Plan d'action marketing", "Marketing action plan")
GUIDE_PURPOSE: Pair = (
    "Ce classeur est votre plan d'action marketing, en 8 étapes, une par onglet. Remplissez-le dans Excel "
    "ou LibreOffice : les menus déroulants et les notes des en-têtes vous guident. mplan vérifie ensuite le "
    "plan cellule par cellule et écrit dans ce même classeur une synthèse (budget, ROI, échéances, charge, "
    "progression des indicateurs), la liste des alertes et un calendrier.",
    "This workbook is your marketing action plan, in 8 steps, one sheet each. Fill it in Excel or "
    "LibreOffice: dropdowns and header notes guide you. mplan then checks the plan cell by cell and writes "
    "into this same workbook a summary (budget, ROI, deadlines, workload, KPI progress), the list of alerts "
    "and a timeline.",
)
GUIDE_START: Pair = (
    "Commencez par l'onglet Paramètres (nom du plan, période, enveloppe), puis suivez les étapes dans l'ordre.",
    "Start with the Settings sheet (plan name, period, envelope), then follow the steps in order.",
)
GUIDE_STEPS_TITLE: Pair = ("Les 8 étapes", "The 8 steps")
GUIDE_COLUMNS: tuple[Pair, Pair, Pair] = (("Étape", "Step"), ("Onglet", "Sheet"), ("Conseil", "Advice"))
GUIDE_LEGEND_TITLE: Pair = ("Code couleur", "Colour legend")
GUIDE_NEXT_TITLE: Pair = ("Et ensuite ?", "What next?")
GUIDE_GENERATED: Pair = (
    "Les onglets Synthèse, Alertes et Calendrier sont écrits par « mplan report » et remplacés à chaque "
    "exécution : n'y saisissez rien. Tout le reste du classeur est à vous et n'est jamais modifié.",
    "The Summary, Alerts and Timeline sheets are written by 'mplan report' and replaced at every run: do not "
    "type in them. Everything else in the workbook is yours and is never changed.",
)

LEGEND: tuple[tuple[str, Pair, Pair], ...] = (
    (
        "header_required",
        ("Colonne obligatoire", "Required column"),
        (
            "En-tête bleu foncé : la valeur est obligatoire sur chaque ligne remplie.",
            "Dark blue header: a value is required on every filled row.",
        ),
    ),
    (
        "header",
        ("Colonne facultative", "Optional column"),
        (
            "En-tête bleu clair : à remplir si vous le pouvez. Survolez un en-tête pour lire sa note.",
            "Light blue header: fill it if you can. Hover over a header to read its note.",
        ),
    ),
    (
        "input",
        ("Cellule de saisie", "Input cell"),
        (
            "Fond crème : vous saisissez ici, ou vous choisissez dans la liste déroulante.",
            "Cream background: type here, or pick from the dropdown.",
        ),
    ),
    (
        "generated",
        ("Cellule générée", "Generated cell"),
        (
            "Fond gris : écrit par mplan (listes, synthèse, alertes, calendrier). Ne pas modifier.",
            "Grey background: written by mplan (lists, summary, alerts, timeline). Do not edit.",
        ),
    ),
)

COMMANDS: tuple[tuple[str, Pair], ...] = (
    (
        "mplan validate {file}",
        (
            "vérifie le plan et liste les problèmes, cellule par cellule",
            "checks the plan and lists problems, cell by cell",
        ),
    ),
    (
        "mplan report {file}",
        (
            "écrit la Synthèse, les Alertes et le Calendrier dans ce classeur",
            "writes the Summary, Alerts and Timeline into this workbook",
        ),
    ),
    (
        "mplan export {file} --format ics -o plan.ics",
        ("exporte les échéances vers votre agenda", "exports deadlines to your calendar"),
    ),
    (
        "mplan diff {file} plan-mois-dernier.xlsx",
        (
            "montre ce qui a changé depuis une autre version du plan",
            "shows what changed since another version of the plan",
        ),
    ),
    ("mplan rules", ("explique chaque règle de vérification", "explains every check")),
)

# Data-validation messages (Excel limits: title 32 characters, message 255).
ERRORS: dict[str, tuple[Pair, Pair]] = {
    "date": (
        ("Date attendue", "Date expected"),
        ("Saisissez une date, par exemple 15/03/2027.", "Type a date, for example 15/03/2027."),
    ),
    "number": (
        ("Nombre attendu", "Number expected"),
        ("Saisissez un nombre, par exemple 1500 ou 12,5.", "Type a number, for example 1500 or 12.5."),
    ),
    "integer": (
        ("Nombre entier attendu", "Whole number expected"),
        ("Saisissez un nombre entier, par exemple 14.", "Type a whole number, for example 14."),
    ),
    "money": (
        ("Montant attendu", "Amount expected"),
        (
            "Saisissez un montant positif, sans texte, par exemple 2500.",
            "Type a positive amount, without text, for example 2500.",
        ),
    ),
    "percent": (
        ("Pourcentage attendu", "Percentage expected"),
        ("Saisissez un pourcentage, par exemple 25 %.", "Type a percentage, for example 25%."),
    ),
    "choice": (
        ("Valeur hors liste", "Not in the list"),
        ("Choisissez une valeur dans la liste déroulante.", "Pick a value from the dropdown list."),
    ),
    "ref": (
        ("Identifiant inconnu", "Unknown id"),
        (
            "Cet identifiant n'existe pas encore dans la table de référence. Continuer quand même ?",
            "This id does not exist yet in the table it refers to. Continue anyway?",
        ),
    ),
    "ref_list": (
        ("Plusieurs valeurs possibles", "Several values allowed"),
        (
            "Vous pouvez saisir plusieurs identifiants séparés par des virgules, par exemple P1, P2.",
            "You may type several ids separated by commas, for example P1, P2.",
        ),
    ),
}

PROPERTIES: dict[str, Pair] = {
    "title": ("Plan d'action marketing", "Marketing action plan"),
    "subject": ("Plan d'action marketing en 8 étapes", "8-step marketing action plan"),
    "comments": ("Modèle créé par mplan", "Template created by mplan"),
}


# --- Generated sheets (mplan report) -------------------------------------------------------------
REPORT: dict[str, Pair] = {
    "generated_note": (
        "Généré par mplan le {today} · cette feuille est remplacée à chaque « mplan report » : ne la modifiez pas.",
        "Generated by mplan on {today} · this sheet is replaced at every 'mplan report': do not edit it.",
    ),
    "period": ("Période du {start} au {end} · situation au {today}", "Period {start} to {end} · as of {today}"),
    "key_figures": ("Chiffres clés", "Key figures"),
    "envelope": ("Enveloppe budgétaire", "Budget envelope"),
    "envelope_bottom_up": ("Enveloppe (budget construit, pas d'enveloppe)", "Envelope (bottom-up, none set)"),
    "planned_spend": ("Dépenses prévues", "Planned spend"),
    "budget_used": ("Part de l'enveloppe planifiée", "Share of the envelope planned"),
    "overheads": ("dont frais fixes hors actions", "of which overheads (not tied to an action)"),
    "actual_spend": ("Dépenses réelles", "Actual spend"),
    "projected_spend": (
        "Prévision à terme (réalisé + reste à dépenser)",
        "Forecast at completion (spent + still planned)",
    ),
    "expected_revenue": ("CA attendu", "Expected revenue"),
    "actual_revenue": ("CA réel à date", "Actual revenue to date"),
    "planned_roi": ("ROI prévu", "Planned ROI"),
    "actual_roi": ("ROI réel à date", "Actual ROI to date"),
    "planned_romi": ("ROMI prévu", "Planned ROMI"),
    "actual_romi": ("ROMI réel à date", "Actual ROMI to date"),
    "unscheduled_cost": ("Coût des actions non planifiées", "Cost of unscheduled actions"),
    "errors": ("Erreurs", "Errors"),
    "warnings": ("Avertissements", "Warnings"),
    "infos": ("Informations", "Infos"),
    "undefined": ("–", "–"),
    "by_channel": ("Par canal", "By channel"),
    "by_objective": ("Par objectif", "By objective"),
    "by_pillar": ("Par pilier 4P", "By 4P pillar"),
    "by_month": ("Dépenses prévues par mois", "Planned spend by month"),
    "channel": ("Canal", "Channel"),
    "objective": ("Objectif", "Objective"),
    "pillar": ("Pilier", "Pillar"),
    "month": ("Mois", "Month"),
    "actions": ("Actions", "Actions"),
    "planned_cost": ("Coût prévu", "Planned cost"),
    "roi": ("ROI prévu", "Planned ROI"),
    "actual_cost": ("Coût réel", "Actual cost"),
    "total": ("Total", "Total"),
    "none": ("(non renseigné)", "(not set)"),
    "unscheduled": ("Non planifié", "Unscheduled"),
    "objectives": ("Objectifs", "Objectives"),
    "kpi": ("Indicateur", "KPI"),
    "latest": ("Dernière valeur", "Latest value"),
    "target": ("Cible", "Target"),
    "progress": ("Progression", "Progress"),
    "expected": ("Attendu à date", "Expected by now"),
    "status": ("Statut", "Status"),
    "achieved": ("Atteint", "Achieved"),
    "on_track": ("En bonne voie", "On track"),
    "off_track": ("En retard", "Off track"),
    "no_data": ("Sans mesure", "No data"),
    "deadlines": ("Échéances", "Deadlines"),
    "overdue": ("En retard", "Overdue"),
    "due_soon": ("Échéance proche", "Due soon"),
    "no_deadline": ("Aucune action en retard ni à échéance proche.", "No action overdue or due soon."),
    "id": ("ID", "ID"),
    "action": ("Action", "Action"),
    "owner": ("Responsable", "Owner"),
    "deadline": ("Échéance", "Deadline"),
    "days_left": ("Jours restants", "Days left"),
    "business_days_left": ("Jours ouvrés restants", "Business days left"),
    "workload": (
        "Charge par responsable et par mois (part de la capacité)",
        "Workload per owner and month (share of capacity)",
    ),
    "capacity": ("Capacité (j/mois)", "Capacity (days/month)"),
    "no_workload": (
        "Aucune charge planifiée (renseignez charge, dates et responsable des actions).",
        "No workload planned (fill in effort, dates and owner of the actions).",
    ),
    "chart_channel": ("Dépenses prévues par canal", "Planned spend by channel"),
    "chart_month": ("Dépenses prévues par mois", "Planned spend by month"),
    "chart_objectives": ("Progression des objectifs", "Objectives progress"),
    "alerts_counts": (
        "{errors} erreur(s) · {warnings} avertissement(s) · {infos} information(s)",
        "{errors} error(s) · {warnings} warning(s) · {infos} info(s)",
    ),
    "alerts_clean": ("Aucune alerte : le plan est propre.", "No alert: the plan is clean."),
    "severity": ("Gravité", "Severity"),
    "code": ("Code", "Code"),
    "sheet": ("Onglet", "Sheet"),
    "cell": ("Cellule", "Cell"),
    "message": ("Message", "Message"),
    "hint": ("Que faire", "What to do"),
    "error": ("Erreur", "Error"),
    "warning": ("Avertissement", "Warning"),
    "info": ("Information", "Info"),
    "timeline_legend": ("Légende :", "Legend:"),
    "todo": ("À faire", "To do"),
    "in_progress": ("En cours", "In progress"),
    "done": ("Terminé", "Done"),
    "late": ("En retard", "Overdue"),
    "today": ("Aujourd'hui", "Today"),
    "peaks": ("Temps forts", "Commercial peaks"),
    "start": ("Début", "Start"),
    "not_scheduled": ("Actions non planifiées", "Unscheduled actions"),
    "no_objective": ("Sans objectif", "No objective"),
}

# The note on each column header (and its input help), by (table, column); settings under "settings".
HELP: dict[tuple[str, str], Pair] = {
    # objectives
    ("objectives", "id"): (
        "Identifiant court et unique de l'objectif, repris dans les actions et le suivi. Ex. : O1",
        "Short unique id, used by actions and tracking. E.g. O1",
    ),
    ("objectives", "objective"): (
        "Spécifique : ce que vous voulez obtenir, en une phrase. Ex. : Augmenter les ventes en ligne de la gamme bio",
        "Specific: what you want to achieve, in one sentence. E.g. Grow online sales of the organic range",
    ),
    ("objectives", "kpi"): (
        "Mesurable : l'indicateur suivi. Ex. : Chiffre d'affaires e-commerce",
        "Measurable: the indicator you track. E.g. E-commerce revenue",
    ),
    ("objectives", "baseline"): (
        "Valeur de l'indicateur au départ. Ex. : 120000",
        "Value of the KPI today. E.g. 120000",
    ),
    ("objectives", "target"): (
        "Valeur à atteindre à l'échéance (un nombre). Ex. : 150000",
        "Value to reach by the deadline (a number). E.g. 150000",
    ),
    ("objectives", "unit"): ("Unité de l'indicateur. Ex. : €, %, abonnés", "Unit of the KPI. E.g. €, %, followers"),
    ("objectives", "deadline"): (
        "Temporel : date à laquelle la cible doit être atteinte. Ex. : 31/12/2027",
        "Time-bound: date by which the target is reached. E.g. 31/12/2027",
    ),
    ("objectives", "owner"): (
        "Membre de l'équipe (onglet 5) qui porte l'objectif. Ex. : Claire",
        "Team member (sheet 5) who owns the objective. E.g. Claire",
    ),
    ("objectives", "strategy"): (
        "À quel axe stratégique de l'entreprise l'objectif contribue.",
        "Which company strategy the objective serves.",
    ),
    ("objectives", "rationale"): (
        "Atteignable et réaliste : pourquoi cette cible est tenable (historique, marché, moyens).",
        "Achievable and realistic: why this target can be met (history, market, means).",
    ),
    # personas
    ("personas", "id"): ("Identifiant court du persona. Ex. : P1", "Short persona id. E.g. P1"),
    ("personas", "name"): (
        "Un prénom et un trait. Ex. : Léa, jeune active urbaine",
        "A first name and a trait. E.g. Lea, young urban professional",
    ),
    ("personas", "age"): ("Ex. : 25-34, 55+, < 25", "E.g. 25-34, 55+, < 25"),
    ("personas", "gender"): ("Ex. : Femme, Homme, Mixte", "E.g. Female, Male, Mixed"),
    ("personas", "location"): ("Ex. : Grandes villes, Auvergne-Rhône-Alpes", "E.g. Large cities, North-West"),
    ("personas", "csp"): ("Ex. : Cadres, CSP+", "E.g. Managers, upper middle class"),
    ("personas", "needs"): (
        "Ce qui le gêne, ce qu'il cherche. Ex. : Manque de temps, veut des produits sains",
        "What bothers them, what they look for. E.g. Short on time, wants healthy products",
    ),
    ("personas", "habits"): (
        "Où, quand et comment il achète. Ex. : Commande en ligne le soir",
        "Where, when and how they buy. E.g. Orders online in the evening",
    ),
    ("personas", "channels"): (
        "Canaux où le toucher, séparés par des virgules. Ex. : Instagram, Emailing",
        "Channels to reach them, comma-separated. E.g. Instagram, Emailing",
    ),
    ("personas", "tone"): ("Ex. : Complice, tutoiement", "E.g. Friendly, informal"),
    ("personas", "source"): (
        "D'où viennent ces informations. Ex. : Enquête clients 2026",
        "Where this comes from. E.g. 2026 customer survey",
    ),
    ("personas", "reviewed"): (
        "Date de la dernière mise à jour du persona. Ex. : 15/09/2026",
        "When the persona was last updated. E.g. 15/09/2026",
    ),
    # watch
    ("watch", "date"): ("Date de l'observation. Ex. : 12/10/2026", "Date of the observation. E.g. 12/10/2026"),
    ("watch", "type"): (
        "Commerciale, concurrentielle, marché ou technologique (liste).",
        "Commercial, competitive, market or technology (list).",
    ),
    ("watch", "subject"): ("Ex. : Concurrent X, nouvelle réglementation", "E.g. Competitor X, new regulation"),
    ("watch", "observation"): (
        "Ce que vous avez constaté. Ex. : Lance une offre d'abonnement à -20 %",
        "What you noticed. E.g. Launches a subscription at -20%",
    ),
    ("watch", "stance"): ("Opportunité, menace ou neutre (liste).", "Opportunity, threat or neutral (list)."),
    ("watch", "impact"): ("Faible, moyen ou fort (liste).", "Low, medium or high (list)."),
    ("watch", "source"): ("Ex. : LSA, salon, site du concurrent", "E.g. trade press, fair, competitor website"),
    # pestel
    ("pestel", "factor"): (
        "Politique, économique, socioculturel, technologique, environnemental ou légal (liste).",
        "Political, economic, social, technological, environmental or legal (list).",
    ),
    ("pestel", "finding"): ("Ex. : Inflation alimentaire persistante", "E.g. Persistent food inflation"),
    ("pestel", "impact"): ("Faible, moyen ou fort (liste).", "Low, medium or high (list)."),
    ("pestel", "effect"): (
        "Ce que vous en faites dans le plan. Ex. : Mettre en avant les petits formats",
        "What the plan does about it. E.g. Push smaller pack sizes",
    ),
    # channels
    ("channels", "channel"): (
        "Nom du canal, repris dans les actions. Ex. : Emailing",
        "Channel name, used by actions. E.g. Emailing",
    ),
    ("channels", "category"): ("Traditionnel ou digital (liste).", "Traditional or digital (list)."),
    ("channels", "lever"): (
        "Ce que le canal apporte. Ex. : Notoriété, acquisition, fidélisation",
        "What the channel brings. E.g. Awareness, acquisition, loyalty",
    ),
    ("channels", "objectives"): (
        "ID des objectifs servis, séparés par des virgules. Ex. : O1, O3",
        "Ids of the objectives served, comma-separated. E.g. O1, O3",
    ),
    ("channels", "personas"): (
        "ID des personae touchés, séparés par des virgules. Ex. : P1, P2",
        "Ids of the personas reached, comma-separated. E.g. P1, P2",
    ),
    ("channels", "past"): (
        "Ce que le canal a donné jusqu'ici. Ex. : Taux d'ouverture 28 %",
        "What the channel delivered so far. E.g. 28% open rate",
    ),
    ("channels", "selected"): ("Oui si le canal est retenu pour ce plan (liste).", "Yes if the plan uses it (list)."),
    ("channels", "rationale"): ("Pourquoi le retenir ou l'écarter.", "Why it is selected or not."),
    # team
    ("team", "member"): (
        "Nom ou prénom, repris comme responsable ailleurs. Ex. : Claire",
        "Name, used as owner elsewhere. E.g. Claire",
    ),
    ("team", "role"): ("Ex. : Chargée de communication", "E.g. Communications officer"),
    ("team", "capacity"): ("Jours par mois consacrés au plan. Ex. : 8", "Days a month given to the plan. E.g. 8"),
    ("team", "day_cost"): ("Coût d'une journée de travail. Ex. : 350", "Cost of one working day. E.g. 350"),
    ("team", "to_recruit"): ("Oui si la personne reste à recruter (liste).", "Yes if still to be hired (list)."),
    # overheads
    ("overheads", "item"): (
        "Coût qui ne dépend pas d'une action. Ex. : Outil d'emailing",
        "A cost not tied to one action. E.g. Emailing tool",
    ),
    ("overheads", "category"): ("Ex. : Outils, agence, études", "E.g. Tools, agency, research"),
    ("overheads", "planned"): ("Montant prévu sur la période. Ex. : 1200", "Planned amount for the period. E.g. 1200"),
    ("overheads", "actual"): ("Montant réellement dépensé à ce jour.", "Amount actually spent so far."),
    # actions
    ("actions", "id"): (
        "Identifiant unique de l'action, repris au planning et au suivi. Ex. : A01",
        "Unique action id, used by the schedule and tracking. E.g. A01",
    ),
    ("actions", "action"): ("Intitulé court. Ex. : Newsletter mensuelle", "Short title. E.g. Monthly newsletter"),
    ("actions", "description"): ("Contenu, message, livrables.", "Content, message, deliverables."),
    ("actions", "objective"): (
        "ID de l'objectif servi (liste). Ex. : O1",
        "Id of the objective served (list). E.g. O1",
    ),
    ("actions", "personas"): (
        "ID des personae, séparés par des virgules. Ex. : P1, P2",
        "Persona ids, comma-separated. E.g. P1, P2",
    ),
    ("actions", "channel"): (
        "Canal utilisé, tel qu'écrit à l'onglet 4 (liste). Ex. : Emailing",
        "Channel used, as written on sheet 4 (list). E.g. Emailing",
    ),
    ("actions", "pillar"): (
        "Produit, prix, distribution ou communication (liste).",
        "Product, price, place or promotion (list).",
    ),
    ("actions", "cost"): ("Budget prévu pour l'action. Ex. : 2500", "Budget planned for the action. E.g. 2500"),
    ("actions", "revenue"): (
        "Chiffre d'affaires attendu grâce à l'action. Ex. : 8000",
        "Revenue expected from the action. E.g. 8000",
    ),
    ("actions", "effort"): ("Travail interne nécessaire, en jours. Ex. : 4", "Internal work needed, in days. E.g. 4"),
    # swot
    ("swot", "type"): (
        "Force, faiblesse, opportunité ou menace (liste).",
        "Strength, weakness, opportunity or threat (list).",
    ),
    ("swot", "item"): ("Ex. : Marque reconnue localement", "E.g. Strong local brand"),
    ("swot", "action"): (
        "ID de l'action qui en tire parti ou y répond (liste). Ex. : A03",
        "Id of the action that uses or answers it (list). E.g. A03",
    ),
    # schedule
    ("schedule", "action"): (
        "ID de l'action planifiée (liste). Ex. : A01",
        "Id of the scheduled action (list). E.g. A01",
    ),
    ("schedule", "start"): ("Date de début, jj/mm/aaaa. Ex. : 01/03/2027", "Start date. E.g. 01/03/2027"),
    ("schedule", "end"): ("Date de fin, jj/mm/aaaa. Ex. : 31/03/2027", "End date. E.g. 31/03/2027"),
    ("schedule", "owner"): ("Membre de l'équipe responsable (liste).", "Team member in charge (list)."),
    ("schedule", "priority"): ("Haute, moyenne ou basse (liste).", "High, medium or low (list)."),
    ("schedule", "status"): (
        "À faire, en cours, terminé ou annulé (liste).",
        "To do, in progress, done or cancelled (list).",
    ),
    ("schedule", "depends"): (
        "ID des actions à finir avant, séparés par des virgules. Ex. : A01, A02",
        "Ids of actions to finish first, comma-separated. E.g. A01, A02",
    ),
    ("schedule", "peak"): (
        "Temps fort commercial visé, tel qu'écrit à droite (liste). Ex. : Fête des mères",
        "Commercial peak aimed at, as written on the right (list). E.g. Mother's Day",
    ),
    # peaks
    ("peaks", "name"): ("Nom du temps fort. Ex. : Soldes d'été", "Name of the peak. E.g. Summer sales"),
    ("peaks", "start"): ("Premier jour. Ex. : 24/06/2027", "First day. E.g. 24/06/2027"),
    ("peaks", "end"): ("Dernier jour (vide pour un jour seul).", "Last day (empty for a single day)."),
    # measurements
    ("measurements", "date"): ("Date de la mesure. Ex. : 31/03/2027", "Date of the measurement. E.g. 31/03/2027"),
    ("measurements", "objective"): (
        "ID de l'objectif mesuré (liste). Ex. : O1",
        "Id of the objective measured (list). E.g. O1",
    ),
    ("measurements", "value"): (
        "Valeur de l'indicateur à cette date. Ex. : 131000",
        "Value of the KPI on that date. E.g. 131000",
    ),
    ("measurements", "comment"): ("Ex. : Effet soldes", "E.g. Sales effect"),
    # actuals
    ("actuals", "date"): (
        "Date de la facture, de la commande ou du mois constaté (une ligne par facture). Ex. : 15/03/2027",
        "Date of the invoice, order or month recorded (one row per invoice). E.g. 15/03/2027",
    ),
    ("actuals", "action"): ("ID de l'action (liste). Ex. : A01", "Action id (list). E.g. A01"),
    ("actuals", "actual_cost"): (
        "Montant de cette ligne (facture, commande) ; les lignes d'une action s'additionnent. Ex. : 2300",
        "Amount of this line (invoice, order); an action's lines add up. E.g. 2300",
    ),
    ("actuals", "actual_revenue"): ("Chiffre d'affaires constaté. Ex. : 9100", "Revenue observed. E.g. 9100"),
    ("actuals", "progress"): (
        "Part réalisée à cette date, en % (la dernière ligne de l'action compte). Ex. : 50 %",
        "Share done at this date, in % (the action's latest row counts). E.g. 50 %",
    ),
    ("actuals", "comment"): ("Ex. : Devis renégocié", "E.g. Quote renegotiated"),
    # settings
    ("settings", "plan_name"): (
        "Le nom qui figurera en tête de la synthèse. Ex. : Plan marketing 2027",
        "The name shown at the top of the summary. E.g. Marketing plan 2027",
    ),
    ("settings", "company"): ("Ex. : Maison Caracole", "E.g. Caracole & Co"),
    ("settings", "plan_owner"): ("Qui porte le plan. Ex. : Claire Martin", "Who owns the plan. E.g. Claire Martin"),
    ("settings", "period_start"): (
        "Premier jour du plan, jj/mm/aaaa. Ex. : 01/01/2027",
        "First day of the plan. E.g. 01/01/2027",
    ),
    ("settings", "period_end"): (
        "Dernier jour du plan, jj/mm/aaaa. Ex. : 31/12/2027",
        "Last day of the plan. E.g. 31/12/2027",
    ),
    ("settings", "currency"): (
        "Code ISO 4217 de la devise des montants. Ex. : EUR",
        "ISO 4217 code of the plan's currency. E.g. EUR",
    ),
    ("settings", "envelope"): (
        "Budget total alloué au plan. Laissez vide pour un budget construit action par action.",
        "Total budget granted to the plan. Leave empty for a bottom-up plan.",
    ),
    ("settings", "country"): (
        "Code ISO 3166 du pays dont les jours fériés comptent dans la charge. Ex. : FR",
        "ISO 3166 code of the country whose public holidays reduce workload. E.g. FR",
    ),
    ("settings", "due_soon_days"): (
        "Une action dont l'échéance tombe dans ce nombre de jours est signalée. Ex. : 14",
        "Actions whose deadline falls within this many days are flagged. E.g. 14",
    ),
    ("settings", "budget_warn"): (
        "Alerte quand les dépenses prévues dépassent cette part de l'enveloppe. Ex. : 90 %",
        "Warn when planned spend exceeds this share of the envelope. E.g. 90 %",
    ),
    ("settings", "overspend_warn"): (
        "Alerte quand le coût réel d'une action dépasse son estimation de plus de ce taux. Ex. : 10 %",
        "Warn when an action's actual cost exceeds its estimate by more than this. E.g. 10 %",
    ),
    ("settings", "persona_review_months"): (
        "Un persona non révisé depuis plus de ces mois est signalé. Ex. : 12",
        "A persona not reviewed for longer than this is flagged. E.g. 12",
    ),
    ("settings", "gross_margin"): (
        "Pour calculer le ROMI. Laissez vide si inconnu. Ex. : 60 %",
        "Used to compute ROMI. Leave empty if unknown. E.g. 60 %",
    ),
    ("settings", "reference_date"): (
        "Date du jour pour les échéances et le suivi. Vide = aujourd'hui.",
        "'Today' for deadlines and tracking. Empty = today.",
    ),
    ("settings", "measure_every_days"): (
        "Un objectif dont la dernière mesure est plus ancienne que ce nombre de jours est signalé. Ex. : 31",
        "An objective whose latest reading is older than this many days is flagged. E.g. 31",
    ),
    ("settings", "language"): ("Langue des rapports : fr ou en.", "Language of the reports: fr or en."),
}
