"""The web app's settings: from `mplan serve`'s options, else from the environment (for
`uvicorn mplan_xl.web:app --workers N`), else the defaults below.

| variable | default | what |
|---|---|---|
| `MPLAN_TOKEN` | none | the access token; required to serve beyond this machine |
| `MPLAN_MAX_UPLOAD_MB` | 25 | the largest upload accepted, in MB (a request's whole body) |
| `MPLAN_JOB_SECONDS` | 60 | the longest a plan may take to process before its worker is stopped |
| `MPLAN_JOB_MEMORY_MB` | 2048 | the address space a worker process may use |
| `MPLAN_JOB_WORKERS` | the number of CPUs | the warm worker processes that read the plans |
| `MPLAN_TMPDIR` | the system's | where each request's private folder is made |
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError


def _number(env: dict, name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{name}={raw!r} is not a number", fr=f"{name}={raw!r} n'est pas un nombre") from None
    if not low <= value <= high:
        raise UsageError(
            f"{name}={raw} is out of range ({low:g} to {high:g})",
            fr=f"{name}={raw} est hors limites ({low:g} à {high:g})",
        )
    return value


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    max_upload: int = 25 * 1024 * 1024  # bytes, a request's whole body
    job_seconds: float = 60.0
    job_memory: int = 2048 * 1024 * 1024  # bytes of address space per worker process
    workers: int = max(1, os.cpu_count() or 1)
    tmp_root: str | None = None

    @classmethod
    def from_env(cls, env: dict | None = None, **overrides) -> Settings:
        env = dict(os.environ if env is None else env)
        token = env.get("MPLAN_TOKEN") or None
        values: dict[str, Any] = dict(
            token=token,
            max_upload=int(_number(env, "MPLAN_MAX_UPLOAD_MB", 25, 0.001, 4096) * 1024 * 1024),
            job_seconds=_number(env, "MPLAN_JOB_SECONDS", 60, 0.1, 3600),
            job_memory=int(_number(env, "MPLAN_JOB_MEMORY_MB", 2048, 256, 1024 * 1024) * 1024 * 1024),
            workers=int(_number(env, "MPLAN_JOB_WORKERS", max(1, os.cpu_count() or 1), 1, 256)),
            tmp_root=env.get("MPLAN_TMPDIR") or None,
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values["token"] is not None:
            check_token(values["token"])
        root = values["tmp_root"]
        if root is not None and not (os.path.isdir(root) and os.access(root, os.W_OK | os.X_OK)):
            raise UsageError(
                f"MPLAN_TMPDIR={root} is not a folder this server can write to",
                fr=f"MPLAN_TMPDIR={root} n'est pas un dossier où ce serveur peut écrire",
            )
        return cls(**values)


def check_token(token: str) -> None:
    if len(token) < 12 or not token.isprintable() or " " in token:
        raise UsageError(
            "the token must be at least 12 printable characters without spaces (e.g. from 'openssl rand -hex 16')",
            fr="le jeton doit compter au moins 12 caractères imprimables sans espace (par ex. 'openssl rand -hex 16')",
        )


def is_loopback(host: str) -> bool:
    """True for the addresses only this machine reaches: localhost, 127.0.0.0/8, ::1."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
