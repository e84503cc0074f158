"""The one way a request is refused: an HTTP status and a message in both languages."""

from __future__ import annotations

from ..errors import MplanError
from ..i18n import Text


class Refusal(MplanError):
    """A request answered with `status` and `text` (a page for the pages, JSON for the API)."""

    def __init__(self, status: int, text: Text):
        super().__init__(text)
        self.status = status
