"""A real `mplan serve` in a subprocess, for the browser, load and fault tests.

    with served(tmp_path) as server:
        httpx.get(server.url + "healthz")

Each server has its own port and its own temporary root (`server.tmp_root`), so a test can check that
no request leaves a file behind; its stderr (uvicorn's request lines) is kept in `server.log`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    tmp_root: Path
    process: subprocess.Popen
    log: Path

    def leftovers(self) -> list[Path]:
        """What requests left in the temporary root (nothing, once every answer is sent)."""
        return sorted(self.tmp_root.iterdir())

    def rss_kb(self) -> int:
        """The resident memory of the server and its worker processes, in kB."""
        total = 0
        for pid in [self.process.pid, *_children(self.process.pid)]:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return total


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found + [grandchild for child in found for grandchild in _children(child)]


@contextlib.contextmanager
def served(folder: Path, *args: str, env: dict | None = None, timeout: float = 30.0) -> Iterator[Server]:
    """Start `mplan serve` on a free port with its temporary root under folder; stop it on the way out."""
    port = free_port()
    tmp_root = folder / "server-tmp"
    tmp_root.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    environ = {**os.environ, "MPLAN_TMPDIR": str(tmp_root), **(env or {})}
    command = [sys.executable, "-m", "mplan_xl", "serve", "--port", str(port), *args]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environ)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"mplan serve exited with {process.returncode}: {log.read_text()}")
            try:
                with urllib.request.urlopen(url + "healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"mplan serve did not answer within {timeout} s: {log.read_text()}")
            time.sleep(0.1)
        yield Server(url, tmp_root, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
