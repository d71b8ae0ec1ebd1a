"""Input formats and refusals (documents/parsing/read.py through the pipeline)."""

import io
import os
import zipfile

import pytest

from documents.parsing.pipeline import parse_bytes, parse_file
from documents.parsing.read import ParseError, read_bytes

from ._util import FIXTURES

QUESTIONS = (
    "Vragen van het lid Ploumen (PvdA) aan de Minister van Buitenlandse Zaken over de "
    "ontwikkelingen in Belarus (ingezonden 19 januari 2021).\n\n"
    "Antwoord van Minister Blok (Buitenlandse Zaken) (ontvangen 8 maart 2021).\n\n"
    "Vraag 1\nHeeft u kennis genomen van het bericht over de geïnterneerde oppositie?\n\n"
    "Antwoord 1\nJa, daar heb ik kennis van genomen.\n"
)


def _check(doc):
    assert doc.error is None
    assert doc.kind == "written_questions"
    assert [(a.name, a.party) for a in doc.askers] == [("Ploumen", "PvdA")]
    assert doc.questions[0].text.startswith("Heeft u kennis genomen van het bericht over de geïnterneerde")
    assert str(doc.received) == "2021-03-08"


def test_plain_utf8_text_is_read():
    _check(parse_bytes(QUESTIONS.encode("utf-8"), "q.txt"))


def test_utf8_with_byte_order_mark_is_read():
    _check(parse_bytes(b"\xef\xbb\xbf" + QUESTIONS.encode("utf-8"), "q.txt"))


def test_cp1252_text_is_read():
    _check(parse_bytes(QUESTIONS.encode("cp1252"), "q.txt"))


def test_windows_line_endings_are_read():
    _check(parse_bytes(QUESTIONS.replace("\n", "\r\n").encode("utf-8"), "q.txt"))


def test_officielebekendmakingen_xml_gives_text_and_metadata():
    doc = parse_file(os.path.join(FIXTURES, "ah-tk-20232024-1949.xml"))
    assert doc.error is None and doc.kind == "written_questions"
    assert doc.identifier == "ah-tk-20232024-1949"
    assert doc.number == "1949" and doc.vergaderjaar == "2023-2024"
    assert [(a.name, a.party) for a in doc.askers] == [("Dijk", "SP"), ("Bikker", "ChristenUnie")]
    assert [q.number for q in doc.questions] == ["1", "2"]
    assert doc.questions[0].text == "Bent u bekend met het bericht over de wachtlijsten?"
    assert doc.footnotes["1"] == "NOS, 1 april 2024"
    assert "aanpak van de wachtlijsten" in doc.questions[1].text


def test_officielebekendmakingen_html_drops_script_and_style():
    doc = parse_file(os.path.join(FIXTURES, "ah-tk-20232024-1949.html"))
    assert doc.error is None and doc.kind == "written_questions"
    assert doc.identifier == "ah-tk-20232024-1949"
    assert [q.number for q in doc.questions] == ["1", "2"]
    assert [a.number for a in doc.answers] == ["1", "2"]
    assert "alert" not in doc.body and "document.write" not in doc.body and "font-family" not in doc.body
    assert doc.questions[0].text == "Bent u bekend met het bericht over de wachtlijsten?"


def test_text_copied_from_a_web_page_with_metadata_on_top():
    page = (
        "Kamervragen (Aanhangsel) 2023-2024, nr. 1949\n"
        "Identificatienummer: ah-tk-20232024-1949\n"
        "Vergaderjaar: 2023-2024\n\n" + QUESTIONS
    )
    doc = parse_bytes(page.encode("utf-8"), "copied.txt")
    _check(doc)
    assert doc.identifier == "ah-tk-20232024-1949" and doc.number == "1949"
    assert "Identificatienummer" not in doc.body


def test_pdf_text_layer_is_read():
    doc = parse_file(os.path.join(FIXTURES, "samples", "1b38043f-a835-4a63-a135-42c593d3ba77.pdf"))
    assert doc.error is None and doc.kind == "written_questions"


def test_empty_file_is_refused_with_a_reason(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    doc = parse_file(str(p))
    assert doc.kind == "unknown" and "empty" in doc.error


def test_random_bytes_named_pdf_are_refused():
    doc = parse_bytes(os.urandom(4000).replace(b"%PDF", b"xxxx"), "x.pdf")
    assert doc.kind == "unknown" and "not a PDF" in doc.error


def test_zip_named_pdf_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hallo")
    doc = parse_bytes(buf.getvalue(), "x.pdf")
    assert "ZIP" in doc.error and doc.kind == "unknown"


def test_truncated_pdf_is_refused():
    with open(os.path.join(FIXTURES, "samples", "1b38043f-a835-4a63-a135-42c593d3ba77.pdf"), "rb") as fh:
        data = fh.read()
    doc = parse_bytes(data[: len(data) // 3], "cut.pdf")
    assert doc.kind == "unknown" and "PDF" in doc.error


def test_pdf_without_text_layer_is_refused():
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    doc = parse_bytes(buf.getvalue(), "scan.pdf")
    assert doc.kind == "unknown" and "no text layer" in doc.error


def test_nul_bytes_are_refused_as_binary():
    doc = parse_bytes(b"Vragen van het lid\x00\x00\x00 X", "x.txt")
    assert "NUL" in doc.error


def test_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 5000)
    import builtins

    real_open = builtins.open

    def no_open(path, *a, **k):
        if str(path) == str(p):
            raise AssertionError("the file was opened")
        return real_open(path, *a, **k)

    monkeypatch.setattr(builtins, "open", no_open)
    doc = parse_file(str(p), max_bytes=1000)
    assert "too large" in doc.error and doc.kind == "unknown"


def test_missing_file_gives_an_error_not_an_exception(tmp_path):
    doc = parse_file(str(tmp_path / "nope.pdf"))
    assert doc.error == "file not found"


def test_errors_are_one_line():
    doc = parse_bytes(b"%PDF-1.4\n garbage %%EOF", "x.pdf")
    assert doc.error and "\n" not in doc.error


def test_read_bytes_raises_parse_error_for_the_pipeline():
    with pytest.raises(ParseError):
        read_bytes(b"", "x.txt")


def test_text_of_an_unknown_kind_is_refused_with_the_reason():
    doc = parse_bytes(b"Een recept voor appeltaart met kaneel en rozijnen.\nBak veertig minuten.", "r.txt")
    assert doc.kind == "unknown" and "unknown kind" in doc.error
