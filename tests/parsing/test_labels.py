"""Question and answer labels and answer headers (kinds/common.py, kinds/written_questions.py)."""

import os

from documents.parsing.kinds.common import _label, split_labelled, split_offices
from documents.parsing.pipeline import parse_file, parse_text

from ._util import FIXTURES

DEV = os.path.join(FIXTURES, "dev", "docs")


def nums(text):
    qs, ans, _ = split_labelled(text.split("\n"))
    return [q.number for q in qs], [a.number for a in ans]


def test_grouped_labels_in_any_form_keep_the_label_as_written():
    assert _label("Vraag 3, 4, 5 6 en 7") == ("q", "3, 4, 5 6 en 7", "")
    assert _label("Vraag 5 en 6") == ("q", "5 en 6", "")
    assert _label("Vragen 2, 3") == ("q", "2, 3", "")
    assert _label("Antwoord  3,  4 en 5") == ("a", "3, 4 en 5", "")


def test_answer_label_with_vraag():
    # d13: "Antwoord vraag 1"
    assert _label("Antwoord vraag 1") == ("a", "1", "")
    assert _label("Antwoord op vraag 2:") == ("a", "2", "")


def test_lower_case_vraag_at_a_line_start_is_running_text():
    # d07: "... zoals ook aangegeven in antwoord op\nvraag 4. De zorgaanbieder ontvangt ..."
    assert _label("vraag 4. De zorgaanbieder ontvangt hiervan bericht") is None
    assert _label("antwoord 2 Ja.") is None
    assert _label("Vraag 2 is al beantwoord") is None
    doc = parse_file(os.path.join(DEV, "d07.txt"))
    assert [q.number for q in doc.questions] == ["1", "3", "4", "5", "6", "7", "8", "9"]


def test_letter_spaced_label_digits_are_joined():
    assert _label("Vraag 1 1") == ("q", "11", "")
    assert _label("Vraag 12 13 Bent u bekend?") is None


def test_label_that_lost_a_digit_is_repaired_from_the_count():
    text = (
        "Vraag 9\nA?\nAntwoord 9\nJa.\nVraag 10\nB?\nAntwoord 10\nJa.\n"
        "Vraag 1\nC?\nAntwoord 1\nNee.\nVraag 12\nD?\nAntwoord 12\nJa."
    )
    assert nums(text) == (["9", "10", "11", "12"], ["9", "10", "11", "12"])


def test_count_that_starts_again_is_not_repaired():
    text = (
        "Vraag 9\nA?\nAntwoord 9\nJa.\nVraag 10\nB?\nAntwoord 10\nJa.\n"
        "Vraag 1\nC?\nAntwoord 1\nNee.\nVraag 2\nD?\nAntwoord 2\nJa."
    )
    assert nums(text) == (["9", "10", "1", "2"], ["9", "10", "1", "2"])


def test_mede_namens_with_lower_case_title():
    # d11: "mede\nnamens de staatssecretarissen van Financiën"
    doc = parse_file(os.path.join(DEV, "d11.txt"))
    assert [(m.name, m.office, m.role) for m in doc.ministers] == [
        ("Ollongren", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "answerer"),
        (None, "Staatssecretaris van Financiën", "co_answerer"),
    ]
    assert split_offices("de minister van Financiën") == ["Minister van Financiën"]


def test_answers_of_the_ministers_on_the_questions_of_a_member():
    # d13, a ministry's web copy
    doc = parse_file(os.path.join(DEV, "d13.txt"))
    assert [(a.name, a.party) for a in doc.askers] == [("Wilders", "PVV")]
    assert [(m.office, m.role) for m in doc.ministers] == [
        ("Minister van Justitie en Veiligheid", "answerer"),
        ("Minister van Binnenlandse Zaken en Koninkrijksrelaties", "co_answerer"),
    ]
    assert [a.number for a in doc.answers] == ["1", "2", "3"] and doc.answers[0].text == "Ja."


def test_answers_header_needs_the_member_and_party():
    text = (
        "Antwoorden van de Minister van Financiën op de vragen over de begroting (Ingezonden 1 maart 2020)\n\n"
        "Vraag 1\nKlopt dit?\n\nAntwoord vraag 1\nJa."
    )
    doc = parse_text(text)
    assert doc.askers == [] and [a.number for a in doc.answers] == ["1"]
