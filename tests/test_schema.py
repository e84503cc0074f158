"""The declarative schema equals the project's pinned contract (docs/contract.json, SPEC section 1), and is
internally consistent. tests/test_contract.py keeps that record in step with the schema and the specification."""

import json

import pytest

from mplan_xl.schema import CHOICES, SETTINGS, SHEET, SHEETS, TABLE, TABLES, ColumnType
from mplan_xl.texts import HELP

from .conftest import PINNED_CONTRACT


@pytest.fixture(scope="module")
def contract():
    return json.loads(PINNED_CONTRACT.read_text(encoding="utf-8"))


def test_sheets_match_contract(contract):
    assert [s.key for s in SHEETS] == list(contract["sheets"])
    for key, sheet in contract["sheets"].items():
        assert (SHEET[key].fr, SHEET[key].en, SHEET[key].generated) == (sheet["fr"], sheet["en"], sheet["generated"])


def test_tables_match_contract(contract):
    assert set(TABLE) == set(contract["tables"])
    for key, expected in contract["tables"].items():
        table = TABLE[key]
        assert table.sheet == expected["sheet"]
        assert table.excel_name == expected["excel_name"]
        ours = [(c.key, c.fr, c.en, c.type, c.required) for c in table.columns]
        theirs = [(c["key"], c["fr"], c["en"], c["type"], c["required"]) for c in expected["columns"]]
        assert ours == theirs, key
        for column in expected["columns"]:
            if "choices" in column:
                options = CHOICES[table.column(column["key"]).choices].options
                assert [{"fr": o.fr, "en": o.en} for o in options] == column["choices"]


def test_settings_match_contract(contract):
    ours = [(s.key, s.fr, s.en, s.type, s.required) for s in SETTINGS]
    theirs = [(s["key"], s["fr"], s["en"], s["type"], s["required"]) for s in contract["settings"]]
    assert ours == theirs


def test_references_point_at_tables_with_an_id_column():
    for table in TABLES:
        for column in table.columns:
            if column.ref:
                assert TABLE[column.ref].id_column, f"{table.key}.{column.key} -> {column.ref}"
            if column.choices:
                assert column.choices in CHOICES


def test_every_column_has_help_in_both_languages_with_example_or_list():
    for table in TABLES:
        for column in table.columns:
            assert column.help("fr") and column.help("en"), f"{table.key}.{column.key}"
    for setting in SETTINGS:
        assert setting.help("fr") and setting.help("en"), setting.key


def test_help_texts_all_belong_to_a_column_or_a_setting():
    keys = {(c.table, c.key) for table in TABLES for c in table.columns} | {(s.table, s.key) for s in SETTINGS}
    assert set(HELP) == keys
    assert all(s.table == "settings" for s in SETTINGS)


def test_column_types_are_the_enum_and_spell_the_contract_words(contract):
    columns = [c for table in TABLES for c in table.columns] + list(SETTINGS)
    assert all(isinstance(c.type, ColumnType) for c in columns)
    words = {c["type"] for t in contract["tables"].values() for c in t["columns"]} | {
        s["type"] for s in contract["settings"]
    }
    assert words <= {str(member) for member in ColumnType}
    assert ColumnType.MONEY == "money" and f"{ColumnType.DATE}" == "date"


def test_labels_unique_within_a_table():
    for table in TABLES:
        for lang in ("fr", "en"):
            labels = [c.label(lang).casefold() for c in table.columns]
            assert len(labels) == len(set(labels)), (table.key, lang)
