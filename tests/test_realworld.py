"""Real-world writers: the report grafted twice, in place, into workbooks as other programs save them.

Each variant is built at test time from the bundled sample (no binaries committed): re-saved by
openpyxl, by LibreOffice, with charts of the user's own, with workbook.xml as other writers spell it
(prefixes, single quotes, <sheet></sheet>, xmlns:r on each sheet, external links, ten print titles),
Strict Open XML, and damaged packages. On each, `mplan report` runs twice in place: the exit code, the
user's parts byte-identical (as stored), the generated parts identical across the two runs, every
relationship resolving to a part of its kind, the report's charts pointing at distinct parts, and the
index parts mplan re-serialises holding the same XML as before plus the generated entries.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.chart import BarChart, Reference

from mplan_xl.cli import cli
from mplan_xl.ooxml import xmltree
from mplan_xl.ooxml.graft import generated
from mplan_xl.ooxml.package import Package
from mplan_xl.ooxml.verify import broken_relationship
from mplan_xl.ooxml.workbook import MARKER, read_marker

from .conftest import requires_lo, soffice_convert

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
INDEX = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"}
M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TODAY = ["--today", "2027-06-15"]


# --- building the variants -------------------------------------------------------------------------


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i.filename) for i in archive.infolist()}


def stored(path: Path) -> dict[str, tuple[int, int, int]]:
    """Each part's CRC, sizes: what a byte-identical copy keeps."""
    with zipfile.ZipFile(path) as archive:
        return {i.filename: (i.CRC, i.file_size, i.compress_size) for i in archive.infolist()}


def write_parts(path: Path, body: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in body.items():
            archive.writestr(name, data)
    return path


def openpyxl_save(source: Path, target: Path, change=None) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(source)
        if change:
            change(wb)
        wb.save(target)
    return target


def add_charts(count: int):
    def change(wb):
        ws = wb.worksheets[2]
        for i in range(count):
            chart = BarChart()
            chart.title = f"Mon graphique {i + 1}"
            chart.add_data(Reference(ws, min_col=3, min_row=5, max_row=10), titles_from_data=True)
            ws.add_chart(chart, f"M{2 + 18 * i}")

    return change


def other_writer_workbook(source: Path, target: Path) -> Path:
    """workbook.xml as other writers spell it, with ten print titles and an external link."""
    body = parts(source)
    root = ET.fromstring(body["xl/workbook.xml"])
    sheets = root.find(f"{{{M}}}sheets")
    names = [s.get("name") for s in sheets]
    out = ["<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n", f"<x:workbook xmlns:x='{M}'>"]
    out.append("<x:bookViews><x:workbookView activeTab='2'></x:workbookView></x:bookViews><x:sheets>")
    for sheet in sheets:
        rid = sheet.get(f"{{{R}}}id")
        name = sheet.get("name").replace("&", "&amp;").replace("'", "&apos;")
        out.append(f"<x:sheet xmlns:r='{R}' name='{name}' sheetId='{sheet.get('sheetId')}' r:id='{rid}'></x:sheet>\n  ")
    out.append(f"</x:sheets><x:externalReferences><x:externalReference xmlns:r='{R}' r:id='rIdExt1'/>")
    out.append("</x:externalReferences><x:definedNames>")
    for defined in root.iter(f"{{{M}}}definedName"):  # the sample's workbook-level names (validation lists)
        if defined.get("localSheetId") is not None:
            continue
        text = defined.text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")
        out.append(f"<x:definedName name='{defined.get('name')}'>{text}</x:definedName>")
    for i in range(10):
        quoted = names[i].replace("'", "''")
        out.append(f"<x:definedName name='_xlnm.Print_Titles' localSheetId='{i}'>'{quoted}'!$1:$2</x:definedName>")
    out.append("<x:definedName name='Budget_Note'>\"a &quot;quoted&quot; note\"</x:definedName>")
    out.append("</x:definedNames><x:calcPr calcId='191029'/></x:workbook>")
    body["xl/workbook.xml"] = "".join(out).encode()
    body["xl/externalLinks/externalLink1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="{M}" xmlns:r="{R}">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Feuil1"/></sheetNames></externalBook></externalLink>'
    ).encode()
    body["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{R}/externalLinkPath" Target="budget.xlsx" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    body["xl/_rels/workbook.xml.rels"] = body["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdExt1" Type="{R}/externalLink" Target="externalLinks/externalLink1.xml"/>'
        "</Relationships>".encode(),
    )
    body["[Content_Types].xml"] = body["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    return write_parts(target, body)


def quoted_number_format(source: Path, target: Path) -> Path:
    """styles.xml with a number format holding a double quote, written with single quotes (issue 12.1)."""
    body = parts(source)
    styles = body["xl/styles.xml"].decode()
    styles = re.sub(
        r'<numFmt numFmtId="(\d+)" formatCode="([^"]*&quot;[^"]*)"/>',
        lambda m: f"<numFmt numFmtId='{m.group(1)}' formatCode='{m.group(2).replace('&quot;', chr(34))}'/>",
        styles,
    )
    assert "formatCode='" in styles
    body["xl/styles.xml"] = styles.encode()
    return write_parts(target, body)


STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}


def strict(source: Path, target: Path, far_cell: bool = False) -> Path:
    body = parts(source)
    for name, data in body.items():
        if name.endswith((".xml", ".rels")):
            for old, new in STRICT.items():
                data = data.replace(old, new)
            body[name] = data
    if far_cell:
        sheet = "xl/worksheets/sheet2.xml"  # Paramètres: read by every command
        body[sheet] = body[sheet].replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
        )
    return write_parts(target, body)


def without(source: Path, target: Path, part: str) -> Path:
    body = parts(source)
    del body[part]
    return write_parts(target, body)


def truncated_sheet(source: Path, target: Path) -> Path:
    body = parts(source)
    sheet = "xl/worksheets/sheet4.xml"
    body[sheet] = body[sheet][: len(body[sheet]) * 2 // 3]
    return write_parts(target, body)


def dangling_relationship(source: Path, target: Path) -> Path:
    body = parts(source)
    body["xl/_rels/workbook.xml.rels"] = body["xl/_rels/workbook.xml.rels"].replace(
        b"worksheets/sheet5.xml", b"worksheets/sheet55.xml"
    )
    return write_parts(target, body)


# --- running and checking ----------------------------------------------------------------------------


def run(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        f"crash: {result.exception!r}"
    )
    return result


def one_line(result, *words: str) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    error = [line for line in lines if line.startswith("mplan: ")]
    assert len(error) == 1 and "Traceback" not in result.output, result.output
    for word in words:
        assert word in error[0], error[0]
    return error[0]


def infoset(xml: bytes):
    return xmltree.canonical(xmltree.parse(xml).root)


def children_sets(xml: bytes) -> list:
    return [xmltree.canonical(c) for c in xmltree.parse(xml).root.iter() if isinstance(c.tag, str)]


def report_twice(path: Path, *extra: str) -> None:
    """Run the report twice in place and check everything the issue asks of the result."""
    before, before_stored = parts(path), stored(path)
    original = Path(shutil.copy(path, path.with_name("input-" + path.name)))
    with Package(path) as package:
        previous = generated(package)[1] if MARKER.encode() in package.read("xl/workbook.xml") else set()
    first = run("report", path, "--no-backup", *TODAY, *extra)
    assert first.exit_code in (0, 1), first.output
    once, once_stored = parts(path), stored(path)
    second = run("report", path, "--no-backup", *TODAY, *extra)
    assert second.exit_code == first.exit_code, second.output
    twice, twice_stored = parts(path), stored(path)

    with Package(path) as package:
        old, generated_parts = generated(package)
        assert len(old) == 3, "three generated sheets, listed by the marker"
        assert broken_relationship(package) is None
    for name in before:
        if name not in INDEX | previous:
            assert twice_stored[name] == before_stored[name], f"user part {name} changed"
            assert twice[name] == before[name], name
    assert sorted(once) == sorted(twice)
    for name in generated_parts:
        assert once[name] == twice[name], f"generated part {name} differs between the runs"
    for name in INDEX - {"xl/styles.xml"}:
        assert once_stored[name] == twice_stored[name], f"{name} differs between the runs"
    assert infoset(once["xl/styles.xml"]) == infoset(twice["xl/styles.xml"]), "the second run appends no style"
    check_index_parts(before, twice, previous)
    check_charts(twice, generated_parts)
    check_schema(original, path, INDEX | generated_parts)


def schema_errors(path: Path, parts: set[str]) -> set[str]:
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator(semantic_validation=False).validate(str(path))
    return {str(e) for e in result.errors if str(e).startswith("[schema]") and any(f" /{n}:" in str(e) for n in parts)}


def check_schema(original: Path, path: Path, written: set[str]) -> None:
    """The OOXML schema check (openxml-audit, offline) of every XML part mplan wrote.

    What the writer of the input already wrote against the schema (openpyxl's font records, …) and
    mplan copied is not counted: only errors the input did not have.
    """
    try:
        import openxml_audit  # noqa: F401
    except ImportError:  # the `test` extra installs it; without it the check is skipped
        return
    new = schema_errors(path, written) - schema_errors(original, written)
    assert not new, "\n".join(sorted(new)[:5])


def check_index_parts(before: dict[str, bytes], after: dict[str, bytes], previous: set[str]) -> None:
    """Every element of the user's index parts is still there (same XML, any prefix), records in place."""
    old_wb, new_wb = xmltree.parse(before["xl/workbook.xml"]).root, xmltree.parse(after["xl/workbook.xml"]).root
    ours = set(read_marker(before["xl/workbook.xml"]))
    old_sheets = [s.get("name") for s in old_wb.iter(f"{{{M}}}sheet")]
    old_names = [
        (d.get("name"), d.text)
        for d in old_wb.iter(f"{{{M}}}definedName")
        if not (d.get("name") or "").startswith(MARKER) and old_sheets[int(d.get("localSheetId", 0))] not in ours
    ]
    new_names = [
        (d.get("name"), d.text)
        for d in new_wb.iter(f"{{{M}}}definedName")
        if not (d.get("name") or "").startswith(MARKER)
    ]
    for name in old_names:
        assert name in new_names, f"defined name {name} dropped"
    ids = [s.get("sheetId") for s in new_wb.iter(f"{{{M}}}sheet")]
    assert len(ids) == len(set(ids)), f"duplicate sheet ids {ids}"
    order = [xmltree.local(c.tag) for c in new_wb]
    if "externalReferences" in order and "definedNames" in order:
        assert order.index("externalReferences") < order.index("definedNames")
    old_st, new_st = xmltree.parse(before["xl/styles.xml"]).root, xmltree.parse(after["xl/styles.xml"]).root
    for block in ("numFmts", "fonts", "fills", "borders", "cellXfs"):
        old, new = xmltree.child(old_st, block), xmltree.child(new_st, block)
        if old is not None:
            kept = [xmltree.canonical(c) for c in new][: len(old)]
            assert kept == [xmltree.canonical(c) for c in old], f"styles {block} moved"
            assert int(new.get("count", len(new))) == len(new)
    new_ct = children_sets(after["[Content_Types].xml"])
    for entry in xmltree.parse(before["[Content_Types].xml"]).root:
        if (entry.get("PartName") or "").lstrip("/") not in previous:
            assert xmltree.canonical(entry) in new_ct, entry.attrib


def check_charts(body: dict[str, bytes], generated_parts: set[str]) -> None:
    """Each drawing relationship of the generated sheets points at its own chart part."""
    targets = []
    for name in generated_parts:
        if name.startswith("xl/drawings/_rels/"):
            root = ET.fromstring(body[name])
            targets += [r.get("Target") for r in root if r.get("Type", "").endswith("/chart")]
    assert targets, "the report draws charts"
    assert len(targets) == len(set(targets)), f"two drawings share a chart: {targets}"


@pytest.fixture
def sample(tmp_path) -> Path:
    return Path(shutil.copy(SAMPLE, tmp_path / "plan.xlsx"))


# --- the corpus --------------------------------------------------------------------------------------


def test_bundled_sample(sample):
    report_twice(sample)


def test_english_run_then_french_run(sample):
    """A number format holding a double quote (the English money format) does not stop the next run."""
    report_twice(sample, "--lang", "en")
    report_twice(sample)


def test_single_quoted_number_format(sample, tmp_path):
    report_twice(quoted_number_format(sample, tmp_path / "quoted.xlsx"))


def test_openpyxl_resave(sample, tmp_path):
    report_twice(openpyxl_save(sample, tmp_path / "openpyxl.xlsx"))


def test_openpyxl_resave_after_a_report(sample, tmp_path):
    run("report", sample, "--no-backup", *TODAY)
    report_twice(openpyxl_save(sample, tmp_path / "openpyxl.xlsx"))


@pytest.mark.parametrize("count", [1, 2])
def test_user_charts(sample, tmp_path, count):
    report_twice(openpyxl_save(sample, tmp_path / "charts.xlsx", add_charts(count)))


def test_user_chart_added_after_a_report(sample, tmp_path):
    run("report", sample, "--no-backup", *TODAY)
    report_twice(openpyxl_save(sample, tmp_path / "charts.xlsx", add_charts(2)))


def test_other_writers_workbook_xml(sample, tmp_path):
    path = other_writer_workbook(sample, tmp_path / "other.xlsx")
    report_twice(path)
    root = xmltree.parse(parts(path)["xl/workbook.xml"]).root
    sheets = [s.get("name") for s in root.iter(f"{{{M}}}sheet")]
    ours = set(read_marker(parts(path)["xl/workbook.xml"]))
    users = [i for i, name in enumerate(sheets) if name not in ours]
    titles = [
        d
        for d in root.iter(f"{{{M}}}definedName")
        if d.get("name") == "_xlnm.Print_Titles" and sheets[int(d.get("localSheetId"))] not in ours
    ]
    assert len(titles) == 10, "every print title of the user's sheets is kept, on its own sheet"
    assert sorted(int(d.get("localSheetId")) for d in titles) == users[:10]
    assert b"x:workbook" in parts(path)["xl/workbook.xml"], "the writer's prefix is kept"


@requires_lo
def test_libreoffice_resave(sample, tmp_path):
    outdir = tmp_path / "lo"
    outdir.mkdir()
    result = soffice_convert(sample, "xlsx:Calc MS Excel 2007 XML", outdir, tmp_path)
    saved = outdir / "plan.xlsx"
    assert saved.exists(), result.stderr
    report_twice(saved)


@requires_lo
def test_libreoffice_resave_after_a_report(sample, tmp_path):
    run("report", sample, "--no-backup", *TODAY)
    outdir = tmp_path / "lo"
    outdir.mkdir()
    result = soffice_convert(sample, "xlsx:Calc MS Excel 2007 XML", outdir, tmp_path)
    saved = outdir / "plan.xlsx"
    assert saved.exists(), result.stderr
    report_twice(saved)


# --- refused in one line -----------------------------------------------------------------------------


def test_strict_is_refused_by_report_in_one_line(sample, tmp_path):
    path = strict(sample, tmp_path / "strict.xlsx")
    before = path.read_bytes()
    result = run("report", path, *TODAY)
    if result.exit_code == 2:
        one_line(result, "strict.xlsx")
    assert path.read_bytes() == before
    validated = run("validate", path)
    assert validated.exit_code in (0, 1, 2) and "Traceback" not in validated.output


def test_strict_far_cell_is_refused_in_one_line(sample, tmp_path):
    path = strict(sample, tmp_path / "strict-far.xlsx", far_cell=True)
    for command in ("validate", "report"):
        one_line(run(command, path), "strict-far.xlsx")


@pytest.mark.parametrize(
    ("build", "part"),
    [
        (lambda s, t: without(s, t, "[Content_Types].xml"), "[Content_Types].xml"),
        (truncated_sheet, "xl/worksheets/sheet4.xml"),
        (dangling_relationship, "xl/worksheets/sheet55.xml"),
    ],
)
def test_damaged_packages_are_refused_naming_the_part(sample, tmp_path, build, part):
    path = build(sample, tmp_path / "damaged.xlsx")
    before = path.read_bytes()
    for command in ("validate", "report"):
        one_line(run(command, path), "damaged.xlsx", part)
    assert path.read_bytes() == before


def test_ods_report_says_what_validate_says(tmp_path):
    path = tmp_path / "plan.ods"
    write_parts(
        path,
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office:document-content/>"},
    )
    validate = one_line(run("validate", path))
    assert "save it as .xlsx" in validate
    for extra in ([], ["-o", tmp_path / "out.ods"], ["-o", tmp_path / "out.xlsx"]):
        assert one_line(run("report", path, *extra)) == validate


def test_an_unexpected_failure_is_one_line(sample, monkeypatch):
    from mplan_xl.ooxml import graft

    def boom(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(graft, "_copy_parts", boom)
    before = sample.read_bytes()
    line = one_line(
        run("report", sample, *TODAY, "--lang", "en"), "cannot add the report sheets safely", "nothing was changed"
    )
    assert "something nobody foresaw" in line
    assert sample.read_bytes() == before


def test_a_huge_core_xml_is_never_inflated_whole(sample, tmp_path):
    """docProps/core.xml inflating to 120 MB (inside the ratio limits): validate stays small in memory."""
    body = parts(sample)
    path = tmp_path / "bloated.xlsx"
    spaces = b" " * 16_000
    payload = body["docProps/core.xml"].replace(b"</cp:coreProperties>", b"")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in body.items():
            if name != "docProps/core.xml":
                archive.writestr(name, data)
        with archive.open("docProps/core.xml", "w", force_zip64=False) as stream:
            stream.write(payload + b"<!--")
            for _ in range(120_000_000 // len(spaces)):
                stream.write(os.urandom(48).hex().encode() + spaces)  # fresh text: deflate cannot repeat it
            stream.write(b"--></cp:coreProperties>")
    info = zipfile.ZipFile(path).getinfo("docProps/core.xml")
    assert info.file_size > 100 * info.compress_size and path.stat().st_size < 3_000_000

    def peak(target: Path) -> float:
        command = [sys.executable, "-m", "mplan_xl", "validate", str(target)]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        assert child.returncode in (0, 1)
        return usage.ru_maxrss / 1024

    assert peak(path) < peak(sample) + 60, "core.xml was inflated whole"


def test_xmltree_keeps_prefixes_quotes_and_declarations():
    xml = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b"<x:a xmlns:x='urn:x' xmlns:mc='urn:mc' xmlns:u='urn:unused' mc:Ignorable='u'>"
        b"<x:b xmlns:r='urn:r' r:id='1' t='&quot;q&quot; &amp; &lt;'></x:b><x:c>text &amp; more</x:c></x:a>"
    )
    doc = xmltree.parse(xml)
    ET.SubElement(doc.root, "{urn:x}d", {"{urn:r}id": "2"})
    out = doc.serialise()
    assert out.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    assert b"xmlns:u=" in out and b"<x:b xmlns:r=" in out and b"<x:d" in out
    again = xmltree.parse(out).root
    assert xmltree.canonical(again[0]) == xmltree.canonical(xmltree.parse(xml).root[0])
    assert again[2].get("{urn:r}id") == "2" and again[1].text == "text & more"
    assert zlib.crc32(out) == zlib.crc32(xmltree.parse(out).serialise()), "serialising is stable"


def test_graft_refusal_is_worded_in_the_users_language(sample, tmp_path, monkeypatch):
    """The reason inside the report's refusal follows the language too (issue 15: no English sentence)."""
    import mplan_xl.report as report
    from mplan_xl.ooxml.graft import GraftError

    def refuse(*args, **kwargs):
        raise GraftError("a sheet of yours is already named 'X'", fr="une de vos feuilles s'appelle déjà « X »")

    monkeypatch.setattr(report, "graft", refuse)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(sample.read_bytes())
    result = run("report", path, *TODAY, "--lang", "fr")
    assert result.exit_code == 2
    assert "impossible d'ajouter sans risque les feuilles du rapport (une de vos feuilles s'appelle déjà « X »)" in (
        result.output
    )
    assert "already" not in result.output
