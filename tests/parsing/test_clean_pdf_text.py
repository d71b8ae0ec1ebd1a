"""The one clean-up step for PDF and converted text (clean.normalize_text) and the
furniture glued to text, on real lines from the dev set and the sample PDFs."""

import glob
import os
import unicodedata

import pytest

from documents.parsing.clean import clean, clean_document, normalize_text
from documents.parsing.pipeline import parse_file

from ._util import FIXTURES

DEV = os.path.join(FIXTURES, "dev", "docs")


def test_spacing_cedilla_and_acute_are_composed_onto_their_letter():
    assert normalize_text("Franc ̧ois en e´e´n Curac¸ao") == "François en één Curaçao"
    assert normalize_text("ide´e") == "idée"
    assert normalize_text("co¨ordinatie en cre\u0300me") == "coördinatie en crème"
    assert normalize_text("gei¨nformeerd over de rui¨ne") == "geïnformeerd over de ruïne"
    assert normalize_text("een ´etude") == "een étude"  # a mark with no letter before it goes on the vowel after


def test_decomposed_text_becomes_nfc():
    assert normalize_text("gei\u0308nformeerd") == "geïnformeerd"
    assert unicodedata.is_normalized("NFC", normalize_text("Nepp\u0065\u0301rus"))


def test_marks_that_are_not_diacritics_stay():
    # a grave accent as a quote, a diaeresis standing alone, an acute after a digit
    assert normalize_text("`quote' en 5´") == "`quote' en 5´"
    assert normalize_text("Zie: ¨ daar") == "Zie: ¨ daar"


def test_ligatures_are_spelt_out():
    assert (
        normalize_text("de ﬁnanciële ﬂexibiliteit, eﬀect, oﬃcieel") == "de financiële flexibiliteit, effect, officieel"
    )


def test_markdown_from_a_converter_is_taken_off():
    # d06: the head of an Aanhangsel paper as a Markdown converter wrote it
    with open(os.path.join(DEV, "d06.txt"), encoding="utf-8") as fh:
        raw = fh.read()
    doc = clean_document(raw)
    assert doc.meta["number"] == "387"
    assert doc.text.startswith("Vragen van het lid Boswijk (CDA)")
    assert "**" not in doc.text and "#" not in doc.text and "[1 ]" not in doc.text
    assert doc.footnotes["3"] == "Kamerstuk 21 501-02, nr. 2733"
    # the "[N ]" marks are out; no date or dossier number lost a digit to a footnote
    assert "(ingezonden 2 oktober 2023)" in doc.text and "nr. 2737)" in doc.text


def test_text_with_a_single_rule_or_star_is_not_markdown():
    text = "De kosten zijn **hoog**.\n\nZie _dit_ document."
    assert normalize_text(text) == text


def test_italic_lines_of_a_converter_lose_their_underscores():
    doc = parse_file(os.path.join(DEV, "d07.txt"))
    assert doc.number == "302"
    assert "_" not in doc.title and "«Het geheim van de spreekkamer»" in doc.title


def test_spaced_aanhangsel_id_is_furniture():
    doc = clean_document("Vraag 1\nBent u bekend met het bericht?\n\nh tk 20232024 302\n\nAntwoord 1\nJa.")
    assert "h tk" not in doc.text and doc.meta["identifier"] == "ah-tk-20232024-302"


def test_footer_glued_to_the_next_label_is_split_off():
    # d08: "ISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3"
    text = (
        "Vraag 3\nZo ja, waarom?\n"
        "ISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3\n"
        "Emissiearme stalvloeren zijn niet verboden.\n"
        "Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 3Antwoord 12\nVerleende vergunningen staan vast."
    )
    out = clean(text)
    assert "Antwoord 3\nEmissiearme" in out and "Antwoord 12\nVerleende" in out
    assert "ISSN" not in out and "vergaderjaar" not in out and "Gravenhage" not in out
    doc = parse_file(os.path.join(DEV, "d08.txt"))
    assert [a.number for a in doc.answers] == [str(i) for i in range(1, 15)]


def test_text_after_a_chamber_name_in_a_sentence_is_not_split():
    text = "Tweede Kamer, vergaderjaar 2022–2023, heeft dit besproken."
    assert clean(text) == text


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(FIXTURES, "samples", "*.pdf"))))
def test_sample_pdfs_come_out_plain(path):
    doc = parse_file(path)
    body = doc.body
    assert unicodedata.is_normalized("NFC", body)
    assert not any(c in body for c in "\ufb00\ufb01\ufb02\ufb03\ufb04\u00ad\u00b4\u00b8\ufff0\ufff1")
    assert "Tweede Kamer, vergaderjaar" not in body and "ISSN" not in body
    assert doc.kind == "written_questions" and doc.questions and doc.answers
