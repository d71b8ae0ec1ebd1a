"""Shared by the browser tests: Debian's chromium through Playwright, the
fixtures that open it, and axe-core's accessibility check."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "browser_assets" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def recesses(transactional_db):
    """The recess rows of migration 0002 (a transactional test before this one may have flushed them)."""
    from documents.parsing.calendar import RECESS_TABLE
    from tracker.models import ParliamentaryRecess

    for kind, start, end in RECESS_TABLE:
        ParliamentaryRecess.objects.get_or_create(kind=kind, year=start.year, defaults={"start": start, "end": end})


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp: axe-core is injected as an inline script, which the site's CSP rightly blocks
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_check(page) -> None:
    """No serious or critical axe-core violation on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in bad]
    assert not bad, f"{page.url}:\n" + "\n".join(summary)
