"""The flow of one paper: read → clean → kind → extract (see ARCHITECTURE.md).

``parse_file`` / ``parse_bytes`` never raise: any failure becomes
``doc.error`` (one line naming the problem; the caller adds the file name)
with kind "unknown".
"""

from __future__ import annotations

import re

from .clean import clean_document, read_identifier
from .extract import extract_all
from .kinds import detect
from .kinds import parse as parse_kind
from .model import ParsedDocument
from .read import DEFAULT_MAX_BYTES, ParseError, Source, read_bytes, read_path


def parse_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, calendar=None) -> ParsedDocument:
    doc = ParsedDocument(source=str(path))
    try:
        src = read_path(path, max_bytes=max_bytes)
    except ParseError as e:
        return _failed(doc, str(e))
    except Exception as e:  # never raise
        return _failed(doc, f"cannot read file: {e.__class__.__name__}")
    return _parse_source(doc, src, calendar)


def parse_bytes(data: bytes, source: str = "", *, calendar=None) -> ParsedDocument:
    doc = ParsedDocument(source=str(source))
    try:
        src = read_bytes(data, source)
    except ParseError as e:
        return _failed(doc, str(e))
    except Exception as e:
        return _failed(doc, f"cannot read data: {e.__class__.__name__}")
    return _parse_source(doc, src, calendar)


def parse_text(text: str, source: str = "", *, calendar=None) -> ParsedDocument:
    """Parse text that is already decoded (tests, pasted text)."""
    return _parse_source(ParsedDocument(source=str(source)), Source(text, "txt"), calendar)


def _failed(doc: ParsedDocument, msg: str) -> ParsedDocument:
    doc.error = " ".join(str(msg).split()) or "unknown error"
    doc.kind = "unknown"
    return doc


def _parse_source(doc: ParsedDocument, src: Source, calendar) -> ParsedDocument:
    try:
        doc.raw_text = src.text
        cleaned = clean_document(src.text)
        text = cleaned.text
        if not text.strip():
            return _failed(doc, "no text after cleaning")
        meta = dict(cleaned.meta)
        for k, v in (src.meta or {}).items():  # XML/HTML metadata wins over what the text shows
            if k == "identifier":
                m = re.search(r"\b(?:ah|kst|kv|h|blg)-[\w-]+\d\b", v)
                if m:
                    sub: dict = {}
                    read_identifier(m.group(0), sub)
                    meta.update(sub)
            elif v:
                meta[k] = v
        doc.footnotes = {**cleaned.footnotes, **(src.footnotes or {})}
        doc.body = text
        doc.identifier = meta.get("identifier")
        doc.vergaderjaar = _vergaderjaar(meta.get("vergaderjaar"))
        doc.kind = detect(text)
        parse_kind(doc.kind, doc, text)
        # what the furniture told fills what the text did not
        if doc.kind in ("written_questions", "notice"):
            # the Aanhangsel number (a Kamerstuk's "nr." belongs to its dossier)
            aanhangsel = (doc.identifier or "").startswith("ah-") or not meta.get("dossier")
            if doc.number is None and meta.get("number") and aanhangsel:
                doc.number = meta["number"]
            if doc.kind == "written_questions":
                doc.dossier = None
        else:
            if doc.dossier is None and meta.get("dossier"):
                from .dossiers import canonical_or_as_written

                doc.dossier = canonical_or_as_written(meta["dossier"])
            if doc.number is None and meta.get("number"):
                doc.number = meta["number"]
        if doc.title is None and meta.get("title"):
            doc.title = meta["title"]
    except Exception as e:  # never raise
        return _failed(doc, f"parse failed: {e.__class__.__name__}: {str(e)[:120]}")
    if doc.kind == "unknown":
        return _failed(doc, "unknown kind of text: no written questions, notice, letter or consultation found")
    try:
        extract_all(doc, calendar)
    except Exception as e:
        doc.warnings.append(f"extract failed: {e.__class__.__name__}: {str(e)[:120]}")
    return doc


def _vergaderjaar(v):
    if not v:
        return None
    m = re.search(r"((?:19|20)\d\d)\s*[–—/-]\s*((?:19|20)?\d\d)", v)
    if not m:
        return None
    y2 = m.group(2)
    if len(y2) == 2:
        y2 = m.group(1)[:2] + y2
    return f"{m.group(1)}-{y2}"
