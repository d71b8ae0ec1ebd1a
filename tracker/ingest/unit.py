"""One paper being stored: the unit of work, handed to every step.

``tracker.ingest.run`` makes a ``UnitOfWork`` inside the paper's transaction and
passes it explicitly to each step (people, question sets, notices,
commitments, references, fulfilment). It holds the Document and what the
parser read, and what the steps wrote or looked up for this paper, so a later
step never reads back what an earlier one just wrote. Nothing here lives
beyond the paper except the run's ``Lookups`` (people, parties, offices and
memberships), which learn what a paper found only when its transaction
commits: a rolled-back paper's new rows never existed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from documents.models import Document
from documents.parsing.model import ParsedDocument
from tracker.ingest.corrected import CorrectionBook
from tracker.ingest.rows import Rows
from tracker.models import (
    Answer,
    Asker,
    Commitment,
    Membership,
    Office,
    Party,
    Person,
    Question,
    QuestionSet,
    StatusChange,
)


@dataclass
class Lookups:
    """People, parties, offices and memberships known to a run of papers (one
    process: ``ingest_paths``, or a worker until it ends): a run of 1,000
    papers by the same ministers and members looks each up once."""

    people: dict[str, Person] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    #: (person id, party id) → the membership row as last seen
    memberships: dict[tuple[int, int], Membership] = field(default_factory=dict)

    def knows_anything(self) -> bool:
        return bool(self.people or self.parties or self.offices or self.memberships)

    def forget(self) -> None:
        """Drop everything (a row it knew was deleted meanwhile)."""
        self.people.clear()
        self.parties.clear()
        self.offices.clear()
        self.memberships.clear()

    def learn_on_commit(self, found: Lookups) -> None:
        """What one paper found joins the run when the paper's transaction commits."""
        transaction.on_commit(lambda: self._learn(found))

    def _learn(self, found: Lookups) -> None:
        self.people.update(found.people)
        self.parties.update(found.parties)
        self.offices.update(found.offices)
        self.memberships.update(found.memberships)


@dataclass
class UnitOfWork:
    """One paper in its transaction: the Document, what the parser read, and what was stored for it."""

    doc: Document
    parsed: ParsedDocument
    #: the Document was inserted just now: nothing hangs from it yet, nothing needs reading back
    new: bool
    #: the run's people, parties, offices (read); ``found``: this paper's own finds (shared on commit)
    run: Lookups = field(default_factory=Lookups)
    found: Lookups = field(default_factory=Lookups)
    corrections: CorrectionBook = field(default_factory=CorrectionBook)
    rows: Rows = field(default_factory=Rows)  # the rows it makes, written together

    #: the set this paper is about, when the run already looked it up (``set_looked_up``)
    question_set: QuestionSet | None = None
    set_looked_up: bool = False
    new_set: bool = False
    subject: str | None = None

    # what the steps wrote
    answering: Office | None = None  # the office of the answering minister or signatory
    ministers_offices: list[Office] = field(default_factory=list)  # the offices of the paper's ministers
    cited: set[int] | None = None  # stored papers this one cites (known for a new paper)
    citing: list[int] | None = None  # stored papers that cited this one before it arrived (new paper)
    statements: list[str] = field(default_factory=list)
    askers: list[Asker] = field(default_factory=list)  # the set's askers, as the paper names them
    questions: dict[str, Question] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    #: the paper's commitments known here: its stored ones (an older version's), then the new ones in
    #: ``made``, which ``commitments.save_made`` inserts in one statement
    commitments: list[Commitment] = field(default_factory=list)
    made: list[Commitment] = field(default_factory=list)
    dismissed: set[str] = field(default_factory=set)  # keys of finds staff deleted as false
    #: looked up once for the paper: the office a named minister held, the promises a letter may re-date
    held: dict[tuple[str, str], Office | None] = field(default_factory=dict)
    memberships_read: set[int] = field(default_factory=set)  # people whose memberships were all read
    redate_candidates: list[Commitment] | None = None

    @property
    def offices(self) -> set[int]:
        return {o.pk for o in self.ministers_offices}

    def share_finds(self) -> None:
        self.run.learn_on_commit(self.found)

    def record(self, obj: models.Model, event: str, new, *, on: dt.date | None) -> StatusChange:
        """A lifecycle event of ``obj`` this paper is the evidence of, as
        ``tracker.domain.lifecycle.log`` records it, written with the paper's rows."""
        return self.rows.add(
            StatusChange(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                event=event,
                old_value="",
                new_value=new.isoformat() if hasattr(new, "isoformat") else str(new or ""),
                on=on,
                evidence=self.doc,
            )
        )
