"""Citations of other Kamerstukken (ANNOTATION.md, "Reference").

Forms found: "(Kamerstuk 32 735, nr. 312)", "Kamerstuk 32 735 nr. 287",
"32 735, nr. 312" (without the word), "Kamerstukken 30 196 en 31 793,
nr. 708" (two references with one number), "Kamerstuk 33 783, nrs. 23 en 35"
(two numbers), each possibly broken over a line ("Kamerstuk 26\\n407, nr.
134"). Dossiers get their canonical spacing: "32 735", "21 501-02",
"35 300 V". A paper never references itself; duplicates are dropped.
Eerste Kamer papers are numbered by letters, cited with the dossier and the
letter after commas: "(34 000 XIII, H)", "(2012–2013, CII, B)" (a dossier of
roman numerals only, then with its vergaderjaar or "Kamerstukken I" before
it), "Kamerstukken I 2012/13, 33 400, C".
Citations of the Handelingen or the Aanhangsel ("Aanhangsel Handelingen II
2019/20, nr. 3225") are not Kamerstukken and are not matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from documents.parsing.dossiers import canonical
from documents.parsing.model import Reference

_S = r"[ \t]*\n?[ \t]*"  # a space that may hold one line break
_ROMAN = r"(?:[IVXLC]{1,6}|[A-Z])"
#: one dossier: "32 735", "32735", "21 501-02", "21 501–02", "35 300 V", "36 200-XVII"
_DOSSIER = (
    r"(?<![\d,.])\d{2}(?P<sp>" + r"[ \t\u00a0]*\n?[ \t\u00a0]*" + r")\d{3}(?!\d)"
    r"(?:" + _S + r"[-–]" + _S + r"(?:\d{1,3}|" + _ROMAN + r")(?![\w])"
    r"|[ \t\u00a0]+" + _ROMAN + r"(?![\w-]))?"
)
_DOSSIER_BARE = _DOSSIER.replace("(?P<sp>", "(?:")
_NUMBERS = r"nrs?\.?" + r"\s*(?P<nums>\d{1,4}(?:\s*(?:,|en|t/m|tot en met)\s*(?:nr\.?\s*)?\d{1,4}(?!\s*[a-z]{3}))*)"

#: With the word: "Kamerstuk(ken) D (en D)*, nr(s). N (en N)*"
_WITH_WORD = re.compile(
    r"Kamerstuk(?:ken)?\s+(?:TK\s+|I{1,2}\s*)?,?\s*(?:vergaderjaar\s+)?(?:\d{4}\s*[–/-]\s*\d{2,4}\s*,?\s*)?"
    r"(?P<dossiers>" + _DOSSIER_BARE + r"(?:\s*(?:,|en|;)\s*" + _DOSSIER_BARE + r")*)\s*,?\s*" + _NUMBERS,
    re.IGNORECASE,
)
#: Without the word: "32 735, nr. 312" (a comma or "nr." right after the dossier).
_BARE = re.compile(r"(?P<dossiers>" + _DOSSIER_BARE + r")\s*,?\s*" + _NUMBERS)
_ONE_DOSSIER = re.compile(_DOSSIER_BARE)
_VJ_EK = r"(?:vergaderjaar\s+)?\d{4}\s*[–/-]\s*\d{2,4}\s*,?\s*"
#: Eerste Kamer letter numbers: "(34 000 XIII, H)", "(2012–2013, CII, B)", "Kamerstukken I 2012/13, 33 400, C"
_EK_LETTER = re.compile(
    r"(?:(?:\(|(?<=;)\s)\s*(?:Kamerstuk(?:ken)?\s+I\s*,?\s*)?(?P<vj>" + _VJ_EK + r")?"
    r"|\bKamerstuk(?:ken)?\s+I\s*,?\s*(?P<vj2>" + _VJ_EK + r")?)"
    r"(?P<d>" + _DOSSIER_BARE + r"|(?<![\w])[IVXLC]{1,6}(?![\w]))\s*,\s*(?:nr\.\s*)?(?P<nr>[A-Z]{1,3})(?![\w])"
    r"(?=\s*[)\];,.]|\s*$)"
)
_HANDELINGEN_BEFORE = re.compile(
    r"(?:Handelingen|Aanhangsel|Stb\.|Stcrt\.|Staatsblad|"
    r"Staatscourant)[^()\n.]{0,30}$",
    re.IGNORECASE,
)


def _numbers(raw: str) -> list[str]:
    raw = re.sub(r"\s+", " ", raw)
    out: list[str] = []
    for part in re.split(r"\s*(?:,|\ben\b)\s*", raw):
        rng = re.match(r"(\d+)\s*(?:t/m|tot en met)\s*(?:nr\.?\s*)?(\d+)$", part)
        if rng:
            a, b = int(rng.group(1)), int(rng.group(2))
            if 0 <= b - a <= 20:
                out.extend(str(n) for n in range(a, b + 1))
            continue
        digits = re.sub(r"\D", "", part)
        if digits:
            out.append(str(int(digits)))
    return out


def find_references(text: str) -> list[Reference]:
    """Every Kamerstuk cited in ``text``, in order, without duplicates."""
    out: list[Reference] = []
    if not text:
        return out
    taken: list[tuple[int, int]] = []
    for rx in (_WITH_WORD, _BARE):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            if rx is _BARE and _HANDELINGEN_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            taken.append((m.start(), m.end()))
            dossiers = [canonical(d.group(0)) for d in _ONE_DOSSIER.finditer(m.group("dossiers"))]
            for dossier in dossiers:
                if not dossier:
                    continue
                for number in _numbers(m.group("nums")):
                    out.append(Reference(dossier, number))
    for m in _EK_LETTER.finditer(text):
        raw = m.group("d")
        if re.fullmatch(r"[IVXLC]{1,6}", raw):
            # a dossier of roman numerals only: with a vergaderjaar or "Kamerstukken I" before it
            if not (m.group("vj") or m.group("vj2") or re.match(r"\(?\s*Kamerstuk", m.group(0))):
                continue
            dossier = raw
        else:
            dossier = canonical(raw)
        if dossier:
            out.append(Reference(dossier, m.group("nr")))
    return dedupe(out)


def dedupe(refs: Iterable[Reference], exclude: tuple[str | None, str | None] | None = None) -> list[Reference]:
    seen, out = set(), []
    for r in refs:
        key = (r.dossier, r.number)
        if key in seen or (exclude and key == exclude):
            continue
        seen.add(key)
        out.append(r)
    return out


def document_references(doc) -> list[Reference]:
    """References of a whole paper: its body, questions, answers and
    footnotes; never the paper itself (``doc.dossier`` + ``doc.number``)."""
    parts: list[str] = [doc.body or ""]
    parts += [q.text for q in doc.questions]
    parts += [a.text for a in doc.answers]
    parts += list((doc.footnotes or {}).values())
    if not any(p.strip() for p in parts):
        parts.append(doc.raw_text or "")
    refs: list[Reference] = []
    for p in parts:
        refs.extend(find_references(p))
    own = ((canonical(doc.dossier) or doc.dossier) if doc.dossier else None, str(doc.number) if doc.number else None)
    return dedupe(refs, exclude=own if own[0] else None)
