"""The locale writes values the way each language reads them (issue 11 part 3, issue 15 part 2)."""

from datetime import date

import pytest

from mplan_xl.i18n import Locale, Money, Month, Number, Percent, Text, choose_lang, norm_lang, system_lang

FR, EN = Locale("fr"), Locale("en")


def test_money_percent_number():
    assert FR.money(4500) == "4\u202f500 €" and EN.money(4500) == "€4,500"
    assert FR.money(-4500) == "-4\u202f500 €" and EN.money(-4500) == "-€4,500"
    assert EN.money(12, "CHF") == "12 CHF"
    assert FR.percent(0.95) == "95\u00a0%" and EN.percent(0.95) == "95%"
    assert FR.percent(1.234, 1) == "123,4\u00a0%"
    assert FR.number(1234.5) == "1\u202f234,5" and EN.number(1234.5) == "1,234.5" and EN.number(3.0) == "3"


def test_dates_months_plurals():
    assert FR.date(date(2027, 3, 5)) == "05/03/2027" == EN.date(date(2027, 3, 5))
    assert FR.month("2027-05") == "mai 2027" and EN.month(date(2027, 5, 2)) == "May 2027"
    assert FR.month("2027-01", short=True) == "janv. 27" and EN.month("2027-01", short=True) == "Jan 27"
    assert [FR.plural(n, "erreur") for n in (0, 1, 2)] == ["0 erreur", "1 erreur", "2 erreurs"]
    assert [EN.plural(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert FR.in_days(0) == "aujourd'hui" and EN.in_days(3) == "in 3 days"


def test_text_formats_typed_values_in_its_language():
    text = Text("{a} sur {b}, soit {r} ({m}, {d}, {n})", "{a} of {b}, {r} ({m}, {d}, {n})")
    values = dict(
        a=Money(10), b=Money(2000), r=Percent(0.005, 1), m=Month("2027-02"), d=date(2027, 2, 1), n=Number(2.5)
    )
    assert text.format(FR, **values) == "10 € sur 2\u202f000 €, soit 0,5\u00a0% (février 2027, 01/02/2027, 2,5)"
    assert text.format("en", **values) == "€10 of €2,000, 0.5% (February 2027, 01/02/2027, 2.5)"


@pytest.mark.parametrize(
    "value,expected", [("fr_FR.UTF-8", "fr"), ("FR", "fr"), ("en_GB", "en"), ("de_DE", None), ("", None)]
)
def test_norm_lang(value, expected):
    assert norm_lang(value) == expected


def test_choose_lang_falls_back_to_the_system_locale(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert system_lang() == "fr" and choose_lang(None, "") == "fr" and choose_lang("en", "fr") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setattr("locale.getlocale", lambda *a: (None, None))
    assert choose_lang(None) == "en"  # neither C nor German: English


@pytest.mark.parametrize("lang,expected", [("fr", '0"\u00a0"%'), ("en", "0%")])
def test_percent_cells_of_the_workbook_follow_the_typography(workbooks, lang, expected):
    """French writes 95 % with a no-break space; English 95%."""
    import openpyxl

    from mplan_xl.schema import SETTING

    wb = openpyxl.load_workbook(workbooks[(lang, True)])
    ws = wb[SHEET_NAMES[lang]]
    label = SETTING["budget_warn"].label(lang)
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    assert ws.cell(row, 2).number_format == expected
    assert Locale(lang).percent_format() == expected


SHEET_NAMES = {"fr": "Paramètres", "en": "Settings"}
