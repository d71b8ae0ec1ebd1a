"""The measurements of bench/run.py (issue 10), as functions the smoke test
can call against the test database: ``run_all(scale)`` → the result dict."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from django.core import mail
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from . import dataset
from .naive import flag_overdue_naive
from .texts import TextGenerator

#: processes storing papers at once for ``ingest_docs_per_s`` on PostgreSQL: one per core of the target machine
INGEST_WORKERS = 2

RESULT_KEYS = (
    "parse_docs_per_s",
    "ingest_docs_per_s",
    "flag_overdue_first_s",
    "flag_overdue_s",
    "flag_overdue_naive_s",
    "list_p95_ms",
    "list_queries",
    "api_p95_ms",
    "api_queries",
    "digest_s_per_1000",
)


def _now():
    return time.perf_counter()


def machine() -> dict:
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover
        load = []
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg": load,
    }


# ---------------------------------------------------------------- parse and ingest


def bench_parse(n: int) -> float:
    from documents.parsing.pipeline import parse_bytes

    docs = [(f"gen-{i}.txt", text.encode("utf-8")) for i, (_k, text) in enumerate(TextGenerator(seed=1).many(n))]
    parse_bytes(docs[0][1], docs[0][0])  # warm up: lazy imports, compiled patterns
    start = _now()
    failed = 0
    for name, data in docs:
        failed += bool(parse_bytes(data, name).error)
    elapsed = _now() - start
    if failed:
        raise RuntimeError(f"{failed} generated texts failed to parse")
    return n / elapsed


def bench_ingest(n: int, workers: int = 1, seed: int = 2) -> tuple[float, dict]:
    """``ingest_paths`` (as ``manage.py ingest --workers N`` runs it) over ``n``
    new generated papers written to a folder: parse and store, each paper its
    own transaction."""
    from tracker.ingest.run import ingest_paths

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-ingest-"))
    try:
        for i, (_kind, text) in enumerate(TextGenerator(seed=seed).many(n)):
            (folder / f"ingest-{seed}-{i:05d}.txt").write_text(text, encoding="utf-8")
        start = _now()
        report = ingest_paths([folder], workers=workers)
        elapsed = _now() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    statuses = {status: report.count(status) for status in ("stored", "updated", "unchanged", "failed")}
    if report.failed:
        raise RuntimeError(f"ingest failed for generated texts: {report.to_json()['failed'][:3]}")
    return n / elapsed, statuses


def bench_ingest_round_trips(n: int, seed: int = 4) -> float:
    """Statements sent to the database per paper (BEGIN and COMMIT included) while
    ``ingest_paths`` stores ``n`` new generated papers in this process (counted
    apart from the timed runs: counting makes Django log every statement)."""
    from tracker.ingest.run import ingest_paths

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-ingest-"))
    try:
        for i, (_kind, text) in enumerate(TextGenerator(seed=seed).many(n)):
            (folder / f"ingest-{seed}-{i:05d}.txt").write_text(text, encoding="utf-8")
        with CaptureQueriesContext(connection) as ctx:
            report = ingest_paths([folder])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if report.failed:
        raise RuntimeError(f"ingest failed for generated texts: {report.to_json()['failed'][:3]}")
    return len(ctx.captured_queries) / n


# ---------------------------------------------------------------- flag_overdue


def bench_flag_overdue(today: dt.date) -> dict:
    """The first run (yesterday: records every past overdue item), then the
    naive loop and the real job for today, on the same rows (the naive run
    is rolled back)."""
    from tracker.jobs.flag_overdue import flag_overdue

    yesterday = today - dt.timedelta(days=1)
    start = _now()
    first = flag_overdue(yesterday)
    first_s = _now() - start

    with transaction.atomic():
        start = _now()
        naive_counts = flag_overdue_naive(today)
        naive_s = _now() - start
        transaction.set_rollback(True)

    start = _now()
    daily = flag_overdue(today)
    daily_s = _now() - start
    return {
        "flag_overdue_first_s": first_s,
        "flag_overdue_s": daily_s,
        "flag_overdue_naive_s": naive_s,
        "flag_overdue_speedup": naive_s / max(daily_s, 1e-9),
        "flag_overdue_first_details": first.details,
        "flag_overdue_details": daily.details,
        "flag_overdue_naive_details": naive_counts,
    }


def remeasure_flag_overdue(today: dt.date | None = None) -> dict:
    """``bench_flag_overdue`` once more on a database bench/run.py filled, without building it
    again (11–18 minutes at the large scale): what flag_overdue wrote (its overdue records, its
    runs, ``overdue_since``) is taken away and the tables vacuumed, as the build leaves them;
    review dates it set stay. For a database whose name contains "bench" only."""
    from tracker.models import Commitment, JobRun, QuestionSet, StatusChange

    if "bench" not in connection.settings_dict["NAME"]:
        raise RuntimeError(f"{connection.settings_dict['NAME']}: not a benchmark database (its name lacks 'bench')")
    today = today or timezone.localdate()
    StatusChange.objects.filter(event=StatusChange.Event.OVERDUE).delete()
    JobRun.objects.filter(name__startswith="flag_overdue").delete()
    for model in (QuestionSet, Commitment):
        model.objects.filter(overdue_since__isnull=False).update(overdue_since=None)
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            for table in ("tracker_questionset", "tracker_commitment", "tracker_statuschange", "tracker_jobrun"):
                cur.execute(f"VACUUM (ANALYZE) {table}")
    return {
        "today": today.isoformat(),
        "machine": machine(),
        **bench_flag_overdue(today),
        "load_avg_end": machine()["load_avg"],
    }


# ---------------------------------------------------------------- list pages


def list_urls(n: int) -> list[str]:
    from tracker.models import Ministry, Office, Party, Person, QuestionSet

    ministries = list(Ministry.objects.values_list("pk", flat=True)) or [0]
    offices = list(Office.objects.values_list("pk", flat=True)) or [0]
    parties = list(Party.objects.values_list("pk", flat=True)) or [0]
    ministers = list(
        Person.objects.filter(minister_roles__isnull=False).distinct().values_list("pk", flat=True)[:10]
    ) or [0]
    newest = QuestionSet.objects.order_by("-submitted").values_list("submitted", flat=True).first() or dt.date.today()
    year_ago = (newest - dt.timedelta(days=365)).isoformat()
    urls = []
    for k in range(n):
        m, o, p, pm = (
            ministries[k % len(ministries)],
            offices[k % len(offices)],
            parties[k % len(parties)],
            ministers[k % len(ministers)],
        )
        c = [
            "/commitments/",
            "/commitments/?status=overdue",
            "/commitments/?status=open",
            f"/commitments/?ministry={m}",
            f"/commitments/?status=overdue&ministry={m}&sort=-date",
            "/commitments/?status=to_confirm",
            f"/commitments/?office={o}",
            f"/commitments/?party={p}",
            f"/commitments/?minister={pm}",
            "/commitments/?dossier=32735",
            "/commitments/?has_deadline=false",
            f"/commitments/?due_from={year_ago}&sort=-due",
            "/commitments/?q=stikstof",
            "/commitments/?q=jeugdzorg&status=open",
            "/commitments/?status=fulfilled&sort=ministry&page=2",
            "/commitments/?page=last",
        ]
        q = [
            "/questions/",
            "/questions/?status=overdue",
            "/questions/?status=open",
            f"/questions/?ministry={m}",
            f"/questions/?status=answered_late&ministry={m}",
            "/questions/?status=answered_on_time&sort=-received",
            f"/questions/?office={o}",
            f"/questions/?party={p}",
            "/questions/?kind=written_consultation",
            f"/questions/?submitted_from={year_ago}&sort=due",
            "/questions/?q=belarus",
            "/questions/?q=de%20vries",
            "/questions/?page=2",
            "/questions/?page=last",
        ]
        pool = c if k % 2 == 0 else q
        urls.append(pool[(k // 2) % len(pool)])
    return urls


def bench_lists(n: int) -> dict:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=dataset.BENCH_USER))
    for warm in ("/commitments/", "/questions/"):
        client.get(warm)
    times, queries, slowest = [], [], []
    for url in list_urls(n):
        with CaptureQueriesContext(connection) as ctx:
            start = _now()
            response = client.get(url)
            elapsed = (_now() - start) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
        times.append(elapsed)
        queries.append(len(ctx.captured_queries))
        slowest.append((round(elapsed, 1), len(ctx.captured_queries), url))
    times.sort()
    p95 = times[min(len(times) - 1, max(0, int(round(0.95 * len(times))) - 1))]
    slowest.sort(reverse=True)
    return {
        "list_p95_ms": p95,
        "list_median_ms": statistics.median(times),
        "list_queries": max(queries),
        "list_requests": len(times),
        "list_slowest": slowest[:5],
    }


def api_urls(n: int) -> list[str]:
    """The list pages' URLs as the JSON API takes them: same filters, same counts (issue 19)."""
    out = []
    for url in list_urls(n):
        if url.startswith("/commitments/"):
            out.append("/api/v1/commitments/" + url[len("/commitments/") :])
        else:
            out.append("/api/v1/question-sets/" + url[len("/questions/") :])
    return out


def bench_api(n: int) -> dict:
    """The read-only JSON API over the same filters as the lists: time and queries per page."""
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=dataset.BENCH_USER))
    client.get("/api/v1/commitments/")
    times, queries, slowest = [], [], []
    for url in api_urls(n):
        with CaptureQueriesContext(connection) as ctx:
            start = _now()
            response = client.get(url, HTTP_ACCEPT="application/json")
            elapsed = (_now() - start) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
        times.append(elapsed)
        queries.append(len(ctx.captured_queries))
        slowest.append((round(elapsed, 1), len(ctx.captured_queries), url))
    times.sort()
    slowest.sort(reverse=True)
    return {
        "api_p95_ms": times[min(len(times) - 1, max(0, int(round(0.95 * len(times))) - 1))],
        "api_median_ms": statistics.median(times),
        "api_queries": max(queries),
        "api_requests": len(times),
        "api_slowest": slowest[:3],
    }


# ---------------------------------------------------------------- digests


def bench_digests(today: dt.date) -> dict:
    from tracker.digests.delivery import send_digests
    from tracker.models import DigestSubscription

    mail.outbox = []
    subs = DigestSubscription.objects.filter(active=True).count()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        start = _now()
        run = send_digests(today, force=True, connection=mail.get_connection())
        elapsed = _now() - start
    sent = len(mail.outbox)
    size = sum(len(m.body) for m in mail.outbox) // max(1, sent)
    mail.outbox = []
    return {
        "digest_s_per_1000": elapsed * 1000 / max(1, subs),
        "digest_subscribers": subs,
        "digest_sent": sent,
        "digest_avg_text_chars": size,
        "digest_details": run.details,
    }


# ---------------------------------------------------------------- all


def run_all(scale_name: str, today: dt.date | None = None, log=print, ingest_workers: int = INGEST_WORKERS) -> dict:
    """Every figure; ``ingest_workers`` 1 where the workers' own connections could not see the data (a test's
    transaction)."""
    scale = dataset.SCALES[scale_name]
    today = today or timezone.localdate()
    result: dict = {
        "scale": scale_name,
        "database": connection.vendor,
        "today": today.isoformat(),
        "machine": machine(),
    }
    start = _now()
    log(f"building the {scale_name} data set ({scale.question_sets} question sets) into {connection.vendor} …")
    result["counts"] = dataset.build(scale, today, log=log)
    result["build_s"] = _now() - start
    log(f"  built in {result['build_s']:.1f} s")

    log(f"parsing {scale.parse_docs} generated papers …")
    result["parse_docs_per_s"] = bench_parse(scale.parse_docs)
    log(f"ingesting {scale.ingest_docs} generated papers, one worker …")
    one, result["ingest_statuses"] = bench_ingest(scale.ingest_docs, workers=1, seed=2)
    result["ingest_docs_per_s_one_worker"] = one
    if connection.vendor == "postgresql" and ingest_workers > 1:  # SQLite takes one writer at a time
        log(f"ingesting {scale.ingest_docs} more, {ingest_workers} workers (ingest --workers {ingest_workers}) …")
        result["ingest_docs_per_s"], result["ingest_statuses_workers"] = bench_ingest(
            scale.ingest_docs, workers=ingest_workers, seed=3
        )
        result["ingest_workers"] = ingest_workers
    else:
        result["ingest_docs_per_s"], result["ingest_workers"] = one, 1
    result["ingest_round_trips_per_paper"] = bench_ingest_round_trips(min(50, scale.ingest_docs))

    log("flag_overdue: first run, naive reference, daily run …")
    result.update(bench_flag_overdue(today))

    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # what autovacuum does after the job (migration 0007: at 1% of a table changed), before staff
        # open the lists: the first flag_overdue run changed every overdue set and commitment
        log("vacuum the tables the jobs and ingest changed, as autovacuum does …")
        with connection.cursor() as cur:
            for table in (
                "tracker_questionset",
                "tracker_commitment",
                "tracker_commitment_asker_parties",
                "documents_document",
                "tracker_statuschange",
            ):
                cur.execute(f"VACUUM (ANALYZE) {table}")
    log(f"list pages: {scale.list_requests} requests …")
    result.update(bench_lists(scale.list_requests))
    log(f"JSON API: {scale.list_requests} requests …")
    result.update(bench_api(scale.list_requests))

    log(f"digests to {scale.subscribers} subscribers …")
    result.update(bench_digests(today))
    result["machine"]["load_avg_end"] = machine()["load_avg"]
    for key, value in list(result.items()):
        if isinstance(value, float):
            result[key] = round(value, 4 if value < 1 else 1)
    return result
