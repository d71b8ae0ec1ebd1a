"""bench/opendata.py's recording at a small size: the generator writes what the sync reads
(no timing here: the figures are BENCHMARKS.md's)."""

import datetime as dt

import pytest

from bench.opendata import generate
from tracker.models import OpenDataDocument, QuestionSet, RegistryCommitment
from tracker.opendata.sync import run


@pytest.mark.django_db
def test_the_benchmark_recording_replays_without_errors(tmp_path):
    counts = generate(tmp_path, 300)
    assert sum(counts.values()) == 300
    report = run(tmp_path, since=dt.date(2024, 1, 1))
    assert report.errors == [] and report.deleted == 1
    # the last two Zaak entries are a re-touch of the first and a tombstone of the second, so the Zaken
    # they stood for never come (nor the notice of the last one: its Zaak is unknown and it is no recent change)
    assert QuestionSet.objects.count() == counts["Zaak"] - 3
    assert OpenDataDocument.objects.filter(paper="done").count() == counts["Document"] - 1
    assert RegistryCommitment.objects.count() == counts["Toezegging"]
    assert run(tmp_path).to_json() == {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0, "errors": []}
