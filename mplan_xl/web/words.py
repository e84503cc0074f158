"""The web pages' own words, in both languages (the plan's words come from the report's vocabulary)."""

from __future__ import annotations

from ..i18n import Text

WORDS: dict[str, Text] = {
    "title": Text("mplan — votre plan d'action marketing", "mplan — your marketing action plan"),
    "tagline": Text(
        "Vérifiez votre plan d'action marketing cellule par cellule et obtenez sa synthèse, sans terminal.",
        "Check your marketing action plan cell by cell and get its summary, no terminal needed.",
    ),
    "skip": Text("Aller au contenu", "Skip to content"),
    "switch_lang": Text("English", "Français"),
    "switch_lang_title": Text("Switch to English", "Passer en français"),
    "nav_home": Text("Accueil", "Home"),
    "nav_compare": Text("Comparer deux versions", "Compare two versions"),
    "nav_rules": Text("Les règles", "The rules"),
    "nav_logout": Text("Se déconnecter", "Log out"),
    "private": Text(
        "Votre fichier n'est gardé nulle part : il est lu, puis effacé dès la réponse envoyée.",
        "Your file is kept nowhere: it is read, then deleted as soon as the answer is sent.",
    ),
    # create a template
    "create": Text("Créer un modèle", "Create a template"),
    "create_intro": Text(
        "Un classeur prêt à remplir dans Excel ou LibreOffice : les 8 étapes, les listes déroulantes, le guide.",
        "A workbook ready to fill in Excel or LibreOffice: the 8 steps, the dropdowns, the guide.",
    ),
    "language": Text("Langue du classeur", "Workbook language"),
    "french": Text("Français", "French"),
    "english": Text("Anglais", "English"),
    "start": Text("Début du plan", "Plan start"),
    "start_help": Text("Par défaut le 1er janvier prochain.", "By default next 1 January."),
    "months": Text("Durée (mois)", "Length (months)"),
    "currency": Text("Devise (code ISO)", "Currency (ISO code)"),
    "with_example": Text("Avec un plan d'exemple complet", "With a complete example plan"),
    "download_template": Text("Télécharger le modèle", "Download the template"),
    # check a plan
    "check": Text("Vérifier mon plan", "Check my plan"),
    "check_intro": Text(
        "Déposez votre classeur (.xlsx ou .xlsm) ici ou choisissez-le.",
        "Drop your workbook (.xlsx or .xlsm) here or pick it.",
    ),
    "file": Text("Classeur", "Workbook"),
    "drop_here": Text("Déposez le classeur ici", "Drop the workbook here"),
    "today": Text("Date de référence (facultatif)", "Reference date (optional)"),
    "today_help": Text(
        "Par défaut celle des Paramètres du plan, sinon aujourd'hui.",
        "By default the one in the plan's Settings, else today.",
    ),
    "submit_check": Text("Vérifier", "Check"),
    "working": Text("Vérification en cours…", "Checking…"),
    # result
    "result": Text("Résultat", "Result"),
    "verdict": Text("En une ligne", "In one line"),
    "key_figures": Text("Chiffres clés", "Key figures"),
    "findings": Text("Ce qu'il faut corriger", "What to fix"),
    "no_findings": Text("Aucun problème trouvé : le plan est propre.", "No problem found: the plan is clean."),
    "show": Text("Afficher", "Show"),
    "all": Text("Tout", "All"),
    "severity": Text("Gravité", "Severity"),
    "code": Text("Code", "Code"),
    "cell": Text("Cellule", "Cell"),
    "message": Text("Message", "Message"),
    "hint": Text("Que faire", "What to do"),
    "charts": Text("Les chiffres en images", "The figures at a glance"),
    "downloads": Text("Téléchargements", "Downloads"),
    "downloads_intro": Text(
        "Le classeur avec sa synthèse, ses alertes et son calendrier, ou les données pour d'autres outils.",
        "The workbook with its summary, alerts and timeline, or the data for other tools.",
    ),
    "downloads_again": Text(
        "Le serveur ne garde pas votre fichier : choisissez-le à nouveau pour ces téléchargements.",
        "The server does not keep your file: pick it again for these downloads.",
    ),
    "get_report": Text("Classeur avec le rapport (.xlsx)", "Workbook with the report (.xlsx)"),
    "get_ics": Text("Calendrier (.ics)", "Calendar (.ics)"),
    "get_csv": Text("Tableaux (CSV, .zip)", "Tables (CSV, .zip)"),
    "get_json": Text("Données (JSON)", "Data (JSON)"),
    "check_other": Text("Vérifier un autre plan", "Check another plan"),
    "sheet": Text("Onglet", "Sheet"),
    # compare
    "compare": Text("Comparer deux versions", "Compare two versions"),
    "compare_intro": Text(
        "Ce qui a changé entre deux versions d'un plan : actions ajoutées, retirées, déplacées, coûts, objectifs.",
        "What changed between two versions of a plan: actions added, removed, moved, costs, objectives.",
    ),
    "old": Text("Ancienne version", "Older version"),
    "new": Text("Nouvelle version", "Newer version"),
    "submit_compare": Text("Comparer", "Compare"),
    "between": Text("Entre {old} et {new}", "Between {old} and {new}"),
    "no_change": Text("Aucun changement.", "No change."),
    # rules
    "rules": Text("Les règles de vérification", "The checking rules"),
    "rules_intro": Text(
        "Chaque constat porte le code d'une règle ; voici ce qu'elle vérifie, pourquoi, et comment corriger.",
        "Each finding carries a rule's code; here is what the rule checks, why, and how to fix it.",
    ),
    # login
    "login": Text("Connexion", "Log in"),
    "login_intro": Text(
        "Ce serveur est protégé : saisissez le jeton d'accès que votre équipe vous a donné.",
        "This server is protected: enter the access token your team gave you.",
    ),
    "token": Text("Jeton d'accès", "Access token"),
    "submit_login": Text("Entrer", "Enter"),
    "bad_token": Text("Jeton incorrect.", "Wrong token."),
    # errors
    "error": Text("Impossible de traiter la demande", "The request could not be processed"),
    "back": Text("Revenir à l'accueil", "Back to the home page"),
    "no_file": Text("choisissez d'abord un classeur", "choose a workbook first"),
    "no_files": Text("choisissez les deux versions du plan", "choose both versions of the plan"),
    "bad_csrf": Text(
        "formulaire expiré ou venu d'un autre site : rechargez la page et recommencez",
        "form expired or sent from another site: reload the page and try again",
    ),
    "bad_api": Text(
        "appel refusé : l'en-tête X-Mplan: 1 est requis, et les appels venus d'un autre site sont refusés",
        "call refused: the X-Mplan: 1 header is required, and calls from another site are refused",
    ),
    "forbidden_remote": Text(
        "ce serveur ne répond qu'à cet ordinateur : pour le partager, démarrez-le avec un jeton (--token ou MPLAN_TOKEN)",
        "this server answers only this computer: to share it, start it with a token (--token or MPLAN_TOKEN)",
    ),
    "need_login": Text("authentification requise (jeton d'accès)", "authentication required (access token)"),
    "not_found": Text("page introuvable", "page not found"),
    "bad_format": Text("format inconnu : ics, csv ou json", "unknown format: ics, csv or json"),
    "bad_what": Text("téléchargement inconnu", "unknown download"),
    "server_error": Text(
        "erreur inattendue du serveur ; votre fichier n'a pas été conservé",
        "unexpected server error; your file was not kept",
    ),
    "footer": Text(
        "mplan — la méthode du plan d'action marketing en 8 étapes, dans votre classeur.",
        "mplan — the 8-step marketing action plan method, in your workbook.",
    ),
}


def word(key: str, lang: str, **values: object) -> str:
    text = WORDS[key](lang)
    return text.format(**values) if values else text
