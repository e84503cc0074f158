"""The "cannot proceed" exceptions: each becomes one line on stderr and exit code 2 in the CLI.

Problems *in* a plan are findings, never exceptions; these are for what stops a command altogether.

Each error carries its message in both languages (`text`, a `Text`): `str(exc)` is the English one, and
the CLI prints `exc.text` in the user's language (`--lang`, else the workbook's, else the system's).

    >>> str(WorkbookError("plan.xlsx: no such file", fr="plan.xlsx : fichier introuvable"))
    'plan.xlsx: no such file'
"""

from __future__ import annotations

from .i18n import Text


class MplanError(Exception):
    """Base of every error mplan reports as one line and exit 2.

    `MplanError(english, fr=french)` or `MplanError(Text(french, english))`; without French the English
    message serves both languages. `lang`: the workbook's language when the raiser knows it.
    """

    exit_code = 2

    def __init__(self, message: str | Text = "", *args: object, fr: str | None = None, lang: str | None = None):
        text = message if isinstance(message, Text) else Text(message if fr is None else fr, str(message))
        super().__init__(text.en, *args)
        self.text = text
        self.lang = lang

    def message(self, lang: str) -> str:
        """The message in lang ('fr' or 'en')."""
        return self.text(lang)


class UsageError(MplanError):
    """A bad argument: unknown language, bad date, existing output without --force, …"""


class WorkbookError(MplanError):
    """A file that cannot be read as a plan workbook (missing, not xlsx, encrypted, truncated, …)."""
