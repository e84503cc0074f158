"""xl/workbook.xml: the sheet list, the defined names and the window's active tab, edited as text.

Only the elements the graft changes are touched; everything else in the part stays byte for byte. A
hidden workbook-level defined name (MARKER) lists the sheets mplan generated: only those are replaced.
LibreOffice and openpyxl drop a name holding a text constant when they re-save the workbook, so each
generated sheet also gets a name referring to its cell A1 (MARKER_1, MARKER_2, …): references survive a
re-save, and follow the sheet when it is renamed.
"""

from __future__ import annotations

import re
from html import unescape
from xml.sax.saxutils import escape, quoteattr

from .package import GraftError, tag_attrs

PART = "xl/workbook.xml"
MARKER = "_mplan_generated"
_SHEET_MARKER = re.compile(MARKER + r"_(\d+)$")


def read_marker(workbook_xml: str) -> list[str]:
    """Names of the sheets a previous run generated (the hidden defined name's string constant)."""
    match = re.search(r'<definedName\b[^>]*\bname="' + MARKER + r'"[^>]*>(.*?)</definedName>', workbook_xml, re.S)
    if not match:
        return _sheet_markers(workbook_xml)
    text = unescape(match.group(1)).strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return [name for name in text.split("/") if name] if text else []


def _sheet_markers(workbook_xml: str) -> list[str]:
    """The generated sheets per their reference names (MARKER_1 = 'Summary'!$A$1, …), in order."""
    found = []
    for tag in re.findall(r"<definedName\b[^>]*>.*?</definedName>", workbook_xml, re.S):
        attrs = tag_attrs(tag[: tag.index(">")])
        number = _SHEET_MARKER.match(attrs.get("name", ""))
        target = unescape(tag[tag.index(">") + 1 : -len("</definedName>")]).strip()
        sheet = target.rpartition("!")[0]
        if not number or "localSheetId" in attrs or not sheet or "#REF" in sheet:
            continue
        if sheet.startswith("'") and sheet.endswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        found.append((int(number.group(1)), sheet))
    return [sheet for _, sheet in sorted(found)]


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def sheet_entries(workbook_xml: str) -> list[dict[str, str]]:
    """The attributes of each <sheet> of the workbook, in order."""
    block = re.search(r"<sheets>(.*?)</sheets>", workbook_xml, re.S)
    if not block:
        raise GraftError("xl/workbook.xml has no <sheets> list")
    return [tag_attrs(tag) for tag in re.findall(r"<sheet\b[^>]*/>", block.group(1))]


def sheet_tag(name: str, sheet_id: int, rid: str) -> str:
    return f'<sheet name={quoteattr(name)} sheetId="{sheet_id}" r:id="{rid}"/>'


def edit(
    xml: str,
    old_rids: set[str],
    new_tags: list[str],
    index_map: dict[int, int],
    kept: int,
    scratch_xml: str,
    names: list[str],
) -> str:
    """Drop the sheets old_rids name, append new_tags, carry the defined names and the views over.

    index_map maps each kept sheet's old position to its new one; the scratch workbook's defined names
    are appended after the `kept` sheets, with the marker listing `names`.
    """
    for rid in old_rids:
        xml = re.sub(r'<sheet\b[^>]*\br:id="' + re.escape(rid) + r'"[^>]*/>', "", xml)
    xml = xml.replace("</sheets>", "".join(new_tags) + "</sheets>")

    def local(match: re.Match) -> str:
        tag = match.group(0)
        attrs = tag_attrs(tag[: tag.index(">")])
        if attrs.get("name") == MARKER or _SHEET_MARKER.match(attrs.get("name", "")):
            return ""
        if "localSheetId" in attrs:
            index = int(attrs["localSheetId"])
            if index not in index_map:
                return ""  # a name local to a sheet that is being replaced
            tag = re.sub(r'localSheetId="\d+"', f'localSheetId="{index_map[index]}"', tag, count=1)
        return tag

    xml = re.sub(r"<definedName\b[^>]*>.*?</definedName>|<definedName\b[^>]*/>", local, xml, flags=re.S)
    scratch_names = []
    for tag in re.findall(r"<definedName\b[^>]*>.*?</definedName>", scratch_xml, re.S):
        attrs = tag_attrs(tag[: tag.index(">")])
        if "localSheetId" in attrs:
            tag = re.sub(r'localSheetId="\d+"', f'localSheetId="{kept + int(attrs["localSheetId"])}"', tag, count=1)
        scratch_names.append(tag)
    value = '"' + "/".join(names).replace('"', '""') + '"'
    scratch_names.append(f'<definedName name="{MARKER}" hidden="1">{escape(value)}</definedName>')
    for n, name in enumerate(names, start=1):
        scratch_names.append(f'<definedName name="{MARKER}_{n}" hidden="1">{escape(_quoted(name))}!$A$1</definedName>')
    if "<definedNames>" in xml:
        xml = xml.replace("</definedNames>", "".join(scratch_names) + "</definedNames>")
    elif "<definedNames/>" in xml:
        xml = xml.replace("<definedNames/>", "<definedNames>" + "".join(scratch_names) + "</definedNames>")
    else:
        xml = xml.replace("</sheets>", "</sheets><definedNames>" + "".join(scratch_names) + "</definedNames>", 1)

    def view(match: re.Match) -> str:
        tag = match.group(0)
        for attr in ("activeTab", "firstSheet"):
            found = re.search(attr + r'="(\d+)"', tag)
            if found:
                index = index_map.get(int(found.group(1)), 0)
                tag = tag.replace(found.group(0), f'{attr}="{index}"')
        return tag

    return re.sub(r"<workbookView\b[^>]*>", view, xml)
