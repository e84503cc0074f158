"""Hostile and broken workbooks: every command on every file of the corpus (tests/corpus/make_corpus.py)
ends with exit 0 or 1 and its findings, or exit 2 and one line naming the file; never a traceback,
within 5 s and 300 MB each, and nothing from outside the workbook appears in any output."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mplan_xl.reader import load

from .conftest import ROOT

SECONDS, MEGABYTES = 5.0, 300
COMMANDS = {
    "validate": lambda f, out: ["validate", str(f)],
    "validate-json": lambda f, out: ["validate", str(f), "--format", "json"],
    "report": lambda f, out: [
        "report",
        str(f),
        "-o",
        str(out / f"reported{f.suffix if f.suffix in ('.xlsx', '.xlsm') else '.xlsx'}"),
    ],
    "export-json": lambda f, out: ["export", str(f), "--format", "json"],
    "export-ics": lambda f, out: ["export", str(f), "--format", "ics", "-o", str(out / "plan.ics")],
    "consolidate": lambda f, out: ["consolidate", str(f), "-o", str(out / "portfolio.xlsx")],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    secret = folder.parent / "secret-outside.txt"
    secret.write_text("MPLAN-SECRET-9f3c1e outside the workbook\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "corpus" / "make_corpus.py"), str(folder), str(secret)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(folder.iterdir())
    assert len(files) >= 30
    return files, secret.read_text().strip()


def run_measured(args: list[str], cwd: Path) -> tuple[int, str, str, float, float]:
    """Run mplan in a child process: exit code, stdout, stderr, seconds, and its own peak RSS (wait4) in MB."""
    start = time.perf_counter()
    with open(cwd / "stdout.txt", "wb") as out, open(cwd / "stderr.txt", "wb") as err:
        child = subprocess.Popen([sys.executable, "-m", "mplan_xl", *args], cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    stdout = (cwd / "stdout.txt").read_text("utf-8", "replace")
    stderr = (cwd / "stderr.txt").read_text("utf-8", "replace")
    return child.returncode, stdout, stderr, elapsed, usage.ru_maxrss / 1024


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_file_with_every_command(corpus, command, tmp_path):
    files, secret = corpus
    failures = []
    for file in files:
        out = tmp_path / file.stem
        out.mkdir()
        code, stdout, stderr, seconds, rss = run_measured(COMMANDS[command](file, out), tmp_path)
        problems = []
        if code not in (0, 1, 2):
            problems.append(f"exit {code}")
        if "Traceback" in stdout + stderr or "panicked" in stderr or "memory allocation" in stderr:
            problems.append("crash: " + stderr.strip().splitlines()[-1][:160] if stderr.strip() else "crash")
        if code == 2:
            lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("Reading plans")]
            if command == "consolidate":  # one line per skipped plan, then why nothing was written
                ok = any(file.name in line for line in lines) and lines[-1].startswith("mplan: ")
            else:
                ok = len(lines) == 1 and file.name in lines[0] and lines[0].startswith("mplan: ")
            if not ok:
                problems.append(f"exit 2 without one line naming the file: {stderr[:200]!r}")
        if seconds > SECONDS:
            problems.append(f"{seconds:.1f} s")
        if rss > MEGABYTES:
            problems.append(f"{rss:.0f} MB")
        written = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
        if secret in stdout + stderr or secret.encode() in written:
            problems.append("leaked a local file's content")
        if command == "report" and code in (0, 1):
            reported = next(out.glob("reported.*"))
            plan = load(reported)  # the written workbook reads back
            assert plan is not None
        if problems:
            failures.append(f"{file.name}: {'; '.join(problems)}")
    assert not failures, "\n".join(failures)


def test_the_corpus_covers_what_the_issue_lists(corpus):
    names = {f.name for f in corpus[0]}
    for expected in (
        "empty.xlsx",
        "plain_text.xlsx",
        "csv_renamed.xlsx",
        "html_renamed.xlsx",
        "missing_workbook.xlsx",
        "missing_content_types.xlsx",
        "malformed_sheet_xml.xlsx",
        "wrong_relationship_target.xlsx",
        "billion_laughs_shared_strings.xlsx",
        "xxe_shared_strings.xlsx",
        "zip_bomb.xlsx",
        "password_protected.xlsx",
        "legacy.xls",
        "dimension_lie.xlsx",
        "external_link_formulas.xlsx",
        "injection_in_every_text_column.xlsx",
        "cell_of_32767_characters.xlsx",
        "sheet_of_16384_columns.xlsx",
        "odd_sheet_names.xlsx",
        "opendocument.ods",
    ):
        assert expected in names, expected
    assert sum(n.startswith("truncated_at_") for n in names) >= 4


def test_an_empty_row_far_down_is_not_a_far_away_cell(tmp_path):
    """A row element with a height and no cell at row 1,048,576 (what some writers leave) reads as nothing
    (issue 13 part 13); a real cell there is still refused in one line."""
    import zipfile

    from mplan_xl.errors import WorkbookError
    from mplan_xl.reader import load

    source = ROOT / "samples" / "exemple-fr.xlsx"

    def variant(name: str, tail: bytes):
        path = tmp_path / name
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                body = src.read(info)
                if info.filename == "xl/worksheets/sheet4.xml":
                    body = body.replace(b"</sheetData>", tail + b"</sheetData>")
                out.writestr(info, body)
        return path

    empty = variant("empty-row.xlsx", b'<row r="1048576" ht="20" customHeight="1"/>')
    assert load(empty).problems == [] and len(load(empty).rows("personas")) == len(load(source).rows("personas"))
    far = variant("far-cell.xlsx", b'<row r="1048576"><c r="L1048576"><v>1</v></c></row>')
    with pytest.raises(WorkbookError, match="L1048576"):
        load(far)
