"""One home for the two languages: a bilingual text type and a locale that formats values.

Everything a user reads is written in French or English. Wording is declared once as a `Text` (both
languages side by side) and chosen at output time with a `Locale`, which also formats the values a
message carries: amounts, percentages, numbers, dates, months and counts with their plural.

    >>> Text("{n} action en retard", "{n} late action").format(Locale("fr"), n=3)
    '3 action en retard'
    >>> Locale("fr").percent(0.95), Locale("en").percent(0.95)
    ('95\\xa0%', '95%')

Values that need a language to be written (an amount, a ratio, a date, a bilingual word) are passed
to a message as typed values (`Money`, `Percent`, `Number`, a `date`, a `Text`): findings stay data and
are worded only when shown, in whichever language the output asks for.
"""

from __future__ import annotations

import datetime as _dt
import locale as _locale
import os
from dataclasses import dataclass
from datetime import date, datetime

LANGS = ("fr", "en")
NBSP, NNBSP = "\u00a0", "\u202f"

# Currency symbols for display and number formats; other ISO codes are shown as the code itself.
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CAD": "$", "AUD": "$", "CHF": "CHF"}

MONTHS = {
    "fr": (
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
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
SHORT_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def is_currency_code(code: str) -> bool:
    """An ISO 4217 code's shape: three ASCII letters (EUR, usd)."""
    return len(code.strip()) == 3 and code.strip().isascii() and code.strip().isalpha()


def pick(lang: str, fr: str, en: str) -> str:
    """The one place where a language chooses between two wordings (French for "fr", else English)."""
    return fr if lang == "fr" else en


def norm_lang(lang: str | None) -> str | None:
    """'fr', 'FR', 'fr_FR.UTF-8', 'français' → 'fr'; 'en…' → 'en'; anything else → None."""
    if not lang:
        return None
    head = str(lang).strip().lower()[:2]
    return head if head in LANGS else None


def system_lang() -> str:
    """The language of the user's environment (LC_ALL, LC_MESSAGES, LANG, the OS locale), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        found = norm_lang(os.environ.get(name))
        if found:
            return found
    try:
        found = norm_lang(_locale.getlocale()[0])
    except ValueError:
        found = None
    return found or "en"


def choose_lang(*candidates: str | None) -> str:
    """The first usable language among the candidates (an option, the workbook's…), else the system's."""
    for candidate in candidates:
        found = norm_lang(candidate)
        if found:
            return found
    return system_lang()


@dataclass(frozen=True)
class Text:
    """A text in both languages. `text(lang)` picks one; `text.format(locale, **values)` also fills it."""

    fr: str
    en: str

    def __call__(self, lang: str) -> str:
        return pick(lang, self.fr, self.en)

    def format(self, loc: Locale | str, **values: object) -> str:
        loc = loc if isinstance(loc, Locale) else Locale(loc)
        return self(loc.lang).format(**{k: loc.show(v) for k, v in values.items()})

    @classmethod
    def of(cls, value: Text | tuple[str, str] | str) -> Text:
        if isinstance(value, Text):
            return value
        if isinstance(value, tuple):
            return cls(*value)
        return cls(value, value)


@dataclass(frozen=True)
class Money:
    value: float


@dataclass(frozen=True)
class Percent:
    value: float  # a ratio: 0.25 is 25 %
    decimals: int = 0


@dataclass(frozen=True)
class Number:
    value: float
    decimals: int | None = None  # None: as many as needed ({:g})


@dataclass(frozen=True)
class InDays:
    """A number of days from today, worded: « aujourd'hui », « demain », « dans 5 jours » / "in 5 days"."""

    days: int


@dataclass(frozen=True)
class Month:
    key: str  # "YYYY-MM"


@dataclass(frozen=True)
class Locale:
    """How values are written in one language (and one currency for amounts)."""

    lang: str = "fr"
    currency: str = "EUR"

    @property
    def fr(self) -> bool:
        return self.lang == "fr"

    def pick(self, fr: str, en: str) -> str:
        return pick(self.lang, fr, en)

    def text(self, value: Text | tuple[str, str]) -> str:
        return Text.of(value)(self.lang)

    # numbers ---------------------------------------------------------------------------------------
    def number(self, value: float, decimals: int | None = None) -> str:
        """1 234,5 in French (narrow no-break space, decimal comma), 1,234.5 in English."""
        if decimals is None:  # as many decimals as needed, up to two
            text = f"{value:,.2f}".rstrip("0").rstrip(".")
        else:
            text = f"{value:,.{decimals}f}"
        if self.fr:
            return text.replace(",", NNBSP).replace(".", ",")
        return text

    def symbol(self, currency: str | None = None) -> str:
        """The currency's symbol (€, $…), else its code; nothing for a value that is no ISO 4217 code (MP012):
        it goes into number formats, where quotes or 300 characters would break the workbook."""
        code = (currency or self.currency or "EUR").strip().upper()
        if not is_currency_code(code):
            return ""
        return CURRENCY_SYMBOLS.get(code, code)

    def money(self, value: float, currency: str | None = None) -> str:
        """An amount as people read it: 4 500 € in French, €4,500 in English (no cents)."""
        symbol = self.symbol(currency)
        text = f"{value:,.0f}".replace(",", NNBSP if self.fr else ",")
        if not symbol:
            return text
        if self.fr or len(symbol) > 1:
            return f"{text} {symbol}"
        return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"

    def percent(self, ratio: float, decimals: int = 0) -> str:
        """0.95 → '95 %' (no-break space) in French, '95%' in English."""
        text = f"{ratio * 100:,.{decimals}f}"
        if self.fr:
            return text.replace(",", NNBSP).replace(".", ",") + NBSP + "%"
        return text + "%"

    # Excel number formats -----------------------------------------------------------------------------
    def money_format(self, currency: str | None = None) -> str:
        """`#,##0 "€"` in French; `"€"#,##0` in English for one-character symbols (no cents)."""
        symbol = self.symbol(currency)
        if not symbol:
            return "#,##0"
        if not self.fr and symbol in ("€", "$", "£", "¥"):
            return f'"{symbol}"#,##0;-"{symbol}"#,##0'
        return f'#,##0 "{symbol}";-#,##0 "{symbol}"'

    def percent_format(self) -> str:
        """`0 %` with a no-break space in French (as French typography writes it), `0%` in English."""
        return self.pick('0"\u00a0"%', "0%")

    def date_format(self) -> str:
        return self.pick("dd/mm/yyyy", "dd mmm yyyy")

    # dates -----------------------------------------------------------------------------------------
    def date(self, value: date | datetime) -> str:
        """Day-first in both languages, as the plan's dates are typed: 15/03/2027."""
        if isinstance(value, datetime):
            value = value.date()
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"

    def month(self, value: str | _dt.date, short: bool = False) -> str:  # `date` here: the method above
        """'2027-05' or a date → 'mai 2027' / 'May 2027'; short: 'mai 27' / 'May 27'."""
        year, month = (value.year, value.month) if isinstance(value, date) else map(int, str(value).split("-")[:2])
        if short:
            return f"{SHORT_MONTHS[self.lang][month - 1]} {year % 100:02d}"
        return f"{MONTHS[self.lang][month - 1]} {year}"

    def plural(self, n: int, one: str, many: str | None = None) -> str:
        """'0 erreur', '2 erreurs' in French (0 and 1 are singular); '0 errors', '1 error' in English."""
        many = many if many is not None else one + "s"
        singular = abs(n) < 2 if self.fr else abs(n) == 1
        return f"{n} {one if singular else many}"

    def count(self, n: int, word: Text | tuple[str, str], plural: Text | tuple[str, str] | None = None) -> str:
        one = self.text(word)
        many = self.text(plural) if plural is not None else None
        return self.plural(n, one, many)

    def in_days(self, days: int) -> str:
        """A deadline relative to today: 'aujourd'hui', 'demain', 'dans 3 jours' / 'today', 'in 3 days'."""
        if days == 0:
            return self.pick("aujourd'hui", "today")
        if days == 1:
            return self.pick("demain", "tomorrow")
        if days == -1:
            return self.pick("hier", "yesterday")
        if days < 0:
            return self.pick(f"il y a {-days} jours", f"{-days} days ago")
        return self.pick(f"dans {days} jours", f"in {days} days")

    # values in messages ----------------------------------------------------------------------------
    def show(self, value: object) -> str:
        """A message parameter as text in this locale."""
        if isinstance(value, Text):
            return value(self.lang)
        if isinstance(value, Money):
            return self.money(value.value)
        if isinstance(value, Percent):
            return self.percent(value.value, value.decimals)
        if isinstance(value, Number):
            return self.number(value.value, value.decimals)
        if isinstance(value, Month):
            return self.month(value.key)
        if isinstance(value, InDays):
            return self.in_days(value.days)
        if isinstance(value, date):
            return self.date(value)
        if isinstance(value, bool) or value is None:
            return str(value)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
