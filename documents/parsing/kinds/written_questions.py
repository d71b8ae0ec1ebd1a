"""Written questions (schriftelijke vragen), with or without their answers.

Header: "Vragen van het lid X (Partij) aan de Minister van Y over Z
(ingezonden <datum>)."; answer header: "Antwoord van Minister A (Ministerie),
mede namens de Ministers voor B, van C en de Staatssecretaris van D
(ontvangen <datum>)." and "Zie ook Aanhangsel Handelingen, vergaderjaar
2023–2024, nr. 1843". Items: "Vraag N" / "Antwoord N" (grouped: "Vraag 2 en
3", "Antwoord 3, 4, 5 en 6"), or bare numbers in a paper of questions only.
For written questions ``date`` is the date of the answer (``received``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import labelled_date
from ..model import Minister, ParsedDocument, SeeAlso
from .common import fold, office_from_ministry, parse_askers, split_bare_numbers, split_labelled, split_offices

QUESTIONS_HEAD = re.compile(
    r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden|lid|leden)\s+(?P<askers>(?:(?!\b(?:[Vv]ragen\s+van|over|inzake|ingezonden)\b|\.\s+[A-Z])[^;:])+?)"
    r"\s+aan\s+(?P<addr>.+?)"
    r"(?:\s+(?:over|inzake|betreffende|omtrent|naar\s+aanleiding\s+van|met\s+betrekking\s+tot)\s+(?P<title>.+?))?"
    r"\s*\(\s*(?:\(\s*)?ingezonden\b",
    re.I | re.S,
)
ANSWER_HEAD = re.compile(
    r"\bAntwoord(?:en)?\s+van\s+(?:de\s+)?(?P<title>Minister-President|Minister|Staatssecretaris|Viceminister-President)"
    r"\s+(?P<rest>.+?)\(\s*(?:\(\s*)?ontvangen\b",
    re.I | re.S,
)
SEE_ALSO = re.compile(
    r"Zie\s+ook\s+(?:het\s+)?Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+II)?,?\s+vergaderjaar\s+"
    r"(?P<y1>\d{4})\s*[–—-]\s*(?P<y2>\d{4}),?\s+(?:nrs?\.?\s*)?(?P<nrs>\d+(?:\s*(?:,|en)\s*(?:nr\.?\s*)?\d+)*)",
    re.I,
)
NADER = re.compile(
    r"\bnader(?:e)?\s+(?:antwoord|beantwoording)|\(nader\)|\baanvullend(?:e)?\s+antwoord|"
    r"\bin\s+aanvulling\s+op\s+(?:mijn|de|het)\s+(?:eerdere\s+)?(?:antwoord|beantwoording)",
    re.I,
)
PARTIAL = re.compile(
    r"\b(?:overige|resterende|andere|nog\s+openstaande)\s+vragen\b[^.]{0,200}?"
    r"\b(?:later|nog\s+(?:niet|worden)|zo\s+spoedig\s+mogelijk|op\s+een\s+later\s+moment|afzonderlijk|separaat|"
    r"volg(?:t|en)|zal\s+ik\b|binnen\s+\w+\s+weken)"
    r"|\b(?:beantwoording|antwoorden?)\s+(?:van|op)\s+de\s+(?:overige|resterende|andere)\s+vragen\s+(?:volgt|volgen|zal|zullen)"
    r"|\bdeel\s+van\s+de\s+vragen\b[^.]{0,120}\b(?:beantwoord|beantwoorden)\b[^.]{0,120}\b(?:later|nog|volgt)",
    re.I,
)


#: the heading of a ministry's web copy: "Antwoorden van de ministers van Justitie en Veiligheid en van
#: Binnenlandse Zaken en Koninkrijksrelaties op de vragen van het lid Wilders (PVV) over het bericht ...
#: (Ingezonden 12 november 2018, nr. 2018Z20755)"
ANSWERS_TO = re.compile(
    r"\bAntwoord(?:en)?\s+van\s+(?:de\s+)?(?P<who>(?:Minister-President|[Mm]inisters?|[Ss]taatssecretariss?(?:en)?)\b.+?)"
    r"\s+op\s+(?:de\s+)?(?:schriftelijke\s+)?vragen\s+van\s+(?:het\s+(?:Kamer)?lid|de\s+(?:Kamer)?leden|lid|leden)\s+"
    r"(?P<askers>[^()]+?\([^()]{1,40}\)(?:\s*(?:,|en)\s*[^()]+?\([^()]{1,40}\))*)"
    r"(?:\s+(?:over|inzake|betreffende|omtrent|naar\s+aanleiding\s+van)\s+(?P<title>.+?))?"
    r"\s*\(\s*(?:ingezonden|Ingezonden)\b",
    re.S,
)


def read_answers_to_header(header: str, doc: ParsedDocument) -> bool:
    """ "Antwoorden van de ministers van A en van B op de vragen van het lid X (P) over Y (Ingezonden ...)":
    askers, title, and the offices (the first answers, the others with it)."""
    m = ANSWERS_TO.search(header)
    if not m:
        return False
    doc.askers = parse_askers(m.group("askers"))
    if m.group("title") and doc.title is None:
        doc.title = fold(m.group("title")).rstrip(" .")
    offices = split_offices(m.group("who"))
    if not doc.ministers:
        doc.ministers = [Minister(None, off, "answerer" if k == 0 else "co_answerer") for k, off in enumerate(offices)]
    return True


def parse_answer_header(header: str, known_offices: Sequence[str]) -> list[Minister]:
    """Ministers (answerer, then one co_answerer per office) from "Antwoord van ..."."""
    m = ANSWER_HEAD.search(header)
    if not m:
        return []
    title, rest = m.group("title"), fold(m.group("rest"))
    out: list[Minister] = []
    mede = None
    mm = re.search(r",?\s*mede\s+namens\s+(?P<mede>.*)$", rest, re.I)
    if mm:
        mede = mm.group("mede")
        rest = rest[: mm.start()]
    rest = rest.strip(" ,")
    name: str | None
    office: str | None
    if re.match(r"^(?:van|voor)\s", rest):
        office = fold(f"{title} {re.sub(r'[(].*$', '', rest)}").strip(" ,")
        out.append(Minister(None, office, "answerer"))
    else:
        pm = re.match(r"^(?P<name>[^()]+?)\s*\((?P<min>(?:[^()]|\([^()]*\))*)\)", rest)
        if pm:
            name = fold(pm.group("name"))
            office = office_from_ministry(title, pm.group("min"), known_offices)
        else:
            name, office = fold(rest) or None, None
        if title.lower() == "minister-president":
            office = "Minister-President"
        out.append(Minister(name, office, "answerer"))
    if mede:
        for off in split_offices(mede):
            if not any(x.office == off for x in out):
                out.append(Minister(None, off, "co_answerer"))
    return out


def see_also(text: str) -> list[SeeAlso]:
    out = []
    for m in SEE_ALSO.finditer(text):
        vj = f"{m.group('y1')}-{m.group('y2')}"
        for nr in re.findall(r"\d+", m.group("nrs")):
            sa = SeeAlso(vj, nr)
            if sa not in out:
                out.append(sa)
    return out


def read_questions_header(header: str, doc: ParsedDocument) -> bool:
    m = QUESTIONS_HEAD.search(header)
    if not m:
        return False
    doc.askers = parse_askers(m.group("askers"))
    doc.addressed_to = split_offices(m.group("addr"))
    if m.group("title"):
        doc.title = fold(m.group("title")).rstrip(" .")
    return True


def parse(doc: ParsedDocument, text: str) -> ParsedDocument:
    lines = text.split("\n")
    qs, ans, first = split_labelled(lines)
    header_lines = lines[:first] if first is not None else lines[:40]
    header = fold(" ".join(header_lines))
    read_questions_header(header, doc)
    doc.submitted = labelled_date(header, "ingezonden")
    doc.received = labelled_date(header, "ontvangen")
    doc.date = doc.received
    doc.ministers = parse_answer_header(header, doc.addressed_to)
    if not doc.askers:
        read_answers_to_header(header, doc)
    doc.see_also = see_also(header)
    if not qs:
        # questions only, numbered "1", "2", ... after the header
        start = 0
        for i, ln in enumerate(lines):
            if re.search(r"\bingezonden\b[^)]*\)", ln, re.I):
                start = i + 1
                break
        qs = split_bare_numbers(lines[start:])
    doc.questions = qs
    doc.answers = ans
    doc.nader = bool(NADER.search(header) or (ans and NADER.search(ans[0].text[:300])))
    doc.partial = bool(ans and PARTIAL.search(text))
    return doc


_LABEL_LINE = re.compile(r"^(?:Vraag|Vragen|Antwoord|Antwoorden)\s+\d", re.I)


def answer_preamble(body: str) -> str:
    """Government text between the answer header ("Antwoord van ... (ontvangen
    <datum>). Zie ook ...") and the first "Vraag"/"Antwoord" label: "Hierbij
    beantwoord ik de vragen 1 tot en met 3. De antwoorden op de overige vragen
    zal ik uw Kamer zo spoedig mogelijk doen toekomen." Empty when there is none."""
    lines = (body or "").split("\n")
    first = next((i for i, ln in enumerate(lines) if _LABEL_LINE.match(ln.strip())), None)
    if first is None:
        return ""
    header = "\n".join(lines[:first])
    m = ANSWER_HEAD.search(header)
    if not m:
        return ""
    rest = header[m.end() :]
    dm = re.match(r"[^)]*\)\s*\)?\.?", rest)  # the date and the closing bracket
    if not dm:
        return ""
    rest = rest[dm.end() :]
    sm = None
    for _sm in SEE_ALSO.finditer(rest):
        pass
    if sm is not None:
        rest = rest[sm.end() :]
        rest = re.sub(r"^\s*\.", "", rest)
    return rest.strip()
