"""Fixtures for the feeds and the API: real papers ingested, a reader's feed key."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, SAMPLES

#: four sample papers (Tsjetsjenië answered, the Sotsji and Wit-Rusland letters, the consultation) and
#: the Belarus questions with their postponement notice but without the answer: one set still open
PAPERS = [
    *(p for p in sorted(SAMPLES.glob("*.txt")) if not p.name.startswith("002_")),
    FIXTURES / "lifecycle" / "belarus-vragen.txt",
    FIXTURES / "lifecycle" / "belarus-uitstel.txt",
]


@pytest.fixture
def papers(db):
    """The papers, ingested as `manage.py ingest` does."""
    from tracker.ingest.run import ingest_paths

    report = ingest_paths(PAPERS)
    assert report.to_json()["failed"] == []
    return report


@pytest.fixture
def key(viewer):
    """A viewer's feed key, as the Feeds page shows it once."""
    from tracker.feeds import tokens

    return tokens.renew(viewer)


@pytest.fixture
def reader(viewer):
    """A signed-in viewer."""
    from django.test import Client

    client = Client()
    client.force_login(viewer)
    return client
