"""Kamerstuk citations (ANNOTATION.md, "Reference")."""
import pytest

from documents.parsing.extract.references import canonical_dossier, document_references, find_references
from documents.parsing.model import ParsedDocument


def refs(text):
    return [(r.dossier, r.number) for r in find_references(text)]


@pytest.mark.parametrize("text,expected", [
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
])
def test_citation_forms(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize("text", [
    "Aanhangsel Handelingen II 2019/20, nr. 3225",
    "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843",
    "een bijdrage van EUR 8,5 miljoen",
    "op 13 maart 2019 en 25 november 2019",
])
def test_not_kamerstukken(text):
    assert refs(text) == []


def test_canonical_dossier():
    assert canonical_dossier("32735") == "32 735"
    assert canonical_dossier("21 501 - 2") == "21 501-02"
    assert canonical_dossier("36 410-xvi") == "36 410 XVI"


def test_document_never_references_itself_and_dedupes_and_reads_footnotes():
    doc = ParsedDocument(source="x", kind="letter", dossier="32 735", number="312",
                         body="Zie Kamerstuk 32 735, nr. 312 en (Kamerstuk 32 735, nr. 287) en 32 735, nr. 287.",
                         footnotes={"20": "Kamerstuk 35 207, nr. 7"})
    assert [(r.dossier, r.number) for r in document_references(doc)] == [("32 735", "287"), ("35 207", "7")]
