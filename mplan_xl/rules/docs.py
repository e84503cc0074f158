"""docs/rules.md, generated from the rule catalogue (scripts/make_docs.py writes it; a test checks drift)."""

from __future__ import annotations

from . import RULES

STEPS = {
    "MP0": "Reading the workbook",
    "MP1": "Step 1 · Objectives",
    "MP2": "Step 2 · Personas",
    "MP3": "Step 3 · Watch and PESTEL",
    "MP4": "Step 4 · Channels",
    "MP5": "Step 5 · Budget and resources",
    "MP6": "Step 6 · Actions",
    "MP7": "Step 7 · Schedule",
    "MP8": "Step 8 · Tracking",
}


def markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Every check `mplan validate` makes, generated from the code (`python scripts/make_docs.py`).",
        "Each finding has a code, a severity, the sheet and cell, a message and a hint in the workbook's",
        "language. `mplan rules CODE` shows one rule in the terminal.",
        "",
        "| code | severity | what |",
        "|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.severity} | {r.title} |" for r in RULES.values()]
    group = None
    for rule in RULES.values():
        if STEPS[rule.code[:3]] != group:
            group = STEPS[rule.code[:3]]
            lines += ["", f"## {group}"]
        body = "\n".join(rule.doc.splitlines()[1:]).strip()
        for key in ("What:", "Why:", "Example:", "Fix:"):  # one paragraph per section
            body = body.replace("\n" + key, "\n\n" + key).replace(key, f"**{key[:-1]}.**", 1)
        lines += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.title}** ({rule.severity})",
            "",
            body,
            "",
            f"Message: *{rule.message('en')}* — *{rule.message('fr')}*",
        ]
    return "\n".join(lines) + "\n"
