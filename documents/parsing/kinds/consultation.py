"""Written consultations: a "verslag van een schriftelijk overleg" or a list of
questions and answers.

Sections "Inbreng van de leden van de VVD-fractie" set the party of the
questions after them. Two shapes:

- "N. Antwoord van het kabinet:" after the question text: the text before it
  (from the end of the previous answer) is question N, with the party of the
  current Inbreng; the answer runs until the paragraphs of the next question
  (paragraphs that ask: a "?", "De leden ...", "Zij vragen ...");
- "Vraag N" ... "Antwoord (op vraag) N" labels, read as for written questions.
"""

from __future__ import annotations

import re

from ..model import Answer, ParsedDocument, Question
from . import letter as letter_kind
from .common import fold, split_labelled

INBRENG = re.compile(
    r"^(?:Inbreng|Vragen\s+en\s+opmerkingen)\s+(?:van|vanuit)\s+(?:de\s+leden\s+van\s+)?(?:de\s+)?"
    r"(?P<party>[\w’'\-]+(?:\s+[\w’'\-]+){0,3}?)-fractie\b"
    r"|^(?:Inbreng|Vragen\s+en\s+opmerkingen)\s+(?:van|vanuit)\s+het\s+lid\s+[^()]+\((?P<party2>[^()]+)\)",
    re.I,
)
N_ANSWER = re.compile(r"^(?P<n>\d{1,3})\.\s*Antwoord\b[^:]{0,60}:?\s*(?P<rest>.*)$", re.I)
ASKS = re.compile(
    r"\?|^(?:De|Deze|Ook\s+de|Tevens\s+de|Voorts\s+de)\s+leden\b|^(?:Zij|Ook|Tevens|Voorts|Daarnaast)\s+vragen\b"
    r"|^(?:Deze|De)\s+leden\b|\bvragen\s+(?:de\s+leden|zij|deze\s+leden)\b|-fractie\b",
    re.I,
)


def _party(m: re.Match) -> str:
    p = m.group("party") or m.group("party2") or ""
    return fold(p)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paras: list[list[str]] = []
    cur: list[str] = []
    for ln in lines:
        if not ln.strip():
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(ln.strip())
    if cur:
        paras.append(cur)
    return paras


def _is_heading(p: list[str]) -> bool:
    t = " ".join(p)
    return len(p) == 1 and len(t) < 80 and not re.search(r"[.?!:;]$", t)


#: "De vaste commissie voor Financiën heeft een aantal vragen voorgelegd aan de Staatssecretaris van Financiën over ..."
PUT_TO = re.compile(
    r"\b(?:vragen(?:\s+en\s+opmerkingen)?|vragen)\s+voorgelegd\s+aan\s+(?:de|het)\s+"
    r"(?P<office>(?:Minister-President|Minister|Staatssecretaris)(?:\s+(?:van|voor)\s+[A-Z][\w’'\-]*"
    r"(?:,?\s+(?:en\s+)?[A-Z][\w’'\-]*)*)?)"
)
FIXED = re.compile(r"^Vastgesteld\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\s*$", re.M)
NUMBERED_Q = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<rest>[A-Z«\"‘“(].*)$", re.S)


def _numbered_questions(lines: list[str]):
    """A list of questions and answers printed "1. <question>?" followed by the
    answer's paragraphs (no "Vraag"/"Antwoord" labels), or the number alone on its
    line and the question as the paragraph under it ("1\n\nKunt u ...?\n\n<answer>"):
    numbers counting up from 1, nearly every numbered question asking."""
    paras = _paragraphs(lines)
    idx = []  # (paragraph of the number, number, question text, first paragraph of the answer)
    expected = 1
    for k, p in enumerate(paras):
        joined = " ".join(p)
        m = NUMBERED_Q.match(joined)
        if m and int(m.group("n")) == expected:
            idx.append((k, m.group("n"), m.group("rest"), k + 1))
            expected += 1
            continue
        m = re.fullmatch(r"(\d{1,3})[.)]?", joined)
        if (
            m
            and int(m.group(1)) == expected
            and k + 1 < len(paras)
            and not re.fullmatch(r"\d{1,3}[.)]?", " ".join(paras[k + 1]))
        ):
            idx.append((k, m.group(1), " ".join(paras[k + 1]), k + 2))
            expected += 1
    if len(idx) < 2:
        return [], []
    counted = idx
    if idx[-1][3] >= len(paras):  # the last question without an answer: a paper cut off there
        counted = idx[:-1]
    asking = sum(1 for _k, _n, q, _b in counted if "?" in q)
    if asking < max(2, 0.8 * len(counted)):
        return [], []
    qs: list[Question] = []
    ans: list[Answer] = []
    for pos, (_k, n, q, b) in enumerate(idx):
        end = idx[pos + 1][0] if pos + 1 < len(idx) else len(paras)
        qs.append(Question(n, fold(q)))
        body = [" ".join(p) for p in paras[b:end] if not _is_heading(p) or len(paras[b:end]) == 1]
        if body:
            ans.append(Answer(n, fold(" ".join(body))))
    return qs, ans


def parse(doc: ParsedDocument, text: str) -> ParsedDocument:
    letter_kind.read_letter_frame(doc, text)
    head = fold(text[:3000])
    # the paper's own date is the day the committee fixed it ("Vastgesteld 28 december 2023"); a
    # "Den Haag, <datum>" under it heads a letter printed in the report
    fm = FIXED.search(text[:3000])
    if fm:
        from ..dates import read_date

        doc.date = read_date(fm.group("d")) or doc.date
    pm = PUT_TO.search(head)
    if pm and not any(m.role == "answerer" for m in doc.ministers):
        from ..model import Minister

        doc.ministers.insert(0, Minister(None, fold(pm.group("office")), "answerer"))
    lines = text.split("\n")
    if any(N_ANSWER.match(ln.strip()) for ln in lines):
        _numbered_answers(doc, lines)
    elif (
        not any(re.match(r"^(?:Vraag|Vragen)\s+\d", ln.strip(), re.I) for ln in lines) and _numbered_questions(lines)[0]
    ):
        doc.questions, doc.answers = _numbered_questions(lines)
    else:
        qs, ans, _ = split_labelled(lines)
        party_at = _parties_by_line(lines)
        # the party of a "Vraag N" is that of the Inbreng above it
        labelled = [(i, ln) for i, ln in enumerate(lines) if re.match(r"^(?:Vraag|Vragen)\s+\d", ln.strip(), re.I)]
        for q, (i, _ln) in zip(qs, labelled):
            q.party = party_at[i]
        doc.questions, doc.answers = qs, ans
    return doc


def _parties_by_line(lines: list[str]) -> list:
    out, cur = [], None
    for ln in lines:
        m = INBRENG.match(ln.strip())
        if m:
            cur = _party(m)
        out.append(cur)
    return out


def _numbered_answers(doc: ParsedDocument, lines: list[str]) -> None:
    # segments between "N. Antwoord" labels
    party: str | None = None
    qs: list[Question] = []
    ans: list[Answer] = []
    segs: list[tuple[str, str, str]] = []  # (kind, text, the rest of a label's line)
    for ln in lines:
        s = ln.strip()
        m = INBRENG.match(s)
        if m:
            segs.append(("inbreng", _party(m), ""))
            continue
        m = N_ANSWER.match(s)
        if m:
            segs.append(("label", m.group("n"), m.group("rest")))
            continue
        segs.append(("line", s, ""))
    # walk: text after a label is [answer][next question]; split at paragraph level
    buf: list[str] = []
    last_label: tuple[str, str] | None = None  # (number, the rest of its line)
    inbreng_in_buf: int | None = None

    def close(next_label: tuple[str, str] | None) -> None:
        nonlocal buf, last_label, inbreng_in_buf
        paras = _paragraphs(buf)
        if last_label is not None:
            # answer part: the first paragraph at least, until a trailing run of asking paragraphs
            if inbreng_in_buf is not None:
                cut = inbreng_in_buf
            else:
                cut = len(paras)
                k = len(paras) - 1
                while k >= 1 and (ASKS.search(" ".join(paras[k])) or _is_heading(paras[k])):
                    cut = k
                    k -= 1
                if next_label is None:
                    cut = len(paras)
            a_txt = fold(" ".join(" ".join(p) for p in paras[:cut]))
            ans.append(Answer(last_label[0], fold((last_label[1] + " " + a_txt).strip())))
            q_paras = paras[cut:]
        else:
            q_paras = paras
        if next_label is not None:
            q_txt = fold(" ".join(" ".join(p) for p in q_paras if not _is_heading(p)))
            qs.append(Question(next_label[0], q_txt, party))
        buf = []
        inbreng_in_buf = None

    for kind, text, rest in segs:
        if kind == "inbreng":
            party = text
            # an Inbreng heading ends the answer before it
            inbreng_in_buf = len(_paragraphs(buf))
            buf.append("")
            continue
        if kind == "label":
            close((text, rest))
            last_label = (text, rest)
            continue
        buf.append(text)
    close(None)
    doc.questions, doc.answers = qs, ans
