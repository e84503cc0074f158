"""Value parsers: turn what people type into typed values (SPEC section 1, "Value types").

Pure functions. Each returns the typed value, None for an empty cell, or raises ValueProblem with a
short reason (a key of EXPECTED); they never raise anything else on user data. docs/workbook.md
("How values are read") tells users the same rules.

Numbers typed as text, once spaces (any kind), currency symbols or codes, a sign, brackets (negative)
and a k/M/Md multiplier are set aside:
- a comma and a dot both: the rightmost is the decimal separator, the other separates thousands and
  must group digits by three (`1.234.567,89`, `1,234.50`; `1.23,5` is refused);
- commas only: several are thousands (`1,234,567`); one is the decimal separator (`12,5`, and `4,500`
  is 4.5 in a French workbook), except in an English workbook where `4,500` (groups of three) is 4500;
- dots only, in a French workbook: a dot before exactly three digits, possibly repeated after a first
  group of 1 to 3 digits not 0, separates thousands (`4.500` and `70.000` are 4500 and 70000;
  `4.5`, `4.50`, `0.500` and `4.5000` are decimals); several dots not grouped so are refused
  (`15.03.2027`); in an English workbook one dot is the decimal separator (`4.500` is 4.5);
- a leading `$` or `£` reads the English way in any workbook (`$4,500` is 4500);
- in a French workbook a currency written first (`€4,500`, `EUR 4.500`) with a single separator before
  exactly three digits is genuinely ambiguous (the English 4500 or the French 4.5): refused as
  `ambiguous_number`, whose words say how to write it, never guessed.

Dates typed as text: ISO `2027-03-15` or `2027/03/15`; `15/03/2027`, `15.03.27`, `15-03-2027`
day-first, except `/` dates month-first in a US plan (`country="US"`: `03/15/2027`); `15/03` in the
plan period; day and month names in French or English, full or abbreviated, with or without dots,
accents and capitals (`15 mars 2027`, `lundi 15 mars 2027`, `15-Mar-27` as Excel's d-mmm-yy,
`Monday, March 15, 2027`, `March 15, 2027`); a day name that is not that date's weekday is refused
(`weekday`); a serial typed as text (`46461`) between 1950 and 2100 in the 1900 date system (the
reader does not see a workbook's date1904 flag); period words (`T2`, `S1`, `fin d'année`, `mars 2027`).

A column with a `min` or `max` in the schema refuses a value outside that range, with an EXPECTED kind
that words the range (`range_kind`): progress above 100 %, a negative effort.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from typing import Any

from .schema import CHOICES, SETTINGS, TABLES, Column
from .schema import ColumnType as T


class ValueProblem(ValueError):
    """A value that cannot be interpreted for its column type: the text typed and what was expected."""

    def __init__(self, value: object, expected: str):
        self.value, self.expected = str(value)[:80], str(expected)
        super().__init__(f"'{self.value}' is not {EXPECTED[expected][1]}")


# What a column expected, as said in French and English messages.
EXPECTED = {
    T.NUMBER: ("un nombre", "a number"),
    T.DATE: ("une date", "a date"),
    "valid_date": ("une date valide", "a valid date"),
    "date_range": ("une date entre 1900 et 9998", "a date between 1900 and 9998"),
    "number_range": ("un nombre inférieur à un million de milliards", "a number below a million billion"),
    "month": ("un mois", "a month"),
    T.CHOICE: ("une valeur de la liste", "a value from the list"),
    T.BOOL: ("oui ou non", "yes or no"),
    "whole": ("un nombre entier", "a whole number"),
    "number_not_date": ("un nombre (c'est une date)", "a number (it is a date)"),
    "ambiguous_number": (
        "un nombre sans ambiguïté (milliers séparés par une espace, décimales par une virgule : 4 500 ou 4,5)",
        "an unambiguous number (thousands separated by a space, decimals by a comma: 4 500 or 4,5)",
    ),
    "weekday": (
        "une date cohérente (le jour de la semaine ne correspond pas)",
        "a consistent date (the day of the week does not match)",
    ),
}


def norm(text: object) -> str:
    """Case-, accent- and space-insensitive form used to compare labels and choices."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").split())


def parser_for(
    column: Column, lang: str = "fr", period: tuple[date, date] | None = None, country: str | None = None
) -> Callable[[object], Any]:
    """The parse function of a column (or a setting) by its type, chosen once per column rather than per cell.

    `country` is the plan's (Settings): `/` dates are month-first in a US plan. A column with a `min` or
    `max` refuses a value outside its range (kind `range_kind(column)`).
    """
    parsers: dict[T, Callable[[object], Any]] = {
        T.TEXT: parse_text,
        T.ID: parse_id,
        T.LIST: parse_id_list,
        T.NUMBER: partial(parse_number, lang=lang),
        T.MONEY: partial(parse_number, lang=lang),
        T.PERCENT: partial(parse_percent, lang=lang),
        T.DATE: partial(parse_date, period=period, country=country),
        T.CHOICE: partial(parse_choice, choices=column.choices or ""),
        T.BOOL: parse_bool,
    }
    kind = range_kind(column)
    return _in_range(parsers[column.type], column, kind) if kind else parsers[column.type]


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- text and ids -------------------------------------------------------------------------------


def parse_text(value: object) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, str):
        text = value.strip()
        if "\n" in text:
            return text
        return (" ".join(text.split()) if "  " in text or "\t" in text or "\u00a0" in text else text) or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and not (value.hour or value.minute or value.second):
        return value.date().strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def parse_id(value: object) -> str | None:
    return parse_text(value)


@lru_cache(maxsize=1 << 18)  # a 50,000-action plan has some 60,000 distinct ids
def id_key(value: str) -> str:
    """Ids compare case-insensitively after trimming."""
    return " ".join(value.split()).casefold()


_LIST_SPLIT = re.compile(r"[,;\n/]+")


def parse_id_list(value: object) -> list[str] | None:
    text = parse_text(value)
    if text is None:
        return None
    items = [" ".join(part.split()) for part in _LIST_SPLIT.split(text)]
    return [item for item in items if item] or None


# --- numbers, money, percent --------------------------------------------------------------------

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007 '\u2019_"), None)
_CURRENCY = re.compile(
    r"(€|\$|£|¥|chf|eur|euros?|usd|gbp|cad|jpy|aud|sek|nok|dkk|pln|mad|xof|tnd|fcfa|ht|ttc)", re.IGNORECASE
)
_MULTIPLIER = re.compile(r"^(.*?)(k|m|md|mds)$", re.IGNORECASE)
# Groups of three digits after a first group of one to three: 4.500, 1.234.567 (a first group 0 is a decimal).
_GROUPED = {sep: re.compile(r"[1-9]\d{0,2}(?:" + re.escape(sep) + r"\d{3})+") for sep in ".,"}
_INTEGER_PART = {sep: re.compile(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})*") for sep in ".,"}


def _number_from_text(text: str, lang: str = "fr") -> float:
    raw = text
    text = text.strip().replace("\u2212", "-").replace("–", "-")
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    unsigned = text.lstrip("+-").lstrip()
    if unsigned.startswith(("$", "£")):
        lang = "en"  # a leading $ or £ is written the English way: 1,250 is a thousand and more
    prefixed = bool(_CURRENCY.match(unsigned))  # €4,500: a currency written first, the English way
    text = _CURRENCY.sub("", text).translate(_SPACES).strip()
    factor = 1.0
    match = _MULTIPLIER.match(text)
    if match and match.group(1) and match.group(1)[-1].isdigit():
        text = match.group(1)
        factor = {"k": 1e3, "m": 1e6, "md": 1e9, "mds": 1e9}[match.group(2).lower()]
    if text.startswith("+"):
        text = text[1:]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    if not re.fullmatch(r"[0-9.,]+", text or "x") or not any(c.isdigit() for c in text):
        raise ValueProblem(raw, T.NUMBER)
    text = _plain_digits(text, raw, lang, prefixed)
    try:
        number = float(text) * factor
    except ValueError as exc:
        raise ValueProblem(raw, T.NUMBER) from exc
    return -number if negative else number


def _plain_digits(text: str, raw: str, lang: str, prefixed: bool) -> str:
    """Digits with separators as Python reads them (the rules of the module docstring)."""
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole = text[: text.rfind(decimal)]
        if decimal in whole or not _INTEGER_PART[thousands].fullmatch(whole):
            raise ValueProblem(raw, T.NUMBER)  # 1.23,5 or 1,2.3,4: not grouped by three
        return text.replace(thousands, "").replace(decimal, ".")
    if text.count(",") > 1 or (lang == "en" and re.fullmatch(r"\d{1,3}(,\d{3})+", text)):
        return text.replace(",", "")
    single = text.count(",") + text.count(".") == 1 and len(text) > 4 and text[-4] in ".,"
    if lang != "en" and prefixed and single and _GROUPED[text[-4]].fullmatch(text):
        raise ValueProblem(raw, "ambiguous_number")  # €4,500 or €4.500 in French: 4.5 or 4500?
    if "," in text:
        return text.replace(",", ".")
    if text.count(".") > 1 or (lang != "en" and _GROUPED["."].fullmatch(text)):
        if not _GROUPED["."].fullmatch(text):
            raise ValueProblem(raw, T.NUMBER)  # 15.03.2027 is a date, 1.2.3 a version
        return text.replace(".", "")
    return text


NUMBER_LIMIT = 1e15  # a million billion: beyond, a typo or a placeholder (and sums could overflow)


def parse_number(value: object, lang: str = "fr") -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(value, T.NUMBER)
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            raise ValueProblem(value, T.NUMBER)
        if not abs(value) < NUMBER_LIMIT:
            raise ValueProblem(f"{value:g}", "number_range")
        return float(value)
    if isinstance(value, (date, datetime)):
        raise ValueProblem(value, "number_not_date")
    text = str(value).strip()
    if text.endswith("%"):
        text = text[:-1]
    number = _number_from_text(text, lang)
    if not abs(number) < NUMBER_LIMIT:  # 400 digits typed as text: inf
        raise ValueProblem(value, "number_range")
    return number


def in_bounds(value: object) -> bool:
    """A number or date the parsers would accept as it is (the reader's fast path skips them)."""
    if isinstance(value, float):
        return abs(value) < NUMBER_LIMIT
    if isinstance(value, date):
        return DATE_RANGE[0] <= value <= DATE_RANGE[1]
    return True


parse_money = parse_number


def parse_percent(value: object, lang: str = "fr") -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, str) and "%" in value:
        return _number_from_text(value.replace("%", ""), lang) / 100
    number = parse_number(value, lang)
    return number / 100 if number is not None and abs(number) > 1 else number


# --- ranges -----------------------------------------------------------------------------------


def range_kind(column: Column) -> str | None:
    """The EXPECTED key that words a column's range (`min`, `max` in the schema); None without one."""
    if column.min is None and column.max is None:
        return None
    return f"range {column.type}{' whole' if column.integer else ''} {column.min} {column.max}"


def _bound(number: float, column: Column, lang: str) -> str:
    if column.type == T.PERCENT:
        return f"{number * 100:g} %" if lang == "fr" else f"{number * 100:g}%"
    return f"{number:g}"


def _range_words(column: Column) -> tuple[str, str]:
    """What a bounded column expects, in French and English: « un pourcentage entre 0 % et 100 % »."""
    nouns = {T.PERCENT: ("un pourcentage", "a percentage")}.get(column.type, ("un nombre", "a number"))
    if column.integer:
        nouns = ("un nombre entier", "a whole number")
    low, high = column.min, column.max
    words = []
    for lang, noun in zip(("fr", "en"), nouns, strict=True):
        fr = lang == "fr"
        if low is not None and high is not None:
            between = ("entre {} et {}" if fr else "between {} and {}").format(
                _bound(low, column, lang), _bound(high, column, lang)
            )
        elif low == 0:
            between = "positif ou nul" if fr else "of zero or more"
        elif low is not None:
            between = ("supérieur ou égal à {}" if fr else "of {} or more").format(_bound(low, column, lang))
        else:
            between = ("inférieur ou égal à {}" if fr else "of {} or less").format(_bound(high or 0, column, lang))
        words.append(f"{noun} {between}")
    return words[0], words[1]


# Every range the schema declares, worded once: findings word a kind by its key (they may be made in
# another process than the one that read the workbook, so the keys cannot be made up while reading).
EXPECTED.update(
    {kind: _range_words(c) for c in (*SETTINGS, *(c for t in TABLES for c in t.columns)) if (kind := range_kind(c))}
)


def _in_range(parse: Callable[[object], Any], column: Column, kind: str) -> Callable[[object], Any]:
    """`parse`, refusing a value outside the column's range with a ValueProblem of that kind."""
    low = -math.inf if column.min is None else column.min
    high = math.inf if column.max is None else column.max
    slack = 1e-9  # 100 % typed as 100 is 1.0000000000000002 after some arithmetic: not out of range

    def parse_in_range(value: object) -> Any:
        typed = parse(value)
        if typed is not None and not low - slack <= typed <= high + slack:
            shown = value if isinstance(value, str) else _bound(typed, column, "fr")
            raise ValueProblem(shown, kind)
        return typed

    return parse_in_range


# --- dates ------------------------------------------------------------------------------------


def _names(*lists: str) -> dict[str, int]:
    """Each name (accents stripped, lower case) of space-separated lists in calendar order, numbered from 1."""
    return {norm(name): i for names in lists for i, name in enumerate(names.split(), 1)}


# Month and day names, French and English, full and abbreviated, as norm() leaves them (written, not taken
# from the calendar module, whose names follow the machine's locale).
MONTHS = {
    **_names(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "janv févr mars avr mai juin juil août sept oct nov déc",
        "janv fév mars avr mai juin juill août sep oct nov déc",
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "jan feb mar apr may june july aug sept oct nov dec",
    ),
    "juil.": 7,
}
DAYS = _names(  # Monday is 1, as date.isoweekday()
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lun mar mer jeu ven sam dim",
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue wed thu fri sat sun",
    "mon tues wed thur fri sat sun",
    "mon tue wed thurs fri sat sun",
)
_MONTH_WORD = r"([a-zA-Zéûèà]+)\.?"
EXCEL_EPOCH = date(1899, 12, 30)  # serials of the 1900 date system (the reader does not see date1904)
SERIALS = (18264, 73415)  # serials of 1950-01-01 to 2100-12-31: a date, not a count, in a date column


def _month(word: str) -> int:
    month = MONTHS.get(norm(word).rstrip("."))
    if not month:
        raise ValueProblem(word, "month")
    return month


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(raw, "valid_date") from exc


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _in_period(candidates: list[date], period: tuple[date, date] | None) -> date:
    """The first candidate inside the plan period, else the first candidate."""
    if period:
        for candidate in candidates:
            if period[0] <= candidate <= period[1]:
                return candidate
    return candidates[0]


def _years(period: tuple[date, date] | None) -> list[int]:
    if not period:
        return [date.today().year]
    return list(range(period[0].year, period[1].year + 1))


_QUARTER = re.compile(r"^(?:(\d{4})\s*)?([qt])\s*([1-4])(?:\s*(\d{2,4}))?$")
_HALF = re.compile(r"^(?:(\d{4})\s*)?([sh])\s*([12])(?:\s*(\d{2,4}))?$")
_END_OF_YEAR = {
    "fin d'annee",
    "fin annee",
    "fin de l'annee",
    "end of year",
    "year end",
    "year-end",
    "eoy",
    "fin d'exercice",
}


def _period_word(text: str, period: tuple[date, date] | None) -> date | None:
    key = norm(text)
    if key in _END_OF_YEAR:
        return _in_period([date(y, 12, 31) for y in _years(period)], period)
    for pattern, months in ((_QUARTER, 3), (_HALF, 6)):
        match = pattern.match(key.replace("-", " "))
        if match:
            year_text = match.group(1) or match.group(4)
            last_month = int(match.group(3)) * months
            if year_text:
                return _month_end(_year(year_text), last_month)
            return _in_period([_month_end(y, last_month) for y in _years(period)], period)
    match = re.match(r"^(?:fin|end of|fin de|fin d')?\s*" + _MONTH_WORD + r"(?:\s+(\d{4}))?$", key)
    if match and norm(match.group(1)).rstrip(".") in MONTHS:
        month = _month(match.group(1))
        if match.group(2):
            return _month_end(int(match.group(2)), month)
        if key.startswith(("fin", "end")):
            return _in_period([_month_end(y, month) for y in _years(period)], period)
    return None


_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?z?)?"
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME + "$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{2}|\d{4})" + _TIME + "$")
_DAY_MONTH = re.compile(r"^(\d{1,2})([/.])(\d{1,2})$")
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")
# Dates in words once commas, dashes, slashes and dots are spaces: [day name] 15 mars [2027] (Excel's
# d-mmm-yy, 15-Mar-27, too) and [day name] March 15 2027.
_ORDINAL = r"(?:er|st|nd|rd|th)?"
_DAY_FIRST = re.compile(r"^(?:([a-z]+) )?(\d{1,2})" + _ORDINAL + r" ([a-z]+)(?: (\d{2}|\d{4}))?$")
_MONTH_FIRST = re.compile(r"^(?:([a-z]+) )?([a-z]+) (\d{1,2})" + _ORDINAL + r" (\d{2}|\d{4})$")


DATE_RANGE = (date(1900, 1, 1), date(9998, 12, 31))  # a year of margin: date arithmetic never overflows


def parse_date(value: object, period: tuple[date, date] | None = None, country: str | None = None) -> date | None:
    """A date from an Excel date, a serial number, or text (day-first, month-first `/` dates in a US plan;
    period words resolved against the plan period). A date outside 1900-9998 is refused (`date_range`):
    31/12/9999 is a placeholder, and the day after it does not exist."""
    found = _parse_date(value, period, country)
    if found is not None and not DATE_RANGE[0] <= found <= DATE_RANGE[1]:
        raise ValueProblem(value if isinstance(value, str) else found.isoformat(), "date_range")
    return found


def _parse_date(value: object, period: tuple[date, date] | None, country: str | None) -> date | None:
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueProblem(value, T.DATE)
    if isinstance(value, (int, float)):
        if SERIALS[0] <= value < SERIALS[1]:  # a date cell saved without its format
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueProblem(value, T.DATE)
    raw = str(value).strip()
    text = " ".join(norm(raw).replace("1er ", "1 ").replace(",", " ").split())
    if m := _ISO.match(text):
        return _make(int(m.group(1)), int(m.group(3)), int(m.group(4)), raw)
    month_first = country is not None and country.strip().upper() == "US"
    if m := _NUMERIC.match(text):
        day, month = int(m.group(1)), int(m.group(3))
        if month_first and m.group(2) == "/":
            day, month = month, day
        return _make(_year(m.group(4)), month, day, raw)
    if m := _DAY_MONTH.match(text):
        day, month = int(m.group(1)), int(m.group(3))
        if month_first and m.group(2) == "/":
            day, month = month, day
        return _in_period([_make(y, month, day, raw) for y in _years(period)], period)
    if _SERIAL.match(text):  # a serial typed, or pasted, as text
        serial = float(text.replace(",", "."))
        if SERIALS[0] <= serial < SERIALS[1]:
            return EXCEL_EPOCH + timedelta(days=int(serial))
        raise ValueProblem(raw, T.DATE)
    found = _date_in_words(" ".join(re.sub(r"[-/.]", " ", text).split()), raw, period)
    if found:
        return found
    word = _period_word(raw, period)
    if word:
        return word
    raise ValueProblem(raw, T.DATE)


def _date_in_words(text: str, raw: str, period: tuple[date, date] | None) -> date | None:
    """15 mars 2027, lundi 15 mars 2027, 15-Mar-27, Monday, March 15, 2027; None if not such a date."""
    if (m := _DAY_FIRST.match(text)) and m.group(3) in MONTHS:
        weekday, day, month, year = m.group(1), int(m.group(2)), MONTHS[m.group(3)], m.group(4)
        if not year:
            found = _in_period([_make(y, month, day, raw) for y in _years(period)], period)
            return _same_weekday(found, weekday, raw)
    elif (m := _MONTH_FIRST.match(text)) and m.group(2) in MONTHS:
        weekday, month, day, year = m.group(1), MONTHS[m.group(2)], int(m.group(3)), m.group(4)
    else:
        return None
    return _same_weekday(_make(_year(year), month, day, raw), weekday, raw)


def _same_weekday(found: date, weekday: str | None, raw: str) -> date:
    """The date, unless a day name written with it names another day of the week (a typo somewhere)."""
    if weekday in DAYS and DAYS[weekday] != found.isoweekday():
        raise ValueProblem(raw, "weekday")
    return found


# --- choices and booleans ---------------------------------------------------------------------

_TRUE = {"oui", "yes", "y", "o", "x", "1", "true", "vrai", "retenu", "selected", "ok", "✓", "✔", "v"}
_FALSE = {"non", "no", "n", "0", "false", "faux", "-", "non retenu", "not selected"}

SYNONYMS = {
    "status": {
        "todo": ["a faire", "todo", "to-do", "pas commence", "not started", "prevu", "planned", "planifie"],
        "in_progress": ["en cours", "in progress", "ongoing", "encours", "wip", "commence", "started"],
        "done": [
            "termine",
            "terminee",
            "fait",
            "faite",
            "fini",
            "finie",
            "done",
            "completed",
            "complete",
            "finished",
            "realise",
            "realisee",
        ],
        "cancelled": ["annule", "annulee", "cancelled", "canceled", "abandonne", "abandonnee", "dropped"],
    },
    "priority": {
        "high": ["haute", "high", "elevee", "forte", "urgent", "urgente"],
        "medium": ["moyenne", "medium", "normale", "normal", "moyen"],
        "low": ["basse", "low", "faible"],
    },
}


def _choice_index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {}
    for key, choice in CHOICES.items():
        entries = index.setdefault(key, {})
        for option in choice.options:
            for label in (option.key, option.fr, option.en):
                entries.setdefault(norm(label), option.key)
        for option_key, words in SYNONYMS.get(key, {}).items():
            for word in words:
                entries.setdefault(norm(word), option_key)
    return index


_CHOICE_INDEX = _choice_index()


def parse_choice(value: object, choices: str) -> str | None:
    """The option key of a choice value typed in either language (case and accents ignored)."""
    text = parse_text(value)
    if text is None:
        return None
    found = _choice_key(choices, text)
    if found is None:
        raise ValueProblem(text, T.CHOICE)
    return found


@lru_cache(maxsize=4096)
def _choice_key(choices: str, text: str) -> str | None:
    return _CHOICE_INDEX[choices].get(norm(text).rstrip(" .!"))


def parse_bool(value: object) -> bool | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = norm(value)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueProblem(value, T.BOOL)
