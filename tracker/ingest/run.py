"""Ingest papers: each file parsed and stored in its own transaction.

The flow (ARCHITECTURE.md): bytes → documents.parsing → Document row →
tracker.ingest.records. The same content twice stores nothing new ("unchanged"); a
different file for the same paper (same Aanhangsel number in its
vergaderjaar, or same dossier and number, or same publication id) updates
that paper's records ("updated"). A file that fails leaves nothing behind.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from documents.models import Document
from tracker.ingest.locks import lock_paper
from documents.parsing.model import ParsedDocument
from documents.parsing.pipeline import parse_bytes

PARSER_VERSION = "1"
SUFFIXES = {".txt", ".pdf", ".xml", ".html", ".htm"}


class IngestError(Exception):
    pass


@dataclass
class FileResult:
    source: str
    status: str  # stored | updated | unchanged | failed
    error: str = ""
    document_id: Optional[int] = None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    def to_json(self) -> dict:
        return {
            "stored": self.count("stored"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "failed": [{"source": r.source, "error": r.error} for r in self.failed],
        }


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files as given, folders recursively (sorted; hidden files skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(list(path.rglob("*"))):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing one over ``max_bytes`` before reading it whole."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("bestand bestaat niet") from None
    except OSError as exc:
        raise IngestError(f"niet te lezen: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise IngestError(f"te groot: {size} bytes, het maximum is {max_bytes} (MAX_DOCUMENT_BYTES)")
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"te groot: meer dan {max_bytes} bytes (MAX_DOCUMENT_BYTES)")
    return data


def identity_filter(parsed: ParsedDocument) -> Optional[dict]:
    """How a stored version of the same paper is found."""
    if parsed.dossier and parsed.number:
        return {"dossier": parsed.dossier, "number": str(parsed.number)}
    if parsed.kind in ("written_questions", "notice") and parsed.number and parsed.vergaderjaar:
        return {"vergaderjaar": parsed.vergaderjaar, "aanhangsel_number": str(parsed.number)}
    if parsed.identifier:
        return {"identifier": parsed.identifier}
    return None


def document_values(parsed: ParsedDocument) -> dict:
    kamerstuk = bool(parsed.dossier and parsed.number)
    aanhangsel = (not kamerstuk and parsed.kind in ("written_questions", "notice") and parsed.number
                  and parsed.vergaderjaar)
    return {
        "kind": parsed.kind,
        "identifier": (parsed.identifier or "")[:100],
        "title": parsed.title or "",
        "vergaderjaar": (parsed.vergaderjaar or "")[:9],
        "aanhangsel_number": str(parsed.number) if aanhangsel else "",
        "dossier": parsed.dossier or "" if kamerstuk else "",
        "number": str(parsed.number) if kamerstuk else "",
        "date": parsed.date,
        "raw_text": parsed.raw_text,
        "clean_text": parsed.body,
        "parse_warnings": list(parsed.warnings),
        "parsed": parsed.to_json(),
        "parser_version": PARSER_VERSION,
    }


def ingest_bytes(data: bytes, source: str, *, calendar=None, file_name: Optional[str] = None) -> FileResult:
    """Parse and store one paper (its own transaction). Never raises for bad input."""
    from tracker.ingest import records
    digest = hashlib.sha256(data).hexdigest()
    known = Document.objects.filter(content_hash=digest).values_list("pk", flat=True).first()
    if known:
        return FileResult(source, "unchanged", document_id=known)
    parsed = parse_bytes(data, source, calendar=calendar)
    if parsed.error:
        return FileResult(source, "failed", error=parsed.error)
    try:
        return _store_parsed(data, source, digest, parsed, file_name)
    except IntegrityError:
        # a person, party or office the run remembered may have been deleted meanwhile: once more, asking
        records.forget_lookups()
    return _store_parsed(data, source, digest, parsed, file_name)


def _store_parsed(data: bytes, source: str, digest: str, parsed: ParsedDocument,
                  file_name: Optional[str]) -> FileResult:
    """The Document row and its records, in one transaction; an IntegrityError
    from the records is raised for ``ingest_bytes`` to try once more."""
    from tracker.ingest import records
    from tracker.domain.corrections import apply_parser_value, corrected_fields

    try:
        with transaction.atomic():
            lock_paper(parsed)  # papers that may belong together wait for each other
            ident = identity_filter(parsed)
            doc = Document.objects.select_for_update().filter(**ident).first() if ident else None
            question_set, looked_up = None, False
            if doc is None and not (parsed.dossier and parsed.number):
                doc, question_set = records.find_stored_version(parsed)
                looked_up = doc is None  # a new paper: its set (or none) is known now
            status = "updated" if doc else "stored"
            if doc is None:
                doc = Document(content_hash=digest)
            corrected = corrected_fields(doc)
            for name, value in document_values(parsed).items():
                apply_parser_value(doc, name, value, corrected)
            doc.content_hash = digest
            doc.size = len(data)
            doc.source_name = (file_name or os.path.basename(source))[:300]
            doc.file.save(doc.source_name, ContentFile(data), save=False)
            doc.save()
            records.store(doc, parsed, question_set=question_set, new=status == "stored", looked_up=looked_up)
    except IntegrityError as exc:
        if Document.objects.filter(content_hash=digest).exists():  # another worker stored it meanwhile
            return FileResult(source, "unchanged", document_id=Document.objects.get(content_hash=digest).pk)
        if records.knows_lookups():
            raise
        return FileResult(source, "failed", error=f"strijdig met een opgeslagen document: {exc}".splitlines()[0])
    return FileResult(source, status, document_id=doc.pk)


def ingest_file(path: Path, *, calendar=None) -> FileResult:
    try:
        data = read_limited(path, settings.MAX_DOCUMENT_BYTES)
    except IngestError as exc:
        return FileResult(str(path), "failed", error=str(exc))
    return ingest_bytes(data, str(path), calendar=calendar)


def ingest_paths(paths: Iterable[str | os.PathLike], *,
                 progress: Optional[Callable[[int, FileResult], None]] = None, workers: int = 1) -> IngestReport:
    """Ingest files and folders; ``workers`` > 1 stores papers in that many
    processes at once (PostgreSQL only: SQLite takes one writer; papers that
    may belong together still wait for each other, tracker/ingest/locks.py)."""
    from django.db import connection

    from tracker.ingest import records
    from tracker.domain.calendar import db_calendar

    calendar = db_calendar()
    report = IngestReport()
    files = list(iter_paths(paths))
    if workers > 1 and connection.vendor == "postgresql" and len(files) > 1:
        results = _ingest_in_workers(files, calendar, workers)
    else:
        results = (_ingest_one(path, calendar) for path in files)
    with records.lookups():  # people, parties and offices looked up once for the run
        for i, result in enumerate(results, 1):
            report.results.append(result)
            if progress:
                progress(i, result)
    return report


def _ingest_one(path: Path, calendar) -> FileResult:
    if path.suffix.lower() not in SUFFIXES and path.exists():
        return FileResult(str(path), "failed",
                          error=f"onbekend bestandstype {path.suffix or '(geen)'}; verwacht .txt, .pdf, .xml of .html")
    return ingest_file(path, calendar=calendar)


_worker_calendar = None


def _worker_start(calendar) -> None:
    """In each worker process: its own database connection (made on first use) and run of lookups."""
    global _worker_calendar
    from tracker.ingest import records
    _worker_calendar = calendar
    records.begin_lookups()


def _worker_ingest(path: Path) -> FileResult:
    return _ingest_one(path, _worker_calendar)


def _ingest_in_workers(files: list[Path], calendar, workers: int) -> Iterator[FileResult]:
    """Results in the order of ``files``, from ``workers`` forked processes."""
    import multiprocessing

    from django.db import connections

    connections.close_all()  # a forked child must not share the parent's socket
    with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start, initargs=(calendar,)) as pool:
        yield from pool.imap(_worker_ingest, files, chunksize=4)
