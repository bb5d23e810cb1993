"""Fixtures for the browser tests: the running servers, Chromium and screenshots.

Screenshots and server logs go to test-artifacts/e2e/<timestamp>/, printed in
the summary at the end of the run.
"""

from __future__ import annotations

import datetime
import shutil

import pytest
from playwright.sync_api import expect, sync_playwright

from .browser import ACTION_TIMEOUT_MS, People, Recorder
from .servers import REPO_ROOT, Stack

ARTIFACTS_ROOT = REPO_ROOT / "test-artifacts" / "e2e"
_artifact_folders = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    for folder in _artifact_folders:
        terminalreporter.write_line(f"Browser test screenshots and logs: {folder}")


@pytest.fixture(scope="session")
def artifacts():
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = ARTIFACTS_ROOT / stamp
    folder.mkdir(parents=True)
    _artifact_folders.append(folder)
    return folder


@pytest.fixture(scope="session")
def stack(tmp_path_factory, artifacts):
    """The app, its worker and the sandbox, seeded with the demo tenant."""
    servers = Stack(tmp_path_factory.mktemp("e2e-servers"))
    try:
        servers.start()
        yield servers
    finally:
        servers.stop()
        for name, log in servers.logs.items():
            if log.exists():
                shutil.copy(log, artifacts / f"server-{name}.log")


@pytest.fixture
def people():
    """Fresh browser contexts, one per person in the test.

    Playwright runs only for the length of one test, because its event loop
    would make Django refuse database calls in tests that run after it.
    """
    expect.set_options(timeout=ACTION_TIMEOUT_MS)
    with sync_playwright() as playwright:
        crowd = People(playwright)
        yield crowd
        crowd.close()


@pytest.fixture
def recorder(artifacts, people, request):
    """Screenshots of the test's steps, and of every open page when it fails."""
    folder = artifacts / request.node.name
    folder.mkdir(exist_ok=True)
    steps = Recorder(folder, people.broken_assets)
    yield steps
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for name, page in people.open_pages():
            steps.keep_failure(page, f"end-{name}")
