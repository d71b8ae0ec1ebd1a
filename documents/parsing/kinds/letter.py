"""Letters of the government to parliament (Kamerstukken "Brief van de Minister ...").

Dossier heading ("32 735 Mensenrechten in het buitenlands beleid", dossiers
like "21 501-02" and "35 300 V"), "Nr. 100 BRIEF VAN DE MINISTER VAN
BUITENLANDSE ZAKEN" (number and office), "Den Haag, <datum>" (the date), and
the signature at the end ("De Minister van Buitenlandse Zaken,\\nS.A. Blok":
role signatory, the name as signed).
"""
from __future__ import annotations

import re

from ..clean import DOSSIER, canonical_dossier
from ..dates import read_date
from ..model import Minister, ParsedDocument
from .common import fold, title_case_office

DOSSIER_HEAD = re.compile(r"^(?P<d>" + DOSSIER + r")\s+(?P<title>[A-Z«\"‘“(].{2,})$")
NR_HEAD = re.compile(r"^Nr\.\s*(?P<nr>\d+)\s*(?P<rest>.*)$")
BRIEF = re.compile(r"\bBRIEF\s+VAN\s+(?:DE\s+)?(?P<who>[A-Z][A-Z ,.\-–ÉËÏÖÜ]+)")
PLACE_DATE = re.compile(r"^(?:Den\s+Haag|[’'`]s-Gravenhage|Brussel|Luxemburg)\s*,?\s+(?P<d>.+)$", re.I)
SIGN_OFFICE = re.compile(r"^(?:[Dd]e|[Hh]et)\s+(?P<office>(?:Minister-President|[Mm]inister|[Ss]taatssecretaris|Viceminister-President)"
                         r"(?:\s+(?:van|voor)\s+.+?)?)\s*,\s*$")
#: the rest of an office broken over two lines: "De Minister van Volksgezondheid,\nWelzijn en Sport,"
SIGN_OFFICE_CONT = re.compile(r"^(?:[A-Z][\w’'\-]*,?\s+)*(?:en|voor|van)\s+[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}\s*,\s*$")
_HONORIFIC = r"(?:(?:mr|dr|drs|ir|ing|prof|mw|mevr|dhr|ds|mevrouw|de\s+heer)\.?\s+)*"
SIGN_NAME = re.compile(r"^" + _HONORIFIC + r"(?:[A-Z][a-zA-Z]{0,2}\.\s?)*[A-Z]?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}$")


def _offices_from_brief(who: str) -> list[str]:
    who = fold(who).strip(" ,.")
    who = re.split(r"\s+(?:EN|,)\s+(?=(?:DE\s+)?(?:MINISTER|STAATSSECRETARIS))", who)
    out = []
    for w in who:
        w = re.sub(r"^DE\s+", "", w.strip())
        if re.match(r"^(MINISTER|STAATSSECRETARIS)", w):
            out.append(title_case_office(w))
    return out


def read_letter_frame(doc: ParsedDocument, text: str) -> None:
    """Dossier heading, Nr., BRIEF VAN, Den Haag date, signatures."""
    lines = [ln.strip() for ln in text.split("\n")]
    heading_offices: list[str] = []
    for i, ln in enumerate(lines[:40]):
        if not ln:
            continue
        m = DOSSIER_HEAD.match(ln)
        if m and doc.dossier is None and not re.match(r"^\d{2}\s?\d{3}\s+(?:euro|mln|miljoen|personen)\b", ln, re.I):
            doc.dossier = canonical_dossier(m.group("d"))
            if doc.title is None:
                doc.title = fold(m.group("title"))
            continue
        m = NR_HEAD.match(ln)
        if m and doc.number is None:
            doc.number = m.group("nr")
        m = BRIEF.search(ln)
        if m and not heading_offices:
            who = m.group("who")
            # the heading may run on to the next all-caps line
            j = i + 1
            while j < len(lines) and lines[j] and lines[j].upper() == lines[j] and re.search(r"[A-Z]", lines[j]):
                who += " " + lines[j]
                j += 1
            heading_offices = _offices_from_brief(who)
        if doc.date is None:
            pm = PLACE_DATE.match(ln)
            if pm:
                doc.date = read_date(pm.group("d"))
    # signatures: "De Minister van X," then the name
    signed = []
    start = max(0, len(lines) - 60)
    for i in range(start, len(lines)):
        m = SIGN_OFFICE.match(lines[i])
        if not m:
            continue
        j = i + 1
        while j < len(lines) and not lines[j]:
            j += 1
        office = fold(m.group("office"))
        if j < len(lines) and SIGN_OFFICE_CONT.match(lines[j]) and not SIGN_NAME.match(lines[j]):
            office = fold(office + ", " + lines[j].rstrip(" ,"))
            j += 1
            while j < len(lines) and not lines[j]:
                j += 1
        office = office[:1].upper() + office[1:]
        if j < len(lines) and SIGN_NAME.match(lines[j]) and len(lines[j]) <= 60:
            if office in ("Minister", "Staatssecretaris") and heading_offices:
                office = heading_offices[0]
            signed.append(Minister(lines[j], office, "signatory"))
    if not signed and heading_offices:
        signed = [Minister(None, off, "signatory") for off in heading_offices]
    for s in signed:
        if s not in doc.ministers:
            doc.ministers.append(s)


def parse(doc: ParsedDocument, text: str) -> ParsedDocument:
    read_letter_frame(doc, text)
    return doc


def letter_text(body: str) -> str:
    """The letter's own text: after its heading ("Nr. …", "Aan de Voorzitter …",
    "Den Haag, <datum>") and before the signature, for sentence-level finds."""
    lines = body.split("\n")
    start = 0
    for i, ln in enumerate(lines[:40]):
        s = ln.strip()
        if PLACE_DATE.match(s) or re.match(r"^Aan de (?:Voorzitter|Voorzitters)\b", s):
            start = i + 1
    end = len(lines)
    for i in range(len(lines) - 1, max(start, len(lines) - 60) - 1, -1):
        if SIGN_OFFICE.match(lines[i].strip()):
            end = i
            break
    return "\n".join(lines[start:end])
