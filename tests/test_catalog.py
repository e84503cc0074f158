"""The rule catalogue in both languages: every rule documented in French and English, `mplan rules` in
the language asked for (--lang, else the system's), the JSON catalogue and docs/regles.md."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.i18n import NBSP, NNBSP
from mplan_xl.rules.catalog import CATALOG, HEADINGS, SECTIONS, SPECS, french_typography

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("title", *SECTIONS)
NO_LOCALE = {"LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None}
FRENCH = {**NO_LOCALE, "LANG": "fr_FR.UTF-8"}
ENGLISH = {**NO_LOCALE, "LANG": "en_US.UTF-8"}


def texts(lang: str):
    """(code, field, text) for every documentation text of the catalogue in one language."""
    for spec in SPECS:
        for key in DOCS:
            yield spec.code, key, getattr(spec, key)(lang)


def outside_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "`…`", text)


def test_every_rule_is_documented_in_both_languages():
    for spec in SPECS:
        for key in ("title", "why", "example", "fix"):
            text = getattr(spec, key)
            assert text.fr.strip() and text.en.strip(), (spec.code, key)
        assert bool(spec.what.fr) == bool(spec.what.en), spec.code  # "what" is optional, in both or neither
        assert "\n" not in spec.title.fr and not spec.title.fr.endswith(":"), spec.code
        assert spec.title.fr[0].isupper() and spec.title.fr.endswith("."), spec.code


def test_french_is_a_translation_not_a_copy():
    same = [(code, key) for code, key, fr in texts("fr") if fr and fr == getattr(CATALOG[code], key).en]
    assert same == []
    english = re.compile(r"\b(the|and|with|is|not|of|which|when)\b")  # never French ("an" is: "un an")
    for code, key, fr in texts("fr"):
        assert not english.findall(outside_code(fr).replace("How values are read", "")), (code, key, fr)


def test_both_languages_carry_the_same_facts():
    """Same dates, rule codes and `code` spans (values as typed) in the French and the English text."""
    patterns = (r"\b\d{2}/\d{2}(?:/\d{4})?\b", r"\bMP\d{3}\b", r"`[^`]*`")
    for code, key, fr in texts("fr"):
        en = getattr(CATALOG[code], key).en
        for pattern in patterns:
            assert set(re.findall(pattern, fr)) == set(re.findall(pattern, en)), (code, key, pattern)


def test_french_typography():
    for code, key, fr in texts("fr"):
        prose = outside_code(fr)
        assert not re.search(r" [:;!?%€»]|« ", prose), (code, key, fr)  # no-break spaces there
        assert not re.search(r"\d \d{3}\b", prose), (code, key, fr)  # 70 000 €, never split
        assert '"' not in prose, (code, key, fr)  # « guillemets »
        assert "  " not in fr, (code, key)
    why = CATALOG["MP506"].example.fr
    assert why == f"40{NNBSP}000{NBSP}€ attendus pour 55{NNBSP}000{NBSP}€ dépensés{NBSP}: ROI de −27{NBSP}%."
    assert (
        french_typography("`1 200,50 €` ou « 4 500 € » ?") == f"`1 200,50 €` ou «{NBSP}4{NNBSP}500{NBSP}€{NBSP}»{NBSP}?"
    )
    assert "`4.500 €`" in CATALOG["MP004"].what.fr, "values as typed stay as they are"


def test_french_names_the_sheets_and_columns_as_the_french_workbook_does():
    fr = "\n".join(text for _, _, text in texts("fr"))
    for sheet in ("1 Objectifs", "2 Personae", "3 Veille", "4 Canaux", "6 Actions", "7 Planning", "8 Suivi"):
        assert f"«{NBSP}{sheet}{NBSP}»" in fr, sheet
    for label in ("Cible", "Coût estimé", "Gain attendu", "Échéance", "Responsable", "Dernière révision"):
        assert f"«{NBSP}{label}{NBSP}»" in fr, label
    for english in ("Target", "Estimated cost", "Settings", "sheet 6", "Owner"):
        assert f"«{NBSP}{english}{NBSP}»" not in fr.replace(f"«{NBSP}Target{NBSP}»)", ""), english


def test_sections_in_one_language():
    rule = CATALOG["MP503"]
    assert list(rule.sections()) == ["What", "Why", "Example", "Fix"] == list(rule.sections("en"))
    assert list(rule.sections("fr")) == ["Ce qui est vérifié", "Pourquoi", "Exemple", "Correction"]
    assert rule.sections("fr")["Pourquoi"] == rule.why.fr and rule.sections("en")["Why"] == rule.why.en
    assert list(CATALOG["MP101"].sections("fr")) == ["Pourquoi", "Exemple", "Correction"], "no 'what': no section"
    assert HEADINGS["hint"]("fr") == "Conseil" and HEADINGS["message"]("fr") == "Message"


def test_rules_explains_in_french():
    result = CliRunner(env=ENGLISH).invoke(cli, ["rules", "--lang", "fr", "MP503"])
    assert result.exit_code == 0
    out = result.output
    rule = CATALOG["MP503"]
    assert out.startswith(f"MP503 overload (warning){NBSP}: {rule.title.fr}")
    for heading in ("Ce qui est vérifié", "Pourquoi", "Exemple", "Correction", "Message", "Conseil"):
        assert f"\n{heading}{NBSP}: " in out, heading
    assert f"Pourquoi{NBSP}: {rule.why.fr}" in out
    assert "Conseil\u00a0: Étalez les actions" in out
    assert "Why:" not in out and "Hint:" not in out and rule.why.en not in out


def test_rules_lists_titles_in_french():
    out = CliRunner(env=ENGLISH).invoke(cli, ["rules", "--lang", "fr"]).output
    line = next(line for line in out.splitlines() if line.startswith("MP709"))
    assert line.split()[:3] == ["MP709", "dependency-cycle", "error"]
    assert line.endswith(CATALOG["MP709"].title.fr)
    assert "Dépendances circulaires : {cycle}" in out


@pytest.mark.parametrize(
    ("env", "why", "heading"),
    [(FRENCH, CATALOG["MP503"].why.fr, "Pourquoi\u00a0:"), (ENGLISH, CATALOG["MP503"].why.en, "Why:")],
)
def test_rules_speaks_the_system_language_without_lang(env, why, heading):
    out = CliRunner(env=env).invoke(cli, ["rules", "MP503"]).output
    assert f"{heading} {why}" in out
    assert CliRunner(env=env).invoke(cli, ["rules", "MP503", "--lang", "en"]).output.count("Why:") == 1


def test_lang_env_in_a_real_process():
    """`LANG=fr_FR.UTF-8 mplan rules MP503`, as a French system runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    outputs = {}
    for lang in ("fr_FR.UTF-8", "en_US.UTF-8"):
        done = subprocess.run(
            [sys.executable, "-m", "mplan_xl", "rules", "MP503"],
            env={**env, "LANG": lang, "PYTHONIOENCODING": "utf-8"},
            capture_output=True,
            check=True,
        )
        outputs[lang[:2]] = done.stdout.decode("utf-8")
    assert f"Pourquoi{NBSP}: {CATALOG['MP503'].why.fr}" in outputs["fr"]
    assert f"Why: {CATALOG['MP503'].why.en}" in outputs["en"]


def test_json_catalogue_has_both_languages():
    data = json.loads(CliRunner(env=FRENCH).invoke(cli, ["rules", "--format", "json"]).output)
    assert [rule["code"] for rule in data] == [spec.code for spec in SPECS]
    for rule in data:
        spec = CATALOG[rule["code"]]
        for key in ("title", "message", "hint", *SECTIONS):
            assert rule[key] == {"fr": getattr(spec, key).fr, "en": getattr(spec, key).en}, (rule["code"], key)
    one = json.loads(CliRunner(env=ENGLISH).invoke(cli, ["rules", "MP503", "--format", "json"]).output)
    assert one["why"] == {
        "fr": CATALOG["MP503"].why.fr,
        "en": "an overloaded month means late actions and missed commercial peaks.",
    }
    assert one["what"]["fr"].startswith("la charge de chaque action planifiée")


def test_french_rules_doc_does_not_drift():
    from mplan_xl.rules.docs import markdown

    committed = (ROOT / "docs" / "regles.md").read_text(encoding="utf-8")
    assert committed == markdown("fr"), "run python scripts/make_docs.py and commit docs/regles.md"
    assert committed.startswith("# Règles") and "### MP503" in committed
    assert f"**Pourquoi{NBSP}:** {CATALOG['MP503'].why.fr}" in committed
    assert "[regles.md](regles.md)" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
