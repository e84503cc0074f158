"""Value parsers: turn what people type into typed values (SPEC section 1, "Value types").

Pure functions. Each returns the typed value, None for an empty cell, or raises ValueProblem with a
short reason; they never raise anything else on user data.
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

from .schema import CHOICES, Column
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
    "month": ("un mois", "a month"),
    T.CHOICE: ("une valeur de la liste", "a value from the list"),
    T.BOOL: ("oui ou non", "yes or no"),
    "whole": ("un nombre entier", "a whole number"),
    "number_not_date": ("un nombre (c'est une date)", "a number (it is a date)"),
}


def norm(text: object) -> str:
    """Case-, accent- and space-insensitive form used to compare labels and choices."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").split())


def parser_for(column: Column, lang: str = "fr", period: tuple[date, date] | None = None) -> Callable[[object], Any]:
    """The parse function of a column (or a setting) by its type, chosen once per column rather than per cell."""
    parsers: dict[T, Callable[[object], Any]] = {
        T.TEXT: parse_text,
        T.ID: parse_id,
        T.LIST: parse_id_list,
        T.NUMBER: partial(parse_number, lang=lang),
        T.MONEY: partial(parse_number, lang=lang),
        T.PERCENT: partial(parse_percent, lang=lang),
        T.DATE: partial(parse_date, period=period),
        T.CHOICE: partial(parse_choice, choices=column.choices or ""),
        T.BOOL: parse_bool,
    }
    return parsers[column.type]


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


def _number_from_text(text: str, lang: str = "fr") -> float:
    raw = text
    text = text.strip().replace("\u2212", "-").replace("–", "-")
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    if text.lstrip("+-").startswith(("$", "£")):
        lang = "en"  # a leading $ or £ is written the English way: 1,250 is a thousand and more
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
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") > 1 or (lang == "en" and re.fullmatch(r"\d{1,3}(,\d{3})+", text)):
        text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        number = float(text) * factor
    except ValueError as exc:
        raise ValueProblem(raw, T.NUMBER) from exc
    return -number if negative else number


def parse_number(value: object, lang: str = "fr") -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(value, T.NUMBER)
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            raise ValueProblem(value, T.NUMBER)
        return float(value)
    if isinstance(value, (date, datetime)):
        raise ValueProblem(value, "number_not_date")
    text = str(value).strip()
    if text.endswith("%"):
        text = text[:-1]
    return _number_from_text(text, lang)


parse_money = parse_number


def parse_percent(value: object, lang: str = "fr") -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, str) and "%" in value:
        return _number_from_text(value.replace("%", ""), lang) / 100
    number = parse_number(value, lang)
    return number / 100 if number is not None and abs(number) > 1 else number


# --- dates ------------------------------------------------------------------------------------

MONTHS = {
    **{
        norm(m): i
        for i, m in enumerate(
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            1,
        )
    },
    **{
        norm(m): i
        for i, m in enumerate(
            ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"], 1
        )
    },
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    "fev": 2,
    "sep": 9,
    "dec": 12,
    "juil.": 7,
}
_MONTH_WORD = r"([a-zA-Zéûèà]+)\.?"
EXCEL_EPOCH = date(1899, 12, 30)


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


def parse_date(value: object, period: tuple[date, date] | None = None) -> date | None:
    """A date from an Excel date, a serial number, or text (day-first; period words resolved)."""
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueProblem(value, T.DATE)
    if isinstance(value, (int, float)):
        if 18264 <= value < 73415:  # serials of 1950 to 2100: a date cell saved without its format
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueProblem(value, T.DATE)
    raw = str(value).strip()
    text = norm(raw).replace("1er ", "1 ").replace(",", " ")
    text = " ".join(text.split())
    if m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?z?)?$", text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw)
    if m := re.match(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$", text):
        return _make(_year(m.group(3)), int(m.group(2)), int(m.group(1)), raw)
    if m := re.match(r"^(\d{1,2})[/.](\d{1,2})$", text):
        day, month = int(m.group(1)), int(m.group(2))
        return _in_period([_make(y, month, day, raw) for y in _years(period)], period)
    if m := re.match(r"^(?:[a-z]+\.? )?(\d{1,2}) " + _MONTH_WORD + r"(?: (\d{2,4}))?$", text):
        if norm(m.group(2)).rstrip(".") in MONTHS:
            day, month = int(m.group(1)), _month(m.group(2))
            if m.group(3):
                return _make(_year(m.group(3)), month, day, raw)
            return _in_period([_make(y, month, day, raw) for y in _years(period)], period)
    if m := re.match(r"^" + _MONTH_WORD + r" (\d{1,2})(?:st|nd|rd|th)? (\d{4})$", text):
        if norm(m.group(1)).rstrip(".") in MONTHS:
            return _make(int(m.group(3)), _month(m.group(1)), int(m.group(2)), raw)
    word = _period_word(raw, period)
    if word:
        return word
    raise ValueProblem(raw, T.DATE)


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
