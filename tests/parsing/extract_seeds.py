"""Hand-made ParsedDocuments from the seed texts, for the extraction tests.

A small stand-in for the structural parser (documents/parsing/kinds): it
splits written questions into Vraag/Antwoord blocks, a consultation into its
numbered answers (answer paragraphs are set narrower in the PDF) and takes the
body of a letter. Footnote lines ("1 https://...") are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from documents.parsing.model import Answer, Minister, ParsedDocument, Question

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
if not SEEDS.exists():  # the project bundles copies of the seeds
    SEEDS = Path(__file__).resolve().parents[2] / "documents" / "samples"

FOOTNOTE = re.compile(r"^\s*\d{1,2} (?:https?://|Kamerstuk|[A-Z]).*$|^\s*(?:persecution|coalition)-.*$", re.M)
FOOTER = re.compile(r"^Tweede Kamer, vergaderjaar .*$", re.M)


def seed_text(stem: str) -> str:
    return next(SEEDS.glob(stem + "*.txt")).read_text(encoding="utf-8")


def _strip(text: str) -> str:
    text = FOOTER.sub("", text)
    text = FOOTNOTE.sub("", text)
    return text


def written_questions(stem: str, date: dt.date, minister=("Blok", "Minister van Buitenlandse Zaken")) -> ParsedDocument:
    text = _strip(seed_text(stem))
    doc = ParsedDocument(
        source=stem, kind="written_questions", date=date, ministers=[Minister(minister[0], minister[1], "answerer")]
    )
    parts = re.split(r"^\s*(Vraag|Antwoord) ([\d, en]+?)\s*$", text, flags=re.M)
    for i in range(1, len(parts) - 1, 3):
        kind, number, body = parts[i], parts[i + 1].strip(), parts[i + 2].strip()
        if kind == "Vraag":
            doc.questions.append(Question(number, body))
        else:
            doc.answers.append(Answer(number, body))
    doc.body = text
    return doc


def letter(stem: str, date: dt.date, signatory: str, dossier: str, number: str) -> ParsedDocument:
    text = _strip(seed_text(stem))
    start = text.index("Den Haag")
    start = text.index("\n", start)
    end = text.rfind("De Minister van")
    return ParsedDocument(
        source=stem,
        kind="letter",
        date=date,
        dossier=dossier,
        number=number,
        ministers=[Minister(signatory, "Minister van Buitenlandse Zaken", "signatory")],
        body=text[start:end].strip(),
        raw_text=seed_text(stem),
    )


def consultation(stem: str = "004") -> ParsedDocument:
    raw = seed_text(stem)
    text = _strip(raw)
    doc = ParsedDocument(source=stem, kind="written_consultation", dossier="26 150", number="187", raw_text=raw)
    chunks = re.split(r"^\s*(\d+)\. Antwoord (?:op vragen )?van het kabinet:\s*$", text, flags=re.M)
    question_text = chunks[0]
    for i in range(1, len(chunks) - 1, 2):
        number, chunk = chunks[i], chunks[i + 1]
        doc.questions.append(Question(number, question_text.strip()))
        answer, rest, in_answer = [], [], True
        for par in re.split(r"\n\s*\n", chunk):
            width = max((len(line) for line in par.splitlines()), default=0)
            if in_answer and (width <= 68 and "?" not in par or not par.strip()):
                answer.append(par)
            else:
                in_answer = False
                rest.append(par)
        doc.answers.append(Answer(number, "\n\n".join(answer).strip()))
        question_text = "\n\n".join(rest)
    doc.body = text
    return doc


def all_seeds() -> dict[str, ParsedDocument]:
    return {
        "000": written_questions("000", dt.date(2019, 2, 15)),
        "001": letter("001", dt.date(2014, 1, 23), "F.C.G.M. Timmermans", "32 735", "100"),
        "002": written_questions("002", dt.date(2021, 3, 8)),
        "003": letter("003", dt.date(2020, 9, 17), "S.A. Blok", "32 735", "312"),
        "004": consultation("004"),
    }
