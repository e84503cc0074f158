"""docs/rules.md (English) and docs/regles.md (French), generated from the rule catalogue.

scripts/make_docs.py writes them; a test checks drift.
"""

from __future__ import annotations

from ..i18n import NBSP, Text
from .catalog import HEADINGS, SPECS

SEVERITIES = {
    "error": Text("erreur", "error"),
    "warning": Text("avertissement", "warning"),
    "info": Text("information", "info"),
}
INTRO = {
    "en": [
        "# Rules",
        "",
        "Every check `mplan validate` makes, generated from the catalogue (`mplan_xl/rules/catalog.py`) by",
        "`python scripts/make_docs.py`. Each finding has a code, a severity, the sheet and cell, a message",
        "and a hint in the workbook's language. `mplan rules CODE` (or its name) shows one rule in the",
        "terminal; `mplan rules --format json` gives the whole catalogue as data.",
        "",
        f"En français{NBSP}: [regles.md](regles.md).",
        "",
        "| code | name | severity | what |",
        "|---|---|---|---|",
    ],
    "fr": [
        "# Règles",
        "",
        "Tous les contrôles que fait `mplan validate`, générés depuis le catalogue (`mplan_xl/rules/catalog.py`)",
        "par `python scripts/make_docs.py`. Chaque constat a un code, une gravité, l'onglet et la cellule, un",
        "message et un conseil dans la langue du classeur. `mplan rules --lang fr CODE` (ou son nom) explique",
        f"une règle dans le terminal{NBSP}; `mplan rules --format json` donne tout le catalogue sous forme de",
        "données, dans les deux langues.",
        "",
        "In English: [rules.md](rules.md).",
        "",
        "| code | nom | gravité | signification |",
        "|---|---|---|---|",
    ],
}


def _code(text: str) -> str:
    """A message template as inline code (its {placeholders} stay readable)."""
    return f"`{text}`"


def markdown(lang: str = "en") -> str:
    """The catalogue as Markdown in one language (rules.md in English, regles.md in French)."""
    fr = lang == "fr"
    colon = f"{NBSP}:" if fr else ":"
    lines = list(INTRO["fr" if fr else "en"])
    lines += [
        f"| [{s.code}](#{s.code.lower()}) | `{s.name}` | {SEVERITIES[s.severity](lang)} | {s.title(lang)} |"
        for s in SPECS
    ]
    group = None
    for spec in SPECS:
        if spec.step_title(lang) != group:
            group = spec.step_title(lang)
            lines += ["", f"## {group}"]
        severity = SEVERITIES[spec.severity](lang)
        lines += ["", f"### {spec.code}", "", f"`{spec.name}` ({severity}){colon} **{spec.title(lang)}**"]
        for key, text in spec.sections(lang).items():
            lines += ["", f"**{key}{colon}** {text}" if fr else f"**{key}.** {text}"]
        message, hint = HEADINGS["message"](lang), HEADINGS["hint"](lang)
        if fr:
            lines += [
                "",
                "| | Français | English |",
                "|---|---|---|",
                f"| {message} | {_code(spec.message.fr)} | {_code(spec.message.en)} |",
                f"| {hint} | {spec.hint.fr} | {spec.hint.en} |",
            ]
        else:
            lines += [
                "",
                "| | English | Français |",
                "|---|---|---|",
                f"| {message} | {_code(spec.message.en)} | {_code(spec.message.fr)} |",
                f"| {hint} | {spec.hint.en} | {spec.hint.fr} |",
            ]
    return "\n".join(lines) + "\n"
