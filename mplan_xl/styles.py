"""Colours and cell formats shared by everything mplan writes (template and generated sheets).

The colour legend of the Guide sheet documents these: input cells are cream, required headers dark
blue, optional headers light blue, generated cells grey.
"""

from __future__ import annotations

from .i18n import Locale
from .schema import DATE, MONEY, NUMBER, PERCENT

PALETTE = {
    "header_required": "#1F4E79",
    "header": "#5B8DC9",
    "input": "#FFF8E1",
    "input_border": "#D9CBA3",
    "generated": "#EDEDED",
    "generated_text": "#3A3A3A",
    "title": "#1F4E79",
    "muted": "#595959",
    "link": "#0563C1",
}

# Tab colours: one per step so the eight sheets read as a sequence.
TAB_COLOURS = {
    "guide": "#1F4E79",
    "settings": "#7F7F7F",
    "objectives": "#2E75B6",
    "personas": "#548235",
    "watch": "#BF9000",
    "channels": "#C55A11",
    "resources": "#7030A0",
    "actions": "#C00000",
    "schedule": "#2F5597",
    "tracking": "#375623",
    "lists": "#A6A6A6",
}


def date_format(lang: str) -> str:
    return Locale(lang).date_format()


def money_format(currency: str, lang: str) -> str:
    return Locale(lang).money_format(currency)


def number_format_for(value_type: str, lang: str, currency: str, integer: bool = False) -> str | None:
    if value_type == DATE:
        return date_format(lang)
    if value_type == MONEY:
        return money_format(currency, lang)
    if value_type == PERCENT:
        return Locale(lang).percent_format()
    if value_type == NUMBER:
        return "0" if integer else "#,##0.##"
    return None


class Formats:
    """Creates and caches xlsxwriter formats by a short description, so each is added once."""

    def __init__(self, workbook, lang: str, currency: str):
        self.workbook, self.lang, self.currency = workbook, lang, currency
        self._cache: dict[tuple, object] = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.workbook.add_format(props)
        return self._cache[key]

    def header(self, required: bool):
        return self.get(
            bold=True,
            font_color="#FFFFFF",
            text_wrap=True,
            valign="vcenter",
            align="center",
            bg_color=PALETTE["header_required" if required else "header"],
            border=1,
            border_color="#FFFFFF",
        )

    def input(self, value_type: str | None = None, integer: bool = False, wrap: bool = False):
        props = dict(bg_color=PALETTE["input"], border=1, border_color=PALETTE["input_border"], valign="top")
        fmt = number_format_for(value_type, self.lang, self.currency, integer) if value_type else None
        if fmt:
            props["num_format"] = fmt
        if value_type == DATE:
            props["align"] = "left"
        if wrap:
            props["text_wrap"] = True
        return self.get(**props)

    def generated(self, **extra):
        return self.get(
            bg_color=PALETTE["generated"],
            font_color=PALETTE["generated_text"],
            border=1,
            border_color="#D0D0D0",
            **extra,
        )

    def title(self):
        return self.get(bold=True, font_size=16, font_color=PALETTE["title"])

    def subtitle(self):
        return self.get(bold=True, font_size=12, font_color=PALETTE["title"])

    def muted(self, wrap: bool = False):
        return self.get(italic=True, font_color=PALETTE["muted"], text_wrap=wrap, valign="top")

    def text(self, wrap: bool = True, bold: bool = False):
        return self.get(text_wrap=wrap, valign="top", bold=bold)

    def link(self):
        return self.get(font_color=PALETTE["link"], underline=1, valign="top")

    def code(self):
        return self.get(font_name="Consolas", bg_color="#F2F2F2", valign="top")
