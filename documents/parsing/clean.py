"""Text → clean text: page furniture out, footnotes kept apart, words re-joined.

What the furniture tells is read before it is dropped (:class:`Cleaned.meta`):

- running footers: "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6"
  (vergaderjaar, dossier, number; the last figure is the page) and
  "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2";
- the publication id: "ah-tk-20232024-1949" (vergaderjaar 2023-2024,
  Aanhangsel number 1949), "kst-35300-VII-113" (dossier "35 300 VII", nr. 113);
- first-page headers: "Tweede Kamer der Staten-Generaal", "Vergaderjaar
  2023–2024 Aanhangsel van de Handelingen", "Vragen gesteld door de leden der
  Kamer, met de daarop door de regering gegeven antwoorden" and the
  Aanhangsel number under it, "ISSN 0921 - 7398", "’s-Gravenhage 2024";
- "Aanhangsel Handelingen II 2023/24, nr. 1949" page headers and metadata
  lines copied from tweedekamer.nl / officielebekendmakingen pages on top.

Page ends are known from form feeds (PDF), running footers, page-number
lines, and in text extracted by other tools from a line that opens with a
space where nearly no line does. Footnotes are the lines at a page end that
start with the next footnote number, when that number stands as a marker in
the text before ("veroordelen?1", "de EU2 daarom"); they are kept in
``footnotes`` and their glued markers taken off the words.

Text from PDFs and other tools is first made plain (:func:`normalize_text`, one
function, run before anything else): Unicode NFC with the spacing
diacritics a PDF prints as a character of their own composed onto their
letter ("c ̧" / "c¸" → "ç", "e´" / "´e" → "é", "e ̈" → "ë"), ligatures
spelt out ("ﬁ" → "fi"), soft hyphens and control characters out, and Markdown that a
converter added taken off ("# 2", "### 387", "**...**", "_..._", "-----" as a page end, "[1 ]"
footnote marks). Furniture glued to the line after it ("Tweede Kamer,
vergaderjaar 2022–2023, Aanhangsel 3Antwoord 12", "ISSN 0921 - 7398’s-Gravenhage
2023Tweede Kamer, ...") is split off before it is dropped.

Words broken at a line end are re-joined: "mensenrechtensi-\\ntuatie" →
"mensenrechtensituatie"; the hyphen stays when the next part starts with a
capital or a digit, or the first part is an all-caps abbreviation or ends in
a digit ("VN-\\nMensenrechtenraad", "EU-\\nverband"); "binnen-\\nen buiten"
keeps its hyphen and its space.

:func:`clean` is idempotent (it runs its single pass to a fixed point; every
pass that changes the text makes it shorter) and never raises.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal

from documents.parsing.dossiers import canonical_or_as_written

PAGE = "\f"

DOSSIER = r"\d{2}\s?\d{3}(?:-[0-9A-Z]{1,4})?(?:\s(?:[IVXLC]{1,6}|[A-Z])(?=[,\s]))?"
_VJ = r"(?P<y1>(?:19|20)\d\d)\s*[–—-]\s*(?P<y2>(?:19|20)\d\d)"

FOOTER_KST = re.compile(
    r"^(?:[’'`]s-Gravenhage\s+\d{4}\s+)?(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+"
    + _VJ
    + r",\s+(?P<dossier>"
    + DOSSIER
    + r"),\s+nr\.\s*(?P<nr>\d+)(?:\s+\d{1,4})?\s*$",
    re.I,
)
FOOTER_AH = re.compile(
    r"^(?:[’'`]s-Gravenhage\s+\d{4}\s+)?(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+"
    + _VJ
    + r",?\s+Aanhangsel(?:\s+\d{1,4})?\s*$",
    re.I,
)
IDENT_LINE = re.compile(r"^(?P<id>(?:ah|kst|kv|h|blg|stcrt|stb|trb)-[a-z]{0,3}-?[0-9A-Za-z][\w-]*\d)\s*$")
AH_ID = re.compile(r"\bah-(?:tk|ek)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<nr>\d+)\b")
KST_ID = re.compile(r"\bkst-(?P<d>\d{5})(?:-(?P<sub>[0-9A-Z]{1,4}))?(?:-(?P<roman>[IVXLC]+|[A-Z]))?-(?P<nr>\d+)\b")
ISSN = re.compile(r"^ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\s*$", re.I)
PLACE_YEAR = re.compile(r"^[’'`]s-Gravenhage\s+\d{4}\s*$")
CHAMBER = re.compile(r"^(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal(?:\s+\d)?\s*$", re.I)
VERGADERJAAR = re.compile(r"^Vergaderjaar\s+" + _VJ + r"(?:\s+Aanhangsel\s+van\s+de\s+Handelingen)?\s*$", re.I)
AH_HEAD1 = re.compile(
    r"^Vragen\s+gesteld\s+door\s+de\s+leden\s+der\s+Kamer,?(?:\s+met\s+de\s+daarop\s+door\s+de)?"
    r"(?:\s+regering\s+gegeven\s+antwoorden)?\s*$",
    re.I,
)
AH_HEAD2 = re.compile(r"^(?:met\s+de\s+daarop\s+door\s+de\s+)?regering\s+gegeven\s+antwoorden\s*$", re.I)
AH_PAGE_HEAD = re.compile(
    r"^Aanhangsel\s+(?:van\s+de\s+)?Handelingen\s+I{1,2}\s+(?P<y1>\d{4})\s*[/–-]\s*(?P<y2>\d{2,4})\b"
    r"(?P<rest>.{0,60})$",
    re.I,
)
PAGE_NO = re.compile(
    r"^(?:-{1,3}\s*\d+\s*(?:of|van|/)\s*\d+\s*-{1,3}|(?:Pagina|Page|Blz\.?|Blad)\s*\d+(?:\s*(?:van|of|/)\s*\d+)?"
    r"|\[\s*(?:pagina|page)\s*\d+\s*\])\s*$",
    re.I,
)
WEB_META = re.compile(
    r"^(?P<key>Identificatienummer|Identifier|Publicatienummer|Publicatiedatum|Datum\s+publicatie|Datum\s+ontvangst|"
    r"Datum\s+indiening|Organisatie|Vergaderjaar|Dossiernummer|Ondernummer|Aanhangselnummer|Kamer|Rubriek|"
    r"Documentsoort|Documenttype|Publicatienaam|Bron|Permanente\s+link|Kenmerk|Onderwerp|Indiener|Ontvanger|"
    r"Datum|Type|Titel|Nummer)\s*[:\t]\s*(?P<val>.*)$",
    re.I,
)
WEB_TITLE = re.compile(r"^Kamervragen\s*\((?:Aanhangsel)\)\s*" + _VJ + r",?\s*nr\.?\s*(?P<nr>\d+)\b.*$", re.I)
WEB_CHROME = re.compile(
    r"^(?:Printen|Delen|Downloaden|Download(?:\s+\w+)*(?:\s*\([^()]{0,40}\))?|Naar\s+boven|Terug(?:\s+naar.*)?|"
    r"Menu|Zoeken|Overheid\.nl.*|Officiële\s+bekendmakingen|U\s+bent\s+hier:?|"
    r"(?:Kamerstuk|Kamerstukken|Handeling|Aanhangsel\s+van\s+de\s+Handelingen|Kamervragen\s+\(Aanhangsel\)|"
    r"Kamervragen\s+zonder\s+antwoord|Staatscourant|Agenda|Bijlage))\s*$",
    re.I,
)
#: "Naar boven" and the like stand alone anywhere in a page copied from the web
WEB_CHROME_ANYWHERE = re.compile(r"^(?:Naar\s+boven|Terug\s+naar\s+boven|Printen|Delen)\s*$", re.I)
#: the title line of a tweedekamer.nl page: "Antwoord schriftelijke vragen : Antwoord op vragen van ..."
WEB_DOCTYPE_TITLE = re.compile(
    r"^(?P<type>(?:Antwoord\s+schriftelijke\s+vragen|Schriftelijke\s+vragen|Mededeling|Lijst\s+van\s+vragen\s+en\s+antwoorden|"
    r"Brief\s+regering|Verslag\s+(?:van\s+een\s+)?(?:nader\s+)?schriftelijk\s+overleg|Brief|Kamervragen|Initiatiefnota|"
    r"Motie|Amendement|Verslag|Nota\s+naar\s+aanleiding\s+van\s+het\s+verslag)(?:\s*\([^()]{1,40}\))?)\s+:\s+(?P<title>\S.*)$",
    re.I,
)
#: the metadata table of an officielebekendmakingen page, as copied: a header row
#: "Datum publicatieOrganisatieVergaderjaarNummer..." (cells glued or "|"-separated)
OB_TABLE_HEAD = re.compile(r"^(?:\|\s*)?Datum\s+publicatie\s*\|?\s*Organisatie.*$|^[-|: ]{3,}$", re.I)
#: ... and its value row: "Tweede Kamer der Staten-Generaal2014-20151365",
#: "Tweede Kamer der Staten-Generaal2016-201734700 nr. 19", "... | 2013-2014 | nr. 63, item 9 |"
OB_TABLE_ROW = re.compile(
    r"^(?:\|\s*)?(?:\d{2}-\d{2}-\d{4}\s*\|?\s*)?(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\s*\|?\s*"
    r"(?P<y1>(?:19|20)\d\d)-(?P<y2>(?:19|20)\d\d)\s*\|?\s*(?P<rest>.*)$",
    re.I,
)
ANCHOR = re.compile(
    r"^(?:Vragen\s+van|Vraag\s+\d|Mededeling|Antwoord\s+van|Inbreng|\d{2}\s?\d{3}\b|Nr\.\s*\d|"
    r"BRIEF\s+VAN|Aan\s+de\s+Voorzitter|I\.\s)",
    re.I,
)

FN_LINE = re.compile(r"^(?P<n>\d{1,3})\s+(?P<t>\S.*)$")
LABEL_LINE = re.compile(r"^(?:Vraag|Vragen|Antwoord|Antwoorden)\s+\d|^\d{1,3}\.\s+Antwoord\b", re.I)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffe\uffff]")
_HYPHEN_END = re.compile(r"(?P<word>[^\W_][\w]*)-$")
_KEEP_SPACE_AFTER_HYPHEN = {"en", "of", "tot", "noch", "als", "t/m"}


@dataclass
class Cleaned:
    text: str
    meta: dict = field(default_factory=dict)
    footnotes: dict = field(default_factory=dict)


def clean(text) -> str:
    """The clean text only (see :func:`clean_document`)."""
    return clean_document(text).text


def clean_document(text) -> Cleaned:
    """Clean ``text``; never raises."""
    meta: dict = {}
    footnotes: dict = {}
    if not isinstance(text, str):
        try:
            text = str(text or "")
        except Exception:
            text = ""
    try:
        cur = text
        for _ in range(50):
            nxt = _clean_once(cur, meta, footnotes)
            if nxt == cur:
                break
            if len(nxt) > len(cur):  # safety: a pass must never grow the text
                break
            cur = nxt
        return Cleaned(cur, meta, footnotes)
    except Exception:  # pragma: no cover - last resort, keep the contract
        return Cleaned(_fallback(text), meta, footnotes)


def _fallback(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in str(text).replace("\r", "\n").split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _vj(y1: str, y2: str) -> str:
    if len(y2) == 2:
        y2 = y1[:2] + y2
    return f"{y1}-{y2}"


def _put(meta: dict, key: str, val) -> None:
    if val and not meta.get(key):
        meta[key] = val


def read_identifier(ident: str, meta: dict) -> None:
    """What a publication id tells: "ah-tk-20232024-1949", "kst-35300-VII-113"."""
    _put(meta, "identifier", ident)
    m = AH_ID.search(ident)
    if m:
        _put(meta, "vergaderjaar", f"{m.group('y1')}-{m.group('y2')}")
        _put(meta, "number", m.group("nr"))
        return
    m = KST_ID.search(ident)
    if m:
        d = m.group("d")
        dossier = f"{d[:2]} {d[2:]}"
        if m.group("sub"):
            sub = m.group("sub")
            dossier += f"-{sub}" if sub.isdigit() else f" {sub}"
        if m.group("roman"):
            dossier += f" {m.group('roman')}"
        _put(meta, "dossier", dossier)
        _put(meta, "number", m.group("nr"))


# ------------------------------------------------------------------ one pass

#: spacing diacritics (printed as characters of their own) → combining marks
_SPACING_MARKS = {
    "\u00b4": "\u0301",
    "\u02ca": "\u0301",  # acute
    "\u0060": "\u0300",
    "\u02cb": "\u0300",  # grave
    "\u00a8": "\u0308",  # diaeresis
    "\u00b8": "\u0327",  # cedilla
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u02c7": "\u030c",  # caron
}
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIG_RE = re.compile("[" + "".join(_LIGATURES) + "]")
_MARK_CHARS = "".join(_SPACING_MARKS)
#: a letter, an optional space, a spacing or combining mark: "c ̧", "e´", "e ̈"
_MARK_AFTER = re.compile(r"(?P<l>[A-Za-z])(?:(?P<m>[" + _MARK_CHARS + r"])|[ ]?(?P<c>[\u0300-\u036f]))")
#: a spacing mark before its vowel, as some PDFs order them: "´e"
_MARK_BEFORE = re.compile(r"(?P<m>[\u00b4\u00a8\u02c6\u0060])(?P<l>[aeiouyAEIOUY])")
#: Markdown a converter added: headings, bold, italics, rules, footnote marks "[1 ]"
_MD_HEAD = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_MD_ITALIC_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(«\"]))_(?=[^\s_])", re.M)
_MD_ITALIC_CLOSE = re.compile(r"(?<=[^\s_])_(?=[\s.,;:)»\"]|$)", re.M)
_MD_NOTE = re.compile(r"\[\d{1,3}(?:\s+\d{1,3})*\s*\]")


#: a spacing diaeresis between two letters: "co¨ordinatie" (before its vowel), "gei¨nformeerd" (after it)
_DIAERESIS = re.compile(r"(?P<pp>[^\W\d_])(?P<p>[A-Za-z])[ ]?\u00a8(?P<n>[A-Za-z])")
_VOWELS = set("aeiouyAEIOUY")


def _diaeresis(m: re.Match) -> str:
    """Dutch puts a diaeresis on a vowel that follows a vowel ("coördinatie", "geïnformeerd",
    "ruïne"): on the letter before the mark when that follows a vowel, else on the vowel after."""
    pp, p, n = m.group("pp"), m.group("p"), m.group("n")
    if p in _VOWELS and pp in _VOWELS:
        return pp + unicodedata.normalize("NFC", p + "\u0308") + n
    if n in _VOWELS and p in _VOWELS:
        return pp + p + unicodedata.normalize("NFC", n + "\u0308")
    return m.group(0)


def _compose(m: re.Match) -> str:
    mark = m.groupdict().get("m") or m.groupdict().get("c")
    if mark is None:  # both patterns match a mark in one of the two groups
        return m.group(0)
    mark = _SPACING_MARKS.get(mark, mark)
    out = unicodedata.normalize("NFC", m.group("l") + mark)
    return out if len(out) == 1 else m.group(0)


def _is_markdown(text: str) -> bool:
    head = text[:20000]
    n = len(_MD_HEAD.findall(head)) + len(_MD_RULE.findall(head)) + len(re.findall(r"^\*\*.+\*\*[ \t]*$", head, re.M))
    return n >= 3


def normalize_text(text: str) -> str:
    """The one plain-text step every text goes through before parsing (see the module
    docstring): NFC, diacritics composed, ligatures, soft hyphens, control
    characters, Markdown. (Digits the layout split in a label, "Vraag 1 1", are
    joined where the labels are read: :func:`kinds.common.split_labelled`.)"""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LIG_RE.search(text):
        text = _LIG_RE.sub(lambda m: _LIGATURES[m.group(0)], text)
    if any(c in text for c in _MARK_CHARS) or re.search(r"[\u0300-\u036f]", text):
        if "\u00a8" in text:
            text = _DIAERESIS.sub(_diaeresis, text)
        text = _MARK_AFTER.sub(_compose, text)
        text = _MARK_BEFORE.sub(_compose, text)
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\u00ad[ \t]*\n[ \t]*", "", text)  # soft hyphen at a line end: join
    text = text.replace("\u00ad", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n")
    text = _CTRL.sub("", text)
    if _is_markdown(text):
        text = re.sub(r"^\s*#{1,6}[ \t]+\d{1,3}[ \t]*\n", "", text)  # the page number on top as a heading
        text = _MD_RULE.sub(PAGE, text)
        text = _MD_HEAD.sub("", text)
        text = _MD_BOLD.sub(r"\1", text)
        text = _MD_ITALIC_OPEN.sub("", text)
        text = _MD_ITALIC_CLOSE.sub("", text)
        text = _MD_NOTE.sub(lambda m: "\ufff0" + ",".join(re.findall(r"\d+", m.group(0))) + "\ufff1", text)
    return text


def _normalize(text: str) -> str:
    return normalize_text(text)


#: furniture glued to the text after it on one line (PDF text): split it off
GLUED_FURNITURE = re.compile(
    r"^(?P<furn>(?:ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\s*)?(?:[’'`]s-Gravenhage\s+\d{4}\s*)?"
    r"(?:(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+(?:19|20)\d\d\s*[–—-]\s*(?:19|20)\d\d,?\s+"
    r"(?:Aanhangsel(?:\s+\d{1,3})?|" + DOSSIER + r",\s+nr\.\s*\d+(?:\s+\d{1,3})?))"
    r"|(?:ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\s*)(?:[’'`]s-Gravenhage\s+\d{4})?)"
    r"(?P<rest>[A-Z«(].*)$"
)
_GLUED_PARTS = re.compile(r"ISSN\s+\d{4}\s*-\s*\d{3}[\dX]|[’'`]s-Gravenhage\s+\d{4}|(?:Tweede|Eerste)\s+Kamer,.*$")
#: an Aanhangsel id whose hyphens a converter turned into spaces: "h tk 20232024 302"
SPACED_AH_ID = re.compile(r"^a?h\s+(?P<ch>tk|ek)\s+(?P<y>\d{8})\s+(?P<nr>\d{1,5})$")


def _split_glued(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        s = ln.strip()
        m = GLUED_FURNITURE.match(s) if s[:1] in "ITE" else None
        if m:
            out.extend(p.group(0) for p in _GLUED_PARTS.finditer(m.group("furn")))
            out.append(m.group("rest"))
        else:
            out.append(ln)
    return out


_NOTE_MARK = re.compile("\ufff0([\\d,]+)\ufff1")


def _clean_once(text: str, meta: dict, footnotes: dict) -> str:
    text = _normalize(text)
    # footnote marks a converter wrote as "[1 ]": known by their number, taken out of the text
    marks = {int(n) for m in _NOTE_MARK.finditer(text) for n in m.group(1).split(",")}
    if marks:
        text = _NOTE_MARK.sub("", text)
    raw_lines = _split_glued(text.replace(PAGE, "\n" + PAGE + "\n").split("\n"))
    n_nonblank = sum(1 for ln in raw_lines if ln.strip())
    n_indented = sum(1 for ln in raw_lines if ln[:1] in (" ", "\t") and ln.strip())
    indent_marks_page = n_nonblank > 20 and n_indented * 12 < n_nonblank

    # entries: [text, kind]; kind: body | break (page end) | drop
    lines: list[list] = []
    seen_anchor = False
    prev_head = False
    for i, raw in enumerate(raw_lines):
        if raw == PAGE:
            lines.append(["", "break"])
            continue
        s = _SPACES.sub(" ", raw).strip()
        if indent_marks_page and raw[:1] in (" ", "\t") and s and lines:
            lines.append(["", "break"])
        kind = "body"
        if not s:
            lines.append(["", "body"])
            continue
        m = FOOTER_KST.match(s)
        if m:
            _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
            _put(meta, "dossier", canonical_or_as_written(m.group("dossier")))
            _put(meta, "number", m.group("nr"))
            lines.append(["", "break"])
            continue
        m = FOOTER_AH.match(s)
        if m:
            _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
            lines.append(["", "break"])
            continue
        if PAGE_NO.match(s):
            lines.append(["", "break"])
            continue
        m = SPACED_AH_ID.match(s)
        if m:
            read_identifier(f"ah-{m.group('ch')}-{m.group('y')}-{m.group('nr')}", meta)
            lines.append(["", "break"])
            continue
        m = IDENT_LINE.match(s)
        if m:
            read_identifier(m.group("id"), meta)
            lines.append(["", "drop"])
            continue
        if ISSN.match(s) or PLACE_YEAR.match(s) or CHAMBER.match(s):
            lines.append(["", "drop"])
            prev_head = bool(CHAMBER.match(s))
            continue
        if prev_head and re.fullmatch(r"[12]", s):  # the chamber's "2" under its name
            prev_head = False
            lines.append(["", "drop"])
            continue
        prev_head = False
        m = VERGADERJAAR.match(s)
        if m:
            _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
            lines.append(["", "drop"])
            continue
        if AH_HEAD1.match(s) or AH_HEAD2.match(s):
            lines.append(["", "drop"])
            # the Aanhangsel number stands alone under the heading
            j = i + 1
            while j < len(raw_lines) and not raw_lines[j].strip():
                j += 1
            if AH_HEAD2.match(s) or (j < len(raw_lines) and not AH_HEAD2.match(raw_lines[j].strip())):
                if j < len(raw_lines) and re.fullmatch(r"\d{1,5}", raw_lines[j].strip()):
                    _put(meta, "number", raw_lines[j].strip())
                    raw_lines[j] = ""
            continue
        m = AH_PAGE_HEAD.match(s)
        if m:
            _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
            nm = re.search(r"nr\.?\s*(\d+)|(\d+)\s*$", m.group("rest"))
            if nm:
                _put(meta, "number", nm.group(1) or nm.group(2))
            lines.append(["", "break"])
            continue
        if WEB_CHROME_ANYWHERE.match(s):
            lines.append(["", "drop"])
            continue
        if not seen_anchor:
            if ANCHOR.match(s):
                seen_anchor = True
            else:
                if i < 12 and WEB_DOCTYPE_TITLE.match(s):
                    lines.append(["", "drop"])
                    continue
                if i < 40 and OB_TABLE_HEAD.match(s):
                    lines.append(["", "drop"])
                    continue
                m = OB_TABLE_ROW.match(s) if i < 40 else None
                if m and _ob_table_row(m, meta):
                    lines.append(["", "drop"])
                    continue
                m = WEB_TITLE.match(s)
                if m:
                    _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
                    _put(meta, "number", m.group("nr"))
                    lines.append(["", "drop"])
                    continue
                m = WEB_META.match(s)
                if m and i < 60:
                    _web_meta(m.group("key"), m.group("val"), meta)
                    lines.append(["", "drop"])
                    continue
                if WEB_CHROME.match(s) and i < 60:
                    lines.append(["", "drop"])
                    continue
        idm = AH_ID.search(s) or KST_ID.search(s)
        if idm and not meta.get("identifier") and len(s) < 120:
            read_identifier(idm.group(0), meta)
        lines.append([s, kind])

    _footnotes(lines, footnotes, marks)
    body = _seams(lines)
    body = _join_hyphens(body)
    out: list[str] = []
    for ln in body:
        ln = _SPACES.sub(" ", ln).strip()
        if not ln:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(ln)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _web_meta(key: str, val: str, meta: dict) -> None:
    key = " ".join(key.lower().split())
    val = val.strip()
    if key in ("identificatienummer", "identifier", "publicatienummer"):
        m = AH_ID.search(val) or KST_ID.search(val)
        if m:
            read_identifier(m.group(0), meta)
    elif key == "vergaderjaar":
        m = re.search(_VJ, val)
        if m:
            _put(meta, "vergaderjaar", _vj(m.group("y1"), m.group("y2")))
    elif key == "dossiernummer":
        m = re.search(DOSSIER, val)
        if m:
            _put(meta, "dossier", canonical_or_as_written(m.group(0)))
    elif key in ("ondernummer", "aanhangselnummer", "nummer"):
        # a plain number only: "Nummer: 2025D04328" is the Kamer's document number, not the paper's
        m = re.fullmatch(r"(?:nr\.?\s*)?(\d{1,5})\.?", val, re.I)
        if m:
            _put(meta, "number", m.group(1))
        else:
            m = AH_ID.search(val) or KST_ID.search(val)
            if m:
                read_identifier(m.group(0), meta)
    else:
        m = AH_ID.search(val) or KST_ID.search(val)
        if m:
            read_identifier(m.group(0), meta)


def _ob_table_row(m: re.Match, meta: dict) -> bool:
    """The value row of an officielebekendmakingen metadata table (see
    :data:`OB_TABLE_ROW`): vergaderjaar, then the Aanhangsel number ("1365",
    glued to a "dd-mm-yyyy" date of receipt) or "dossier nr. N"."""
    y1, y2 = m.group("y1"), m.group("y2")
    if int(y2) != int(y1) + 1:
        return False
    rest = m.group("rest").strip(" |")
    _put(meta, "vergaderjaar", f"{y1}-{y2}")
    km = re.match(r"^(?P<d>\d{5})(?:-(?P<sub>[0-9A-Z]{1,4}))?\s*\|?\s*nr\.?\s*(?P<nr>\d+)\b", rest)
    if km:
        d = km.group("d")
        dossier = f"{d[:2]} {d[2:]}"
        sub = km.group("sub")
        if sub:
            dossier += f"-{sub}" if sub.isdigit() else f" {sub}"
        _put(meta, "dossier", dossier)
        _put(meta, "number", km.group("nr"))
        return True
    am = re.match(r"^(?P<nr>\d{1,5}?)\s*\|?\s*(?:\d{2}-\d{2}-\d{4}\s*\|?\s*)?$", rest)
    if am and am.group("nr"):
        _put(meta, "number", am.group("nr"))
        return True
    return bool(re.match(r"^(?:nr\.\s*\d+.*)?$", rest))  # "nr. 63, item 9" (Handelingen) or nothing


# ------------------------------------------------------------------ footnotes


def _marker_re(n: int) -> re.Pattern:
    return re.compile(
        r"(?:(?<=[^\W\d_])|(?<=[?!.,;:)\]»”’\"]))" + str(n) + r"(?=[\s.,;:)?!]|$)"  # glued: "EU2", "?1"
        r"|(?<=[^\W\d_?!.,;:)\]»”’\"]) " + str(n) + r"(?=[.,;:?!)])"  # spaced before a stop: "allemaal 14."
        r"|(?<=[?!.»”)]) " + str(n) + r"(?= [A-Z])"  # after a question: "(KOZP)? 1 Bent"
    )


def _loose_marker_re(n: int) -> re.Pattern:
    return re.compile(r"(?<=\S)" + str(n) + r"(?=[\s.,;:)?!]|$)|(?<=[^\W\d_]) " + str(n) + r"(?=\s|$)")


#: where a footnote's marker stands: (line index, the marker's match in that line)
_Marker = tuple[int, re.Match[str]]
#: a footnote's marker, or "mark": it stood as "[N ]" and is out of the text already
_FoundMarker = _Marker | Literal["mark"]


def _find_marker(lines: list, start: int, end: int, n: int, loose: bool = False) -> _Marker | None:
    """The last marker of footnote ``n`` in body lines[start:end] (index, match)."""
    rx = _loose_marker_re(n) if loose else _marker_re(n)
    for k in range(end - 1, max(start, end - 400) - 1, -1):
        ent = lines[k]
        if ent[1] != "body" or not ent[0] or LABEL_LINE.match(ent[0]) or ent[0].isdigit():
            continue
        last = None
        for mm in rx.finditer(ent[0]):
            last = mm
        if last is not None:
            return k, last
    return None


def _footnotes(lines: list, footnotes: dict, marks: AbstractSet[int] = frozenset()) -> None:
    expected = 1
    since = 0  # body lines after the previous footnote
    i = 0
    n = len(lines)
    while i < n:
        ent = lines[i]
        if ent[1] != "body" or not ent[0]:
            i += 1
            continue
        m = FN_LINE.match(ent[0])
        if not m or int(m.group("n")) not in (expected, expected + 1):
            i += 1
            continue
        num = int(m.group("n"))
        found: _FoundMarker | None
        if num in marks:
            found = "mark"  # its mark stood as "[N ]" and is out already
        else:
            found = _find_marker(lines, since, i, num)
        block_end = _block_end(lines, i)
        at_page_end = block_end is not None and block_end < n and lines[block_end][1] in ("break", "drop")
        if not found and at_page_end:
            # at the foot of a page a marker set apart ("informatiekaart 10 van") will do
            found = _find_marker(lines, since, i, num, loose=True)
        if not found:
            i += 1
            continue
        # a footnote block: this line and the next footnotes / continuations up to the page end
        if block_end is None:
            block = [i]
            k = i + 1
            while (
                k < n
                and lines[k][1] == "body"
                and lines[k][0]
                and (lines[k - 1][0].endswith(("-", "/")) or " " not in lines[k][0])
                and not FN_LINE.match(lines[k][0])
                and not LABEL_LINE.match(lines[k][0])
            ):
                block.append(k)
                k += 1
            block_end = k
        marker_pos: dict[int, _FoundMarker] = {num: found}
        cur_num = num
        texts: dict[int, list[str]] = {num: [m.group("t")]}
        for k in range(i + 1, block_end):
            t = lines[k][0]
            if lines[k][1] != "body" or not t:
                continue
            fm = FN_LINE.match(t)
            if fm and int(fm.group("n")) in (cur_num + 1, cur_num + 2):
                nn = int(fm.group("n"))
                f2: _FoundMarker | None = (
                    "mark"
                    if nn in marks
                    else _find_marker(lines, since, i, nn)
                    or (_find_marker(lines, since, i, nn, loose=True) if at_page_end else None)
                )
                if f2:
                    marker_pos[nn] = f2
                cur_num = nn
                texts[nn] = [fm.group("t")]
                continue
            texts[cur_num].append(t)
        for k in range(i, block_end):
            if lines[k][1] == "body":
                lines[k][1] = "drop"
        for nn, parts in texts.items():
            txt = ""
            for p in parts:
                if txt.endswith("-") or txt.endswith("/"):
                    txt += p
                else:
                    txt = (txt + " " + p).strip()
            footnotes.setdefault(str(nn), txt)
        # take the markers off the words, last first so positions hold
        placed = [v for v in marker_pos.values() if v != "mark"]
        for li, mm in sorted(placed, key=lambda v: (v[0], v[1].start()), reverse=True):
            s = lines[li][0]
            lines[li][0] = s[: mm.start()] + s[mm.end() :]
        expected = cur_num + 1
        since = block_end
        i = block_end


def _block_end(lines: list, i: int):
    """Index of the page end after a footnote starting at ``i``, if near."""
    nonblank = 0
    for k in range(i + 1, len(lines)):
        kind = lines[k][1]
        if kind in ("break",):
            return k
        if kind == "drop":
            # dropped furniture (identifier, ISSN) sits at the page end too
            return k
        t = lines[k][0]
        if not t:
            continue
        if LABEL_LINE.match(t):
            return k
        nonblank += 1
        if nonblank > 8:
            return None
    return len(lines)


def _seams(lines: list) -> list[str]:
    """Body lines; where furniture or footnotes stood, the blank lines around
    them go, and a paragraph break stays only after a finished sentence."""
    out: list[str] = []
    seam = False
    for t, kind in lines:
        if kind != "body":
            seam = True
            continue
        if seam:
            if not t:
                continue
            while out and out[-1] == "":
                out.pop()
            if out and re.search(r"[.?!:;»”\"]$", out[-1]):
                out.append("")
            seam = False
        out.append(t)
    return out


# ------------------------------------------------------------------ hyphens


def _keep_hyphen(word: str, nxt: str) -> bool:
    part = re.split(r"[-/]", word)[-1] if word else ""
    if not nxt:
        return True
    if nxt[0].isupper() or nxt[0].isdigit():
        return True
    if part and part[-1].isdigit():
        return True
    letters = [c for c in part if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return False


def _join_hyphens(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        cur = lines[i].rstrip()
        i += 1
        while i < n and cur.endswith("-") and lines[i].strip():
            m = _HYPHEN_END.search(cur)
            if not m or (len(cur) >= 2 and cur[-2] == " "):
                break
            nxt = lines[i].strip()
            first = nxt.split(None, 1)[0]
            if not (first[0].isalnum()):
                break
            if first.lower().rstrip(",.") in _KEEP_SPACE_AFTER_HYPHEN:
                break  # "binnen- en buitenland": a real hyphen and a space
            if _keep_hyphen(m.group("word"), first):
                cur = cur + nxt
            else:
                cur = cur[:-1] + nxt
            i += 1
        out.append(cur)
    return out
