"""Chromium through Playwright: one browser, a context per person, screenshots.

Only the Debian Chromium at /usr/bin/chromium is used; Playwright never
downloads a browser here.
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Error, Page, Playwright

CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Resource types whose failure leaves a page unstyled or without its scripts.
ASSET_TYPES = {"stylesheet", "script", "image", "font"}
# Long enough for a page that waits on the sandbox, short enough to fail fast.
ACTION_TIMEOUT_MS = 15_000
DESKTOP = {"width": 1280, "height": 900}


class StepFailed(AssertionError):
    pass


class Recorder:
    """Numbered screenshots of each step, kept in one folder per run.

    A failed step also keeps the page's HTML beside its screenshot.
    """

    def __init__(self, folder: Path, broken_assets: list[str] | None = None):
        self.folder = folder
        self.number = 0
        # Filled in by People: assets that failed to load, named in failures.
        self.broken_assets = broken_assets if broken_assets is not None else []

    def _path(self, name: str, suffix: str) -> Path:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return self.folder / f"{self.number:02d}-{slug}{suffix}"

    def shot(self, page: Page, name: str) -> Path:
        self.number += 1
        path = self._path(name, ".png")
        page.screenshot(path=path, full_page=True)
        return path

    def keep_failure(self, page: Page, name: str) -> list[Path]:
        """Save a screenshot and the HTML of a page after a failure."""
        self.number += 1
        kept = []
        html_path = self._path(f"{name}-failed", ".html")
        with contextlib.suppress(Error):
            html_path.write_text(page.content(), encoding="utf-8")
            kept.append(html_path)
        png_path = self._path(f"{name}-failed", ".png")
        with contextlib.suppress(Error):
            page.screenshot(path=png_path, full_page=True)
            kept.append(png_path)
        return kept

    @contextlib.contextmanager
    def step(self, name: str, page: Page):
        """Run one step of a journey, then take a screenshot of `page`.

        When the step fails, the screenshot and HTML are kept and the error
        names the step and the address the page was on.
        """
        started = time.monotonic()
        try:
            yield
        except Exception as error:
            kept = self.keep_failure(page, name)
            files = ", ".join(path.name for path in kept) or "none"
            assets = ""
            if self.broken_assets:
                assets = "\nAssets that failed to load before this: " + ", ".join(
                    sorted(set(self.broken_assets))
                )
            raise StepFailed(
                f"Step '{name}' failed on {page.url}: {error}{assets}\n"
                f"Kept: {files} in {self.folder}"
            ) from error
        self.shot(page, name)
        with (self.folder / "timings.txt").open("a") as timings:
            timings.write(f"{time.monotonic() - started:6.2f} s  {name}\n")


class ChromiumMissing(AssertionError):
    pass


def launch_chromium(playwright: Playwright) -> Browser:
    if not CHROMIUM_PATH.exists():
        raise ChromiumMissing(
            f"Chromium is not installed at {CHROMIUM_PATH}, so the browser tests "
            "cannot run. Install the Debian package with "
            "scripts/install-system-packages."
        )
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS
    )


class People:
    """A browser context (own cookies) for each person in a test.

    Chromium starts at the first page asked for, inside the test, so a
    missing browser fails the test rather than its setup.
    """

    def __init__(self, playwright: Playwright):
        self.playwright = playwright
        self.browser: Browser | None = None
        self.contexts: dict[str, BrowserContext] = {}
        self.broken_assets: list[str] = []

    def _note_response(self, response) -> None:
        if response.status >= 400 and response.request.resource_type in ASSET_TYPES:
            self.broken_assets.append(f"{response.url} ({response.status})")

    def _note_failure(self, request) -> None:
        # A navigation away from a page cancels its pending loads, which is
        # not a broken asset.
        aborted = request.failure == "net::ERR_ABORTED"
        if request.resource_type in ASSET_TYPES and not aborted:
            self.broken_assets.append(f"{request.url} ({request.failure})")

    def page(self, name: str, viewport: dict | None = None) -> Page:
        """Return the page of person `name`, opening a fresh context the first time."""
        if self.browser is None:
            self.browser = launch_chromium(self.playwright)
        context = self.contexts.get(name)
        if context is None:
            context = self.browser.new_context(
                viewport=viewport or DESKTOP, locale="en-GB"
            )
            context.set_default_timeout(ACTION_TIMEOUT_MS)
            context.on("response", self._note_response)
            context.on("requestfailed", self._note_failure)
            self.contexts[name] = context
        if context.pages:
            return context.pages[-1]
        return context.new_page()

    def open_pages(self) -> list[tuple[str, Page]]:
        return [
            (name, page)
            for name, context in self.contexts.items()
            for page in context.pages
        ]

    def close(self) -> None:
        for context in self.contexts.values():
            with contextlib.suppress(Error):
                context.close()
        self.contexts.clear()
        if self.browser is not None:
            self.browser.close()
            self.browser = None
