"""Letters of the government to parliament (Kamerstukken "Brief van de Minister ...").

The heading (grammar of the Kamerstukken, Tweede and Eerste Kamer alike):

- the dossier: "32 735 Mensenrechten in het buitenlands beleid", dossiers
  like "21 501-02" and "35 300 V", a dossier alone on its line ("31 700 XI"
  with the title under it), or an Eerste Kamer dossier of roman numerals
  only ("CII Nota «Bestuur in samenhang»") when the paper's number follows;
- the paper's number before its kind in capitals: "Nr. 100 BRIEF VAN DE
  MINISTER ...", "nr. 8" on its own line, or an Eerste Kamer letter number
  ("G BRIEF VAN ...", "AI1 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" with a
  footnote mark glued on, "35000 VIII C VERSLAG ..." after the dossier);
- "BRIEF VAN DE MINISTER(S) ..." (the offices: "MINISTERS VOOR MEDISCHE ZORG
  EN VAN LANDBOUW, ..." is two offices, see :func:`common.split_offices`);
- "Den Haag, <datum>" (the date).

The signature at the end (:func:`read_signatures`): the office ("De Minister
van Buitenlandse Zaken," possibly over two lines, "de minister van ..." in
lower case), then the name as signed ("S.A. Blok", blank lines between
allowed), or both on one line ("De Minister van Binnenlandse Zaken en
Koninkrijksrelaties, R.H.A. Plasterk": the name is the part after the last
comma when it has initials or an honorific); more signatories one after the
other; "mede namens de Minister van X" under an office names a co-signing
office (role co_answerer, as "mede namens" in an answer); a name first and
its office under it ("S.A. Blok\\nMinister van Buitenlandse Zaken").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean import DOSSIER
from ..dates import read_date
from ..dossiers import canonical_or_as_written
from ..model import Minister, ParsedDocument
from .common import fold, split_offices, title_case_office

#: the kinds of paper whose capitalised name follows the paper's number
PAPER_KINDS = (
    r"(?:BRIEF|VERSLAG|EINDVERSLAG|VOORLOPIG\s+VERSLAG|NADER\s+VOORLOPIG\s+VERSLAG|MEMORIE|NOTA|NADERE\s+MEMORIE|"
    r"LIJST|MOTIE|AMENDEMENT|GEWIJZIGD|VOORSTEL|ADVIES|KONINKLIJKE\s+BOODSCHAP|VERSLAG)\b"
)
DOSSIER_HEAD = re.compile(r"^(?P<d>" + DOSSIER + r")\s+(?P<title>[A-Z«\"‘“(].{2,})$")
DOSSIER_ALONE = re.compile(r"^(?P<d>\d{2}\s?\d{3}(?:-[0-9A-Z]{1,4})?(?:\s(?:[IVXLC]{1,6}|[A-Z]))?)$")
#: an Eerste Kamer dossier of roman numerals only ("CII"), then its title
ROMAN_DOSSIER_HEAD = re.compile(r"^(?P<d>[IVXLC]{1,6})\s+(?P<title>[A-Z«\"‘“][a-zé«\"‘“].{2,})$")
NR_HEAD = re.compile(r"^[Nn]r\.\s*(?P<nr>\d+|[A-Z]{1,3}\b)\s*(?P<rest>.*)$")
#: "G BRIEF VAN ...", "AI1 VERSLAG VAN ..." (a footnote mark glued on), "C VERSLAG ..."
LETTER_NR_HEAD = re.compile(r"^(?P<nr>[A-Z]{1,3})\d{0,2}\s+(?P<rest>" + PAPER_KINDS + r".*)$")
BRIEF = re.compile(r"\bBRIEF\s+VAN\s+(?:DE\s+)?(?P<who>[A-Z][A-Z ,.\-–ÉËÏÖÜ]+)")
PLACE_DATE = re.compile(r"^(?:Den\s+Haag|[’'`]s-Gravenhage|Brussel|Luxemburg)\s*,?\s+(?P<d>.+)$", re.I)

_TITLE = r"(?:Minister-President|[Mm]inisters?|[Ss]taatssecretariss?(?:en)?|Viceminister-President|[Vv]ice-?premier)"
SIGN_OFFICE = re.compile(
    r"^(?:[Dd]e|[Hh]et)\s+(?P<office>(?:Minister-President|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|Viceminister-President)"
    r"(?:\s+(?:van|voor)\s+.+?)?)\s*,\s*$"
)
#: an office and the name on one line: "De Minister van X, Y en Z, R.H.A. Plasterk"
SIGN_OFFICE_NAME = re.compile(
    r"^(?:[Dd]e|[Hh]et)\s+(?P<office>" + _TITLE + r"(?:\s+(?:van|voor)\s+.+?)?)\s*,\s*(?P<name>[^,]+?)\s*$"
)
#: the rest of an office broken over lines: "De Minister van Volksgezondheid,\nWelzijn en Sport,"
SIGN_OFFICE_CONT = re.compile(
    r"^(?:[A-Z][\w’'\-]*,?\s+)*(?:en|voor|van)\s+[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}\s*,?\s*$"
)
#: "mede namens de Minister van X," under an office
MEDE_NAMENS = re.compile(r"^(?:mede\s+namens|namens)\s+(?P<offices>(?:de|het)\s+.+?)\s*,?\s*$", re.I)
#: an office without article under a name: "Minister van Buitenlandse Zaken"
BARE_OFFICE = re.compile(
    r"^(?P<office>(?:Minister-President|Minister|Staatssecretaris)(?:\s+(?:van|voor)\s+[A-Z].*?)?)\s*,?\s*$"
)
_HONORIFIC = r"(?:(?:mr|dr|drs|ir|ing|prof|mw|mevr|dhr|ds|mevrouw|de\s+heer)\.?\s+)*"
SIGN_NAME = re.compile(r"^" + _HONORIFIC + r"(?:[A-Z][a-zA-Z]{0,2}\.\s?)*[A-Z]?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}$")
#: a name with initials or an honorific: what may follow an office on its own line
INITIALS_NAME = re.compile(
    r"^(?:" + _HONORIFIC.replace("*", "+") + r"(?:[A-Z][a-zA-Z]{0,2}\.\s?)*|(?:[A-Z][a-zA-Z]{0,2}\.\s?)+)"
    r"(?:(?:van|de|der|den|ter|ten|in\s+[’'`]t|'t|el|al)\s+)*[A-Z][\w’'\-]+(?:[\s-][A-Z][\w’'\-]+){0,2}$"
)
_NOT_NAME = re.compile(r"^(?:Tweede|Eerste|Kamer|Noot|Bijlage|Naar|Zie|De|Het|Een|Ik|Wij|Met|Hoogachtend|Datum|Den)\b")


def _offices_from_brief(who: str) -> list[str]:
    parts = re.split(r"\s+(?:EN|,)\s+(?=(?:DE\s+)?(?:MINISTER|STAATSSECRETARIS))", fold(who).strip(" ,."))
    out: list[str] = []
    for w in parts:
        w = re.sub(r"^DE\s+", "", w.strip())
        if re.match(r"^(MINISTER|STAATSSECRETARIS)", w):
            for off in split_offices(title_case_office(w)):
                if off not in out:
                    out.append(off)
    return out


def normalize_office(office: str) -> str:
    """ "de minister van Volksgezondheid, Welzijn en Sport," → "Minister van Volksgezondheid, Welzijn en Sport"."""
    office = fold(office).strip(" ,.;")
    office = re.sub(r"^(?:de|het)\s+", "", office, flags=re.I)
    office = re.sub(r"^(?:demissionair|waarnemend)e?\s+", "", office, flags=re.I)
    return office[:1].upper() + office[1:]


def _is_name(s: str) -> bool:
    if not s or len(s) > 60:
        return False
    if INITIALS_NAME.match(s):
        return True
    return bool(SIGN_NAME.match(s)) and not _NOT_NAME.match(s) and not s.endswith((",", ".", ":", ";"))


def read_signatures(lines: list[str], heading_offices: Sequence[str] = ()) -> tuple[list[Minister], int | None]:
    """The signatures at the end of a letter: (ministers, index of the first signature line)."""
    signed: list[Minister] = []
    first: int | None = None
    n = len(lines)
    start = max(0, n - 60)

    def nxt(j):
        while j < n and not lines[j]:
            j += 1
        return j

    def add(name: str | None, office: str | None, role: str = "signatory") -> None:
        if office in ("Minister", "Staatssecretaris") and heading_offices:
            office = heading_offices[0]
        m = Minister(name, office, role)
        if m not in signed:
            signed.append(m)

    i = start
    while i < n:
        ln = lines[i]
        m = SIGN_OFFICE.match(ln)
        one = None if m else SIGN_OFFICE_NAME.match(ln)
        if one and not INITIALS_NAME.match(one.group("name")):
            one = None
        if one:
            signer = fold(one.group("name"))
            offices = split_offices(normalize_office(one.group("office")))
            if not offices:
                add(signer, None)
            for off in offices:
                add(signer, off)
            first = i if first is None else first
            i += 1
            continue
        if m is None:
            # a name first, its office under it
            j = nxt(i + 1)
            if (
                INITIALS_NAME.match(ln)
                and j < n
                and j - i <= 2
                and (bare := BARE_OFFICE.match(lines[j]))
                and (i == 0 or not SIGN_OFFICE.match(lines[i - 1]))
            ):
                add(ln, normalize_office(bare.group("office")))
                first = i if first is None else first
                i = j + 1
                continue
            i += 1
            continue
        office = normalize_office(m.group("office"))
        j = nxt(i + 1)
        while (
            j < n
            and SIGN_OFFICE_CONT.match(lines[j])
            and not INITIALS_NAME.match(lines[j])
            and not MEDE_NAMENS.match(lines[j])
        ):
            office = fold(office + ", " + lines[j].rstrip(" ,"))
            j = nxt(j + 1)
        co: list[str] = []
        while j < n and (namens := MEDE_NAMENS.match(lines[j])):
            mn = namens.group("offices")
            k = nxt(j + 1)
            while k < n and SIGN_OFFICE_CONT.match(lines[k]) and not INITIALS_NAME.match(lines[k]):
                mn += ", " + lines[k].rstrip(" ,")
                k = nxt(k + 1)
            co += split_offices(mn)
            j = k
        name = lines[j] if j < n and _is_name(lines[j]) and not SIGN_OFFICE.match(lines[j]) else None
        if name is None and j < n and j - i <= 3:
            # the name may stand before the office
            k = i - 1
            while k >= start and not lines[k]:
                k -= 1
            if k >= start and i - k <= 2 and INITIALS_NAME.match(lines[k]) and (first is None or k >= first):
                name = lines[k]
                first = k if first is None else min(first, k)
        offices = split_offices(office) or [office]
        for off in offices:
            add(name, off)
        for off in co:
            add(None, off, "co_answerer")
        first = i if first is None else first
        i = j + 1 if name is not None else j
    return signed, first


def read_letter_frame(doc: ParsedDocument, text: str) -> None:
    """Dossier heading, Nr., BRIEF VAN, Den Haag date, signatures."""
    lines = [ln.strip() for ln in text.split("\n")]
    heading_offices: list[str] = []
    head = [(i, ln) for i, ln in enumerate(lines[:40]) if ln]
    for pos, (i, ln) in enumerate(head):
        nxt_line = head[pos + 1][1] if pos + 1 < len(head) else ""
        m = DOSSIER_HEAD.match(ln)
        if m and doc.dossier is None and not re.match(r"^\d{2}\s?\d{3}\s+(?:euro|mln|miljoen|personen)\b", ln, re.I):
            doc.dossier = canonical_or_as_written(m.group("d"))
            if doc.title is None:
                doc.title = fold(m.group("title"))
            tm = LETTER_NR_HEAD.match(m.group("title"))
            if tm and doc.number is None:  # "35000 VIII C VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"
                doc.number = tm.group("nr")
            continue
        m = DOSSIER_ALONE.match(ln)
        if (
            m
            and doc.dossier is None
            and pos < 6
            and re.match(r"^[A-Z«\"‘“]", nxt_line)
            and not NR_HEAD.match(nxt_line)
            and not PLACE_DATE.match(nxt_line)
        ):
            doc.dossier = canonical_or_as_written(m.group("d"))
            if doc.title is None:
                doc.title = fold(nxt_line)
            continue
        m = ROMAN_DOSSIER_HEAD.match(ln)
        if m and doc.dossier is None and pos < 6 and (NR_HEAD.match(nxt_line) or LETTER_NR_HEAD.match(nxt_line)):
            doc.dossier = m.group("d")
            if doc.title is None:
                doc.title = fold(m.group("title"))
            continue
        m = NR_HEAD.match(ln) or (LETTER_NR_HEAD.match(ln) if pos < 12 else None)
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
    signed, _first = read_signatures(lines, heading_offices)
    if not any(s.role == "signatory" for s in signed) and heading_offices:
        signed = [Minister(None, off, "signatory") for off in heading_offices] + signed
    for s in signed:
        if s not in doc.ministers:
            doc.ministers.append(s)


def has_signature(text: str) -> bool:
    """The end of a letter: an office ("De Minister van X,") and a name under or after it."""
    lines = [ln.strip() for ln in text[-3000:].split("\n")]
    signed, _ = read_signatures(lines)
    return any(s.name for s in signed)


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
    _signed, first = read_signatures([ln.strip() for ln in lines])
    if first is not None and first >= start:
        end = first
    return "\n".join(lines[start:end])
