#!/usr/bin/env python3
"""Renders the README's pictures of the web app (`mplan serve`) in headless Chromium.

Run: python scripts/render_web_pictures.py   (needs chromium, chromedriver and selenium: the test extra)
Starts `mplan serve` on a free port (tests/webserver.py), opens its home page in French, checks
samples/exemple-fr.xlsx through the file input as a user would, and writes into docs/pictures/:

- web-home-fr.png: the home page, 1280 px wide;
- web-result-fr.png: the result page, 1280 px wide, the whole page up to 2,400 px high;
- web-result-390.png: the same result on a 390 px phone screen, up to 2,400 px high;
- web-charts-fr.png: the result page's charts (below the findings, past the 2,400 px), 1280 px wide.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.webserver import CHROMEDRIVER, CHROMIUM, served  # noqa: E402
from tests.webserver import chrome as browser  # noqa: E402

PICTURES = ROOT / "docs" / "pictures"
SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
MAX_HEIGHT = 2400


def chrome(profile: Path) -> WebDriver:
    if not CHROMIUM or not CHROMEDRIVER:
        sys.exit(
            "render_web_pictures: needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)"
        )
    return browser(profile, extra=("--hide-scrollbars",))


def shoot(driver: WebDriver, width: int, path: Path) -> None:
    """The page at `width` CSS pixels, as high as its content up to MAX_HEIGHT, one device pixel per CSS pixel."""
    metrics = {"width": width, "height": 400, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, 600)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": min(height, MAX_HEIGHT)})
    driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
    driver.save_screenshot(str(path))
    print(f"{path.relative_to(ROOT)}: {width} x {min(height, MAX_HEIGHT)} (page {height} px high)")


def charts(driver: WebDriver, path: Path) -> None:
    """The charts' section alone, in a 1280 px window tall enough to hold the whole page."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    section = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=charts-title]")
    section.screenshot(str(path))
    print(f"{path.relative_to(ROOT)}: {section.size['width']} x {section.size['height']}")


def main() -> None:
    PICTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, served(Path(tmp)) as server:
        driver = chrome(Path(tmp) / "profile")
        try:
            driver.get(server.url)
            shoot(driver, 1280, PICTURES / "web-home-fr.png")
            driver.find_element(By.ID, "file").send_keys(str(SAMPLE))
            driver.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]").click()
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result .verdict"))
            shoot(driver, 1280, PICTURES / "web-result-fr.png")
            shoot(driver, 390, PICTURES / "web-result-390.png")
            charts(driver, PICTURES / "web-charts-fr.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
