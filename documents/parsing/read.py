"""Bytes of a file → text, with the size and type checks that come first.

Formats: plain text (UTF-8, UTF-8 with BOM, cp1252 / latin-1, any line
ending), PDF (the text layer, read with pypdf; pages joined with a form
feed so the cleaner knows where a page ends), and the XML and HTML that
officielebekendmakingen publishes (read with lxml; script and style dropped;
metadata such as ``DC.identifier`` / ``dcterms:identifier``,
``OVERHEIDop.dossiernummer``, ``OVERHEIDop.ondernummer`` and
``OVERHEIDop.vergaderjaar`` kept apart as :class:`Source` metadata).

Every refusal is a :class:`ParseError` with one line naming the reason.
"""

from __future__ import annotations

import io
import logging
import os
import re
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

PAGE_BREAK = "\f"


class ParseError(Exception):
    """A file that cannot be read or parsed; ``str(e)`` is one line for doc.error."""


@dataclass
class Source:
    text: str
    format: str  # txt | pdf | xml | html
    meta: dict = field(default_factory=dict)  # identifier, dossier, number, vergaderjaar, title
    footnotes: dict = field(default_factory=dict)


# ---------------------------------------------------------------- files


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file from disk; the size is checked with os.stat before reading."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ParseError("file not found") from None
    except OSError as e:
        raise ParseError(f"cannot read file: {e.strerror or e.__class__.__name__}") from None
    if os.path.isdir(path):
        raise ParseError("is a directory, not a file")
    if st.st_size > max_bytes:
        raise ParseError(f"file too large: {st.st_size} bytes (limit {max_bytes})")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise ParseError(f"cannot read file: {e.strerror or e.__class__.__name__}") from None
    if len(data) > max_bytes:  # grew between stat and read
        raise ParseError(f"file too large: more than {max_bytes} bytes")
    return read_bytes(data, path)


def read_bytes(data: bytes, source: str = "") -> Source:
    """Detect the format from the bytes (and the name) and return the text."""
    if data is None or len(data) == 0:
        raise ParseError("empty file")
    ext = os.path.splitext(source or "")[1].lower()
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:5] == b"%PDF-" or (b"%PDF-" in data[:1024] and ext == ".pdf"):
        return Source(_pdf_text(data), "pdf")
    if ext == ".pdf":
        if data[:4] == b"PK\x03\x04":
            raise ParseError("not a PDF: a ZIP archive named .pdf")
        raise ParseError("not a PDF: the file has no %PDF header")
    if data[:4] == b"PK\x03\x04":
        raise ParseError("unsupported format: a ZIP archive (e.g. .docx); expected txt, pdf, xml or html")
    lowered = head[:400].lower()
    if ext in (".html", ".htm", ".xhtml") or lowered.startswith(b"<!doctype html") or lowered.startswith(b"<html"):
        return _markup(data, html=True)
    if ext == ".xml" or lowered.startswith(b"<?xml"):
        return _markup(data, html=b"<html" in lowered)
    text = decode_text(data)
    return Source(text, "txt")


# ---------------------------------------------------------------- text


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 / latin-1.

    Refuses binary data: NUL bytes or many control characters."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ParseError("binary data: undecodable UTF-16 text") from None
    else:
        if b"\x00" in data:
            raise ParseError("binary data: the file contains NUL bytes")
        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    _refuse_binary(text)
    return text


# counted with the regex engine, not a Python loop per character (bench/: a sixth of a parse)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")  # str.isalpha, give or take numeric signs such as "½"


def _refuse_binary(text: str) -> None:
    if not text.strip():
        raise ParseError("empty file: no text")
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if bad > max(8, len(sample) // 50):
        raise ParseError("binary data: not text (too many control characters)")
    letters = len(_LETTER.findall(sample))
    if letters < len(sample.strip()) * 0.3:
        raise ParseError("binary data: not text (too few letters)")


# ---------------------------------------------------------------- pdf


def _pdf_text(data: bytes) -> str:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        import pypdf
    except ImportError:  # pragma: no cover
        raise ParseError("cannot read PDF: pypdf is not installed") from None
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        # a cut-off download: pypdf may read a page or two, but not the paper
        raise ParseError("truncated PDF: no end-of-file marker")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ParseError("encrypted PDF: cannot read the text") from None
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except ParseError:
        raise
    except Exception as e:  # pypdf raises many kinds on damaged files
        raise ParseError(f"unreadable PDF: {e.__class__.__name__}") from None
    text = PAGE_BREAK.join(pages)
    if not pages:
        raise ParseError("PDF has no pages")
    if sum(ch.isalpha() for ch in text) < 20:
        raise ParseError("PDF has no text layer (a scan or image only)")
    return text


# ---------------------------------------------------------------- xml / html

#: elements whose text runs on within a line
INLINE = {
    "a",
    "abbr",
    "b",
    "big",
    "cite",
    "code",
    "em",
    "font",
    "i",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
    "q",
    "mark",
    "time",
    "var",
    "bdi",
    "bdo",
    # officielebekendmakingen
    "nadruk",
    "extref",
    "intref",
    "noot-ref",
    "nootref",
    "inf",
    "unl",
    "vet",
    "cur",
    "super",
    "afkorting",
    # names, dates and subjects inside a sentence ("Vragen van het lid <naam><achternaam>Omtzigt</achternaam></naam>
    # (CDA) aan de <functie>Minister van ...</functie> over <kamervraagonderwerp>...</kamervraagonderwerp>
    # (ingezonden <datum isodatum=...>17 februari 2015</datum>)"); in a signature (<ondertekening>) they are lines
    "naam",
    "voorletters",
    "achternaam",
    "voornaam",
    "tussenvoegsel",
    "aanhef-naam",
    "datum",
    "kamervraagonderwerp",
    "partij",
    "functie",
    "organisatie",
    "ondernummer",
    "dossiernr",
}
#: parents whose children each stand on their own line, inline or not
LINE_PARENTS = {"ondertekening", "ondertekenaar", "handtekening", "slotformulering", "kamervraagkop"}
DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "meta",
    "link",
    "title",
}
FOOTNOTE = {"noot", "footnote"}

_META_KEYS = {
    "dc.identifier": "identifier",
    "dcterms.identifier": "identifier",
    "identifier": "identifier",
    "overheidop.dossiernummer": "dossier",
    "dossiernummer": "dossier",
    "overheidop.ondernummer": "number",
    "ondernummer": "number",
    "overheidop.aanhangselnummer": "number",
    "aanhangselnummer": "number",
    "overheidop.vergaderjaar": "vergaderjaar",
    "vergaderjaar": "vergaderjaar",
    "dc.title": "title",
    "dcterms.title": "title",
}


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _meta_key(el) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    prefix = ""
    if tag.startswith("{"):
        ns = tag[1:].split("}", 1)[0]
        if "purl.org/dc/terms" in ns:
            prefix = "dcterms."
        elif "purl.org/dc/elements" in ns:
            prefix = "dc."
        elif "overheid" in ns.lower():
            prefix = "overheidop."
    name = el.get("name") or el.get("property") or ""
    for cand in (name, prefix + _local(tag)):
        k = _META_KEYS.get(cand.lower().replace(":", "."))
        if k:
            return k
    return None


def _markup(data: bytes, html: bool) -> Source:
    try:
        from lxml import etree
        from lxml import html as lhtml
    except ImportError:  # pragma: no cover
        raise ParseError("cannot read XML/HTML: lxml is not installed") from None
    try:
        if html:
            root = lhtml.document_fromstring(data)
        else:
            parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
            root = etree.fromstring(data, parser)
    except Exception as e:
        raise ParseError(f"unreadable {'HTML' if html else 'XML'}: {e.__class__.__name__}") from None
    if root is None:
        raise ParseError(f"unreadable {'HTML' if html else 'XML'}: no document element")
    meta: dict = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        k = _meta_key(el)
        if not k or k in meta:
            continue
        val = el.get("content")
        if val is None:
            val = "".join(el.itertext())
        val = " ".join((val or "").split())
        if val:
            meta[k] = val
    footnotes: dict = {}
    out: list[str] = []
    _walk(root, out, footnotes)
    text = "".join(out)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if sum(ch.isalpha() for ch in text) < 20:
        raise ParseError(f"{'HTML' if html else 'XML'} has no text")
    return Source(text, "html" if html else "xml", meta, footnotes)


def _walk(el, out: list, footnotes: dict) -> None:
    tag = _local(el.tag)
    if not isinstance(el.tag, str):  # comments, processing instructions
        if el.tail:
            out.append(el.tail)
        return
    if tag in DROP or _meta_key(el) in ("identifier", "dossier", "number", "vergaderjaar") and tag not in ("p", "div"):
        if el.tail:
            out.append(el.tail)
        return
    cls = (el.get("class") or "").lower().split() if tag in ("div", "p", "li", "aside", "section") else ()
    if tag in FOOTNOTE or ("noot" in cls and "voet" in cls) or "voetnoot" in cls or "footnote" in cls:
        # officielebekendmakingen HTML: <div class="voet noot"><p><span class="nootnum">1</span> text</p></div>
        txt = " ".join("".join(el.itertext()).split())
        m = re.match(r"^(\d{1,3})\s*(.*)$", txt)
        nr = el.get("nr") or (m.group(1) if m else str(len(footnotes) + 1))
        footnotes[nr] = m.group(2) if m else txt
        if el.tail:
            out.append(el.tail)
        return
    if tag in ("sup", "noot-ref", "nootref") and re.fullmatch(r"\s*\d{1,3}\s*", "".join(el.itertext())):
        if el.tail:  # a footnote marker: off the word
            out.append(el.tail)
        return
    parent = el.getparent() if hasattr(el, "getparent") else None
    block = tag not in INLINE or (parent is not None and _local(parent.tag) in LINE_PARENTS)
    if tag == "br" or block:
        out.append("\n")
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out, footnotes)
    if block:
        out.append("\n")
    if el.tail:
        out.append(el.tail)
