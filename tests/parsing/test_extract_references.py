"""Kamerstuk citations (ANNOTATION.md, "Reference")."""

import pytest

from documents.parsing.dossiers import canonical as canonical_dossier
from documents.parsing.extract.references import document_references, find_references
from documents.parsing.model import ParsedDocument


def refs(text):
    return [(r.dossier, r.number) for r in find_references(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("(Kamerstuk 32 735, nr. 312)", [("32 735", "312")]),
        ("(Kamerstuk 32 735\nnr. 287).", [("32 735", "287")]),
        ("zoals beschreven in Kamerstuk 26\n407, nr. 134.", [("26 407", "134")]),
        ("zie 32 735, nr. 312.", [("32 735", "312")]),
        ("(Kamerstukken 30 \n196 en 31 793, nr. 708)", [("30 196", "708"), ("31 793", "708")]),
        ("(Kamerstuk 21 501-20, nr. 1440)", [("21 501-20", "1440")]),
        ("Kamerstuk 21 501–02, nr. 2295", [("21 501-02", "2295")]),
        ("Kamerstuk 35 300-V, nr. 3", [("35 300 V", "3")]),
        ("Kamerstukken II 2019/20, 35 300 V, nr. 3", [("35 300 V", "3")]),
        ("Kamerstuk 33 783, nrs. 23 en 35", [("33 783", "23"), ("33 783", "35")]),
    ],
)
def test_citation_forms(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Aanhangsel Handelingen II 2019/20, nr. 3225",
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843",
        "een bijdrage van EUR 8,5 miljoen",
        "op 13 maart 2019 en 25 november 2019",
    ],
)
def test_not_kamerstukken(text):
    assert refs(text) == []


def test_canonical_dossier():
    assert canonical_dossier("32735") == "32 735"
    assert canonical_dossier("21 501 - 2") == "21 501-02"
    assert canonical_dossier("36 410-xvi") == "36 410 XVI"


def test_document_never_references_itself_and_dedupes_and_reads_footnotes():
    doc = ParsedDocument(
        source="x",
        kind="letter",
        dossier="32 735",
        number="312",
        body="Zie Kamerstuk 32 735, nr. 312 en (Kamerstuk 32 735, nr. 287) en 32 735, nr. 287.",
        footnotes={"20": "Kamerstuk 35 207, nr. 7"},
    )
    assert [(r.dossier, r.number) for r in document_references(doc)] == [("32 735", "287"), ("35 207", "7")]


# ---------------------------------------------------------------- Eerste Kamer letter numbers


def test_eerste_kamer_letter_numbered_references():
    from documents.parsing.extract.references import find_references

    def refs(t):
        return [(r.dossier, r.number) for r in find_references(t)]

    # d16, d37 of the dev set
    assert refs("Uw Kamer de motie Vliegenthart (2012–2013, CII, B) om te komen met") == [("CII", "B")]
    assert refs("toezegging in mijn brief van 31 december 2014 (34 000 XIII, H) doe ik") == [("34 000 XIII", "H")]
    assert refs("Kamerstukken I 2012/13, 33 400, C.") == [("33 400", "C")]
    assert refs("(Kamerstuk 32 735, nr. 312; 34 000 XIII, H)") == [("32 735", "312"), ("34 000 XIII", "H")]


def test_not_eerste_kamer_references():
    from documents.parsing.extract.references import find_references

    for t in ("zie (II, B) hier", "in 2013 (33 400, A of B)", "(artikel 3, lid B)", "(bijlage 2, tabel C)"):
        assert find_references(t) == [], t


def test_eerste_kamer_paper_does_not_reference_itself():
    import os

    from documents.parsing.pipeline import parse_file

    from ._util import FIXTURES

    doc = parse_file(os.path.join(FIXTURES, "dev", "docs", "d16.txt"))
    assert [(r.dossier, r.number) for r in doc.references] == [("CII", "B")]
    text = (
        "CII Nota\n\nG BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN\n\nDen Haag, 1 maart 2013\n\n"
        "Zie mijn brief (2012–2013, CII, G) en (2012–2013, CII, B).\n\nDe Minister van Binnenlandse Zaken, R.H.A. Plasterk"
    )
    from documents.parsing.pipeline import parse_text

    assert [(r.dossier, r.number) for r in parse_text(text).references] == [("CII", "B")]
