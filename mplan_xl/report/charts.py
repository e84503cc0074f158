"""Native charts of the Summary, and the one fix their XML needs before it is grafted.

XlsxWriter writes only the data-label flags that are on (`<c:showVal val="1"/>`); a client that reads an
absent flag as "on" (LibreOffice does, for some) then clutters the chart with series and category names.
`explicit_labels` writes every flag of every `<c:dLbls>`, on or off; each series is given a `labels(...)`
so that each has one, and a name.
"""

from __future__ import annotations

import os
import re
import zipfile

FLAGS = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize")
_DLBLS = re.compile(r"<c:dLbls>(.*?)</c:dLbls>", re.S)
_SHOW = re.compile(r'<c:(show\w+) val="([01])"/>|<c:(show\w+)/>')
_SEPARATOR = re.compile(r"<c:separator>.*?</c:separator>", re.S)
GRID = {"visible": True, "line": {"color": "#E0E0E0"}}
BLUE, GREY, GREEN, ORANGE, RED = "#2E75B6", "#A6A6A6", "#70AD47", "#ED7D31", "#C00000"


def labels(value: bool = False, num_format: str | None = None) -> dict:
    """A series' data labels: its value or nothing (every other flag is written off by explicit_labels)."""
    found: dict = {"value": value}
    if value and num_format:
        found["num_format"] = num_format
    return found


def _explicit(match: re.Match) -> str:
    body = match.group(1)
    on = {m.group(1) or m.group(3) for m in _SHOW.finditer(body) if m.group(3) or m.group(2) == "1"}
    body = _SHOW.sub("", body)
    separator = _SEPARATOR.search(body)
    body = _SEPARATOR.sub("", body)
    flags = "".join(f'<c:{flag} val="{int(flag in on)}"/>' for flag in FLAGS)
    leader = '<c:showLeaderLines val="1"/>' if "showLeaderLines" in on else ""
    return f"<c:dLbls>{body}{flags}{separator.group(0) if separator else ''}{leader}</c:dLbls>"


def explicit_labels(xml: str) -> str:
    """Every `<c:dLbls>` with all its show flags written (schema order), on or off."""
    return _DLBLS.sub(_explicit, xml)


def fix_package(path: str) -> None:
    """Rewrite the chart parts of a freshly written scratch package with explicit data-label flags."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    if not any(info.filename.startswith("xl/charts/") for info, _ in parts):
        return
    temp = f"{path}.tmp"
    with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for info, body in parts:
            if info.filename.startswith("xl/charts/chart") and info.filename.endswith(".xml"):
                body = explicit_labels(body.decode("utf-8")).encode("utf-8")
            out.writestr(info, body)
    os.replace(temp, path)


def line_series(name: str, categories: str, values: str, colour: str, **extra) -> dict:
    series = {
        "name": name,
        "categories": categories,
        "values": values,
        "line": {"color": colour, "width": 2.25},
        "marker": {"type": "none"},
        "data_labels": labels(),
    }
    series.update(extra)
    return series


def column_series(name: str, categories: str, values: str, colour: str) -> dict:
    return {
        "name": name,
        "categories": categories,
        "values": values,
        "fill": {"color": colour},
        "border": {"none": True},
        "data_labels": labels(),
    }
