"""One module per kind of paper, and :func:`detect` which picks the kind.

Order of the tests (the first that holds wins):
1. written_consultation: "Inbreng van de leden ...", "N. Antwoord van het
   kabinet", a heading "verslag van een schriftelijk overleg" / "lijst van
   vragen en antwoorden";
2. notice: a "Mededeling" about written questions, or a paper without
   "Vraag"/"Antwoord" items that says written questions cannot be answered in
   time or are answered elsewhere;
3. written_questions: "Vragen van het lid ... (ingezonden ...)" or
   "Vraag N"/"Antwoord N" items;
4. letter: "BRIEF VAN", "Aan de Voorzitter", "Den Haag, <datum>", a salutation
   opening the paper ("Geachte voorzitter,"), or a signature at its end ("De
   Staatssecretaris voor Europese Zaken,\nFrans Timmermans");
5. unknown.
"""

from __future__ import annotations

import re

from . import consultation, letter, notice, written_questions

CONSULTATION = re.compile(
    r"^Inbreng\s+van\s+de\s+leden\b|^(?:\d+\.\s*)?Antwoord\s+van\s+het\s+kabinet\b|VERSLAG\s+VAN\s+EEN\s+SCHRIFTELIJK\s+OVERLEG"
    r"|LIJST\s+VAN\s+VRAGEN\s+EN\s+ANTWOORDEN|^Verslag\s+van\s+een\s+schriftelijk\s+overleg|^Lijst\s+van\s+vragen\s+en\s+antwoorden",
    re.M,
)
QA_LABEL = re.compile(r"^(?:Vraag|Antwoord(?:\s+(?:op\s+)?vraag)?)\s+\d", re.M)
ANSWER_LABEL = re.compile(r"^Antwoord(?:\s+(?:op\s+)?vraag)?\s+\d", re.M)
MEDEDELING = re.compile(r"^Mededeling\b", re.M)
ABOUT_QUESTIONS = re.compile(
    r"\b(?:schriftelijke\s+vragen|Kamervragen|vragen\s+van\s+(?:het\s+lid|de\s+leden|lid)|"
    r"\(ingezonden\b|de\s+vragen\b)",
    re.I,
)
QUESTIONS_HEAD = re.compile(r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden|lid|leden)\b")
LETTER = re.compile(r"\bBRIEF\s+VAN\b|^Aan\s+de\s+Voorzitter\b|^(?:Den\s+Haag|[’'`]s-Gravenhage)\s*,", re.M)
#: the salutation of a letter, near its top: "Geachte voorzitter,", "Geachte Voorzitter, geachte leden,"
SALUTATION = re.compile(
    r"^Geachte\s+(?:[Vv]oorzitter|heer|mevrouw|dames\s+en\s+heren|leden|[Kk]amerleden)\b[^\n]{0,60},?\s*$", re.M
)

PARSERS = {
    "written_questions": written_questions.parse,
    "notice": notice.parse,
    "letter": letter.parse,
    "written_consultation": consultation.parse,
}


def detect(text: str) -> str:
    head = text[:4000]
    if len(CONSULTATION.findall(text[:200000])) >= 2 or re.search(
        r"VERSLAG\s+VAN\s+EEN\s+SCHRIFTELIJK\s+OVERLEG|LIJST\s+VAN\s+VRAGEN\s+EN\s+ANTWOORDEN", head
    ):
        return "written_consultation"
    has_answers = bool(ANSWER_LABEL.search(text))
    if (
        not has_answers
        and ABOUT_QUESTIONS.search(text)
        and (
            MEDEDELING.search(head)
            or (
                notice.NOT_IN_TIME.search(text)
                and len(text) < 6000
                and QUESTIONS_HEAD.search(head) is None
                and re.search(r"\bvragen\b", text, re.I)
            )
            or (
                notice.ANSWERED_ELSEWHERE.search(text)
                and len(text) < 4000
                and QUESTIONS_HEAD.search(text) is None
                and re.search(r"\bvragen\b", text, re.I)
            )
        )
    ):
        return "notice"
    if QUESTIONS_HEAD.search(head) or (QA_LABEL.search(text) and re.search(r"\bingezonden\b", text, re.I)):
        return "written_questions"
    if len(QA_LABEL.findall(text)) >= 2 and has_answers:
        return "written_questions"
    if (
        LETTER.search(head)
        or LETTER.search(text[-3000:])
        or SALUTATION.search(text[:1500])
        or letter.has_signature(text)
    ):
        return "letter"
    return "unknown"


def parse(kind: str, doc, text: str):
    fn = PARSERS.get(kind)
    if fn is None:
        return doc
    return fn(doc, text)
