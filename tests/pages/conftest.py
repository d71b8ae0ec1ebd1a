"""Fixtures for the review pages: logged-in clients per role, the seeds ingested."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import SAMPLES
from tests.pages.browsing import browser, page, recesses  # noqa: F401  the browser tests' fixtures


@pytest.fixture
def reviewer(viewer):
    """A logged-in viewer (lezer): reads everything, changes nothing."""
    client = Client()
    client.force_login(viewer)
    return client


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def seeded(db):
    """The five seed papers, ingested as `manage.py ingest documents/samples` does."""
    from tracker.ingest.run import ingest_paths

    report = ingest_paths([SAMPLES])
    assert report.to_json()["failed"] == []
    return report
