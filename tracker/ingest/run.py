"""Ingest papers: each file parsed and stored in its own transaction.

The flow (ARCHITECTURE.md): bytes → documents.parsing → Document row → a
``UnitOfWork`` for the paper (tracker/ingest/unit.py) handed to each step:
people, references, fulfilment statements, the question set or notice,
requests, commitments, fulfilment suggestions. The same content twice
stores nothing new ("unchanged"); a different file for the same paper (same
Aanhangsel number in its vergaderjaar, or same dossier and number, or same
publication id, or for a paper without a number: the same set's paper, the
same dated letter) updates that paper's records ("updated"). A file that
fails leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import queue
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, connections, models, transaction

from documents.models import Document, Origin
from documents.parsing.model import ParsedDocument
from documents.parsing.pipeline import parse_bytes
from tracker.domain import commitment_index
from tracker.domain.calendar import db_calendar
from tracker.ingest.commitments import commitments_from_requests, save_made, store_commitments
from tracker.ingest.fulfilment import store_fulfilment_statements, suggest_fulfilments
from tracker.ingest.locks import flush, lock_paper
from tracker.ingest.notices import store_notice
from tracker.ingest.people import preload_people, store_minister_roles
from tracker.ingest.question_sets import WRITTEN_KINDS, find_question_set, store_question_set, store_requests
from tracker.ingest.references import store_references
from tracker.ingest.rows import Rows
from tracker.ingest.unit import Lookups, UnitOfWork
from tracker.models import (
    Answer,
    Asker,
    Commitment,
    FulfilmentStatement,
    Membership,
    MinisterRole,
    Postponement,
    Question,
    QuestionSet,
    Reference,
    Request,
    StatusChange,
)

PARSER_VERSION = "1"
SUFFIXES = {".txt", ".pdf", ".xml", ".html", ".htm"}


class IngestError(Exception):
    pass


@dataclass
class FileResult:
    source: str
    status: str  # stored | updated | unchanged | failed
    error: str = ""
    document_id: int | None = None


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
            for child in sorted(path.rglob("*")):
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


def identity_filter(parsed: ParsedDocument) -> dict | None:
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
    aanhangsel = (
        not kamerstuk and parsed.kind in ("written_questions", "notice") and parsed.number and parsed.vergaderjaar
    )
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


def find_stored_version(parsed: ParsedDocument) -> tuple[Document | None, QuestionSet | None]:
    """A stored paper this one is a new version of, for papers without a
    number of their own (text copied without its header): the same set's
    question or answer paper, the same notice, the same dated letter. Also
    the question set found on the way (for the unit of work)."""
    if parsed.kind in ("written_questions", "notice"):
        qs = find_question_set(None, parsed)
        if qs is None:
            return None, None
        if parsed.kind == "notice":
            p = qs.postponements.filter(date=parsed.date).select_related("document").first()
            return (p.document if p else None), qs
        if parsed.answers:
            answer_doc = qs.answer_document
            same_day = answer_doc is not None and answer_doc.date == parsed.date
            return (answer_doc if same_day else None), qs
        return qs.question_document, qs
    if parsed.kind == "letter" and parsed.date and parsed.title:
        return Document.objects.filter(kind="letter", date=parsed.date, title=parsed.title).first(), None
    return None, None


def expected_rows(parsed: ParsedDocument) -> dict[type[models.Model], int]:
    """The rows a new paper like ``parsed`` makes, by model (their ids are reserved in advance)."""
    answers, questions, askers = len(parsed.answers), len(parsed.questions), len(parsed.askers)
    with_set = parsed.kind in WRITTEN_KINDS or parsed.kind == "notice"
    promises = len(parsed.commitments) + len(parsed.requests)
    return {
        Document: 1,
        MinisterRole: len(parsed.ministers),
        Reference: len(parsed.references),
        FulfilmentStatement: len(parsed.fulfilments),
        QuestionSet: int(with_set),
        Asker: askers,
        Membership: askers,
        QuestionSet.addressed_to.through: len(parsed.addressed_to) or len(parsed.ministers),
        Question: questions,
        Answer: answers,
        Answer.questions.through: questions + answers,
        Request: len(parsed.requests),
        Commitment: promises,
        Commitment.asker_parties.through: promises * askers,
        Postponement: int(parsed.kind == "notice"),
        StatusChange: int(with_set),
    }


def store(unit: UnitOfWork) -> None:
    """Store what the paper says (inside the caller's transaction), step by step."""
    preload_people(unit)
    with commitment_index.batch():  # bulk writes send no signals: the index is refreshed once, at the end
        store_minister_roles(unit)
        store_references(unit)
        store_fulfilment_statements(unit)
        qs, answered = None, []
        if unit.parsed.kind in WRITTEN_KINDS:
            qs = store_question_set(unit)
            answered = store_requests(unit, qs)
        elif unit.parsed.kind == "notice":
            store_notice(unit)
        store_commitments(unit)
        commitments_from_requests(unit, answered)
        save_made(unit, qs)
        suggest_fulfilments(unit)
    unit.share_finds()


def stored_with_hash(digest: str) -> int | None:
    """The id of the stored paper with this content hash (a statement written out: it runs for every file)."""
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {q('id')} FROM {q(Document._meta.db_table)} WHERE {q('content_hash')} = %s", [digest])
        row = cursor.fetchone()
    return row[0] if row else None


def ingest_bytes(
    data: bytes,
    source: str,
    *,
    calendar=None,
    file_name: str | None = None,
    lookups: Lookups | None = None,
    wait_for_disk: bool = True,
    origin: tuple[str, str] = (Origin.UNKNOWN, ""),
) -> FileResult:
    """Parse and store one paper (its own transaction). Never raises for bad
    input. ``origin``: where the paper came from (Document.Origin and a detail:
    who uploaded it, the folder, the open-data number), kept from its first arrival. ``lookups``: the people, parties and offices of the run this paper
    is part of; ``wait_for_disk=False``: the commit does not wait for the
    disk (a run that ends with ``locks.flush()``)."""
    lookups = lookups if lookups is not None else Lookups()
    digest = hashlib.sha256(data).hexdigest()
    known = stored_with_hash(digest)
    if known:
        return FileResult(source, "unchanged", document_id=known)
    parsed = parse_bytes(data, source, calendar=calendar)
    if parsed.error:
        return FileResult(source, "failed", error=parsed.error)
    try:
        return _store_parsed(data, source, digest, parsed, file_name, lookups, wait_for_disk, origin)
    except IntegrityError:
        # a person, party or office the run remembered may have been deleted meanwhile: once more, asking
        lookups.forget()
    return _store_parsed(data, source, digest, parsed, file_name, lookups, wait_for_disk, origin)


def _store_parsed(
    data: bytes,
    source: str,
    digest: str,
    parsed: ParsedDocument,
    file_name: str | None,
    lookups: Lookups,
    wait_for_disk: bool,
    origin: tuple[str, str] = (Origin.UNKNOWN, ""),
) -> FileResult:
    """The Document row and its records, in one transaction; an IntegrityError
    from the records is raised for ``ingest_bytes`` to try once more while
    the run knew something."""
    try:
        with transaction.atomic():
            rows = Rows()
            items, params, tables = rows.reserve_sql(expected_rows(parsed))  # ids, with the locks
            # papers that may belong together wait for each other
            rows.reserved(tables, lock_paper(parsed, wait_for_disk=wait_for_disk, also=(items, params)))
            ident = identity_filter(parsed)
            doc = Document.objects.select_for_update().filter(**ident).first() if ident else None
            question_set, looked_up = None, False
            if doc is None and not (parsed.dossier and parsed.number):
                doc, question_set = find_stored_version(parsed)
                looked_up = doc is None  # a new paper: its set (or none) is known now
            new = doc is None
            unit = UnitOfWork(
                doc=doc or Document(content_hash=digest),
                parsed=parsed,
                new=new,
                run=lookups,
                rows=rows,
                question_set=question_set,
                set_looked_up=looked_up,
            )
            doc = unit.doc
            unit.corrections.apply(doc, document_values(parsed))
            doc.content_hash = digest
            doc.size = len(data)
            doc.source_name = (file_name or os.path.basename(source))[:300]
            if not doc.origin:
                doc.origin, doc.origin_detail = origin[0], origin[1][:300]
            doc.file.save(doc.source_name, ContentFile(data), save=False)
            if new:
                rows.add(doc)
            else:
                doc.save()
            store(unit)
    except IntegrityError as exc:
        stored = stored_with_hash(digest)
        if stored:  # another worker stored it meanwhile
            return FileResult(source, "unchanged", document_id=stored)
        if lookups.knows_anything():
            raise
        return FileResult(source, "failed", error=f"strijdig met een opgeslagen document: {exc}".splitlines()[0])
    return FileResult(source, "stored" if new else "updated", document_id=doc.pk)


def ingest_file(
    path: Path,
    *,
    calendar=None,
    lookups: Lookups | None = None,
    wait_for_disk: bool = True,
    origin: tuple[str, str] | None = None,
) -> FileResult:
    try:
        data = read_limited(path, settings.MAX_DOCUMENT_BYTES)
    except IngestError as exc:
        return FileResult(str(path), "failed", error=str(exc))
    return ingest_bytes(
        data,
        str(path),
        calendar=calendar,
        lookups=lookups,
        wait_for_disk=wait_for_disk,
        origin=origin or (Origin.FOLDER, str(path.parent)),
    )


def ingest_paths(
    paths: Iterable[str | os.PathLike],
    *,
    progress: Callable[[int, FileResult], None] | None = None,
    workers: int = 1,
    origin: tuple[str, str] | None = None,
) -> IngestReport:
    """Ingest files and folders; ``workers`` > 1 stores papers in that many
    processes at once (PostgreSQL only: SQLite takes one writer; papers that
    may belong together still wait for each other, tracker/ingest/locks.py).
    People, parties and offices are looked up once for the run (per process).
    A paper's commit does not wait for the disk; the run does, once, before
    it reports (``locks.flush``)."""
    calendar = db_calendar()
    report = IngestReport()
    files = list(iter_paths(paths))
    if workers > 1 and connection.vendor == "postgresql" and len(files) > 1:
        results = _ingest_in_workers(files, calendar, workers, origin)
    else:
        lookups = Lookups()
        results = (_ingest_one(path, calendar, lookups, origin) for path in files)
    for i, result in enumerate(results, 1):
        report.results.append(result)
        if progress:
            progress(i, result)
    flush()
    return report


def _ingest_one(path: Path, calendar, lookups: Lookups, origin: tuple[str, str] | None = None) -> FileResult:
    if path.suffix.lower() not in SUFFIXES and path.exists():
        return FileResult(
            str(path),
            "failed",
            error=f"onbekend bestandstype {path.suffix or '(geen)'}; verwacht .txt, .pdf, .xml of .html",
        )
    return ingest_file(path, calendar=calendar, lookups=lookups, wait_for_disk=False, origin=origin)


def _worker(calendar, tasks, results, origin=None) -> None:
    """One worker process: papers from ``tasks`` until None, (index, result) into ``results``; its own
    database connection (made on first use) and run of lookups."""
    lookups = Lookups()
    try:
        for index, path in iter(tasks.get, None):
            try:
                results.put((index, _ingest_one(path, calendar, lookups, origin)))
            except Exception:
                results.put((index, traceback.format_exc()))
                return
    finally:
        connections.close_all()


def _ingest_in_workers(files: list[Path], calendar, workers: int, origin=None) -> Iterator[FileResult]:
    """Results in the order of ``files``, from ``workers`` forked processes."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    for item in enumerate(files):
        tasks.put(item)
    for _ in range(workers):
        tasks.put(None)
    connections.close_all()  # a forked child must not share the parent's socket
    processes = [
        context.Process(target=_worker, args=(calendar, tasks, results, origin), daemon=True) for _ in range(workers)
    ]
    for process in processes:
        process.start()
    waiting: dict[int, FileResult] = {}
    try:
        for index in range(len(files)):
            while index not in waiting:
                try:
                    done, result = results.get(timeout=5)
                except queue.Empty:
                    if not any(p.is_alive() for p in processes):
                        raise RuntimeError("ingest: every worker process ended before all files were done") from None
                    continue
                if isinstance(result, str):
                    raise RuntimeError(f"ingest: a worker failed on {files[done]}:\n{result}")
                waiting[done] = result
            yield waiting.pop(index)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
