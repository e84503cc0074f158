"""The "cannot proceed" exceptions: each becomes one line on stderr and exit code 2 in the CLI.

Problems *in* a plan are findings, never exceptions; these are for what stops a command altogether.
"""

from __future__ import annotations


class MplanError(Exception):
    """Base of every error mplan reports as one line and exit 2."""

    exit_code = 2


class UsageError(MplanError):
    """A bad argument: unknown language, bad date, existing output without --force, …"""


class WorkbookError(MplanError):
    """A file that cannot be read as a plan workbook (missing, not xlsx, encrypted, truncated, …)."""
