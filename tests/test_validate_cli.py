"""`mplan validate` and `mplan rules`: exit codes, text and JSON output, the samples' documented findings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.schema import SHEET
from mplan_xl.validate import validate

from .conftest import ROOT
from .helpers import fill

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"

# docs/samples.md explains each of these: the example plan is realistic, not perfect.
SAMPLE_FINDINGS = [
    ("MP803", "objectives", "A6"),
    ("MP803", "objectives", "A10"),
    ("MP203", "personas", "L6"),
    ("MP503", "resources", "C8"),
    ("MP402", "actions", "F18"),
    ("MP705", "schedule", "C19"),
    ("MP708", "schedule", "B27"),
    ("MP805", "tracking", "H19"),
    ("MP805", "tracking", "H36"),
    ("MP502", "settings", "B11"),
    ("MP607", "actions", "I12"),
    ("MP607", "actions", "I29"),
    ("MP607", "actions", "I30"),
    ("MP706", "schedule", "C17"),
]


# The samples as contract v1 wrote them (one undated actuals row per action, no Date column), kept as test
# data: they read with the same findings, only their actuals cells sit one column left (no Date column).
V1 = {(c, s, cell): (c, s, {"H19": "G9", "H36": "G15"}.get(cell, cell)) for c, s, cell in SAMPLE_FINDINGS}


@pytest.mark.parametrize("name,lang", [("exemple-fr.xlsx", "fr"), ("example-en.xlsx", "en")])
def test_v1_workbooks_read_with_the_same_findings(name, lang):
    report = validate(ROOT / "tests" / "data" / "v1" / name)
    expected = [(code, SHEET[sheet].name(lang), cell) for code, sheet, cell in V1.values()]
    assert sorted((f.code, f.sheet, f.cell) for f in report.findings) == sorted(expected)
    assert report.counts == validate(SAMPLE_FR if lang == "fr" else SAMPLE_EN).counts


@pytest.mark.parametrize("path,lang", [(SAMPLE_FR, "fr"), (SAMPLE_EN, "en")])
def test_samples_raise_exactly_their_documented_findings(path, lang):
    from mplan_xl.schema import SHEET

    report = validate(path)
    assert report.today.isoformat() == "2027-08-10", "the Settings reference date"
    expected = [(code, SHEET[sheet].name(lang), cell) for code, sheet, cell in SAMPLE_FINDINGS]
    assert sorted((f.code, f.sheet, f.cell) for f in report.findings) == sorted(expected)
    assert report.counts == {"error": 0, "warning": 10, "info": 4}


def test_json_output_equals_the_library_report():
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE_FR), "--format", "json", "--today", "2027-09-01"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    report = validate(SAMPLE_FR, today=__import__("datetime").date(2027, 9, 1))
    assert data == {
        "file": str(SAMPLE_FR),
        "today": "2027-09-01",
        "counts": report.counts,
        "findings": [f.to_dict() for f in report.findings],
    }
    assert list(data) == ["file", "today", "counts", "findings"]
    assert list(data["findings"][0]) == ["code", "severity", "sheet", "cell", "message", "hint"]


def test_text_output_groups_by_sheet_in_workbook_order_and_counts():
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE_FR)])
    lines = result.output.splitlines()
    sheets = [line for line in lines if line and not line.startswith(" ") and not line.startswith(str(SAMPLE_FR))]
    assert sheets == ["Paramètres", "1 Objectifs", "2 Personae", "5 Ressources", "6 Actions", "7 Planning", "8 Suivi"]
    assert "  C19    warning MP705  Action A15 en retard : échéance le 31/07/2027" in lines
    assert lines[-1] == f"{SAMPLE_FR}: 0 erreur, 10 avertissements, 4 informations"
    assert "\x1b[" not in result.output, "plain text when not on a terminal"


def test_english_messages_on_a_french_workbook():
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE_FR), "--lang", "en"])
    assert "Action A15 overdue: deadline 31/07/2027" in result.output
    assert result.output.splitlines()[-1].endswith("0 errors, 10 warnings, 4 infos")


def test_exit_codes(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", str(SAMPLE_FR)]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(SAMPLE_FR), "--strict"]).exit_code == 1
    broken = fill(SAMPLE_FR, tmp_path / "broken.xlsx", {"actions": [{"objective": "O42"}]})
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1 and "MP602" in result.output
    missing = runner.invoke(cli, ["validate", str(tmp_path / "nothere.xlsx")])
    assert missing.exit_code == 2
    assert missing.output.strip() == f"mplan: {tmp_path / 'nothere.xlsx'}: no such file; check the name and the folder"
    bad_date = runner.invoke(cli, ["validate", str(SAMPLE_FR), "--today", "hier", "--lang", "en"])
    assert bad_date.exit_code == 2 and "--today 'hier' is not a date" in bad_date.output


def test_today_changes_deadline_findings():
    early = {f.code for f in validate(SAMPLE_FR, today=__import__("datetime").date(2027, 3, 1)).findings}
    assert "MP705" not in early  # nothing overdue on 1 March
    assert "MP705" in {f.code for f in validate(SAMPLE_FR).findings}, "but A15 is on 10 August"


@pytest.mark.parametrize("content", [b"", b"a;b\n1;2\n", b"<html></html>", b"PK\x03\x04broken"])
def test_unreadable_files_are_one_line_exit_2(tmp_path, content):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and str(path) in result.output
    assert "Traceback" not in result.output


def test_rules_command_lists_and_explains():
    runner = CliRunner(env={"LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8", "LANGUAGE": None})
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    codes = [line[:5] for line in lines if line.startswith("MP")]
    assert codes == sorted(codes) and codes[0] == "MP001" and codes[-1] == "MP808", "code order, reader's included"
    i = next(i for i, line in enumerate(lines) if line.startswith("MP709"))
    assert lines[i].split()[:3] == ["MP709", "dependency-cycle", "error"]
    assert "Actions depend on each other in a cycle" in lines[i]
    assert lines[i + 1].strip() == "Dependency cycle: {cycle}" and "→ Remove one dependency" in lines[i + 2]
    one = runner.invoke(cli, ["rules", "mp503"])
    assert one.exit_code == 0 and one.output.startswith("MP503 overload (warning):") and "Fix:" in one.output
    assert "Hint: Spread the actions" in one.output and "Example: Claire" in one.output
    assert runner.invoke(cli, ["rules", "overload"]).output == one.output, "a rule by its name"
    french = runner.invoke(cli, ["rules", "MP503", "--lang", "fr"]).output
    assert "Message\u00a0: {owner} : {days} jours de charge" in french
    unknown = runner.invoke(cli, ["rules", "MP999"])
    assert (
        unknown.exit_code == 2
        and unknown.output.strip() == "mplan: unknown rule 'MP999': run 'mplan rules' for the list"
    )


def test_rules_command_gives_the_catalogue_as_json():
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["rules", "--format", "json"]).output)
    assert [r["code"] for r in data] == sorted(r["code"] for r in data)
    one = json.loads(runner.invoke(cli, ["rules", "MP107", "--format", "json"]).output)
    assert one in data and one["name"] == "unrealistic-target" and one["severity"] == "warning"
    assert one["message"] == {
        "fr": "Cible de l'objectif {id} irréaliste : {why}",
        "en": "Objective {id} target unrealistic: {why}",
    }
    assert set(one) == {"code", "name", "severity", "step", "title", "message", "hint", "what", "why", "example", "fix"}


def test_rules_doc_does_not_drift():
    from mplan_xl.rules.docs import markdown

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run python scripts/make_docs.py and commit docs/rules.md"


def test_cli_reference_does_not_drift():
    from mplan_xl.clidocs import markdown

    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run python scripts/make_docs.py and commit docs/cli.md"
