"""The eleven real Aanhangsel answers (2023–2024), with what a reader sees in each PDF.

Every row was read by eye from the PDF's text: the Aanhangsel number under
the heading, the "ah-tk-..." id in the first-page footer, the "ingezonden"
and "ontvangen" dates, the askers with their parties, the answering minister
or state secretary, and the "Vraag N" / "Antwoord N" labels as printed.
"""

import datetime as dt
import os

import pytest

from documents.parsing.pipeline import parse_file

from ._util import FIXTURES

D = dt.date

ROWS = [
    # file, number, submitted, received, askers, answerer (name, office), co-answerer offices, question labels, answer labels, see also
    (
        "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf",
        "2271",
        D(2024, 6, 21),
        D(2024, 8, 12),
        [("Westerveld", "GroenLinks-PvdA")],
        ("Karremans", "Staatssecretaris van Volksgezondheid, Welzijn en Sport"),
        [],
        [str(i) for i in range(1, 13)],
        [str(i) for i in range(1, 13)],
        ["2147"],
    ),
    (
        "1aa9bd01-68a1-4a4a-a808-5b0183bc217a.pdf",
        "1076",
        D(2023, 11, 20),
        D(2024, 2, 20),
        [("Van Haga", "Groep Van Haga")],
        ("De Jonge", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        [],
        ["1", "2", "3", "4", "5"],
        ["1", "2", "3", "4", "5"],
        ["594"],
    ),
    (
        "1b38043f-a835-4a63-a135-42c593d3ba77.pdf",
        "1292",
        D(2024, 3, 11),
        D(2024, 3, 21),
        [("Keijzer", "BBB")],
        ("De Jonge", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        [],
        [str(i) for i in range(1, 11)],
        [str(i) for i in range(1, 11)],
        [],
    ),
    (
        "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0.pdf",
        "1432",
        D(2024, 3, 7),
        D(2024, 4, 5),
        [("Van Zanten", "BBB")],
        ("Gräper-van Koolwijk", "Staatssecretaris van Onderwijs, Cultuur en Wetenschap"),
        [],
        [str(i) for i in range(1, 7)],
        [str(i) for i in range(1, 7)],
        ["1379"],
    ),
    (
        "1b650dd7-71d6-4b8f-8625-36c000046742.pdf",
        "1481",
        D(2024, 2, 12),
        D(2024, 4, 11),
        [("Koekkoek", "Volt")],
        ("Van Huffelen", "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"),
        ["Staatssecretaris van Volksgezondheid, Welzijn en Sport", "Staatssecretaris van Justitie en Veiligheid"],
        ["1", "2", "3", "4", "5", "6"],
        ["1", "2", "3", "4", "5 en 6"],
        ["1137"],
    ),
    (
        "1b922783-f576-4df5-a031-ad0063d2afd4.pdf",
        "2395",
        D(2024, 8, 15),
        D(2024, 8, 30),
        [("Crijns", "PVV")],
        ("Karremans", "Staatssecretaris van Volksgezondheid, Welzijn en Sport"),
        [],
        ["1", "2", "3", "4", "5"],
        ["1", "2", "3", "4", "5"],
        [],
    ),
    (
        "1bd47dc8-229e-4a1a-a405-8e2672436e1f.pdf",
        "1893",
        D(2024, 4, 18),
        D(2024, 6, 3),
        [("Klaver", "GroenLinks-PvdA")],
        ("Bruins Slot", "Minister van Buitenlandse Zaken"),
        [],
        [str(i) for i in range(1, 8)],
        [str(i) for i in range(1, 8)],
        [],
    ),
    (
        "1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf",
        "1178",
        D(2024, 1, 16),
        D(2024, 3, 7),
        [("Sneller", "D66")],
        ("Van Huffelen", "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"),
        [],
        [str(i) for i in range(1, 10)],
        [str(i) for i in range(1, 10)],
        ["1028"],
    ),
    (
        "1c7587f8-1c7c-4912-9319-290e19c99d85.pdf",
        "1980",
        D(2024, 5, 7),
        D(2024, 6, 13),
        [("Dobbe", "SP")],
        ("Helder", "Minister van Volksgezondheid, Welzijn en Sport"),
        [],
        [str(i) for i in range(1, 7)],
        [str(i) for i in range(1, 7)],
        ["1848"],
    ),
    (
        "1c83f4f5-0047-4b11-8051-e11def445937.pdf",
        "1984",
        D(2024, 5, 29),
        D(2024, 6, 14),
        [("Van Eijk", "VVD"), ("Aartsen", "VVD")],
        ("Van Rij", "Staatssecretaris van Financiën"),
        ["Minister van Sociale Zaken en Werkgelegenheid"],
        ["1", "2", "3", "4", "5", "6", "7", "8", "9 en 10", "11"],
        ["1", "2", "3", "4", "5", "6", "7", "8", "9 en 10", "11"],
        [],
    ),
    (
        "1cf0c343-2da4-429d-8a6d-729da6008af1.pdf",
        "2168",
        D(2024, 6, 18),
        D(2024, 7, 17),
        [("Erkens", "VVD")],
        ("Hermans", "Minister van Klimaat en Groene Groei"),
        [],
        [str(i) for i in range(1, 11)],
        [str(i) for i in range(1, 11)],
        [],
    ),
]


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def get(fn):
        if fn not in cache:
            cache[fn] = parse_file(os.path.join(FIXTURES, "samples", fn))
        return cache[fn]

    return get


@pytest.mark.parametrize("row", ROWS, ids=[r[0][:8] for r in ROWS])
def test_sample_answer_pdf_reads_as_the_paper_shows(row, parsed):
    fn, number, submitted, received, askers, answerer, co_offices, q_labels, a_labels, see_also = row
    doc = parsed(fn)
    assert doc.error is None
    assert doc.kind == "written_questions"
    assert doc.number == number
    assert doc.identifier == f"ah-tk-20232024-{number}"
    assert doc.vergaderjaar == "2023-2024"
    assert doc.dossier is None
    assert doc.submitted == submitted
    assert doc.received == received
    assert doc.date == received
    assert [(a.name, a.party) for a in doc.askers] == askers
    ans = [m for m in doc.ministers if m.role == "answerer"]
    assert [(m.name, m.office) for m in ans] == [answerer]
    assert [m.office for m in doc.ministers if m.role == "co_answerer"] == co_offices
    assert [q.number for q in doc.questions] == q_labels
    assert [a.number for a in doc.answers] == a_labels
    assert [s.number for s in doc.see_also] == see_also
    assert all(q.text for q in doc.questions) and all(a.text for a in doc.answers)


@pytest.mark.parametrize("row", ROWS, ids=[r[0][:8] for r in ROWS])
def test_sample_pdf_texts_carry_no_page_furniture(row, parsed):
    doc = parsed(row[0])
    for item in doc.questions + doc.answers:
        assert "ISSN" not in item.text
        assert "Tweede Kamer, vergaderjaar" not in item.text
        assert "ah-tk-" not in item.text
        assert "Aanhangsel van de Handelingen" not in item.text


def test_sample_pdf_footnote_is_kept_apart_and_its_marker_taken_off():
    doc = parse_file(os.path.join(FIXTURES, "samples", "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf"))
    assert doc.footnotes["1"].startswith("Staatssecretaris Blokhuis over anorexiazorg")
    assert doc.questions[0].text.endswith("«code zwart» is?")
    assert "Kamerstukken II" not in doc.answers[1].text
