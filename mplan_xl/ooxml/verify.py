"""The check a written workbook passes before it replaces the user's: nothing of theirs changed.

The user's parts are compared as stored (compressed bytes, CRC and size: they were copied, not
re-encoded). Reading back compares, sheet by sheet, the raw values (and their types) the reader sees in
the written file with those it saw when the plan was read, and the Excel tables' places: the same values
in the same places make the same plan, without typing every cell again.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import MplanError
from ..reader import Plan, fingerprint, read_back
from .graft import INDEX_PARTS, generated
from .package import Package
from .rawzip import stored_bytes


def verify(original: Package, written: Path, names: list[str], plan: Plan) -> None:
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
                raise MplanError(
                    f"{where}: verification failed, part {info.filename} would change; nothing was changed"
                )
    sheet_names, places, values = read_back(written, list(plan.raw))
    if not set(names) <= set(sheet_names):
        raise MplanError(f"{where}: verification failed, the report sheets are missing; nothing was changed")
    seen = set()
    for sheet, again in values:
        seen.add(sheet)
        grid = plan.raw[sheet]
        if again != grid and fingerprint(again) != fingerprint(grid):  # NaN != NaN: then digests decide
            raise MplanError(
                f"{where}: verification failed, sheet '{sheet}' reads back differently; nothing was changed"
            )
    missing = set(plan.raw) - seen
    if missing:
        raise MplanError(f"{where}: verification failed, sheet '{sorted(missing)[0]}' is missing; nothing was changed")
    if places != plan.table_places:
        raise MplanError(f"{where}: verification failed, the Excel tables moved; nothing was changed")
