"""Named people and papers for the job tests (healthchecks' hc/test.py shape)."""

import datetime as dt

import pytest

from tests.factories import CommitmentFactory, DocumentFactory, MinistryFactory, OfficeFactory, QuestionSetFactory
from tracker.models import DigestSubscription

AMSTERDAM_MONDAY_0830 = "2021-03-01 08:30 +01:00"  # Monday of ISO week 2021-W09, after DIGEST_HOUR


@pytest.fixture
def foreign_affairs():
    return OfficeFactory(title="Minister van Buitenlandse Zaken", ministry=MinistryFactory(name="Buitenlandse Zaken"))


@pytest.fixture
def justice():
    return OfficeFactory(
        title="Minister van Justitie en Veiligheid", ministry=MinistryFactory(name="Justitie en Veiligheid")
    )


@pytest.fixture
def belarus(foreign_affairs):
    """The Belarus questions of Ploumen (PvdA): submitted 19 January 2021, answered 8 March 2021."""
    return QuestionSetFactory(
        subject="Vragen over de ontwikkelingen in Belarus",
        submitted=dt.date(2021, 1, 19),
        received=dt.date(2021, 3, 8),
        askers=[("Ploumen", "PvdA")],
        offices=[foreign_affairs],
    )


@pytest.fixture
def coc_meeting(foreign_affairs):
    """A letter of 23 January 2014 promising a meeting with the COC on 3 February 2014."""
    letter = DocumentFactory(kind="letter", date=dt.date(2014, 1, 23), dossier="32 735", number="100")
    return CommitmentFactory(
        source_document=letter,
        actor_office=foreign_affairs,
        sentence="Ik zal op 3 februari a.s. met het COC spreken.",
        due_date=dt.date(2014, 2, 3),
        due_precision="day",
        confirmed=True,
    )


def subscribe(email, *, ministries=(), parties=(), dossiers=(), send_empty=False):
    sub = DigestSubscription.objects.create(email=email, dossiers=list(dossiers), send_empty=send_empty)
    sub.ministries.set(ministries)
    sub.parties.set(parties)
    return sub
