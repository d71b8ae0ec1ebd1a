"""Notices about written questions that are not answered in the paper itself.

A "Mededeling" in the Aanhangsel or a short letter ("Uitstel beantwoording
Kamervragen") says the questions cannot be answered within the term of three
weeks (Reglement van Orde: a postponement, ``postpones`` true), or that they
are answered in another paper (``answered_in``: "Kamerstuk 36 471, nr. 64").
``submitted`` is the date the questions were sent in ("ingezonden"),
``date`` the date of the notice ("ontvangen" or "Den Haag, ...").
``expected`` is a date the notice names for the answers ("uiterlijk 1 juli",
"binnen drie weken").
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DATE_RE, iter_dates, labelled_date, read_date
from ..model import Notice, ParsedDocument, Reference
from . import letter as letter_kind
from .common import fold, parse_askers, split_offices
from .written_questions import parse_answer_header, see_also

NOT_IN_TIME = re.compile(
    r"niet\s+binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+|reglementaire\s+|voorgeschreven\s+|daarvoor\s+staande\s+)?"
    r"(?:termijn|drie\s+weken)|\buitstel\b|\bmeer\s+tijd\b|\blater\s+(?:worden\s+)?beantwoord|"
    r"\bniet\s+tijdig\b|\bvertraging\b",
    re.I,
)
ANSWERED_ELSEWHERE = re.compile(
    r"\b(?:worden|zijn|wordt|is|zullen\s+worden)\s+(?:mede\s+)?beantwoord\s+(?:in|bij|met|door)\b"
    r"|\bbeantwoording\s+(?:vindt\s+plaats|is\s+opgenomen)\s+in\b|\bverwijs\s+(?:ik\s+)?(?:u\s+)?naar\b",
    re.I,
)
KST_REF = re.compile(
    r"Kamerstuk(?:ken)?(?:\s+II)?(?:\s+\d{4}\s*[/–-]\s*\d{2,4},?)?\s+(?P<d>\d{2}\s?\d{3}(?:-[0-9A-Z]{1,4})?"
    r"(?:\s(?:[IVXLC]{1,6}|[A-Z])(?=[,\s]))?),?\s+nr\.?\s*(?P<nr>\d+)",
    re.I,
)
QUESTIONS_REF = re.compile(
    r"\bvragen\s+van\s+(?:het\s+lid|de\s+leden|lid|leden)\s+(?P<askers>.+?)"
    r"(?:\s+aan\s+(?P<addr>.+?))?(?:\s+(?:over|inzake|betreffende|omtrent)\s+(?P<title>.+?))?"
    r"\s*\((?P<paren>[^)]*?ingezonden[^)]*)\)",
    re.I | re.S,
)
#: "De vragen van het Kamerlid Leijten (SP) over ..., ingezonden op 22 december 2008, kunnen ..."
QUESTIONS_REF_BARE = re.compile(
    r"\bvragen\s+van\s+(?:het\s+|de\s+)?(?:Kamer)?(?:lid|leden)\s+(?P<askers>[^,;:]+?\([^()]{1,40}\)(?:\s*(?:,|en)\s*[^,;:()]+?\([^()]{1,40}\))*)"
    r"(?:\s+aan\s+(?P<addr>.+?))?(?:\s+(?:over|inzake|betreffende|omtrent)\s+(?P<title>[^()]+?))?"
    r",?\s+(?:\(\s*)?(?:die\s+(?:werden|zijn)\s+)?ingezonden\s+(?:op\s+)?(?P<date>\d{1,2}\s+\w+\s+\d{4})",
    re.I | re.S,
)
#: a line that gives the notice's own date: "Den Haag, 10 juni 2024", "Datum 14 maart 2024", a date alone
OWN_DATE_LINE = re.compile(
    r"^(?:(?:Den\s+Haag|[’'`]s-Gravenhage)\s*,?\s*|Datum\s*:?\s+|Date\s*:?\s+)?(?P<d>\d{1,2}\s+\w+\s+\d{4})\.?$", re.I
)
MEDEDELING_HEAD = re.compile(
    r"\bMededeling\s+van\s+(?:de\s+)?(?P<title>Minister-President|Minister|Staatssecretaris)"
    r"\s+(?P<rest>.+?)\(\s*(?:\(\s*)?ontvangen\b",
    re.I | re.S,
)
WEEKS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "acht": 8}


def _expected(text: str, date):
    for m in re.finditer(r"\b(?:verwacht\w*|streef\w*|uiterlijk|vóór|voor|rond|zal|zullen|kan|kunnen)\b", text, re.I):
        window = text[m.end() : m.end() + 120]
        window = window.split(".")[0] if not DATE_RE.match(window.strip()) else window
        for _dm, d in iter_dates(window, date):
            if date is None or d >= date:
                return d
    within = re.search(r"\bbinnen\s+(?P<n>\d+|een|één|twee|drie|vier|vijf|zes|acht)\s+weken\b", text, re.I)
    if within and date is not None and NOT_IN_TIME.search(text):
        n = within.group("n").lower()
        weeks = int(n) if n.isdigit() else WEEKS.get(n, 0)
        if weeks:
            return date + dt.timedelta(weeks=weeks)
    return None


def parse(doc: ParsedDocument, text: str) -> ParsedDocument:
    flat = fold(text)
    qm = QUESTIONS_REF.search(flat)
    if qm:
        doc.askers = parse_askers(qm.group("askers"))
        if qm.group("addr"):
            doc.addressed_to = split_offices(qm.group("addr"))
        if qm.group("title"):
            doc.title = fold(qm.group("title")).rstrip(" .,")
        doc.submitted = labelled_date("(" + qm.group("paren") + ")", "ingezonden")
    if qm is None:
        qb = QUESTIONS_REF_BARE.search(flat)
        if qb:
            qm = qb
            doc.askers = parse_askers(qb.group("askers"))
            if qb.group("addr"):
                doc.addressed_to = split_offices(qb.group("addr"))
            if qb.group("title"):
                doc.title = fold(qb.group("title")).rstrip(" .,")
            doc.submitted = read_date(qb.group("date"))
    if doc.submitted is None:
        doc.submitted = labelled_date(flat, "ingezonden")
    # the notice's own date
    mh = MEDEDELING_HEAD.search(flat[:1500])
    if mh:
        doc.date = labelled_date(flat[mh.start() : mh.end() + 60], "ontvangen")
        fake = "Antwoord van " + flat[mh.start() + len("Mededeling van ") : mh.end() + 60]
        doc.ministers = parse_answer_header(fake, doc.addressed_to)
    else:
        letter_kind.read_letter_frame(doc, text)
        if doc.date is None:
            doc.date = labelled_date(flat, "ontvangen")
        if doc.date is None:
            # only a date standing as the paper's own ("Datum 14 maart 2024", a date alone
            # on its line): a date in the running text is the questions' or the answers'
            for ln in text.split("\n"):
                dm = OWN_DATE_LINE.match(ln.strip())
                if dm:
                    d = read_date(dm.group("d"))
                    if d and (doc.submitted is None or d != doc.submitted):
                        doc.date = d
                        break
    ref = None
    after = flat[qm.end() :] if qm else flat
    em = ANSWERED_ELSEWHERE.search(after)
    if em:
        km = KST_REF.search(after, em.start())
        if km and km.start() - em.end() < 300:
            ref = Reference(_canon(km.group("d")), km.group("nr"))
    postpones = bool(NOT_IN_TIME.search(flat)) and not (
        ref is not None and not re.search(r"niet\s+binnen\s+de\s+\w*\s*termijn", flat, re.I)
    )
    doc.notice = Notice(
        postpones=postpones, expected=_expected(after, doc.date) if postpones else None, answered_in=ref
    )
    doc.see_also = see_also(flat)
    doc.received = None
    return doc


def _canon(d: str) -> str:
    from ..dossiers import canonical_or_as_written

    return canonical_or_as_written(d)
