"""The review pages in a real browser: Playwright for Python driving Debian's
chromium against pytest-django's live server, on the five seed papers.

Log in, filter the commitments, mark one fulfilled (by keyboard), find it
under status "Voldaan" and in its history; axe-core (bundled in
tests/browser_assets/axe-core, MPL-2.0) runs on every page and no serious or
critical violation may be found. Skips only when /usr/bin/chromium is
missing (`.ci/run` installs it). With SCREENSHOT_DIR set it saves
screenshot-commitments.png there (docs/ for the README).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.pages.browsing import CHROMIUM, axe_check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Debian's chromium at {CHROMIUM}"),
]


def test_review_a_commitment_in_the_browser(page, live_server, recesses, editor, seeded):
    from tracker.models import Commitment, StatusChange

    base = live_server.url
    target = (
        Commitment.objects.live().filter(sentence__icontains="videoboodschap", status="open").order_by("pk").first()
    )
    assert target is not None, "the seeds promise a video message"

    # anonymous → login page
    page.goto(base + "/commitments/")
    assert "/login/" in page.url
    axe_check(page)
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/commitments/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Toezeggingen"
    axe_check(page)
    if os.environ.get("SCREENSHOT_DIR"):
        out = Path(os.environ["SCREENSHOT_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out / "screenshot-commitments.png"), full_page=False)

    # filter: q and status, from the form
    page.get_by_label("Zoeken in toezegging en onderwerp").fill("videoboodschap")
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"q=videoboodschap"))
    rows = page.locator("main table tbody tr")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert "videoboodschap" in text.lower() or "Onderwerp" in text
    axe_check(page)

    # open the commitment, mark it fulfilled with an evidence paper, by keyboard
    page.locator(f'a[href="/commitments/{target.pk}/"]').first.click()
    page.wait_for_url(re.compile(rf"/commitments/{target.pk}/$"))
    assert page.locator("mark").first.inner_text().startswith(target.sentence.split()[0])
    axe_check(page)
    evidence = page.get_by_label("Bewijsstuk").first
    evidence.select_option(index=1)
    chosen = evidence.evaluate("el => el.value")
    page.get_by_role("button", name="Markeren als voldaan").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Status gewijzigd in voldaan." in page.locator(".messages").inner_text()
    history = page.locator("#history-h + table").inner_text()
    assert "Status gewijzigd van Openstaand naar Voldaan" in history and "redacteur" in history
    target.refresh_from_db()
    assert (target.status, str(target.evidence_id)) == ("fulfilled", chosen)
    assert StatusChange.objects.filter(object_id=target.pk, new_value="fulfilled").exists()

    # find it under status "Voldaan"
    page.goto(base + "/commitments/")
    page.get_by_label("Status").select_option(label="Voldaan")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"status=fulfilled"))
    assert page.locator(f'main table a[href="/commitments/{target.pk}/"]').count() == 1
    axe_check(page)

    # every other page passes axe too
    from documents.models import Document
    from tracker.models import QuestionSet

    qs = QuestionSet.objects.filter(subject__icontains="Tsjetsjeni").get()
    doc = Document.objects.filter(commitments__isnull=False).first()
    for path in [
        "/questions/",
        "/questions/?q=Tsjetsjeni",
        f"/questions/{qs.pk}/",
        "/documents/",
        f"/documents/{doc.pk}/",
        "/documents/upload/",
        "/stats/",
        "/digests/preview/",
    ]:
        page.goto(base + path)
        assert page.locator("main h1").count() == 1, path
        axe_check(page)
    page.goto(base + "/questions/?q=Tsjetsjeni")
    assert page.locator("main table tbody tr").count() == 1

    # the skip link is the first stop of the keyboard
    page.goto(base + "/commitments/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
