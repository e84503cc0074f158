"""Findings are data: code, severity, sheet, cell and the values of the message (SPEC section 3).

A finding is worded only when shown: its code names a rule of the catalogue (mplan_xl/rules/catalog.py),
whose message and hint are filled with the finding's values in a language (`message_in(lang)`). Values
that need a language to be written are typed (`Money`, `Percent`, `Number`, a `date`, a `Text`, a
`Phrase`); plain strings and numbers are written as they are. `message` and `hint` are worded in the
language of the run that found it. A report collects findings with their counts and renders them as
SPEC's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from .cells import split_address
from .i18n import InDays, Locale, Money, Month, Number, Percent, Text

if TYPE_CHECKING:
    from .rules.catalog import RuleSpec

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
COUNT_WORDS = {
    ERROR: Text("erreur", "error"),
    WARNING: Text("avertissement", "warning"),
    INFO: Text("information", "info"),
}


def count_labels(loc: Locale, counts: dict[str, int]) -> dict[str, str]:
    """Each severity's count worded: '0 erreur', '12 avertissements' / '0 errors', '4 infos'."""
    return {key: loc.count(counts.get(key, 0), word) for key, word in COUNT_WORDS.items()}


def counts_line(loc: Locale, counts: dict[str, int]) -> str:
    """'0 erreur, 12 avertissements, 4 informations' / '0 errors, 12 warnings, 4 infos'."""
    return ", ".join(count_labels(loc, counts).values())


@dataclass(frozen=True)
class Phrase:
    """A part of a message chosen by the rule, with values of its own ("a {change} change")."""

    text: Text
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, fr: str, en: str, **values: object) -> Phrase:
        return cls(Text(fr, en), tuple(values.items()))


def show(loc: Locale, value: object) -> object:
    """A message value as the locale writes it; plain values are left to str.format, as they were."""
    if isinstance(value, Phrase):
        return value.text(loc.lang).format(**{k: show(loc, v) for k, v in value.values})
    if isinstance(value, Text | Money | Percent | Number | Month | InDays | date):
        return loc.show(value)
    return value


def _spec(code: str) -> RuleSpec:
    from .rules.catalog import CATALOG  # the catalogue imports this module: looked up when first worded

    return CATALOG[code]


@dataclass(frozen=True)
class Finding:
    """One finding: where, which rule, and the values its message is filled with."""

    code: str
    severity: str
    sheet: str
    cell: str
    values: tuple[tuple[str, object], ...] = ()
    locale: Locale = field(default=Locale("fr"))  # the run's language, and the plan's currency for amounts

    @property
    def rule(self) -> RuleSpec:
        return _spec(self.code)

    def message_in(self, lang: str) -> str:
        return self._word(self.rule.message, lang)

    def hint_in(self, lang: str) -> str:
        return self._word(self.rule.hint, lang)

    def _word(self, text: Text, lang: str) -> str:
        loc = self.locale if lang == self.locale.lang else Locale(lang, self.locale.currency)
        return text(lang).format(**{k: show(loc, v) for k, v in self.values})

    @cached_property
    def message(self) -> str:
        """The message in the run's language."""
        return self.message_in(self.locale.lang)

    @cached_property
    def hint(self) -> str:
        return self.hint_in(self.locale.lang)

    def to_dict(self) -> dict:
        """SPEC's JSON for one finding, worded in the run's language."""
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[int, str, int, int, str]:
        row, col = split_address(self.cell)
        return SEVERITY_ORDER[self.severity], self.sheet, row, col, self.code


def finding(code: str, sheet: str, cell: str, lang: str, **values: object) -> Finding:
    """A finding of a catalogued code (the reader's MP001-MP008), worded in lang when shown."""
    if "kind" in values:  # MP004: what the column expected, a word in either language
        from .values import EXPECTED

        kind = values.pop("kind")
        if not isinstance(kind, str):
            raise TypeError(f"MP004's kind is a key of values.EXPECTED, not {kind!r}")
        values["expected"] = Text(*EXPECTED[kind])
    return Finding(code, _spec(code).severity, sheet, cell, tuple(values.items()), Locale(lang))


@dataclass
class Report:
    file: str
    today: date
    findings: list[Finding] = field(default_factory=list)
    lang: str = "fr"
    sheets: list[str] = field(default_factory=list)  # the workbook's sheet order, for grouped output

    @property
    def counts(self) -> dict[str, int]:
        counts = {ERROR: 0, WARNING: 0, INFO: 0}
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "today": self.today.isoformat(),
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }
