"""What staff see, read in a real browser: Dutch only, status names not codes,
one date format ("15 februari 2019", with the weekday where a deadline is shown).

Walks the default views, "mijn werk", search, a chart page, a paper, a
commitment and the feeds page with the five seed papers and the sample answers
ingested, and reads each page's visible text (``main``) as a person would.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.pages.browsing import CHROMIUM, axe_check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Debian's chromium at {CHROMIUM}"),
]

#: common English words a page in Dutch should not show (none of them is also a Dutch word; "of",
#: "open", "status", "filter" and "download" are, and are left out)
ENGLISH = {
    "the",
    "and",
    "due",
    "date",
    "ministry",
    "page",
    "next",
    "previous",
    "search",
    "all",
    "none",
    "yes",
    "no",
    "overdue",
    "fulfilled",
    "lapsed",
    "partially",
    "descending",
    "ascending",
    "submit",
    "sort",
    "back",
    "show",
    "unknown",
    "answer",
    "question",
    "commitment",
    "received",
    "submitted",
    "created",
    "updated",
}
CODES = {
    "open",
    "fulfilled",
    "partially_fulfilled",
    "lapsed",
    "written_questions",
    "written_consultation",
    "to_confirm",
    "answered_late",
    "answered_on_time",
    "redated",
    "co_answerer",
}
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
ONE_FORMAT = re.compile(rf"^\d{{1,2}} ({MONTHS}) \d{{4}}$")
OTHER_DATE_FORMATS = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # ISO
    re.compile(r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b"),  # 15-02-2019, 15/2/19
    re.compile(r"\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}\b", re.I),  # abbreviated
    re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"),
]


def visible_text(page) -> str:
    return page.locator("main").inner_text()


def check_page(page, url: str) -> None:
    text = visible_text(page)
    words = re.findall(r"[A-Za-z_]+", text)
    english = sorted({w for w in words if w.lower() in ENGLISH})
    # a word inside a paper's own text (a title, a quoted sentence) is the paper's, not ours: only labels count,
    # so the check reads the page's own elements: headings, table heads, labels, buttons, links, definitions
    own = page.locator(
        "main h1, main h2, main h3, main th, main label, main button, main dt, main nav, "
        "main option, main .summary, main caption"
    ).all_inner_texts()
    own_words = {w for chunk in own for w in re.findall(r"[A-Za-z_]+", chunk)}
    english = [w for w in english if w in own_words]
    assert english == [], f"{url}: English on the page: {english}"
    codes = sorted({w for w in re.findall(r"\b[a-z_]+\b", " ".join(own)) if w in CODES and "_" in w})
    assert codes == [], f"{url}: raw codes on the page: {codes}"
    for pattern in OTHER_DATE_FORMATS:
        found = pattern.findall(" ".join(own))
        assert not found, f"{url}: a date in another format: {found[:3]}"
    for stamp in page.locator("main time").all_inner_texts():
        day = re.sub(r"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) ", "", stamp.strip())
        day = re.sub(r" \d{2}:\d{2}$", "", day)
        assert ONE_FORMAT.match(day), f"{url}: a date shown as {stamp!r}"


def test_every_page_staff_use_speaks_dutch_with_one_date_format(page, live_server, recesses, editor, seeded):
    from tracker.models import Commitment, QuestionSet

    base = live_server.url
    page.goto(base + "/login/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/commitments/$"))

    commitment = Commitment.objects.live().order_by("pk").first()
    qset = QuestionSet.objects.order_by("pk").first()
    urls = [
        "/commitments/",  # the default view: what needs action
        "/commitments/?status=",  # everything
        "/commitments/?status=fulfilled&sort=-due_date",
        "/questions/",
        "/questions/?status=",
        "/mijn-werk/",
        "/search/?q=Belarus",
        "/stats/",
        "/stats/trends/?by=ministry&per=year",
        "/documents/",
        f"/commitments/{commitment.pk}/",
        f"/questions/{qset.pk}/",
        f"/documents/{commitment.source_document_id}/",
        "/feeds/",  # where a clerk copies a calendar address
    ]
    for url in urls:
        page.goto(base + url)
        assert page.locator("main").count() == 1, url
        check_page(page, url)
    axe_check(page)

    # the default view is the action view, and says so
    page.goto(base + "/commitments/")
    assert page.get_by_label("Status").input_value() == "action"
    # subscribing to a feed: the page gives the calendar's address, and the address answers with a calendar
    page.goto(base + "/feeds/")
    page.get_by_role("button", name="Feedsleutel maken").click()
    addresses = [
        a for a in [t.input_value() for t in page.locator("main textarea").all()] if "/feeds/deadlines.ics" in a
    ]
    assert addresses, "the feeds page gives the calendar's address"
    path = addresses[0][addresses[0].index("/feeds/") :]
    calendar = page.context.browser.new_context().request.get(base + path)  # a client that never logged in
    assert calendar.ok and calendar.text().startswith("BEGIN:VCALENDAR")
    # a chart page draws its charts on the server, readable without script
    page.goto(base + "/stats/trends/?by=ministry&per=year")
    assert page.locator("main svg[role=img]").count() == 3
