"""One language end to end: the CLI's own lines and its refusals follow --lang, else the workbook's
language, else the system locale (LANG=fr_FR… → French), else English."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.errors import MplanError, UsageError, WorkbookError
from mplan_xl.i18n import Text

from .conftest import ROOT

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"


def runner(locale: str) -> CliRunner:
    """A runner whose environment says locale (all three variables set, LANGUAGE cleared)."""
    return CliRunner(env={"LANG": locale, "LC_ALL": locale, "LC_MESSAGES": locale, "LANGUAGE": None})


FR, EN, C = "fr_FR.UTF-8", "en_US.UTF-8", "C.UTF-8"


def test_an_error_is_english_as_text_and_carries_both_languages():
    exc = WorkbookError("x.xlsx: no such file", fr="x.xlsx : fichier introuvable")
    assert str(exc) == "x.xlsx: no such file" and exc.message("fr") == "x.xlsx : fichier introuvable"
    assert exc.message("en") == str(exc) and exc.lang is None
    english_only = UsageError("bad")
    assert english_only.message("fr") == english_only.message("en") == "bad"
    both = MplanError(Text("un", "one"), lang="fr")
    assert str(both) == "one" and both.message("fr") == "un" and both.lang == "fr"


def test_missing_file_follows_the_system_locale_unless_lang(tmp_path):
    missing = str(tmp_path / "missing.xlsx")
    french = runner(FR).invoke(cli, ["validate", missing])
    assert french.exit_code == 2
    assert "ce fichier n'existe pas" in french.output and "no such file" not in french.output
    english = runner(FR).invoke(cli, ["validate", missing, "--lang", "en"])
    assert english.exit_code == 2 and "no such file" in english.output
    for locale in (EN, C):
        assert "no such file" in runner(locale).invoke(cli, ["validate", missing]).output
    forced = runner(EN).invoke(cli, ["validate", missing, "--lang", "fr"])
    assert "ce fichier n'existe pas" in forced.output


def test_legacy_xls_refusal_in_french(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = runner(FR).invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2 and "ancien classeur .xls" in result.output


def test_init_speaks_the_system_language(tmp_path):
    french = runner(FR).invoke(cli, ["init", str(tmp_path / "a.xlsx")])
    assert french.exit_code == 0, french.output
    assert french.output.startswith(f"Écrit {tmp_path / 'a.xlsx'} (modèle, fr).")
    assert "Ensuite : remplissez-le" in french.output
    english = runner(EN).invoke(cli, ["init", str(tmp_path / "b.xlsx")])
    assert english.exit_code == 0
    assert english.output.startswith(f"Wrote {tmp_path / 'b.xlsx'} (template, fr).")  # the workbook stays French
    assert "Next: fill it in Excel or LibreOffice" in english.output
    chosen = runner(FR).invoke(cli, ["init", str(tmp_path / "c.xlsx"), "--lang", "en", "--example"])
    assert chosen.output.startswith(f"Wrote {tmp_path / 'c.xlsx'} (example plan, en).")
    again = runner(FR).invoke(cli, ["init", str(tmp_path / "c.xlsx")])  # an English workbook is there
    assert again.exit_code == 2 and "existe déjà" in again.output
    again_en = runner(EN).invoke(cli, ["init", str(tmp_path / "a.xlsx")])  # a French one
    assert again_en.exit_code == 2 and "already exists" in again_en.output


def test_lock_refusal_in_the_workbook_language(tmp_path):
    for sample, words in ((SAMPLE_FR, "est ouvert dans Excel ou LibreOffice"), (SAMPLE_EN, "is open in Excel")):
        path = tmp_path / sample.name
        shutil.copy(sample, path)
        (tmp_path / f".~lock.{path.name}#").write_text("x")
        result = runner(C).invoke(cli, ["report", str(path)])
        assert result.exit_code == 2 and words in result.output, result.output
    chosen = runner(C).invoke(cli, ["report", str(tmp_path / SAMPLE_FR.name), "--lang", "en"])
    assert "is open in Excel" in chosen.output


def test_export_lines_in_the_workbook_language(tmp_path):
    shutil.copy(SAMPLE_FR, tmp_path / "plan.xlsx")
    plan = str(tmp_path / "plan.xlsx")
    ics = runner(C).invoke(cli, ["export", plan, "--format", "ics", "-o", str(tmp_path / "plan.ics")])
    assert ics.exit_code == 0 and ics.output.startswith("Écrit ") and " événements dans " in ics.output
    csv = runner(FR).invoke(cli, ["export", plan, "--format", "csv", "-o", str(tmp_path / "csv"), "--lang", "en"])
    assert csv.exit_code == 0 and csv.output.startswith("Wrote ") and " CSV files into " in csv.output


@pytest.mark.parametrize(
    ("locale", "args", "wrote", "skipped"),
    [
        (FR, [], "Écrit ", "mplan: ignoré "),
        (C, [], "Wrote ", "mplan: skipped "),
        (C, ["--lang", "fr"], "Écrit ", "mplan: ignoré "),
    ],
)
def test_consolidate_lines_follow_lang_else_system(tmp_path, locale, args, wrote, skipped):
    out = tmp_path / "portfolio.xlsx"
    missing = tmp_path / "missing.xlsx"
    result = runner(locale).invoke(cli, ["consolidate", str(SAMPLE_FR), str(missing), "-o", str(out), *args])
    assert result.exit_code == 1, result.output
    assert skipped in result.output and wrote in result.output


def test_read_only_refusal_in_the_workbook_language(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE_FR, path)
    path.chmod(0o444)
    try:
        result = runner(EN).invoke(cli, ["report", str(path)])
        assert result.exit_code == 2 and "est en lecture seule" in result.output, result.output
    finally:
        path.chmod(0o644)


def test_wrong_extension_follows_the_system_locale(tmp_path):
    result = runner(FR).invoke(cli, ["consolidate", str(SAMPLE_FR), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2 and "le portefeuille doit être un fichier .xlsx" in result.output
    result = runner(FR).invoke(cli, ["init", str(tmp_path / "plan.txt")])
    assert result.exit_code == 2 and "doit finir par .xlsx" in result.output
