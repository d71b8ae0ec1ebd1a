"""Plain dataclasses for a parsed paper; ``to_json()`` is contract/PARSE_OUTPUT.md.

No Django here: the parser is plain Python so it can be run, tested and
benchmarked on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Asker:
    name: str
    party: str | None = None


@dataclass
class Minister:
    name: str | None
    office: str | None
    role: str  # answerer | co_answerer | signatory


@dataclass
class Question:
    number: str
    text: str
    party: str | None = None


@dataclass
class Answer:
    number: str
    text: str


@dataclass
class Commitment:
    text: str
    actor: str | None = None
    deadline_text: str | None = None
    due_date: dt.date | None = None
    answer_number: str | None = None
    # not in the contract's required keys, but allowed extras for the tracker
    rule: str = ""
    confidence: float = 1.0
    precision: str = "none"  # day | month | season | none


@dataclass
class Request:
    question_number: str
    text: str
    reply: str = "unclear"  # yes | no | partial | unclear


@dataclass
class Fulfilment:
    text: str
    rule: str = ""
    #: the papers the sentence itself names ("... aan de motie (Kamerstuk 21 501-02, nr. 1538)"):
    #: the promise it keeps, evidence for the tracker's suggestions (not in the JSON contract)
    references: list = field(default_factory=list)


@dataclass
class Reference:
    dossier: str
    number: str


@dataclass
class SeeAlso:
    vergaderjaar: str  # "2023-2024"
    number: str


@dataclass
class Notice:
    postpones: bool
    expected: dt.date | None = None
    answered_in: Reference | None = None


@dataclass
class ParsedDocument:
    source: str
    kind: str = "unknown"  # written_questions | notice | letter | written_consultation | unknown
    identifier: str | None = None
    title: str | None = None
    dossier: str | None = None
    number: str | None = None
    vergaderjaar: str | None = None  # "2023-2024", read from headers where shown
    date: dt.date | None = None
    submitted: dt.date | None = None
    received: dt.date | None = None
    askers: list[Asker] = field(default_factory=list)
    addressed_to: list[str] = field(default_factory=list)
    ministers: list[Minister] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    fulfilments: list[Fulfilment] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    see_also: list[SeeAlso] = field(default_factory=list)
    notice: Notice | None = None
    nader: bool = False  # a follow-up ("nader") answer
    partial: bool = False  # an answer saying the remaining questions follow later
    body: str = ""  # the clean text shown to staff
    raw_text: str = ""
    footnotes: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def answering_minister(self) -> Minister | None:
        for m in self.ministers:
            if m.role in ("answerer", "signatory"):
                return m
        return None

    def to_json(self) -> dict:
        """The contract's JSON object (every key present)."""

        def conv(v):
            if isinstance(v, dt.date):
                return v.isoformat()
            if dataclasses.is_dataclass(v) and not isinstance(v, type):
                return {k: conv(x) for k, x in dataclasses.asdict(v).items()}
            if isinstance(v, list):
                return [conv(x) for x in v]
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            return v

        out = {
            "source": self.source,
            "kind": self.kind,
            "identifier": self.identifier,
            "title": self.title,
            "dossier": self.dossier,
            "number": self.number,
            "date": conv(self.date),
            "submitted": conv(self.submitted),
            "received": conv(self.received),
            "askers": conv(self.askers),
            "addressed_to": list(self.addressed_to),
            "ministers": conv(self.ministers),
            "questions": conv(self.questions),
            "answers": conv(self.answers),
            "commitments": [
                {
                    "text": c.text,
                    "actor": c.actor,
                    "deadline_text": c.deadline_text,
                    "due_date": conv(c.due_date),
                    "answer_number": c.answer_number,
                    "rule": c.rule,
                    "confidence": c.confidence,
                    "precision": c.precision,
                }
                for c in self.commitments
            ],
            "requests": conv(self.requests),
            "fulfilments": [{"text": f.text} for f in self.fulfilments],
            "references": conv(self.references),
            "see_also": conv(self.see_also),
            "notice": conv(self.notice) if self.notice else None,
        }
        if self.error:
            out["error"] = self.error
            out["kind"] = "unknown"
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
