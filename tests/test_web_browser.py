"""`mplan serve` in a real browser (issue 16, point 4): headless Chromium driven by Selenium against a
real server started once for the module (tests/webserver.py).

What a manager does, in French and in English: create a template from the home form, upload her plan
through the file input, read the verdict and the findings, filter them, download the reported workbook
and the calendar. Then the same without JavaScript, a hostile plan, the keyboard alone, a phone-sized
and a desktop window, and a file that is not a workbook.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package (test extra); the module is
skipped with the reason when one is missing, except under CI (the variable CI set), where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mplan_xl import load

from .webserver import Server, served

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {"fr": ROOT / "samples" / "exemple-fr.xlsx", "en": ROOT / "samples" / "example-en.xlsx"}
CONTRACT = json.loads((ROOT / "docs" / "contract.json").read_text(encoding="utf-8"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")


def _require(found: object, what: str) -> None:
    if found:
        return
    reason = f"browser tests need {what}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: installing it is part of .ci/run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


_require(CHROMIUM, "Chromium (Debian: apt-get install chromium)")
_require(CHROMEDRIVER, "chromedriver (Debian: apt-get install chromium-driver)")
if os.environ.get("CI"):
    import selenium  # noqa: F401 - fails loudly under CI
else:
    pytest.importorskip("selenium", reason="browser tests need selenium (pip install -e '.[test]')")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 30  # seconds: a check or a report of the sample takes well under one on a quiet machine

# The words the pages and the workbooks use, per language (the pages' words are in mplan_xl/web/words.py).
WORDS = {
    "fr": {
        "verdict": "En une ligne",
        "report": "Classeur avec le rapport (.xlsx)",
        "ics": "Calendrier (.ics)",
        "report_file": "exemple-fr-rapport.xlsx",
        "ics_file": "exemple-fr.ics",
        "template_file": "exemple-plan-marketing.xlsx",
        "late": ("1 Objectifs", "A6", "MP803", "Objectif O2 en retard"),
        "sheet": "Onglet",
        "download": "Télécharger le modèle",
    },
    "en": {
        "verdict": "In one line",
        "report": "Workbook with the report (.xlsx)",
        "ics": "Calendar (.ics)",
        "report_file": "example-en-report.xlsx",
        "ics_file": "example-en.ics",
        "template_file": "example-marketing-plan.xlsx",
        "late": ("1 Objectives", "A6", "MP803", "Objective O2 off track"),
        "sheet": "Sheet",
        "download": "Download the template",
    },
}


def sheet_names(lang: str, generated: bool) -> list[str]:
    """The contract's sheet names in one language: the user's sheets, or the three a report adds."""
    return [s[lang] for s in CONTRACT["sheets"].values() if s["generated"] == generated]


# -- the browser ----------------------------------------------------------------------------------------------


def chrome(profile: Path, downloads: Path, *, javascript: bool = True, language: str = "fr-FR,fr") -> WebDriver:
    """A headless Chromium with its own fresh profile, downloading into `downloads` without asking."""
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
    ):
        options.add_argument(argument)
    prefs: dict[str, object] = {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "intl.accept_languages": language,
    }
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    downloads_into(driver, downloads)
    return driver


def downloads_into(driver: WebDriver, folder: Path) -> Path:
    """Headless Chromium lands downloads only when told so through the DevTools protocol."""
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


def downloaded(driver: WebDriver, folder: Path, name: str) -> Path:
    """The file once its download is complete (Chromium writes `.crdownload` and renames it at the end)."""
    path = folder / name
    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda _: path.exists() and not any(p.suffix == ".crdownload" for p in folder.iterdir()),
        f"{name} was not downloaded into {folder}: {sorted(p.name for p in folder.iterdir())}",
    )
    return path


def wait_for(driver: WebDriver, css: str) -> WebElement:
    return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, css)), False), f"nothing matches {css!r}"
    )


def check(driver: WebDriver, plan: Path) -> None:
    """Pick the plan in the home form's file input and submit; wait for the result page."""
    driver.find_element(By.ID, "file").send_keys(str(plan))
    driver.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]").click()
    wait_for(driver, "#result .verdict")


def console_errors(driver: WebDriver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def button(driver: WebDriver, text: str) -> WebElement:
    found = [b for b in driver.find_elements(By.TAG_NAME, "button") if b.text.strip() == text]
    assert found, f"no button {text!r}"
    return found[0]


# -- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with served(tmp_path_factory.mktemp("web-browser")) as running:
        yield running
        assert running.leftovers() == [], "a request left files in the server's temporary root"


@pytest.fixture(scope="module")
def browsers(tmp_path_factory) -> Iterator[Callable[..., WebDriver]]:
    """Start browsers on demand (each with a fresh profile); quit them all at the end of the module."""
    started: list[WebDriver] = []
    root = tmp_path_factory.mktemp("browsers")

    def start(**options) -> WebDriver:
        n = len(started)
        driver = chrome(root / f"profile-{n}", root / f"downloads-{n}", **options)
        started.append(driver)
        return driver

    yield start
    for driver in started:
        driver.quit()


@pytest.fixture(scope="module")
def shared_browser(browsers) -> WebDriver:
    """One JavaScript-enabled browser whose language prefers French, reused by most tests."""
    return browsers()


@pytest.fixture
def browser(shared_browser: WebDriver, server: Server, tmp_path: Path) -> WebDriver:
    """The shared browser made fresh for a test: no cookie, a desktop window, downloads into tmp_path."""
    driver = shared_browser
    driver.get(server.url + "healthz")
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    downloads_into(driver, tmp_path / "downloads")
    driver.get_log("browser")  # forget what earlier tests logged
    return driver


# -- 1 and 2: a manager's round trip, in French and in English -----------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_create_check_and_download(browser: WebDriver, server: Server, tmp_path: Path, lang: str):
    words = WORDS[lang]
    downloads = tmp_path / "downloads"
    browser.get(server.url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"  # the browser prefers French
    if lang == "en":
        browser.find_element(By.CSS_SELECTOR, "nav a.lang").click()  # the switch on the page
        WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")

    # Create a template: the workbook's language, its length, with the example plan.
    assert browser.find_element(By.CSS_SELECTOR, "#t-lang option:checked").get_attribute("value") == lang
    start = date.fromisoformat(browser.find_element(By.ID, "t-start").get_attribute("value"))
    months = browser.find_element(By.ID, "t-months")
    months.clear()
    months.send_keys("6")
    browser.find_element(By.CSS_SELECTOR, "input[name=example]").click()
    button(browser, words["download"]).click()
    made = downloaded(browser, downloads, words["template_file"])
    template = openpyxl.load_workbook(made, read_only=True)
    assert template.sheetnames[: len(sheet_names(lang, False))] == sheet_names(lang, False)
    assert not set(sheet_names(lang, True)) & set(template.sheetnames)
    template.close()
    plan = load(made)
    assert (plan.setting("period_start"), plan.setting("period_end")) == (start, date(start.year, 6, 30))
    assert len(list(plan.rows("actions"))) > 10  # the example plan

    # Check the sample: the verdict, the counts, the findings grouped by sheet.
    check(browser, SAMPLES[lang])
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    verdict = browser.find_element(By.CSS_SELECTOR, ".verdict")
    assert verdict.text.startswith(words["verdict"]) and len(verdict.text) > len(words["verdict"]) + 5
    counts = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "p.counts .badge")]
    assert len(counts) == 3 and all(re.match(r"^\d+ \S", c) for c in counts), counts
    n_error, n_warning, n_info = (int(c.split()[0]) for c in counts)
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding")
    assert len(rows) == n_error + n_warning + n_info > 0
    sheet, cell, code, message = words["late"]
    group = browser.find_element(By.CSS_SELECTOR, f"section.sheet[aria-label='{words['sheet']} {sheet}']")
    assert group.find_element(By.TAG_NAME, "h3").text.startswith(sheet)
    late = [
        r
        for r in group.find_elements(By.CSS_SELECTOR, "tr.finding")
        if r.find_element(By.CSS_SELECTOR, ".cell").text == cell
    ]
    assert late, f"no finding at {sheet}!{cell}"
    assert late[0].find_element(By.CSS_SELECTOR, "a").text == code
    assert late[0].find_element(By.CSS_SELECTOR, ".message").text.startswith(message)
    assert late[0].find_element(By.CSS_SELECTOR, ".hint").text.startswith("→ ")

    # The filter by severity: unchecking the warnings hides their rows, and only theirs.
    warnings = [r for r in rows if r.get_attribute("data-severity") == "warning"]
    others = [r for r in rows if r.get_attribute("data-severity") != "warning"]
    assert warnings and others
    box = browser.find_element(By.CSS_SELECTOR, "#filter input[value=warning]")
    box.click()
    assert not any(r.is_displayed() for r in warnings)
    assert all(r.is_displayed() for r in others)
    box.click()
    assert all(r.is_displayed() for r in warnings)

    # The workbook with its report: the user's sheets, then the three generated ones.
    button(browser, words["report"]).click()
    reported = openpyxl.load_workbook(downloaded(browser, downloads, words["report_file"]), read_only=True)
    original = openpyxl.load_workbook(SAMPLES[lang], read_only=True)
    assert [s for s in reported.sheetnames if s not in sheet_names(lang, True)] == original.sheetnames
    assert set(sheet_names(lang, True)) <= set(reported.sheetnames)
    reported.close()
    original.close()

    # The calendar.
    button(browser, words["ics"]).click()
    ics = downloaded(browser, downloads, words["ics_file"]).read_text(encoding="utf-8")
    lines = ics.splitlines()
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") > 0
    assert console_errors(browser) == []
