"""Moved to mplan_xl.ooxml.cells; kept for the modules that still import it from here."""

from .ooxml.cells import address, column_letter, column_number, split_address

__all__ = ["address", "column_letter", "column_number", "split_address"]
