"""Fuzzing: mutate a valid workbook's parts (bytes and XML) and check that reading, validating and
reporting either work or stop with one MplanError; never another exception, never a damaged file.

The default run is short (CI). A longer run: MPLAN_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py
(see docs/security.md)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mplan_xl.errors import MplanError
from mplan_xl.reader import load
from mplan_xl.report import write_report
from mplan_xl.validate import validate

from .conftest import ROOT

SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
EXAMPLES = int(os.environ.get("MPLAN_FUZZ_EXAMPLES", "60"))
with zipfile.ZipFile(SAMPLE) as _archive:
    PARTS = {name: _archive.read(name) for name in _archive.namelist()}
NAMES = sorted(PARTS)
SNIPPETS = [
    b"<",
    b">",
    b"&amp;",
    b"&bogus;",
    b'"',
    b'<c r="ZZZ9"><v>1</v></c>',
    b"</sheetData>",
    b'<row r="0">',
    b't="e"',
    b"<f>1/0</f>",
    b"\x00",
    b"\xff\xfe",
    b"<![CDATA[x]]>",
    b'r:id="rId999"',
    b'<c r="A1" t="s"><v>99999</v></c>',
    b'count="-1"',
    b"<si><t>" + b"x" * 5000 + b"</t></si>",
]

mutation = st.one_of(
    st.tuples(st.just("truncate"), st.sampled_from(NAMES), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.sampled_from(NAMES), st.lists(st.floats(0, 1), min_size=1, max_size=8)),
    st.tuples(st.just("insert"), st.sampled_from(NAMES), st.floats(0, 1), st.sampled_from(SNIPPETS)),
    st.tuples(st.just("delete"), st.sampled_from(NAMES)),
    st.tuples(st.just("cut"), st.sampled_from(NAMES), st.floats(0, 1), st.integers(1, 400)),
)


def mutate(parts: dict[str, bytes], change) -> dict[str, bytes]:
    parts = dict(parts)
    kind, name = change[0], change[1]
    body = parts[name]
    if kind == "truncate":
        parts[name] = body[: int(len(body) * change[2])]
    elif kind == "flip":
        data = bytearray(body)
        for position in change[2]:
            if data:
                index = min(int(position * len(data)), len(data) - 1)
                data[index] = (data[index] + 97) % 256
        parts[name] = bytes(data)
    elif kind == "insert":
        at = int(len(body) * change[2])
        parts[name] = body[:at] + change[3] + body[at:]
    elif kind == "delete":
        del parts[name]
    else:
        at = int(len(body) * change[2])
        parts[name] = body[:at] + body[at + change[3] :]
    return parts


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(mutation, min_size=1, max_size=3))
def test_mutated_workbooks_never_crash(tmp_path_factory, changes):
    folder = tmp_path_factory.mktemp("fuzz")
    parts = PARTS
    for change in changes:
        if change[1] in parts:
            parts = mutate(parts, change)
    path = folder / "plan.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    original = path.read_bytes()
    try:
        report = validate(path)
        assert report.counts["error"] >= 0
    except MplanError:
        return
    try:
        write_report(path, folder / "out.xlsx")
    except MplanError:
        assert path.read_bytes() == original
        return
    assert path.read_bytes() == original
    load(Path(folder / "out.xlsx"))  # what report writes reads back
