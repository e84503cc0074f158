"""Moved to mplan_xl.template.content; kept for the rules that still import add_months from here."""

from .template.content import add_months, blank_content, period_end

__all__ = ["add_months", "blank_content", "period_end"]
