"""bench/run.py at a tiny scale against the test database: the data builder,
every measurement and the JSON keys (no timing assertions: the figures are
BENCHMARKS.md's business)."""

from __future__ import annotations

import json

import pytest

from bench import measure, run
from tracker.models import Commitment, QuestionSet, StatusChange


@pytest.mark.django_db
def test_the_benchmark_builds_a_tiny_data_set_and_reports_every_figure():
    # one ingest worker: forked workers' own connections cannot see the test's transaction
    result = measure.run_all("tiny", log=lambda msg: None, ingest_workers=1)

    for key in measure.RESULT_KEYS:
        assert isinstance(result[key], (int, float)), key
    assert result["counts"]["question_sets"] == 300
    assert QuestionSet.objects.count() >= 300
    assert Commitment.objects.count() >= 100
    assert result["ingest_statuses"].get("stored") == 6
    assert result["list_requests"] == 10
    # the reference loop and the job agree on the rule, and the reference left nothing behind
    daily, naive = result["flag_overdue_details"], result["flag_overdue_naive_details"]
    assert naive["question_sets_overdue"] == daily["question_sets_overdue"]
    assert naive["commitments_overdue"] == daily["commitments_overdue"]
    assert not StatusChange.objects.filter(job__name="flag_overdue_naive").exists()
    assert result["digest_sent"] > 0
    json.loads(json.dumps(result, default=str))


def test_the_large_scale_refuses_sqlite(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///var/bench-elsewhere.sqlite3")
    with pytest.raises(SystemExit):
        run.configure_database("large")
    assert "PostgreSQL-only" in capsys.readouterr().err


def test_the_benchmark_never_fills_a_database_without_bench_in_its_name(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tracker")
    with pytest.raises(SystemExit):
        run.configure_database("small")
    assert "must contain 'bench'" in capsys.readouterr().err
