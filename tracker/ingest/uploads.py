"""Papers uploaded on /documents/upload/, ingested like the ingest command.

The view saves the files under MEDIA_ROOT/uploads/<run>/ and creates a
JobRun(name="ingest_upload") listing them; ``run_upload(run_id)`` ingests
them with tracker.ingest.run.ingest_paths and stores the same report the
command prints (IngestReport.to_json()) in JobRun.details["report"]. With a
broker the Celery task ``ingest_upload`` runs it on a worker (registered by
tracker/config/celery.py: autodiscover_tasks(related_name="upload_tasks")); without
one the view calls ``run_upload`` in the request.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from tracker.models import JobRun

NAME = "ingest_upload"


#: an uploaded file's own name is kept to this many characters, its extension included
MAX_NAME_CHARS = 120


def upload_dir(run_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "uploads" / str(run_id)


def safe_upload_name(original: str, limit: int = MAX_NAME_CHARS) -> str:
    """The file's own name, safe on disk (Django's get_valid_filename) and at most
    ``limit`` characters: a long name loses the end of its stem, never its extension."""
    from django.utils.text import get_valid_filename

    raw = Path(original.replace("\\", "/")).name
    try:
        name = get_valid_filename(raw)
    except Exception:  # SuspiciousFileOperation: "", "." or ".."
        name = ""
    name = name.lstrip(".") or "bestand"
    path = Path(name)
    suffix = path.suffix if 1 < len(path.suffix) <= 10 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem[: max(1, limit - len(suffix))] + suffix


def shown_name(run: JobRun, source: str) -> str:
    """What the upload report shows for a file: its own name, never a server path."""
    stored = Path(str(source)).name
    return run.details.get("names", {}).get(stored) or stored


def run_upload(run_id: int) -> JobRun:
    """Ingest the files of one upload; idempotent (a second run finds them unchanged)."""
    from documents.models import Origin
    from tracker.ingest.run import ingest_paths

    run = JobRun.objects.get(pk=run_id)
    if run.status == JobRun.Status.DONE:
        return run
    folder = upload_dir(run_id)
    paths = [folder / name for name in run.details.get("files", [])]
    try:
        who = run.details.get("by", "")
        report = ingest_paths(paths, origin=(Origin.UPLOAD, f"door {who}" if who else ""))
    except Exception as exc:  # recorded for the page; the task's retry policy sees it too
        JobRun.objects.filter(pk=run_id).update(
            status=JobRun.Status.FAILED, error=_no_paths(str(exc), folder)[:2000], finished_at=timezone.now()
        )
        raise
    details = dict(run.details)
    report_json = report.to_json()
    report_json["failed"] = [
        {"source": shown_name(run, f["source"]), "error": _no_paths(f["error"], folder)} for f in report_json["failed"]
    ]
    details["report"] = report_json
    details["results"] = [
        {
            "source": shown_name(run, r.source),
            "status": r.status,
            "error": _no_paths(r.error, folder),
            "document_id": r.document_id,
        }
        for r in report.results
    ]
    with transaction.atomic():
        JobRun.objects.filter(pk=run_id).update(
            status=JobRun.Status.DONE,
            details=details,
            finished_at=timezone.now(),
            changed=report.count("stored") + report.count("updated"),
        )
    shutil.rmtree(folder, ignore_errors=True)  # the stored Documents keep their own copy
    run.refresh_from_db()
    return run


def _no_paths(text, folder: Path):
    """An error message without the server's folders."""
    if not text:
        return text
    for prefix in (str(folder) + "/", str(folder), str(Path(settings.MEDIA_ROOT)) + "/", str(settings.BASE_DIR) + "/"):
        text = text.replace(prefix, "")
    return text


@shared_task(
    name="tracker.ingest.uploads.ingest_upload",
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=30,
    max_retries=5,
)
def ingest_upload(run_id: int) -> dict:
    run = run_upload(run_id)
    return {"job_run": run.pk, "status": run.status, "report": run.details.get("report")}
