"""Value parsers: the way people type numbers, money, percents, dates, choices and booleans."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mplan_xl.schema import SETTING, TABLE, TABLES
from mplan_xl.schema import ColumnType as T
from mplan_xl.values import (
    EXPECTED,
    ValueProblem,
    parse_bool,
    parse_choice,
    parse_date,
    parse_id_list,
    parse_number,
    parse_percent,
    parse_text,
    parser_for,
)

PERIOD = (date(2027, 1, 1), date(2027, 12, 31))


@pytest.mark.parametrize(
    "typed,expected",
    [
        (1200, 1200.0),
        (1200.5, 1200.5),
        ("1200", 1200.0),
        ("1 200,50 €", 1200.5),
        ("1\u00a0200,50\u00a0€", 1200.5),
        ("1\u202f200 €", 1200.0),
        ("1,200.50", 1200.5),
        ("1200 EUR", 1200.0),
        ("-300", -300.0),
        ("−300", -300.0),
        ("8 000 €", 8000.0),
        ("€8,000.00", 8000.0),
        ("$1,250", 1250.0),
        ("12,5", 12.5),
        ("0,5", 0.5),
        ("1.234.567", 1234567.0),
        ("1 234 567,89", 1234567.89),
        ("8k€", 8000.0),
        ("8 k€", 8000.0),
        ("1,5 M€", 1_500_000.0),
        ("(300)", -300.0),
        ("2 500 € HT", 2500.0),
        ("+45", 45.0),
        ("CHF 900", 900.0),
        ("35 %", 35.0),
        ("  42  ", 42.0),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_number(typed, expected):
    assert parse_number(typed) == pytest.approx(expected) if expected is not None else parse_number(typed) is None


def test_parse_number_comma_thousands_in_english_workbooks():
    assert parse_number("1,200", "en") == 1200.0
    assert parse_number("1,200", "fr") == 1.2


@pytest.mark.parametrize("typed", ["abc", "12 pommes", "1-2", "€", "--5", "1,2,3.4.5x", True, float("nan")])
def test_parse_number_refuses(typed):
    with pytest.raises(ValueProblem):
        parse_number(typed)


@pytest.mark.parametrize(
    "typed,expected",
    [
        (0.2, 0.2),
        ("20%", 0.2),
        ("20 %", 0.2),
        (20, 0.2),
        ("20", 0.2),
        ("12,5 %", 0.125),
        (1, 1.0),
        ("0,9", 0.9),
        (None, None),
    ],
)
def test_parse_percent(typed, expected):
    result = parse_percent(typed)
    assert result == pytest.approx(expected) if expected is not None else result is None


@pytest.mark.parametrize(
    "typed,expected",
    [
        (datetime(2027, 3, 15, 0, 0), date(2027, 3, 15)),
        (date(2027, 3, 15), date(2027, 3, 15)),
        ("2027-03-15", date(2027, 3, 15)),
        ("15/03/2027", date(2027, 3, 15)),
        ("15/03/27", date(2027, 3, 15)),
        ("15.03.2027", date(2027, 3, 15)),
        ("15-03-2027", date(2027, 3, 15)),
        ("15 mars 2027", date(2027, 3, 15)),
        ("1er mars 2027", date(2027, 3, 1)),
        ("15 Mars 2027", date(2027, 3, 15)),
        ("March 15, 2027", date(2027, 3, 15)),
        ("15 March 2027", date(2027, 3, 15)),
        ("15 févr. 2027", date(2027, 2, 15)),
        ("lundi 15 mars 2027", date(2027, 3, 15)),
        ("Q2", date(2027, 6, 30)),
        ("T2", date(2027, 6, 30)),
        ("T2 2027", date(2027, 6, 30)),
        ("Q4 2028", date(2028, 12, 31)),
        ("S1", date(2027, 6, 30)),
        ("H2", date(2027, 12, 31)),
        ("fin d'année", date(2027, 12, 31)),
        ("Fin d’année", date(2027, 12, 31)),
        ("end of year", date(2027, 12, 31)),
        ("mars 2027", date(2027, 3, 31)),
        ("février 2028", date(2028, 2, 29)),
        ("fin mars", date(2027, 3, 31)),
        ("15/03", date(2027, 3, 15)),
        ("2027-03-15 10:30:00", date(2027, 3, 15)),
        (46461, date(2027, 3, 15)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date(typed, expected):
    assert parse_date(typed, PERIOD) == expected


def test_period_words_resolve_inside_a_period_spanning_two_years():
    period = (date(2027, 7, 1), date(2028, 6, 30))
    assert parse_date("T1", period) == date(2028, 3, 31)
    assert parse_date("T3", period) == date(2027, 9, 30)
    assert parse_date("fin d'année", period) == date(2027, 12, 31)


@pytest.mark.parametrize("typed", ["31/02/2027", "32/01/2027", "demain", "Q5", "15 foo 2027", "2027", 12, "13/13/13"])
def test_parse_date_refuses(typed):
    with pytest.raises(ValueProblem):
        parse_date(typed, PERIOD)


@pytest.mark.parametrize(
    "typed,choices,expected",
    [
        ("Terminé", "status", "done"),
        ("termine", "status", "done"),
        ("DONE", "status", "done"),
        ("En cours", "status", "in_progress"),
        ("In progress", "status", "in_progress"),
        ("Annulée", "status", "cancelled"),
        ("à faire", "status", "todo"),
        ("To do", "status", "todo"),
        ("Haute", "priority", "high"),
        ("Communication", "pillar", "promotion"),
        ("Promotion", "pillar", "promotion"),
        ("Place", "pillar", "place"),
        ("économique", "pestel", "economic"),
        ("ECONOMIQUE", "pestel", "economic"),
        (" Force ", "swot", "strength"),
    ],
)
def test_parse_choice_in_either_language(typed, choices, expected):
    assert parse_choice(typed, choices) == expected


def test_parse_choice_refuses_unknown():
    with pytest.raises(ValueProblem):
        parse_choice("Peut-être", "status")


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("Oui", True),
        ("non", False),
        ("Yes", True),
        ("No", False),
        ("X", True),
        ("x", True),
        (1, True),
        (0, False),
        (True, True),
        (False, False),
        ("TRUE", True),
        ("FALSE", False),
        ("vrai", True),
        (None, None),
        ("", None),
    ],
)
def test_parse_bool(typed, expected):
    assert parse_bool(typed) is expected


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("P1, P2", ["P1", "P2"]),
        ("P1;P2", ["P1", "P2"]),
        ("P1 ; P2 ;", ["P1", "P2"]),
        ("A01", ["A01"]),
        (None, None),
        (" , ", None),
    ],
)
def test_parse_id_list(typed, expected):
    assert parse_id_list(typed) == expected


def test_text_turns_numbers_into_text():
    assert parse_text(12.0) == "12" and parse_text(12.5) == "12.5" and parse_text("  a  b ") == "a b"


@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.sampled_from(["{:,}", "{:_}", "{}"]),
    st.sampled_from(["", " €", " EUR", "€"]),
)
def test_integers_round_trip_through_french_and_english_typing(n, pattern, suffix):
    typed = pattern.format(n).replace("_", "\u00a0") + suffix
    assert parse_number(typed, "en") == n


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_round_trip_in_every_written_form(day):
    for typed in (day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d.%m.%Y"), day.strftime("%B %d, %Y")):
        assert parse_date(typed, PERIOD) == day


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_parsers_never_raise_anything_but_value_problem(value):
    for parser in (
        parse_number,
        parse_percent,
        lambda v: parse_date(v, PERIOD),
        parse_bool,
        lambda v: parse_choice(v, "status"),
        parse_id_list,
        parse_text,
    ):
        try:
            parser(value)
        except ValueProblem:
            pass


def test_every_column_type_has_a_parser():
    columns = {c.type: c for table in TABLES for c in table.columns}
    assert set(columns) == set(T)
    for column in columns.values():
        assert callable(parser_for(column, "fr", PERIOD))


@pytest.mark.parametrize(
    "table,column,lang,typed,expected",
    [
        ("objectives", "id", "fr", " O1 ", "O1"),
        ("channels", "personas", "fr", "P1, P2", ["P1", "P2"]),
        ("objectives", "target", "fr", "1 200,50", 1200.5),
        ("objectives", "target", "en", "1,200.50", 1200.5),
        ("actions", "cost", "fr", "8 000 €", 8000.0),
        ("actuals", "progress", "fr", "50 %", 0.5),
        ("objectives", "deadline", "fr", "31/12/2027", date(2027, 12, 31)),
        ("schedule", "status", "en", "Done", "done"),
        ("channels", "selected", "fr", "oui", True),
        ("objectives", "objective", "fr", 12, "12"),
    ],
)
def test_parser_follows_the_column_type(table, column, lang, typed, expected):
    assert parser_for(TABLE[table].column(column), lang, PERIOD)(typed) == expected


def test_settings_are_parsed_like_columns():
    assert parser_for(SETTING["budget_warn"], "fr")("90 %") == 0.9
    assert parser_for(SETTING["currency"], "fr")(" EUR ") == "EUR"


def test_value_problems_name_what_the_type_expected_as_plain_words():
    with pytest.raises(ValueProblem) as info:
        parser_for(TABLE["objectives"].column("target"), "fr")("beaucoup")
    assert info.value.expected == "number" and type(info.value.expected) is str
    assert EXPECTED[info.value.expected] == ("un nombre", "a number")
