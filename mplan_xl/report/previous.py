"""The snapshot the previous report left, read from the Summary it generated (SPEC section 5).

Only the sheet the marker names as the previous Summary is read: a sheet of the user's is never read as
a snapshot, whatever its cells hold (and `snapshot.decode` checks the signature and the checksum anyway).
The snapshot's cells lie in the Summary's first row; their text survives a re-save by LibreOffice, Excel
or openpyxl, which rewrite the parts but keep what the cells hold.
"""

from __future__ import annotations

from .. import snapshot
from ..ooxml import workbook
from ..ooxml.graft import generated
from ..ooxml.package import Package


def previous_snapshot(package: Package) -> dict | None:
    """The snapshot stored by the report that generated this workbook's Summary, or None."""
    names = workbook.read_marker(package.text(workbook.PART))
    old, _ = generated(package)
    if not names or names[0] not in {entry.get("name") for entry in old}:
        return None
    first = next(iter(package.top_rows(names[0])), [])  # read once, with the proofs (graft.generated)
    start = next((i for i, v in enumerate(first) if isinstance(v, str) and v.startswith(snapshot.SIGNATURE)), None)
    return None if start is None else snapshot.decode(list(first[start:]))
