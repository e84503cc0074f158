"""A1 addresses without importing openpyxl (its import alone costs a third of a second)."""

from __future__ import annotations

import re

_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def column_letter(col: int) -> str:
    """Letters of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """1-based number of a column's letters: A -> 1, AA -> 27."""
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col


def address(row: int, col: int) -> str:
    """A1 address of a 0-based (row, col)."""
    return f"{column_letter(col)}{row + 1}"


def split_address(ref: str) -> tuple[int, int]:
    """(1-based row, 1-based column) of an A1 address."""
    match = _A1.match(ref)
    if not match:
        raise ValueError(f"not an A1 address: {ref}")
    return int(match.group(2)), column_number(match.group(1))
