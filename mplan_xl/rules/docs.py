"""docs/rules.md, generated from the rule catalogue (scripts/make_docs.py writes it; a test checks drift)."""

from __future__ import annotations

from .catalog import SPECS


def _code(text: str) -> str:
    """A message template as inline code (its {placeholders} stay readable)."""
    return f"`{text}`"


def markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Every check `mplan validate` makes, generated from the catalogue (`mplan_xl/rules/catalog.py`) by",
        "`python scripts/make_docs.py`. Each finding has a code, a severity, the sheet and cell, a message",
        "and a hint in the workbook's language. `mplan rules CODE` (or its name) shows one rule in the",
        "terminal; `mplan rules --format json` gives the whole catalogue as data.",
        "",
        "| code | name | severity | what |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{s.code}](#{s.code.lower()}) | `{s.name}` | {s.severity} | {s.title} |" for s in SPECS]
    group = None
    for spec in SPECS:
        if spec.step != group:
            group = spec.step
            lines += ["", f"## {group}"]
        lines += ["", f"### {spec.code}", "", f"`{spec.name}` ({spec.severity}): **{spec.title}**"]
        for key, text in spec.sections().items():
            lines += ["", f"**{key}.** {text}"]
        lines += [
            "",
            "| | English | Français |",
            "|---|---|---|",
            f"| Message | {_code(spec.message.en)} | {_code(spec.message.fr)} |",
            f"| Hint | {spec.hint.en} | {spec.hint.fr} |",
        ]
    return "\n".join(lines) + "\n"
