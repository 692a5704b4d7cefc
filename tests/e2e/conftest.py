"""Browser tests: Playwright for Python driving Debian's chromium (never a downloaded browser).

Every test in this folder is marked ``e2e`` and skipped, with the package to install, when
chromium is missing. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = (
    "/usr/bin/chromium"
    if Path("/usr/bin/chromium").exists()
    else shutil.which("chromium")
)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    skip = pytest.mark.skipif(
        CHROMIUM is None,
        reason="browser tests need Debian's chromium package (apt-get install chromium)",
    )
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(skip)


@pytest.fixture
def browser():
    """A headless chromium for one test (sync Playwright next to pytest-django's live_server,
    hence DJANGO_ALLOW_ASYNC_UNSAFE)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()
