"""xl/workbook.xml: the sheet list, the defined names and the window's active tab, edited as XML.

The part is parsed with its namespaces (`xmltree`), whatever its writer's layout, and only the elements
the graft changes are touched: the generated sheets' <sheet> entries, the marker and the generated
sheets' defined names, the local sheet ids that move, the active tab. Every defined name of the user's
(print titles included) is kept. A hidden workbook-level defined name (MARKER) lists the sheets mplan
generated: only those are replaced. LibreOffice and openpyxl drop a name holding a text constant when they
re-save the workbook, so each generated sheet also gets a name referring to its cell A1 (MARKER_1,
MARKER_2, …): references survive a re-save, and follow the sheet when it is renamed.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET

from . import xmltree
from .package import NS, STRICT_NS, GraftError

PART = "xl/workbook.xml"
MARKER = "_mplan_generated"

# CT_Workbook's children, in schema order: a new <definedNames> goes after the last of these present
_BEFORE_DEFINED_NAMES = (
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
)


def _doc(workbook_xml: str | bytes | xmltree.Doc) -> xmltree.Doc:
    if isinstance(workbook_xml, xmltree.Doc):
        return workbook_xml
    return xmltree.parse(workbook_xml.encode("utf-8") if isinstance(workbook_xml, str) else workbook_xml)


def is_strict(workbook_xml: str | bytes | xmltree.Doc) -> bool:
    """Whether the workbook is saved as Strict Open XML (its namespaces are purl.oclc.org's)."""
    return xmltree.namespace(_doc(workbook_xml).root.tag) == STRICT_NS["m"]


def uses_1904(workbook_xml: str | bytes | xmltree.Doc) -> bool:
    """Whether the workbook counts its dates from 1904 (<workbookPr date1904="1"/>, Mac Excel's choice)."""
    properties = xmltree.child(_doc(workbook_xml).root, "workbookPr")
    flag = properties.get("date1904") if properties is not None else None
    return (flag or "").strip().lower() in ("1", "true")


def _sheets(root: ET.Element) -> ET.Element:
    sheets = xmltree.child(root, "sheets")
    if sheets is None:
        raise GraftError("xl/workbook.xml has no <sheets> list", fr="xl/workbook.xml n'a pas de liste <sheets>")
    return sheets


def _marker_text(text: str) -> list[str]:
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return [name for name in text.split("/") if name] if text else []


_SHEET_MARKER = re.compile(re.escape(MARKER) + r"_(\d+)(?:_([0-9a-f]{8,32}))?$")
PROOF = "mplan-sheet/1"  # the text of each generated sheet's proof cell: PROOF, the run's token, the sheet's key
PROOF_CELL = "$GR$1"  # row 1, a hidden column far to the right (0-based column 199)
PROOF_COL = 199


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def read_proofs(workbook_xml: str | bytes | xmltree.Doc) -> dict[str, str | None]:
    """The sheets a previous run generated, each with the token its proof cell must hold (None: a report
    made before proofs existed). From the names referring to each generated sheet (MARKER_1_token, …),
    which survive a re-save; else from the hidden name's string constant (no token)."""
    names = xmltree.child(_doc(workbook_xml).root, "definedNames")
    numbered: list[tuple[int, str, str | None]] = []
    listed: list[str] = []
    for defined in names if names is not None else []:
        if xmltree.local(defined.tag) != "definedName":
            continue
        if defined.get("name") == MARKER:
            listed = _marker_text(defined.text or "")
            continue
        number = _SHEET_MARKER.match(defined.get("name") or "")
        sheet = (defined.text or "").strip().rpartition("!")[0]
        if number and defined.get("localSheetId") is None and sheet and "#REF" not in sheet:
            if sheet.startswith("'") and sheet.endswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
            numbered.append((int(number.group(1)), sheet, number.group(2)))
    if numbered:
        return {sheet: token for _, sheet, token in sorted(numbered, key=lambda n: n[0])}
    return dict.fromkeys(listed)


def read_marker(workbook_xml: str | bytes | xmltree.Doc) -> list[str]:
    """Names of the sheets a previous run says it generated (to be proven by their proof cells: see
    `graft.generated`)."""
    return list(read_proofs(workbook_xml))


def sheet_entries(workbook_xml: str | bytes | xmltree.Doc) -> list[dict[str, str]]:
    """The attributes of each <sheet> of the workbook, in order (its relationship id as "r:id")."""
    entries = []
    for sheet in xmltree.children(_sheets(_doc(workbook_xml).root), "sheet"):
        entry = {xmltree.local(k): v for k, v in sheet.attrib.items() if xmltree.local(k) != "id"}
        entry["r:id"] = xmltree.attr(sheet, "id") or ""
        entries.append(entry)
    return entries


def edit(
    xml: bytes,
    old_rids: set[str],
    new_sheets: list[tuple[str, int, str]],
    index_map: dict[int, int],
    kept: int,
    scratch_xml: bytes,
    names: list[str],
    token: str | None = None,
    view_map: dict[int, int] | None = None,
) -> bytes:
    """Drop the sheets old_rids name, append new_sheets (name, sheetId, r:id), carry names and views over.

    index_map maps each kept sheet's old position to its new one; the new sheets are inserted at position
    `kept` (after the Guide), where the scratch workbook's local defined names point, with the marker
    listing `names`.
    """
    doc = xmltree.parse(xml)
    root = doc.root
    main = xmltree.namespace(root.tag)
    rel_ns = STRICT_NS["r"] if main == STRICT_NS["m"] else NS["r"]
    sheets = _sheets(root)
    for sheet in xmltree.children(sheets, "sheet"):
        if (xmltree.attr(sheet, "id") or "") in old_rids:
            sheets.remove(sheet)
    for n, (name, sheet_id, rid) in enumerate(new_sheets):
        entry = ET.Element(f"{{{main}}}sheet", {"name": name, "sheetId": str(sheet_id), f"{{{rel_ns}}}id": rid})
        sheets.insert(_child_index(sheets, "sheet", kept + n), entry)

    defined_names = xmltree.child(root, "definedNames")
    if defined_names is None:
        defined_names = ET.Element(f"{{{main}}}definedNames")
        after = max(i for i, c in enumerate(root) if xmltree.local(c.tag) in _BEFORE_DEFINED_NAMES)
        root.insert(after + 1, defined_names)
    for defined in list(defined_names):
        if xmltree.local(defined.tag) != "definedName":
            continue
        if defined.get("name") == MARKER or _SHEET_MARKER.match(defined.get("name") or ""):
            defined_names.remove(defined)
        elif (local_sheet := defined.get("localSheetId")) is not None:
            index = int(local_sheet)
            if index not in index_map:
                defined_names.remove(defined)  # a name local to a sheet that is being replaced
            else:
                defined.set("localSheetId", str(index_map[index]))
    scratch_names = xmltree.child(xmltree.parse(scratch_xml).root, "definedNames")
    for defined in scratch_names if scratch_names is not None else []:
        if xmltree.local(defined.tag) != "definedName":
            continue
        added = _retag(copy.deepcopy(defined), main)
        if (local_sheet := added.get("localSheetId")) is not None:
            added.set("localSheetId", str(kept + int(local_sheet)))
        defined_names.append(added)
    marker = ET.SubElement(defined_names, f"{{{main}}}definedName", {"name": MARKER, "hidden": "1"})
    marker.text = '"' + "/".join(names).replace('"', '""') + '"'
    for n, name in enumerate(names, start=1):
        label = f"{MARKER}_{n}_{token}" if token else f"{MARKER}_{n}"
        sheet_marker = ET.SubElement(defined_names, f"{{{main}}}definedName", {"name": label, "hidden": "1"})
        sheet_marker.text = f"{_quoted(name)}!{PROOF_CELL if token else '$A$1'}"

    views = xmltree.child(root, "bookViews")
    for view in xmltree.children(views, "workbookView") if views is not None else []:
        for name in ("activeTab", "firstSheet"):
            if (tab := view.get(name)) is not None:
                view.set(name, str((view_map or index_map).get(int(tab), 0)))
    return doc.serialise()


def _child_index(parent: ET.Element, local: str, position: int) -> int:
    """The index among all of parent's children where the `position`-th child named `local` goes."""
    seen = 0
    for index, child in enumerate(parent):
        if xmltree.local(child.tag) == local:
            if seen == position:
                return index
            seen += 1
    return len(parent)


def _retag(element: ET.Element, namespace: str) -> ET.Element:
    """Put a copied element (and its children) into the user's main namespace."""
    for item in element.iter():
        if isinstance(item.tag, str):
            item.tag = f"{{{namespace}}}{xmltree.local(item.tag)}"
    return element
