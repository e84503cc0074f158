"""Value parsers: the way people type numbers, money, percents, dates, choices and booleans."""

from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from mplan_xl.reader import load
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
    range_kind,
)

from .helpers import fill, locate, set_settings

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


# --- values typed as text (issue 12 part 7) ------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "15-mars-2027",
        "15-mars-27",
        "15-Mar-27",
        "15-Mar-2027",
        "15-MAR-2027",
        "2027/03/15",
        "2027.03.15",
        "Monday, March 15, 2027",
        "Mon. Mar. 15, 2027",
        "lundi 15 mars 2027",
        "Lundi 15 Mars 2027",
        "lun. 15 mars 2027",
        "15 mars 2027",
        "15 mars 27",
        "March 15, 2027",
        "march 15 2027",
        "Mar 15, 2027",
        "15th March 2027",
        "15 march 2027",
        "46461",
        "46461.25",
        " 46461 ",
    ],
)
def test_dates_typed_as_text(typed):
    assert parse_date(typed, PERIOD) == date(2027, 3, 15)


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("1er-févr.-2027", date(2027, 2, 1)),
        ("3 FÉVRIER 2027", date(2027, 2, 3)),
        ("3 fevrier 2027", date(2027, 2, 3)),
        ("3 févr 2027", date(2027, 2, 3)),
        ("3 fév. 2027", date(2027, 2, 3)),
        ("14 avr. 2027", date(2027, 4, 14)),
        ("14 juil. 2027", date(2027, 7, 14)),
        ("14 juill 2027", date(2027, 7, 14)),
        ("15 août 2027", date(2027, 8, 15)),
        ("15 aout 2027", date(2027, 8, 15)),
        ("15 Aug 2027", date(2027, 8, 15)),
        ("1 sept. 2027", date(2027, 9, 1)),
        ("1-Sep-27", date(2027, 9, 1)),
        ("24 déc. 2027", date(2027, 12, 24)),
        ("24-Dec-27", date(2027, 12, 24)),
        ("vendredi 24 décembre 2027", date(2027, 12, 24)),
        ("Friday, December 24, 2027", date(2027, 12, 24)),
        ("Thu, 15 Apr 2027", date(2027, 4, 15)),
        ("June 1st, 2027", date(2027, 6, 1)),
        ("15-Mar", date(2027, 3, 15)),  # Excel's d-mmm: the year of the plan period
        ("2027/3/5", date(2027, 3, 5)),
    ],
)
def test_dates_in_words_in_both_languages(typed, expected):
    assert parse_date(typed, PERIOD) == expected


@pytest.mark.parametrize(
    "typed,kind",
    [
        ("mardi 15 mars 2027", "weekday"),  # 15 March 2027 is a Monday: which of the two is wrong?
        ("Friday, March 15, 2027", "weekday"),
        ("2027/02/30", "valid_date"),
        ("31-Apr-27", "valid_date"),
        ("12345", "date"),  # a serial of 1933: a count, not a plan date
        ("2958465", "date"),
        ("2027", "date"),
        ("Mar-27", "date"),  # Excel's mmm-yy: a month, not a day; say which end of it
        ("15 brumaire 2027", "date"),
    ],
)
def test_dates_typed_as_text_refused(typed, kind):
    with pytest.raises(ValueProblem) as info:
        parse_date(typed, PERIOD)
    assert info.value.expected == kind


@pytest.mark.parametrize(
    "typed,elsewhere,in_the_us",
    [
        ("03/15/2027", None, date(2027, 3, 15)),
        ("3/15/27", None, date(2027, 3, 15)),
        ("05/04/2027", date(2027, 4, 5), date(2027, 5, 4)),
        ("05/04", date(2027, 4, 5), date(2027, 5, 4)),
        ("15/03/2027", date(2027, 3, 15), None),
        ("15.03.2027", date(2027, 3, 15), date(2027, 3, 15)),  # dots are day-first everywhere
        ("2027/03/15", date(2027, 3, 15), date(2027, 3, 15)),
        ("March 15, 2027", date(2027, 3, 15), date(2027, 3, 15)),
    ],
)
def test_slash_dates_are_month_first_in_a_us_plan_only(typed, elsewhere, in_the_us):
    for country, expected in (("FR", elsewhere), (None, elsewhere), ("US", in_the_us), (" us ", in_the_us)):
        if expected is None:
            with pytest.raises(ValueProblem):
                parse_date(typed, PERIOD, country)
        else:
            assert parse_date(typed, PERIOD, country) == expected
    deadline = TABLE["objectives"].column("deadline")
    assert parser_for(deadline, "en", PERIOD, "US")("03/15/2027") == date(2027, 3, 15)


@pytest.mark.parametrize(
    "typed,lang,expected",
    [
        ("4.500 €", "fr", 4500.0),
        ("70.000 €", "fr", 70000.0),
        ("70.000", "fr", 70000.0),
        ("1.234.567,89 €", "fr", 1234567.89),
        ("1.234.567 €", "fr", 1234567.0),
        ("-4.500", "fr", -4500.0),
        ("4.500 %", "fr", 4500.0),
        ("4.5", "fr", 4.5),
        ("4.50", "fr", 4.5),
        ("4.5000", "fr", 4.5),
        ("0.500", "fr", 0.5),
        ("4,500", "fr", 4.5),  # the French decimal comma
        ("4,500 €", "fr", 4.5),
        ("€4,50", "fr", 4.5),
        ("€4.50", "fr", 4.5),
        ("€0,500", "fr", 0.5),
        ("€1,234,567", "fr", 1234567.0),
        ("€4.500,00", "fr", 4500.0),
        ("€4,500.00", "fr", 4500.0),
        ("€4 500", "fr", 4500.0),
        ("$4,500", "fr", 4500.0),  # $ and £ write the English way in any workbook
        ("4,500", "en", 4500.0),
        ("4.500", "en", 4.5),
        ("€4,500", "en", 4500.0),
        ("€4.500", "en", 4.5),
        ("4.500 €", "en", 4.5),
        ("1.234.567", "en", 1234567.0),
    ],
)
def test_french_and_english_separators(typed, lang, expected):
    assert parse_number(typed, lang) == pytest.approx(expected)


@pytest.mark.parametrize("typed", ["€4,500", "€4.500", "€ 4,500", "EUR 4,500", "-€4,500", "(€12.345)", "€999,999"])
def test_a_currency_written_first_in_a_french_workbook_makes_three_decimals_ambiguous(typed):
    with pytest.raises(ValueProblem) as info:
        parse_number(typed, "fr")
    assert info.value.expected == "ambiguous_number"
    french, english = EXPECTED["ambiguous_number"]
    assert "4 500" in french and "4,5" in french and "4 500" in english


@pytest.mark.parametrize("typed", ["15.03.2027", "1.2.3", "12.34.567", "1.23,5", "1,2.3,4", "1.2345.678"])
def test_separators_not_grouped_by_three_are_refused(typed):
    with pytest.raises(ValueProblem) as info:
        parse_number(typed, "fr")
    assert info.value.expected == "number"


def _french(n: int, cents: int | None) -> str:
    grouped = f"{n:,}".replace(",", ".")
    return grouped + (f",{cents:02d}" if cents is not None else "")


@given(
    st.integers(min_value=1000, max_value=10**12),
    st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
    st.sampled_from(["", " €", "\u00a0€", " EUR", " € HT"]),
)
def test_french_dotted_thousands_read_back(n, cents, suffix):
    typed = _french(n, cents) + suffix
    assert parse_number(typed, "fr") == pytest.approx(n + (cents or 0) / 100)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_one_dot_reads_as_french_thousands_only_before_exactly_three_digits(whole, part):
    for digits in (f"{part}", f"{part:02d}", f"{part:03d}", f"{part:04d}"):
        typed = f"{whole}.{digits}"
        expected = whole * 1000 + part if len(digits) == 3 else float(typed)
        assert parse_number(typed, "fr") == pytest.approx(expected)
        assert parse_number(typed, "en") == pytest.approx(float(typed))


_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()
_ABBR_FR = "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split()
_ABBR_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DAYS_FR = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
_DAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)), st.booleans(), st.booleans())
def test_dates_in_words_round_trip(day, upper, abbreviate):
    fr, en = _MONTHS_FR[day.month - 1], _MONTHS_EN[day.month - 1]
    if abbreviate:
        fr, en = _ABBR_FR[day.month - 1], _ABBR_EN[day.month - 1]
    forms = [
        f"{day.day} {fr} {day.year}",
        f"{_DAYS_FR[day.weekday()]} {day.day} {fr} {day.year}",
        f"{day.day:02d}-{en}-{day.year if day.year < 2000 else day.year % 100:02d}",  # two digits: 20xx
        f"{_DAYS_EN[day.weekday()]}, {en} {day.day}, {day.year}",
        f"{en} {day.day}, {day.year}",
        day.strftime("%Y/%m/%d"),
        str((day - date(1899, 12, 30)).days),
    ]
    for typed in forms:
        assert parse_date(typed.upper() if upper else typed, PERIOD) == day, typed
    assert parse_date(day.strftime("%m/%d/%Y"), PERIOD, "US") == day


@pytest.mark.parametrize(
    "table,column,typed,expected",
    [
        ("actuals", "progress", "100 %", 1.0),
        ("actuals", "progress", "0 %", 0.0),
        ("actuals", "progress", 0.35, 0.35),
        ("actions", "effort", 0, 0.0),
        ("actions", "effort", "2,5", 2.5),
        ("team", "capacity", 18, 18.0),
    ],
)
def test_values_inside_their_range(table, column, typed, expected):
    assert parser_for(TABLE[table].column(column), "fr", PERIOD)(typed) == pytest.approx(expected)


@pytest.mark.parametrize(
    "column,typed,accepted",
    [
        (SETTING["budget_warn"], "1000 %", 10.0),
        (SETTING["overspend_warn"], "0 %", 0.0),
        (SETTING["gross_margin"], "62 %", 0.62),
        (SETTING["due_soon_days"], 0, 0.0),
        (SETTING["measure_every_days"], "31", 31.0),
    ],
)
def test_settings_inside_their_range(column, typed, accepted):
    assert parser_for(column, "fr")(typed) == pytest.approx(accepted)


@pytest.mark.parametrize(
    "column,typed,shown,words",
    [
        (TABLE["actuals"].column("progress"), "1000000 %", "1000000 %", "un pourcentage entre 0 % et 100 %"),
        (TABLE["actuals"].column("progress"), "-50 %", "-50 %", "un pourcentage entre 0 % et 100 %"),
        (TABLE["actuals"].column("progress"), -0.5, "-50 %", "un pourcentage entre 0 % et 100 %"),
        (TABLE["actuals"].column("progress"), "150", "150", "un pourcentage entre 0 % et 100 %"),
        (TABLE["actions"].column("effort"), -2.0, "-2", "un nombre positif ou nul"),
        (TABLE["actions"].column("effort"), "-2,5", "-2,5", "un nombre positif ou nul"),
        (TABLE["team"].column("capacity"), "-1", "-1", "un nombre positif ou nul"),
        (SETTING["budget_warn"], "1000000 %", "1000000 %", "un pourcentage entre 0 % et 1000 %"),
        (SETTING["overspend_warn"], "-10 %", "-10 %", "un pourcentage entre 0 % et 1000 %"),
        (SETTING["gross_margin"], "120 %", "120 %", "un pourcentage entre 0 % et 100 %"),
        (SETTING["due_soon_days"], -3, "-3", "un nombre entier positif ou nul"),
        (SETTING["persona_review_months"], "-12", "-12", "un nombre entier positif ou nul"),
        (SETTING["measure_every_days"], -1.0, "-1", "un nombre entier positif ou nul"),
    ],
)
def test_values_that_parse_but_make_no_sense_are_refused_with_their_range(column, typed, shown, words):
    with pytest.raises(ValueProblem) as info:
        parser_for(column, "fr", PERIOD)(typed)
    assert info.value.value == shown
    assert EXPECTED[info.value.expected][0] == words


def test_every_range_of_the_schema_is_worded_in_both_languages():
    columns = [*SETTING.values(), *(c for t in TABLES for c in t.columns)]
    bounded = {(c.table, c.key) for c in columns if range_kind(c)}
    assert bounded == {
        ("settings", key)
        for key in ("due_soon_days", "budget_warn", "overspend_warn", "persona_review_months", "gross_margin")
    } | {("settings", "measure_every_days"), ("actuals", "progress"), ("actions", "effort"), ("team", "capacity")}
    for column in columns:
        if range_kind(column):
            french, english = EXPECTED[range_kind(column)]
            assert french.startswith("un ") and english.startswith("a ")
    assert EXPECTED[range_kind(SETTING["budget_warn"])][1] == "a percentage between 0% and 1000%"
    assert EXPECTED[range_kind(TABLE["actions"].column("effort"))][1] == "a number of zero or more"


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_new_parsers_never_raise_anything_but_value_problem(value):
    parsers = [
        lambda v: parse_number(v, "fr"),
        lambda v: parse_number(v, "en"),
        lambda v: parse_date(v, PERIOD, "US"),
        parser_for(TABLE["actuals"].column("progress"), "fr"),
        parser_for(SETTING["due_soon_days"], "en"),
    ]
    for parser in parsers:
        try:
            parser(value)
        except ValueProblem:
            pass


# --- the same values in a workbook: read by the reader, problems at their exact cells ---------------


def _cell(path, table, i, key):
    """(sheet, address) of row i of a table's column in a filled workbook."""
    ws, header, columns = locate(openpyxl.load_workbook(path), table)
    return ws.title, f"{get_column_letter(columns[key])}{header + 1 + i}"


def _setting_cell(path, key):
    """(sheet, address) of a setting's value in a filled French workbook."""
    ws = openpyxl.load_workbook(path)["Paramètres"]
    label = SETTING[key].fr
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    return ws.title, f"B{row}"


def _mp004(plan):
    return sorted((f.sheet, f.cell) for f in plan.problems if f.code == "MP004")


def test_reader_reads_values_typed_as_text_and_reports_the_rest_at_their_cell(workbooks, tmp_path):
    dates = [
        ("15-mars-2027", "Monday, March 15, 2027"),
        ("15-Mar-27", "2027/03/15"),
        ("46461", "lundi 15 mars 2027"),
        ("15 mars 2027", "March 15, 2027"),
        ("mardi 15 mars 2027", "12345"),  # both refused
    ]
    path = fill(
        workbooks[("fr", False)],
        tmp_path / "typed.xlsx",
        {
            "schedule": [dict(action=f"A{i}", start=start, end=end) for i, (start, end) in enumerate(dates, 1)],
            "actions": [
                dict(id="A1", cost="4.500 €", effort="2,5"),
                dict(id="A2", cost="70.000 €", effort=-2),
                dict(id="A3", cost="1.234.567,89 €", effort="-1"),
                dict(id="A4", cost="€4,500", effort=0),
            ],
            "actuals": [
                dict(action="A1", progress="1000000 %"),
                dict(action="A2", progress="-50 %"),
                dict(action="A3", progress="100 %"),
            ],
        },
    )
    set_settings(path, {"budget_warn": "1000000 %", "due_soon_days": -3, "overspend_warn": "1000 %"})
    plan = load(path)
    schedule = plan.rows("schedule")
    for row in schedule[:4]:
        assert (row.get("start"), row.get("end")) == (date(2027, 3, 15), date(2027, 3, 15))
    costs = [row.get("cost") for row in plan.rows("actions")]
    assert costs[:3] == [4500.0, 70000.0, pytest.approx(1234567.89)] and costs[3] is None
    assert [row.get("effort") for row in plan.rows("actions")] == [2.5, None, None, 0.0]
    assert [row.get("progress") for row in plan.rows("actuals")] == [None, None, 1.0]
    assert plan.setting("budget_warn") is None and plan.setting("due_soon_days") is None
    assert plan.setting("overspend_warn") == 10.0
    assert _mp004(plan) == sorted(
        [
            _cell(path, "schedule", 4, "start"),
            _cell(path, "schedule", 4, "end"),
            _cell(path, "actions", 3, "cost"),
            _cell(path, "actions", 1, "effort"),
            _cell(path, "actions", 2, "effort"),
            _cell(path, "actuals", 0, "progress"),
            _cell(path, "actuals", 1, "progress"),
            _setting_cell(path, "budget_warn"),
            _setting_cell(path, "due_soon_days"),
        ]
    )
    messages = {(f.sheet, f.cell): f.message for f in plan.problems}
    assert messages[_cell(path, "actuals", 0, "progress")] == (
        "« 1000000 % » dans « Avancement » n'est pas un pourcentage entre 0 % et 100 %"
    )
    assert messages[_cell(path, "actions", 1, "effort")] == (
        "« -2 » dans « Charge (jours-homme) » n'est pas un nombre positif ou nul"
    )
    assert messages[_setting_cell(path, "budget_warn")] == (
        "« 1000000 % » dans « Seuil d'alerte budget » n'est pas un pourcentage entre 0 % et 1000 %"
    )
    assert "4 500 ou 4,5" in messages[_cell(path, "actions", 3, "cost")]
    assert "jour de la semaine" in messages[_cell(path, "schedule", 4, "start")]
    english = {(f.sheet, f.cell): f.message for f in plan.problems_in("en")}
    assert english[_cell(path, "actuals", 1, "progress")] == (
        "'-50 %' in 'Avancement' is not a percentage between 0% and 100%"
    )


@pytest.mark.parametrize("country,start,deadline", [("US", date(2027, 1, 2), date(2027, 3, 15)), ("FR", None, None)])
def test_reader_reads_slash_dates_month_first_in_a_us_plan(workbooks, tmp_path, country, start, deadline):
    path = fill(workbooks[("fr", False)], tmp_path / "us.xlsx", {"schedule": [dict(action="A1", end="03/15/2027")]})
    set_settings(path, {"country": country, "period_start": "01/02/2027", "period_end": "12/31/2027"})
    plan = load(path)
    if country == "US":
        assert plan.period == (start, date(2027, 12, 31))
        assert plan.rows("schedule")[0].get("end") == deadline
        assert _mp004(plan) == []
    else:  # day-first: 1 February, and neither 31/12 nor 15/03 read the US way
        assert plan.setting("period_start") == date(2027, 2, 1)
        expected = [_setting_cell(path, "period_end"), _cell(path, "schedule", 0, "end")]
        assert _mp004(plan) == sorted(expected)


def test_reader_keeps_english_separators_in_an_english_workbook(workbooks, tmp_path):
    rows = [dict(id="A1", cost="4,500"), dict(id="A2", cost="4.500"), dict(id="A3", cost="€4,500")]
    path = fill(workbooks[("en", False)], tmp_path / "en.xlsx", {"actions": rows})
    plan = load(path)
    assert [row.get("cost") for row in plan.rows("actions")] == [4500.0, 4.5, 4500.0]
    assert _mp004(plan) == []
