"""A real `mplan serve` in a subprocess, for the browser, load and fault tests.

    with served(tmp_path) as server:
        httpx.get(server.url + "healthz")

Each server has its own port and its own temporary root (`server.tmp_root`), so a test can check that
no request leaves a file behind; its stderr (uvicorn's request lines) is kept in `server.log`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")


def chrome(
    profile: Path,
    downloads: Path | None = None,
    *,
    javascript: bool = True,
    language: str = "fr-FR,fr",
    extra: tuple[str, ...] = (),
):
    """A headless Chromium (Debian's, driven by Selenium) with a fresh profile, the options that work as root
    on a machine without network, and downloads landing in `downloads` without a question."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--lang={language.split(',')[0]}",
        "--window-size=1280,900",
        *extra,
    ):
        options.add_argument(argument)
    prefs: dict[str, object] = {"download.prompt_for_download": False, "intl.accept_languages": language}
    if downloads is not None:
        prefs["download.default_directory"] = str(downloads)
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    if downloads is not None:  # headless Chromium lands downloads only when told so through DevTools
        downloads.mkdir(parents=True, exist_ok=True)
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver
