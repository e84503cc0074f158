"""What mplan writes from a workbook's text is inert wherever it lands: a spreadsheet, a terminal, a calendar, JSON.

- CSV: a text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return (or one of them after
  leading blanks, which spreadsheet readers strip) gets a leading `'` (OWASP's advice), so that Excel
  and LibreOffice show it as text and never evaluate it. Text that is a plain number ("-300", "+1.5")
  is left as it is: it opens as that number, nothing else.
- Terminal: C0 and C1 control characters (ESC, BEL, CSI, …) are shown escaped (`\\x1b`), so a cell
  cannot clear the screen or set the window title; line breaks and tabs stay.
- iCalendar: the controls RFC 5545 forbids in text are removed (line breaks stay, the library escapes
  them).
- JSON: infinities and NaN become null (they are not JSON).
"""

from __future__ import annotations

import math
import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ICS_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def csv_cell(text: str) -> str:
    """Text a spreadsheet opening the CSV shows as text: formula starters get a leading '."""
    if not text:
        return text
    stripped = text.lstrip(" \t\r\n")
    if text.startswith(_FORMULA_START) or stripped.startswith(_FORMULA_START):
        if _PLAIN_NUMBER.fullmatch(text.strip()):
            return text
        return "'" + text
    return text


def terminal(text: str) -> str:
    """Text safe to print: control characters other than line break and tab shown as \\xNN."""
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def ics_text(text: str) -> str:
    """Text allowed in an iCalendar value: the controls RFC 5545 forbids removed, CR LF as LF."""
    return _ICS_CONTROLS.sub("", text.replace("\r\n", "\n"))


_C1 = re.compile(r"[\x7f-\x9f]")


def json_c1(text: str) -> str:
    """JSON text with DEL and the C1 controls (which json.dumps leaves raw) as \\u escapes: still the same JSON."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_ready(value):
    """value with every infinite or NaN float replaced by None (json.dumps(allow_nan=False) then works)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    return value


def json_text(data) -> str:
    """JSON that is JSON, as `mplan validate --format json` and the web API write it: infinities and NaN
    (which a workbook can produce) as null, C1 controls escaped."""
    import json

    return json_c1(json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False))
