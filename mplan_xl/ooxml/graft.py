"""Package surgery: put freshly rendered sheets into the user's xlsx without re-serialising anything of theirs.

The generated sheets are rendered by XlsxWriter into a scratch package (inline strings). Their sheet,
drawing and chart parts are copied into the user's package under free part names; the few index parts
that must list them ([Content_Types].xml, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml)
are edited as text, so that everything else in them stays byte for byte; every other part of the user's
is copied as stored in their file (compressed bytes, never inflated and deflated again). Style records
are appended (and reused when an identical one is already there), so existing style indices never move.
A workbook-level defined name lists the generated sheets: only sheets listed there are ever replaced.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as SafeET

from .rawzip import RawZipWriter

MARKER = "_mplan_generated"
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET_TYPE = NS_REL + "/worksheet"
INDEX_PARTS = ("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")


class GraftError(Exception):
    """The user's package has a shape this code does not know how to extend safely."""


def _attrs(tag: str) -> dict[str, str]:
    return {k: unescape(v) for k, v in re.findall(r'([\w:]+)="([^"]*)"', tag)}


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return f"{folder}/_rels/{name}.rels"


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _relationships(xml: bytes) -> list[dict[str, str]]:
    return [dict(r.attrib) for r in SafeET.fromstring(xml)]


@dataclass
class Scratch:
    """The rendered generated sheets: their package, their names in order, and the rows written apart."""

    path: str
    names: list[str]
    bulks: dict = field(default_factory=dict)  # sheet name -> Bulk (rows to add to its <sheetData>)


def read_marker(workbook_xml: str) -> list[str]:
    """Names of the sheets a previous run generated (the hidden defined name's string constant)."""
    match = re.search(r'<definedName\b[^>]*\bname="' + MARKER + r'"[^>]*>(.*?)</definedName>', workbook_xml, re.S)
    if not match:
        return []
    text = unescape(match.group(1)).strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return [name for name in text.split("/") if name] if text else []


def sheet_entries(workbook_xml: str) -> list[dict[str, str]]:
    block = re.search(r"<sheets>(.*?)</sheets>", workbook_xml, re.S)
    if not block:
        raise GraftError("xl/workbook.xml has no <sheets> list")
    return [_attrs(tag) for tag in re.findall(r"<sheet\b[^>]*/>", block.group(1))]


class _Parts(dict):
    """Part name -> inflated bytes, read from the package on first use (most parts are never needed)."""

    def __init__(self, path, names):
        super().__init__()
        self.path, self.names = path, names

    def __contains__(self, part) -> bool:
        return part in self.names

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __missing__(self, part: str) -> bytes:
        if part not in self.names:
            raise KeyError(part)
        with zipfile.ZipFile(self.path) as archive:
            body = self[part] = archive.read(part)
        return body


class Package:
    """The user's package: parts in their original order with their zip metadata, read when needed."""

    def __init__(self, path):
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.infos = archive.infolist()
            self.data = _Parts(path, {info.filename: None for info in self.infos})
            for info in self.infos:  # the small parts the surgery reads; sheets and media stay unread
                if info.filename in INDEX_PARTS or info.filename.endswith(".rels"):
                    self.data[info.filename] = archive.read(info.filename)

    def text(self, part: str) -> str:
        return self.data[part].decode("utf-8")

    def generated(self) -> tuple[list[dict[str, str]], set[str]]:
        """The sheets a previous run generated (per the marker), and the parts only they use."""
        workbook = self.text("xl/workbook.xml")
        rels = {r["Id"]: r for r in _relationships(self.data["xl/_rels/workbook.xml.rels"])}
        previous = set(read_marker(workbook))
        old = [e for e in sheet_entries(workbook) if e.get("name") in previous and e.get("r:id") in rels]
        old_ids = {e["r:id"] for e in old}
        kept_roots = [
            _resolve("xl/workbook.xml", r["Target"])
            for rid, r in rels.items()
            if r.get("TargetMode") != "External" and rid not in old_ids
        ]
        old_parts = self.reachable([_resolve("xl/workbook.xml", rels[e["r:id"]]["Target"]) for e in old])
        return old, old_parts - self.reachable(kept_roots)

    def reachable(self, roots: list[str]) -> set[str]:
        """Parts reachable from roots through their relationship parts (internal targets only)."""
        seen, todo = set(), list(roots)
        while todo:
            part = todo.pop()
            if part in seen or part not in self.data:
                continue
            seen.add(part)
            rels = _rels_name(part)
            if rels in self.data:
                seen.add(rels)
                for rel in _relationships(self.data[rels]):
                    if rel.get("TargetMode") != "External":
                        todo.append(_resolve(part, rel.get("Target", "")))
        return seen


def graft(user_path, scratch: Scratch, out_path) -> list[str]:
    """Write out_path: the user's package with its previous generated sheets replaced by scratch's.

    Returns the names of the parts that were added. Raises GraftError when the package cannot be
    extended safely (the caller leaves the user's file untouched).
    """
    pkg = Package(user_path)
    for part in INDEX_PARTS:
        if part not in pkg.data:
            raise GraftError(f"the package has no {part}")
    workbook = pkg.text("xl/workbook.xml")
    rels_xml = pkg.text("xl/_rels/workbook.xml.rels")
    rels = {r["Id"]: r for r in _relationships(pkg.data["xl/_rels/workbook.xml.rels"])}
    entries = sheet_entries(workbook)
    old, deleted = pkg.generated()
    old_ids = {e["r:id"] for e in old}
    kept = [e for e in entries if e["r:id"] not in old_ids]
    taken = {e["name"].casefold() for e in kept}
    clash = [n for n in scratch.names if n.casefold() in taken]
    if clash:
        raise GraftError(f"a sheet of yours is already named '{clash[0]}'")

    with zipfile.ZipFile(scratch.path) as archive:
        s_data = {name: archive.read(name) for name in archive.namelist()}
    s_workbook = s_data["xl/workbook.xml"].decode("utf-8")
    s_rels = {r["Id"]: r for r in _relationships(s_data["xl/_rels/workbook.xml.rels"])}
    s_entries = sheet_entries(s_workbook)

    styles = StyleMerger(pkg.text("xl/styles.xml"), s_data["xl/styles.xml"].decode("utf-8"))
    used = set(pkg.data.names) - deleted
    new_parts: dict[str, bytes] = {}
    renamed: dict[str, str] = {}

    def free_name(part: str) -> str:
        folder, name = posixpath.split(part)
        stem, ext = re.match(r"(\D+)\d*(\.\w+)$", name).groups()
        n = 1
        while f"{folder}/{stem}{n}{ext}" in used:
            n += 1
        used.add(f"{folder}/{stem}{n}{ext}")
        return f"{folder}/{stem}{n}{ext}"

    def copy_part(part: str, bulk=None) -> str:
        """Copy a scratch part (and, recursively, what its relationships point at) under a free name."""
        if part in renamed:
            return renamed[part]
        target = renamed[part] = free_name(part)
        rels_part = _rels_name(part)
        if rels_part in s_data:
            rels_text = s_data[rels_part].decode("utf-8")
            for rel in _relationships(s_data[rels_part]):
                if rel.get("TargetMode") == "External":
                    continue
                child = copy_part(_resolve(part, rel["Target"]))
                relative = posixpath.relpath(child, posixpath.dirname(target))
                rels_text = rels_text.replace(f'Target="{rel["Target"]}"', f'Target="{relative}"')
            new_parts[_rels_name(target)] = rels_text.encode("utf-8")
        body = s_data[part]
        if part.startswith("xl/worksheets/"):
            text = styles.remap_sheet(body.decode("utf-8"))
            if bulk is not None:
                text = bulk.inject(text, styles.maps["cellXfs"])
            body = text.encode("utf-8")
        new_parts[target] = body
        return target

    # Workbook: drop the old generated sheets, append the new ones.
    next_id = max([int(e.get("sheetId", 0)) for e in kept] + [0]) + 1  # ids of replaced sheets are free again
    rid_n = 1
    new_sheet_tags, new_rel_tags = [], []
    for i, entry in enumerate(s_entries):
        part = copy_part(
            _resolve("xl/workbook.xml", s_rels[entry["r:id"]]["Target"]), scratch.bulks.get(scratch.names[i])
        )
        while f"rIdMplan{rid_n}" in rels and f"rIdMplan{rid_n}" not in old_ids:
            rid_n += 1
        rid = f"rIdMplan{rid_n}"
        rid_n += 1
        new_sheet_tags.append(f'<sheet name={quoteattr(scratch.names[i])} sheetId="{next_id + i}" r:id="{rid}"/>')
        new_rel_tags.append(
            f'<Relationship Id="{rid}" Type="{WORKSHEET_TYPE}" Target={quoteattr(posixpath.relpath(part, "xl"))}/>'
        )

    old_index = {i for i, e in enumerate(entries) if e["r:id"] in old_ids}
    index_map = {}
    for i in range(len(entries)):
        if i not in old_index:
            index_map[i] = len(index_map)
    workbook = _edit_workbook(workbook, old_ids, new_sheet_tags, index_map, len(kept), s_workbook, scratch.names)
    for rid in old_ids:
        rels_xml = re.sub(r'<Relationship\b[^>]*\bId="' + re.escape(rid) + r'"[^>]*/>', "", rels_xml)
    rels_xml = rels_xml.replace("</Relationships>", "".join(new_rel_tags) + "</Relationships>")
    content_types = _edit_content_types(
        pkg.text("[Content_Types].xml"),
        deleted,
        {new: old for old, new in renamed.items()},
        s_data["[Content_Types].xml"].decode("utf-8"),
    )

    replaced = {
        "[Content_Types].xml": content_types.encode("utf-8"),
        "xl/workbook.xml": workbook.encode("utf-8"),
        "xl/_rels/workbook.xml.rels": rels_xml.encode("utf-8"),
        "xl/styles.xml": styles.result().encode("utf-8"),
    }
    with open(user_path, "rb") as source, RawZipWriter(out_path) as out:
        for info in pkg.infos:
            if info.filename in deleted:
                continue
            if info.filename in replaced:
                out.write(info.filename, replaced[info.filename], info.date_time, info.external_attr)
            else:
                out.copy(source, info)  # the user's part as it lies in the file: nothing re-encoded
        for name, body in new_parts.items():
            out.write(name, body)
    return sorted(new_parts)


def _edit_workbook(
    xml: str,
    old_rids: set[str],
    new_tags: list[str],
    index_map: dict[int, int],
    kept: int,
    scratch_xml: str,
    names: list[str],
) -> str:
    for rid in old_rids:
        xml = re.sub(r'<sheet\b[^>]*\br:id="' + re.escape(rid) + r'"[^>]*/>', "", xml)
    xml = xml.replace("</sheets>", "".join(new_tags) + "</sheets>")

    def local(match: re.Match) -> str:
        tag = match.group(0)
        attrs = _attrs(tag[: tag.index(">")])
        if attrs.get("name") == MARKER:
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
        attrs = _attrs(tag[: tag.index(">")])
        if "localSheetId" in attrs:
            tag = re.sub(r'localSheetId="\d+"', f'localSheetId="{kept + int(attrs["localSheetId"])}"', tag, count=1)
        scratch_names.append(tag)
    value = '"' + "/".join(names).replace('"', '""') + '"'
    scratch_names.append(f'<definedName name="{MARKER}" hidden="1">{escape(value)}</definedName>')
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


def _edit_content_types(xml: str, deleted: set[str], copied: dict[str, str], scratch_xml: str) -> str:
    """Drop the overrides of deleted parts; add the scratch's content types for the copied parts."""
    for part in deleted:
        xml = re.sub(r'<Override\b[^>]*PartName="/' + re.escape(part) + r'"[^>]*/>', "", xml)
    overrides = {
        _attrs(t)["PartName"].lstrip("/"): _attrs(t)["ContentType"]
        for t in re.findall(r"<Override\b[^>]*/>", scratch_xml)
    }
    defaults = {
        _attrs(t)["Extension"].lower(): _attrs(t)["ContentType"] for t in re.findall(r"<Default\b[^>]*/>", scratch_xml)
    }
    mine = {_attrs(t)["Extension"].lower() for t in re.findall(r"<Default\b[^>]*/>", xml)}
    added = []
    for new, old in copied.items():
        if old in overrides:
            added.append(f'<Override PartName="/{new}" ContentType="{overrides[old]}"/>')
        else:
            extension = new.rsplit(".", 1)[-1].lower()
            if extension not in mine and extension in defaults:
                mine.add(extension)
                added.insert(0, f'<Default Extension="{extension}" ContentType="{defaults[extension]}"/>')
    return xml.replace("</Types>", "".join(added) + "</Types>")


class StyleMerger:
    """Appends the scratch workbook's style records to the user's styles.xml, as text.

    Records already present with identical XML are reused, so running the report again adds nothing.
    Existing records never move, so every style index the user's cells use keeps its meaning.
    """

    LISTS = (("fonts", "font"), ("fills", "fill"), ("borders", "border"), ("cellXfs", "xf"), ("dxfs", "dxf"))

    def __init__(self, user: str, scratch: str):
        if not re.search(r"<styleSheet\b", user):
            raise GraftError("xl/styles.xml is written with a namespace prefix this version cannot extend")
        self.xml = user
        self.maps: dict[str, dict[int, int]] = {}
        num_map = self._merge_numfmts(scratch)
        for block, item in self.LISTS:
            records = self._records(scratch, block, item)
            if block == "cellXfs":
                records = [self._remap_xf(r, num_map) for r in records]
            self.maps[block] = self._append(block, item, records)

    @staticmethod
    def _block(xml: str, block: str) -> re.Match | None:
        return re.search(r"<" + block + r"\b[^>]*?(?:/>|>(.*?)</" + block + ">)", xml, re.S)

    def _records(self, xml: str, block: str, item: str) -> list[str]:
        found = self._block(xml, block)
        if not found or not found.group(1):
            return []
        tag = "<" + item + r"(?:\s[^>]*)?"
        return re.findall(tag + r"/>|" + tag + r">.*?</" + item + ">", found.group(1), re.S)

    def _append(self, block: str, item: str, records: list[str]) -> dict[int, int]:
        existing = self._records(self.xml, block, item)
        mapping, added = {}, []
        for i, record in enumerate(records):
            if record in existing:
                mapping[i] = existing.index(record)
            elif record in added:
                mapping[i] = len(existing) + added.index(record)
            else:
                mapping[i] = len(existing) + len(added)
                added.append(record)
        if not added:
            return mapping
        count = len(existing) + len(added)
        found = self._block(self.xml, block)
        if found is None:
            order = [
                "numFmts",
                "fonts",
                "fills",
                "borders",
                "cellStyleXfs",
                "cellXfs",
                "cellStyles",
                "dxfs",
                "tableStyles",
                "colors",
                "extLst",
            ]
            new = f'<{block} count="{count}">{"".join(added)}</{block}>'
            for later in order[order.index(block) + 1 :]:
                position = re.search(r"<" + later + r"\b", self.xml)
                if position:
                    self.xml = self.xml[: position.start()] + new + self.xml[position.start() :]
                    return mapping
            self.xml = self.xml.replace("</styleSheet>", new + "</styleSheet>")
            return mapping
        whole = found.group(0)
        if whole.endswith("/>"):
            opening = whole[:-2] + ">"
            replacement = opening + "".join(added) + f"</{block}>"
        else:
            replacement = whole[: -len(f"</{block}>")] + "".join(added) + f"</{block}>"
        replacement = re.sub(r'count="\d+"', f'count="{count}"', replacement, count=1)
        if "count=" not in replacement.split(">", 1)[0]:
            replacement = replacement.replace(f"<{block}", f'<{block} count="{count}"', 1)
        self.xml = self.xml[: found.start()] + replacement + self.xml[found.end() :]
        return mapping

    def _merge_numfmts(self, scratch: str) -> dict[int, int]:
        mine = (
            {
                unescape(a["formatCode"]): int(a["numFmtId"])
                for a in (_attrs(t) for t in re.findall(r"<numFmt\b[^>]*/>", self._block(self.xml, "numFmts").group(0)))
            }
            if self._block(self.xml, "numFmts")
            else {}
        )
        theirs = [_attrs(t) for t in re.findall(r"<numFmt\b[^>]*/>", scratch)]
        mapping, added = {}, []
        next_id = max([163, *mine.values()]) + 1
        for fmt in theirs:
            code, old_id = fmt["formatCode"], int(fmt["numFmtId"])
            if code in mine:
                mapping[old_id] = mine[code]
            else:
                mapping[old_id] = mine[code] = next_id
                added.append(f'<numFmt numFmtId="{next_id}" formatCode={quoteattr(code)}/>')
                next_id += 1
        if added:
            found = self._block(self.xml, "numFmts")
            if found is None:
                start = re.search(r"<styleSheet\b[^>]*>", self.xml).end()
                self.xml = (
                    self.xml[:start] + f'<numFmts count="{len(added)}">{"".join(added)}</numFmts>' + self.xml[start:]
                )
            else:
                count = len(re.findall(r"<numFmt\b", found.group(0))) + len(added)
                body = found.group(0)
                body = (
                    body[:-2] + ">" + "".join(added) + "</numFmts>"
                    if body.endswith("/>")
                    else body.replace("</numFmts>", "".join(added) + "</numFmts>")
                )
                body = re.sub(r'count="\d+"', f'count="{count}"', body, count=1)
                self.xml = self.xml[: found.start()] + body + self.xml[found.end() :]
        return mapping

    def _remap_xf(self, record: str, num_map: dict[int, int]) -> str:
        def sub(attr: str, mapping: dict[int, int]):
            nonlocal record
            record = re.sub(
                attr + r'="(\d+)"',
                lambda m: f'{attr}="{mapping.get(int(m.group(1)), int(m.group(1)))}"',
                record,
                count=1,
            )

        sub("numFmtId", num_map)
        sub("fontId", self.maps["fonts"])
        sub("fillId", self.maps["fills"])
        sub("borderId", self.maps["borders"])
        return re.sub(r'xfId="\d+"', 'xfId="0"', record, count=1)

    def remap_sheet(self, xml: str) -> str:
        """Rewrite a scratch sheet's style references (cells, rows, columns, conditional formats)."""
        xfs, dxfs = self.maps["cellXfs"], self.maps.get("dxfs", {})
        xml = re.sub(r'(<(?:c|row)\b[^>]*?\ss)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        xml = re.sub(r'(<col\b[^>]*?\sstyle)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        return re.sub(r'dxfId="(\d+)"', lambda m: f'dxfId="{dxfs.get(int(m.group(1)), 0)}"', xml)

    def result(self) -> str:
        return self.xml
