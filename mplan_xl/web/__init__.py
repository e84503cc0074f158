"""`mplan serve`: the plan checker in the browser (see docs/web.md).

`mplan_xl.web:app` is the ASGI app for `uvicorn mplan_xl.web:app --workers N`, configured from the
environment (`config.Settings.from_env`); `create_app(settings)` makes another one.
"""

from __future__ import annotations

from typing import Any


def create_app(settings=None):
    from .app import create_app as make

    return make(settings)


def __getattr__(name: str) -> Any:
    if name == "app":  # made on first use: a worker process importing this package builds no app
        made = create_app()
        globals()["app"] = made
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
