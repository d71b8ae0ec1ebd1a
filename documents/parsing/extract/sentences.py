"""Sentences of parliamentary prose.

A sentence ends at ".", "?" or "!" followed by white space and a capital
letter (or an opening quote or bracket), except after the abbreviations of
Dutch official prose ("o.a.", "d.d.", "nr.", "bijv.", "c.s." ...) and after
initials ("S.A. Blok", "F.C.G.M. Timmermans"). "jl." and "a.s." end a
sentence only when a capital follows ("... op 18 september a.s. Het kabinet").

Text is flattened first: words broken across lines are re-joined
("mensenrechtensi-\\ntuatie" → "mensenrechtensituatie", while
"VN-\\nMensenrechtenraad" keeps its hyphen), and white space is folded, so a
sentence is one line, as the contract's ``text`` wants it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Abbreviations after which a period never ends a sentence.
ABBREVIATIONS = frozenset(
    [
        "o.a.",
        "d.d.",
        "nr.",
        "nrs.",
        "bijv.",
        "bv.",
        "b.v.",
        "i.e.",
        "e.g.",
        "dhr.",
        "mevr.",
        "mr.",
        "drs.",
        "dr.",
        "prof.",
        "ir.",
        "ing.",
        "art.",
        "artt.",
        "ca.",
        "resp.",
        "incl.",
        "excl.",
        "m.b.t.",
        "t.a.v.",
        "i.v.m.",
        "z.g.",
        "zgn.",
        "vs.",
        "st.",
        "blz.",
        "p.",
        "pp.",
        "m.n.",
        "t.b.v.",
        "a.d.h.v.",
        "i.s.m.",
        "e.d.",
        "jo.",
        "lid.",
        "vgl.",
        "zie.",
        "ibid.",
        "o.b.v.",
        "n.a.v.",
        "m.i.v.",
        "i.o.m.",
        "t.z.t.",
        "z.s.m.",
        "c.q.",
        "d.w.z.",
        "m.u.v.",
        "mld.",
        "mln.",
        "mrd.",
        "mw.",
        "nl.",
        "ong.",
        "red.",
        "sr.",
        "jr.",
        "cf.",
        "al.",
        "e.a.",
        "a.i.",
        "vz.",
        "tel.",
        "fig.",
        "hfdst.",
        "par.",
        "ex.",
        "aanh.",
        "kamerst.",
        "stb.",
        "stcrt.",
        "handelingen.",
    ]
)

#: Abbreviations that may end a sentence when a capital follows.
MAY_END = frozenset({"jl.", "j.l.", "a.s.", "c.s.", "e.d.", "etc.", "e.a.", "enz."})

_SOFT_BREAK = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\n\s*(?=[a-zà-ÿ])")
_HARD_BREAK = re.compile(r"-[ \t]*\n\s*(?=\w)")
_WS = re.compile(r"\s+")
# a candidate end: terminator (and closing quotes/brackets), white space, then a starter
_END = re.compile(r"([.?!]+[»\"')\]]*(?:\d{1,2}(?=\s))?)(\s+)(?=[«\"'(\[]?[A-ZÀ-Ý0-9«\"'(])")
_GLUED_MARK = re.compile(r"\d{1,2}[A-ZÀ-Ý][a-zà-ÿ]")
_LAST_TOKEN = re.compile(r"(\S+)$")


def flatten(text: str) -> str:
    """Re-join broken words and fold white space (one line)."""
    if not text:
        return ""
    text = text.replace("\u00ad", "")
    text = _SOFT_BREAK.sub("", text)
    text = _HARD_BREAK.sub("-", text)
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the flattened text
    paragraph: int = 0


def _is_boundary(before: str, after: str) -> bool:
    m = _LAST_TOKEN.search(before)
    token = m.group(1) if m else ""
    glued = re.search(r"[.?!][»\"')\]]*(\d{1,2})$", token)
    if glued and re.search(r"[a-zà-ÿ)»]{2}[.?!]", token):
        return after[:1].isupper()  # "landen.14 Gaat": a footnote mark after the stop
    token = re.sub(r"(?<=[.?!])\d{1,2}$", "", token)
    bare = token.lstrip("(«\"'[").lower()
    if bare.endswith("?") or bare.endswith("!"):
        return True
    if bare in ABBREVIATIONS:
        return False
    if bare in MAY_END:
        return after[:1].isupper()
    # initials: "S.A.", "F.C.G.M.", a single capital "A." before a name
    if re.fullmatch(r"(?:[A-ZÀ-Ý]\.)+", token.lstrip("(«\"'[")):
        return False
    # "1." "2." in enumerations and "art. 3.": a number before the period
    if re.fullmatch(r"\d{1,2}\.", bare) and not after[:1].isupper():
        return False
    if _GLUED_MARK.match(after):
        return True  # "gesproken. 3Toekomstige": a footnote mark glued to the next sentence
    if after[:1].isdigit():
        # "... nr. 312. 20 Kamerstuk": a digit after a period rarely starts a sentence
        return False
    return True


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; one that ends mid-sentence (no
    closing punctuation) is joined to the next when that starts in lower
    case or when the first ends mid-sentence after an earlier full stop (a
    page break inside a sentence); a paragraph without any stop is a heading."""
    out: list[str] = []
    for par in re.split(r"\n[ \t]*\n", text):
        if not par.strip():
            continue
        if (
            out
            and not re.search(r"[.?!:;»)\]\"']\s*$", out[-1])
            and (re.match(r"\s*[a-zà-ÿ]", par) or re.search(r"[.?!]\s", out[-1]))
        ):
            out[-1] = out[-1].rstrip() + "\n" + par.lstrip()
        else:
            out.append(par)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (flattened), paragraph by paragraph."""
    out: list[Sentence] = []
    if not text:
        return out
    offset = 0
    for pno, paragraph in enumerate(paragraphs(text)):
        flat = flatten(paragraph)
        if not flat:
            continue
        start = 0
        for m in _END.finditer(flat):
            end = m.end(1)
            if not _is_boundary(flat[start:end], flat[m.end() : m.end() + 4]):
                continue
            piece = flat[start:end].strip()
            if piece:
                out.append(Sentence(piece, offset + start, pno))
            start = m.end()
        piece = flat[start:].strip()
        if piece:
            out.append(Sentence(piece, offset + start, pno))
        offset += len(flat) + 1
    return out


def sentences(text: str) -> list[str]:
    """Just the texts of :func:`split_sentences`."""
    return [s.text for s in split_sentences(text)]
