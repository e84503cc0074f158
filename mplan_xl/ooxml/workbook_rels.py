"""xl/_rels/workbook.xml.rels: the workbook's relationships, one per sheet among others, edited as text."""

from __future__ import annotations

import posixpath
import re
from xml.sax.saxutils import quoteattr

from .package import NS, relationships

PART = "xl/_rels/workbook.xml.rels"
WORKSHEET_TYPE = NS["r"] + "/worksheet"


def by_id(xml: bytes) -> dict[str, dict[str, str]]:
    """Relationship id -> its attributes."""
    return {r["Id"]: r for r in relationships(xml)}


def new_ids(rels: dict[str, dict[str, str]], freed: set[str], count: int) -> list[str]:
    """count ids of the form rIdMplanN that no kept relationship uses (the freed ones may be reused)."""
    ids, n = [], 1
    for _ in range(count):
        while f"rIdMplan{n}" in rels and f"rIdMplan{n}" not in freed:
            n += 1
        ids.append(f"rIdMplan{n}")
        n += 1
    return ids


def worksheet_tag(rid: str, part: str) -> str:
    """The relationship from the workbook to the sheet part `part` (a name inside the package)."""
    return f'<Relationship Id="{rid}" Type="{WORKSHEET_TYPE}" Target={quoteattr(posixpath.relpath(part, "xl"))}/>'


def edit(xml: str, old_rids: set[str], new_tags: list[str]) -> str:
    """Drop the relationships old_rids name and append new_tags."""
    for rid in old_rids:
        xml = re.sub(r'<Relationship\b[^>]*\bId="' + re.escape(rid) + r'"[^>]*/>', "", xml)
    return xml.replace("</Relationships>", "".join(new_tags) + "</Relationships>")
