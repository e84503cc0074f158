"""The check a written workbook passes before it replaces the user's: nothing of theirs changed.

The user's parts are compared as stored (compressed bytes, CRC and size: they were copied, not
re-encoded). Reading back compares, sheet by sheet, the raw values (and their types) the reader sees in
the written file with those it saw when the plan was read, and the Excel tables' places: the same values
in the same places make the same plan, without typing every cell again.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import NoReturn

from ..errors import MplanError
from ..reader import fingerprint, read_back
from . import content_types
from .graft import INDEX_PARTS, generated
from .package import Package, relationships, rels_name, resolve
from .rawzip import stored_bytes


def verify(original: Package, written: Path, names: list[str], plan) -> None:
    """Abort unless every part of the user's is byte-identical and the plan reads back the same.

    `plan` was read with keep_raw=True from the file `original` is open on; `names` are the sheets
    that must be there.
    """
    _, generated_parts = generated(original)
    where = original.path
    with open(written, "rb") as after_file, zipfile.ZipFile(after_file) as after:
        user_parts = {info.filename for info in original.infos} - set(INDEX_PARTS) - generated_parts
        copies: dict[str, list[zipfile.ZipInfo]] = {}
        for info in after.infolist():  # a list per name: a damaged package may repeat one
            copies.setdefault(info.filename, []).append(info)
            if info.filename not in user_parts:
                after.read(info)  # inflates and checks the CRC of each part mplan wrote
        for info in original.infos:
            if info.filename not in user_parts:
                continue
            copy = copies[info.filename].pop(0) if copies.get(info.filename) else None
            if (
                copy is None
                or (copy.CRC, copy.file_size, copy.compress_type) != (info.CRC, info.file_size, info.compress_type)
                or stored_bytes(after_file, copy) != stored_bytes(original.handle, info)
            ):
                _failed(where, f"part {info.filename} would change", f"la partie {info.filename} changerait")
    with Package(written) as package:
        broken = broken_relationship(package)
    if broken:
        _failed(where, str(broken), f"détail technique : {broken}")
    sheet_names, places, values = read_back(written, list(plan.raw))
    if not set(names) <= set(sheet_names):
        _failed(where, "the report sheets are missing", "les feuilles du rapport manquent")
    seen = set()
    for sheet, again in values:
        seen.add(sheet)
        grid = plan.raw[sheet]
        if again != grid and fingerprint(again) != fingerprint(grid):  # NaN != NaN: then digests decide
            _failed(where, f"sheet '{sheet}' reads back differently", f"la feuille « {sheet} » se relit autrement")
    missing = set(plan.raw) - seen
    if missing:
        name = sorted(missing)[0]
        _failed(where, f"sheet '{name}' is missing", f"la feuille « {name} » manque")
    if places != plan.table_places:
        _failed(where, "the Excel tables moved", "les tableaux Excel ont bougé")


# relationship type (its last segment) -> what the content type of its target must contain
KINDS = {
    "worksheet": "spreadsheetml.worksheet+xml",
    "drawing": "drawing+xml",
    "chart": "drawingml.chart+xml",
    "chartUserShapes": "drawingml.chartshapes+xml",
    "table": "spreadsheetml.table+xml",
    "comments": "spreadsheetml.comments+xml",
    "vmlDrawing": "vmlDrawing",
    "image": "image/",
    "themeOverride": "themeOverride+xml",
}


def broken_relationship(package: Package) -> str | None:
    """The first relationship of the generated sheets that does not resolve to a part of its kind, said.

    Walks the workbook's relationships to the generated sheets, and every relationship of the parts they
    reach: each internal target must exist and carry the content type its relationship type announces.
    """
    types = package.read(content_types.PART)
    old, _ = generated(package)
    workbook_rels = {r.get("Id"): r for r in relationships(package.read("xl/_rels/workbook.xml.rels"))}
    todo = [("xl/workbook.xml", workbook_rels[e["r:id"]]) for e in old]
    seen: set[str] = set()
    while todo:
        source, rel = todo.pop()
        if rel.get("TargetMode") == "External":
            continue
        target = resolve(source, rel.get("Target", ""))
        if target not in package:
            return f"{source} points at {target}, which is missing"
        kind = KINDS.get(rel.get("Type", "").rsplit("/", 1)[-1])
        declared = content_types.content_type(types, target) or ""
        if kind and kind not in declared:
            return f"{source} points at {target}, which is no {rel.get('Type', '').rsplit('/', 1)[-1]}"
        if target in seen:
            continue
        seen.add(target)
        if rels_name(target) in package:
            todo.extend((target, r) for r in relationships(package.read(rels_name(target))))
    return None


def _failed(where: object, en: str, fr: str) -> NoReturn:
    raise MplanError(
        f"{where}: verification failed, {en}; nothing was changed",
        fr=f"{where} : la vérification a échoué, {fr} ; rien n'a été modifié",
    )
