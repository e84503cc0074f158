"""Package surgery: put freshly rendered sheets into the user's xlsx without re-serialising anything of theirs.

The generated sheets are rendered by XlsxWriter into a scratch package (inline strings). Their sheet,
drawing and chart parts are copied into the user's package under free part names; the few index parts
that must list them are edited as XML, each by its own module (`content_types`, `workbook`,
`workbook_rels`, `styles`), with their namespaces and prefixes (`xmltree`), whatever their writer's
layout: their content stays the same XML infoset plus the generated entries; every other part of
the user's is copied as stored in their file (compressed bytes, never inflated and deflated again).
Style records are appended (and reused when an identical one is already there), so existing style
indices never move. A workbook-level defined name lists the generated sheets: only sheets listed there
are ever replaced.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from . import content_types, styles, workbook, workbook_rels, xmltree
from .bulk import Bulk
from .package import GraftError, Package, rels_name, resolve
from .rawzip import RawZipWriter

INDEX_PARTS = (content_types.PART, workbook.PART, workbook_rels.PART, styles.PART)

__all__ = ["INDEX_PARTS", "GraftError", "Scratch", "generated", "graft"]


@dataclass
class Scratch:
    """The rendered generated sheets: their package, their names in order, and the rows written apart."""

    path: str
    names: list[str]
    bulks: dict[str, Bulk] = field(default_factory=dict)  # sheet name -> Bulk (rows to add to its <sheetData>)


def generated(package: Package) -> tuple[list[dict[str, str]], set[str]]:
    """The sheets a previous run generated (per the marker), and the parts only they use."""
    workbook_doc = xmltree.parse(package.read(workbook.PART))
    rels = workbook_rels.by_id(package.read(workbook_rels.PART))
    previous = set(workbook.read_marker(workbook_doc))
    old = [e for e in workbook.sheet_entries(workbook_doc) if e.get("name") in previous and e.get("r:id") in rels]
    old_ids = {e["r:id"] for e in old}
    kept_roots = [
        resolve(workbook.PART, r.get("Target", ""))
        for rid, r in rels.items()
        if r.get("TargetMode") != "External" and rid not in old_ids
    ]
    old_parts = package.reachable([resolve(workbook.PART, rels[e["r:id"]].get("Target", "")) for e in old])
    return old, old_parts - package.reachable(kept_roots)


def graft(package: Package, scratch: Scratch, out_path: str | os.PathLike[str]) -> list[str]:
    """Write out_path: the user's package with its previous generated sheets replaced by scratch's.

    Returns the names of the parts that were added. Raises GraftError when the package cannot be
    extended safely (the caller leaves the user's file untouched).
    """
    for part in INDEX_PARTS:
        if part not in package:
            raise GraftError(f"the package has no {part}")
    workbook_xml = package.read(workbook.PART)
    workbook_doc = xmltree.parse(workbook_xml)
    if workbook.is_strict(workbook_doc):
        raise GraftError("the workbook is saved as Strict Open XML")
    entries = workbook.sheet_entries(workbook_doc)
    old, deleted = generated(package)
    old_ids = {e["r:id"] for e in old}
    kept = [e for e in entries if e["r:id"] not in old_ids]
    taken = {e.get("name", "").casefold() for e in kept}
    clash = [n for n in scratch.names if n.casefold() in taken]
    if clash:
        raise GraftError(f"a sheet of yours is already named '{clash[0]}'")
    rels = workbook_rels.by_id(package.read(workbook_rels.PART))

    with zipfile.ZipFile(scratch.path) as archive:
        s_data = {name: archive.read(name) for name in archive.namelist()}
    s_workbook = s_data[workbook.PART]
    s_rels = workbook_rels.by_id(s_data[workbook_rels.PART])
    s_entries = workbook.sheet_entries(s_workbook)

    style_merger = styles.StyleMerger(package.read(styles.PART), s_data[styles.PART])
    new_parts, renamed = _copy_parts(
        s_data,
        [resolve(workbook.PART, s_rels[e["r:id"]]["Target"]) for e in s_entries],
        [scratch.bulks.get(name) for name in scratch.names],
        set(package.names) - deleted,
        style_merger,
    )

    # Workbook: drop the old generated sheets, append the new ones.
    ids: list[int] = []
    for e in kept:
        try:
            ids.append(int(e.get("sheetId", "0")))
        except ValueError:
            raise GraftError(f"sheet '{e.get('name')}' has the id {e.get('sheetId')!r}") from None
    next_id = max([*ids, 0]) + 1  # ids of replaced sheets are free again
    new_sheets: list[tuple[str, int, str]] = []
    new_rels: list[tuple[str, str, str]] = []
    for i, (entry, rid) in enumerate(zip(s_entries, workbook_rels.new_ids(rels, old_ids, len(s_entries)), strict=True)):
        part = renamed[resolve(workbook.PART, s_rels[entry["r:id"]]["Target"])]
        new_sheets.append((scratch.names[i], next_id + i, rid))
        new_rels.append(workbook_rels.worksheet(rid, part))

    old_index = {i for i, e in enumerate(entries) if e["r:id"] in old_ids}
    index_map: dict[int, int] = {}
    for i in range(len(entries)):
        if i not in old_index:
            index_map[i] = len(index_map)
    replaced = {
        content_types.PART: content_types.edit(
            package.read(content_types.PART),
            deleted,
            {new: old for old, new in renamed.items()},
            s_data[content_types.PART],
        ),
        workbook.PART: workbook.edit(
            workbook_xml, old_ids, new_sheets, index_map, len(kept), s_workbook, scratch.names
        ),
        workbook_rels.PART: workbook_rels.edit(package.read(workbook_rels.PART), old_ids, new_rels),
        styles.PART: style_merger.result(),
    }
    with RawZipWriter(out_path) as out:
        for info in package.infos:
            if info.filename in deleted:
                continue
            if info.filename in replaced:
                out.write(info.filename, replaced[info.filename], info.date_time, info.external_attr)
            else:
                out.copy(package.handle, info)  # the user's part as it lies in the file: nothing re-encoded
        for name, body in new_parts.items():
            out.write(name, body)
    return sorted(new_parts)


def _copy_parts(
    s_data: dict[str, bytes],
    sheets: list[str],
    bulks: list[Bulk | None],
    used: set[str],
    style_merger: styles.StyleMerger,
) -> tuple[dict[str, bytes], dict[str, str]]:
    """The scratch's sheets and what they reach, under names free in the user's package.

    Each part gets its name once (the next free number in its folder, from the package's actual names);
    the copied relationship parts are parsed and their targets set to the new names, never rewritten as
    text. Returns (new part name -> body, scratch part name -> new part name).
    """
    new_parts: dict[str, bytes] = {}
    renamed: dict[str, str] = {}

    def free_name(part: str) -> str:
        folder, name = posixpath.split(part)
        match = re.match(r"(.*?)\d*(\.\w+)$", name)
        stem, ext = match.groups() if match else (name, "")
        n = 1
        while f"{folder}/{stem}{n}{ext}" in used:
            n += 1
        used.add(f"{folder}/{stem}{n}{ext}")
        return f"{folder}/{stem}{n}{ext}"

    def copy_part(part: str, bulk: Bulk | None = None) -> str:
        """Copy a scratch part (and, recursively, what its relationships point at) under a free name."""
        if part in renamed:
            return renamed[part]
        target = renamed[part] = free_name(part)
        rels_part = rels_name(part)
        if rels_part in s_data:
            doc = xmltree.parse(s_data[rels_part])
            for rel in doc.root:
                rel_target = rel.get("Target")
                if rel.get("TargetMode") == "External" or rel_target is None:
                    continue
                child = copy_part(resolve(part, rel_target))
                rel.set("Target", posixpath.relpath(child, posixpath.dirname(target)))
            new_parts[rels_name(target)] = doc.serialise()
        body = s_data[part]
        if part.startswith("xl/worksheets/"):
            text = style_merger.remap_sheet(body.decode("utf-8"))
            if bulk is not None:
                text = bulk.inject(text, style_merger.maps["cellXfs"])
            body = text.encode("utf-8")
        new_parts[target] = body
        return target

    for sheet, bulk in zip(sheets, bulks, strict=True):
        copy_part(sheet, bulk)
    return new_parts, renamed
