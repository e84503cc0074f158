"""`mplan report`: the generated sheets' content, and the write-back guarantees of SPEC section 5."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.errors import MplanError, WorkbookError
from mplan_xl.figures import compute
from mplan_xl.ooxml.rawzip import RawZipWriter
from mplan_xl.ooxml.workbook import MARKER, read_marker
from mplan_xl.reader import load
from mplan_xl.report import write_report

from .conftest import ROOT
from .helpers import Text, fill
from .rich import CUSTOM_XML, VBA_BIN, make_rich_plan

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"
INDEX = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def copy(source: Path, tmp_path: Path, name: str = "plan.xlsx") -> Path:
    target = tmp_path / name
    shutil.copy(source, target)
    return target


@pytest.mark.parametrize(
    "sample,names", [(SAMPLE_FR, ["Synthèse", "Alertes", "Calendrier"]), (SAMPLE_EN, ["Summary", "Alerts", "Timeline"])]
)
def test_report_on_the_samples(sample, names, tmp_path):
    path = copy(sample, tmp_path)
    result = write_report(path)
    assert result.sheets == names and result.backup == tmp_path / "plan.bak.xlsx"
    assert result.backup.read_bytes() == sample.read_bytes()
    wb = openpyxl.load_workbook(path)
    user_sheets = openpyxl.load_workbook(sample).sheetnames
    assert wb.sheetnames == [user_sheets[0], *names, *user_sheets[1:]], "the generated sheets follow the Guide"
    assert [ws.title for ws in wb.worksheets if ws.sheet_view.tabSelected] == ["Guide"], "never a group of sheets"
    summary, alerts, timeline = (wb[n] for n in names)
    figures = compute(load(sample), date(2027, 8, 10))
    details = summary.row_breaks.brk[0].id  # the key figures table opens the detail pages
    values = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(details + 1, details + 20)}
    planned = "Dépenses prévues" if sample is SAMPLE_FR else "Planned spend"
    assert values[planned] == pytest.approx(figures.planned_spend) == 66300
    # Alerts: one row per finding, each linked to its cell.
    links = {alerts.cell(r, 4).value: alerts.cell(r, 4).hyperlink.location for r in range(6, 20)}
    first_sheet = "1 Objectifs" if sample is SAMPLE_FR else "1 Objectives"
    assert links["A6"] == f"'{first_sheet}'!A6" and len(links) == 14
    assert alerts.max_row == 5 + 14 and alerts.auto_filter.ref == "A5:F19"
    # Timeline: every scheduled action, grouped under its objective.
    ids = [timeline.cell(r, 1).value for r in range(1, timeline.max_row + 1)]
    assert all(f"A{i:02d}" in ids for i in range(1, 27) if i != 24)  # A24 is cancelled
    for ws in (summary, alerts, timeline):
        assert ws.protection.sheet, "generated sheets are protected (no password)"
    package = parts(path)
    summary_part = next(n for n in package if n.startswith("xl/charts/"))
    # by channel, plan vs actual, objectives, and KPI progress per objective (6)
    assert summary_part and sum(n.startswith("xl/charts/chart") for n in package) == 9
    assert read_marker(package["xl/workbook.xml"].decode()) == names


def test_every_user_part_is_byte_identical(tmp_path):
    path = make_rich_plan(tmp_path / "rich.xlsx")
    before = parts(path)
    write_report(path)
    after = parts(path)
    for name, body in before.items():
        if name not in INDEX:
            assert after[name] == body, name
    assert after["customXml/item1.xml"] == CUSTOM_XML
    objectives = after["xl/worksheets/sheet3.xml"]
    assert b"x14:dataValidation" in objectives and b"data_bar" not in objectives
    assert any(b"x14:sparklineGroups" in body for body in after.values())
    assert any(b"txBody" in body for name, body in after.items() if name.startswith("xl/drawings/drawing"))
    assert b'<Relationship Id="rIdCustom1"' in after["xl/_rels/workbook.xml.rels"]
    # existing style records keep their position: the old styles.xml is a prefix, record by record
    old_styles, new_styles = before["xl/styles.xml"].decode(), after["xl/styles.xml"].decode()
    for block in ("fonts", "fills", "borders", "cellXfs"):
        old = re.search(f"<{block}[^>]*>(.*?)</{block}>", old_styles, re.S).group(1)
        new = re.search(f"<{block}[^>]*>(.*?)</{block}>", new_styles, re.S).group(1)
        assert new.startswith(old), block


def test_openpyxl_would_have_dropped_those_parts(tmp_path):
    """The fidelity test is meaningful: a load-and-save through openpyxl loses them."""
    path = make_rich_plan(tmp_path / "rich.xlsx")
    with pytest.warns(UserWarning, match="extension is not supported and will be removed"):
        openpyxl.load_workbook(path).save(tmp_path / "resaved.xlsx")
    resaved = parts(tmp_path / "resaved.xlsx")
    assert "customXml/item1.xml" not in resaved
    assert not any(b"x14:sparklineGroups" in body for body in resaved.values())


def test_xlsm_keeps_its_macros(tmp_path):
    path = make_rich_plan(tmp_path / "rich.xlsm")
    write_report(path)
    after = parts(path)
    assert after["xl/vbaProject.bin"] == VBA_BIN
    assert b"macroEnabled" in after["[Content_Types].xml"]
    assert (tmp_path / "rich.bak.xlsm").exists()


def test_running_twice_replaces_and_never_duplicates(tmp_path):
    path = copy(SAMPLE_FR, tmp_path)
    write_report(path, backup=False)
    first = parts(path)
    write_report(path, backup=False)
    second = parts(path)
    write_report(path, backup=False)
    third = parts(path)
    assert openpyxl.load_workbook(path).sheetnames.count("Synthèse") == 1
    assert len(openpyxl.load_workbook(path).sheetnames) == 14
    assert sorted(second) == sorted(third) and len(second) == len(first)
    assert second == third, "the same generated sheets, the same styles: nothing grows"
    assert second["xl/styles.xml"] == first["xl/styles.xml"]


def test_a_user_sheet_with_a_generated_name_is_kept(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_FR)
    wb.create_sheet("Synthèse")["A1"] = "mes notes"
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    result = write_report(path)
    assert result.sheets[0] == "Synthèse (2)"
    wb = openpyxl.load_workbook(path)
    assert wb["Synthèse"]["A1"].value == "mes notes"
    write_report(path)
    assert openpyxl.load_workbook(path).sheetnames.count("Synthèse (2)") == 1


def test_output_copy_leaves_the_input_untouched(tmp_path):
    path = copy(SAMPLE_FR, tmp_path)
    out = tmp_path / "rapport.xlsx"
    result = write_report(path, out, lang="en", today=date(2027, 9, 1))
    assert path.read_bytes() == SAMPLE_FR.read_bytes() and result.backup is None
    assert openpyxl.load_workbook(out).sheetnames[1:4] == ["Summary", "Alerts", "Timeline"]


def test_injection_strings_stay_inert_text(tmp_path):
    attacks = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]
    path = fill(
        SAMPLE_FR,
        tmp_path / "plan.xlsx",
        {
            "actions": [
                {"action": Text(attacks[0]), "channel": Text(attacks[1])},
                {"action": Text(attacks[2]), "channel": Text(attacks[3])},
            ]
        },
    )
    write_report(path)
    package = parts(path)
    names = read_marker(package["xl/workbook.xml"].decode())
    wb = openpyxl.load_workbook(path)
    generated = [wb[n] for n in names]
    texts = [c.value for ws in generated for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for attack in attacks:
        assert any(attack in t for t in texts), attack
    for ws in generated:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} became a formula"


def test_refuses_a_workbook_open_in_excel_or_libreoffice(tmp_path):
    for lock in (tmp_path / "~$plan.xlsx", tmp_path / ".~lock.plan.xlsx#"):
        path = copy(SAMPLE_FR, tmp_path)
        lock.write_text("user")
        with pytest.raises(WorkbookError, match="open in Excel or LibreOffice"):
            write_report(path)
        assert path.read_bytes() == SAMPLE_FR.read_bytes()
        write_report(path, force=True, backup=False)
        lock.unlink()


def test_a_failure_while_writing_leaves_the_original_byte_identical(tmp_path, monkeypatch):
    path = copy(SAMPLE_FR, tmp_path)
    calls = {"n": 0}
    original = RawZipWriter._member

    def failing(self, *args, **kwargs):  # the disk fills up after 20 parts of the new package
        calls["n"] += 1
        if calls["n"] > 20:
            raise OSError(28, "No space left on device")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(RawZipWriter, "_member", failing)
    with pytest.raises(WorkbookError, match="No space left on device; nothing was changed"):
        write_report(path)
    assert path.read_bytes() == SAMPLE_FR.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"], "no temp file or backup left behind"


def test_a_failed_verification_changes_nothing(tmp_path, monkeypatch):
    import mplan_xl.report as report

    path = copy(SAMPLE_FR, tmp_path)

    def broken(*args):
        raise MplanError("verification failed (injected)")

    monkeypatch.setattr(report, "verify", broken)
    with pytest.raises(MplanError):
        write_report(path)
    assert path.read_bytes() == SAMPLE_FR.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_killed_at_random_moments_never_leaves_a_damaged_workbook(tmp_path):
    """20 trials: a child process running report is killed with SIGKILL at a random moment."""
    rnd = random.Random(20270101)
    original = SAMPLE_FR.read_bytes()
    code = "import sys\nfrom mplan_xl.report import write_report\nwrite_report(sys.argv[1], backup=False)\n"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(copy(SAMPLE_FR, tmp_path, "timing.xlsx"))], check=True)
    duration = time.perf_counter() - start
    outcomes = {"original": 0, "reported": 0}
    for trial in range(20):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        path = copy(SAMPLE_FR, folder)
        child = subprocess.Popen([sys.executable, "-c", code, str(path)])
        time.sleep(rnd.uniform(0.05, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        body = path.read_bytes()
        if body == original:
            outcomes["original"] += 1
            continue
        plan = load(path)  # a complete workbook: it reads, and holds the report
        assert plan.problems == []
        assert read_marker(parts(path)["xl/workbook.xml"].decode()) == ["Synthèse", "Alertes", "Calendrier"]
        for name, data in parts(SAMPLE_FR).items():
            if name not in INDEX:
                assert parts(path)[name] == data
        outcomes["reported"] += 1
    assert sum(outcomes.values()) == 20


def test_cli_report(tmp_path):
    path = copy(SAMPLE_FR, tmp_path)
    result = CliRunner().invoke(cli, ["report", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Écrit Synthèse, Alertes, Calendrier dans {path} (0 erreur, 10 avertissements, 4 informations).",
        f"Sauvegarde : {tmp_path / 'plan.bak.xlsx'}",
    ]
    broken = fill(SAMPLE_FR, tmp_path / "broken.xlsx", {"actions": [{"objective": "O42"}]})
    result = CliRunner().invoke(cli, ["report", str(broken), "--no-backup"])
    assert result.exit_code == 1 and "Alertes" in result.output, "written even with errors, exit 1"
    assert not (tmp_path / "broken.bak.xlsx").exists()
    missing = CliRunner().invoke(cli, ["report", str(tmp_path / "absent.xlsx")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_marker_name_is_hidden_and_lists_the_sheets(tmp_path):
    path = copy(SAMPLE_EN, tmp_path)
    write_report(path)
    workbook = parts(path)["xl/workbook.xml"].decode()
    assert f'<definedName name="{MARKER}" hidden="1">"Summary/Alerts/Timeline"</definedName>' in workbook


def test_permissions_are_kept(tmp_path):
    path = copy(SAMPLE_FR, tmp_path)
    os.chmod(path, 0o640)
    write_report(path)
    assert (path.stat().st_mode & 0o777) == 0o640


def test_alert_links_work_for_sheet_names_with_quotes_and_spaces(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_FR)
    wb["6 Actions"].title = "Actions d'été & co"
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    write_report(path)
    alerts = openpyxl.load_workbook(path)["Alertes"]
    links = [
        alerts.cell(r, 4).hyperlink.location
        for r in range(6, alerts.max_row + 1)
        if alerts.cell(r, 3).value == "Actions d'été & co"
    ]
    assert "'Actions d''été & co'!F18" in links and len(links) == 4


def test_two_reports_at_once_never_mix(tmp_path):
    """Started together on the same workbook: one waits for the other; the result is one clean report."""
    path = copy(SAMPLE_FR, tmp_path)
    code = "import sys\nfrom mplan_xl.report import write_report\nwrite_report(sys.argv[1], backup=False)\n"
    children = [subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE) for _ in range(3)]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
    names = openpyxl.load_workbook(path).sheetnames
    assert names.count("Synthèse") == 1 and len(names) == 14
    for name, body in parts(SAMPLE_FR).items():
        if name not in INDEX:
            assert parts(path)[name] == body
    assert not list(tmp_path.glob(".*")), "no lock or temp file left behind"


def test_a_second_writer_refuses_after_waiting(tmp_path):
    from mplan_xl.ooxml.safewrite import exclusive

    path = copy(SAMPLE_FR, tmp_path)
    with exclusive(path):
        with pytest.raises(WorkbookError, match="being written by another mplan report"):
            with exclusive(path, wait=0.3):
                pass
    with exclusive(path, wait=0.3):
        pass


def test_read_only_workbook_and_unwritable_folder(tmp_path, monkeypatch):
    path = copy(SAMPLE_FR, tmp_path)
    os.chmod(path, 0o444)
    with pytest.raises(WorkbookError, match="is read-only"):
        write_report(path)
    assert path.read_bytes() == SAMPLE_FR.read_bytes()
    os.chmod(path, 0o644)

    def no_space(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", no_space)
    result = CliRunner().invoke(cli, ["report", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == f"mplan: impossible d'écrire {path} : Permission denied ; rien n'a été modifié"
    result = CliRunner().invoke(cli, ["report", str(path), "--lang", "en"])
    assert result.output.strip() == f"mplan: cannot write {path}: Permission denied; nothing was changed"
    assert path.read_bytes() == SAMPLE_FR.read_bytes()


def test_verification_catches_a_package_that_reads_back_differently(tmp_path):
    """Every part byte-identical, but two sheets swapped in the index: the plan would read differently."""
    from mplan_xl.ooxml.package import Package
    from mplan_xl.ooxml.verify import verify

    path = copy(SAMPLE_FR, tmp_path)
    plan = load(path, keep_raw=True)
    written = tmp_path / "written.xlsx"
    body = parts(path)
    rels = body["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("worksheets/sheet8.xml", "worksheets/TMP").replace(
        "worksheets/sheet9.xml", "worksheets/sheet8.xml"
    )
    body["xl/_rels/workbook.xml.rels"] = rels.replace("worksheets/TMP", "worksheets/sheet9.xml").encode()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in body.items():
            archive.writestr(name, data)
    with Package(path) as package:
        with pytest.raises(MplanError, match="reads back differently"):
            verify(package, written, [], plan)
        verify(package, path, [], plan)  # the original itself reads back the same


def test_verification_catches_a_user_part_changed_by_the_graft(tmp_path, monkeypatch):
    """A graft that re-encoded one of the user's parts (same XML, other bytes) is refused before the replace."""
    path = copy(SAMPLE_FR, tmp_path)
    honest = RawZipWriter.copy

    def sloppy(self, source, info):
        if info.filename == "xl/worksheets/sheet3.xml":
            with zipfile.ZipFile(source) as archive:
                body = archive.read(info.filename)
            return self.write(info.filename, body.replace(b"<sheetData>", b"<sheetData >"))
        return honest(self, source, info)

    monkeypatch.setattr(RawZipWriter, "copy", sloppy)
    with pytest.raises(MplanError, match="part xl/worksheets/sheet3.xml would change"):
        write_report(path)
    assert path.read_bytes() == SAMPLE_FR.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_part_name_repeated_in_the_package_is_kept_twice(tmp_path):
    """Some zip writers repeat a name; both copies stay, in order, and the verification pairs them up."""
    import warnings

    path = tmp_path / "plan.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the repeated name
        with zipfile.ZipFile(SAMPLE_FR) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                out.writestr(info, source.read(info.filename))
            out.writestr("docProps/extra.xml", b"<a>first</a>")
            out.writestr("docProps/extra.xml", b"<a>second</a>")
    write_report(path, backup=False)
    with zipfile.ZipFile(path) as archive:
        copies = [archive.open(i).read() for i in archive.infolist() if i.filename == "docProps/extra.xml"]
    assert copies == [b"<a>first</a>", b"<a>second</a>"]


def test_a_stale_marker_never_replaces_a_user_sheet(tmp_path):
    """The user deleted the report's sheets and made her own Synthèse; a marker naming Guide is tampered with:
    only a sheet carrying the proof the report wrote in it is ever replaced (issue 13 part 2)."""
    path = copy(SAMPLE_FR, tmp_path)
    write_report(path, backup=False)
    wb = openpyxl.load_workbook(path)  # the names referring to the generated sheets survive this save
    for name in ("Synthèse", "Alertes", "Calendrier"):
        del wb[name]
    wb.create_sheet("Synthèse")["A1"] = "mes notes"
    wb.save(path)
    result = write_report(path, backup=False)
    assert result.sheets[0] == "Synthèse (2)"
    wb = openpyxl.load_workbook(path)
    assert wb["Synthèse"]["A1"].value == "mes notes" and "Guide" in wb.sheetnames


def test_a_marker_naming_an_input_sheet_deletes_nothing(tmp_path):
    import re

    path = copy(SAMPLE_FR, tmp_path)
    write_report(path, backup=False)
    body = parts(path)
    workbook_xml = body["xl/workbook.xml"].decode("utf-8")
    workbook_xml = re.sub(r"'?Synthèse'?!\$GR\$1", "Guide!$GR$1", workbook_xml)
    workbook_xml = workbook_xml.replace("&quot;Synthèse/", "&quot;Guide/")
    import zipfile

    tampered = tmp_path / "tampered.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, workbook_xml.encode("utf-8") if info.filename == "xl/workbook.xml" else src.read(info))
    write_report(tampered, backup=False)
    wb = openpyxl.load_workbook(tampered)
    assert (
        "Guide" in wb.sheetnames and wb["Guide"]["A1"].value == openpyxl.load_workbook(SAMPLE_FR)["Guide"]["A1"].value
    )


def test_a_report_made_by_the_previous_version_is_replaced(tmp_path):
    """tests/data/v1/exemple-fr-reported-v1.xlsx: the v1 sample after a report by mplan 0.1 of the last
    round (no proof cell, no snapshot). Its sheets are recognised and replaced, never duplicated."""
    import shutil

    path = tmp_path / "plan.xlsx"
    shutil.copy(ROOT / "tests" / "data" / "v1" / "exemple-fr-reported-v1.xlsx", path)
    result = write_report(path, backup=False)
    assert result.sheets == ["Synthèse", "Alertes", "Calendrier"]
    names = openpyxl.load_workbook(path).sheetnames
    assert len(names) == 14 and names[1:4] == result.sheets
