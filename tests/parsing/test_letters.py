"""Letters: the heading (dossier, number, date) and the signatures at the end,
on real lines from the development set (tests/fixtures/dev/docs)."""

import datetime as dt
import os

from documents.parsing.kinds import detect
from documents.parsing.kinds.letter import normalize_office, read_signatures
from documents.parsing.pipeline import parse_file, parse_text

from ._util import FIXTURES

D = dt.date
DEV = os.path.join(FIXTURES, "dev", "docs")


def dev(name):
    return parse_file(os.path.join(DEV, name + ".txt"))


def sig(text, heading=()):
    signed, _first = read_signatures([ln.strip() for ln in text.split("\n")], list(heading))
    return [(m.name, m.office, m.role) for m in signed]


# ---------------------------------------------------------------- signatures


def test_office_and_name_on_one_line():
    assert sig(
        "Via deze brief laat ik U weten dat ik ...\n\n"
        "De Minister van Binnenlandse Zaken en Koninkrijksrelaties, R.H.A. Plasterk"
    ) == [("R.H.A. Plasterk", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "signatory")]


def test_office_with_commas_and_spaced_initials_on_one_line():
    # d17, d20: the ministry holds commas; the name is the part after the last comma
    assert sig("De minister van Volksgezondheid, Welzijn en Sport, E. I. Schippers") == [
        ("E. I. Schippers", "Minister van Volksgezondheid, Welzijn en Sport", "signatory")
    ]
    assert sig("De minister van Binnenlandse Zaken en Koninkrijksrelaties, J. W. E. Spies") == [
        ("J. W. E. Spies", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "signatory")
    ]


def test_one_line_without_a_name_is_no_signature():
    # an office ending in a ministry part is not a name
    assert sig("De Minister van Volksgezondheid, Welzijn en Sport") == []
    assert sig("De Minister van Onderwijs, Cultuur en Wetenschap, heeft de brief gestuurd") == []


def test_office_blank_lines_then_name():
    # d18 and kst-32500-C-7: the name under blank lines
    assert sig("De minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer,\n\nJ. M. Cramer\n") == [
        ("J. M. Cramer", "Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "signatory")
    ]
    assert sig("de staatssecretaris van Volksgezondheid,\nWelzijn en Sport,\n\nmw. dr. J. Bussemaker") == [
        ("mw. dr. J. Bussemaker", "Staatssecretaris van Volksgezondheid, Welzijn en Sport", "signatory")
    ]


def test_first_name_and_surname_under_the_office():
    # d19
    assert sig("De Staatssecretaris voor Europese Zaken,\nFrans Timmermans") == [
        ("Frans Timmermans", "Staatssecretaris voor Europese Zaken", "signatory")
    ]


def test_two_signatories_and_mede_namens():
    text = (
        "De Minister voor Medische Zorg,\nB.J. Bruins\n\n"
        "De Minister van Landbouw, Natuur en Voedselkwaliteit,\nC.J. Schouten"
    )
    assert sig(text) == [
        ("B.J. Bruins", "Minister voor Medische Zorg", "signatory"),
        ("C.J. Schouten", "Minister van Landbouw, Natuur en Voedselkwaliteit", "signatory"),
    ]
    text = "De Minister van Financiën,\nmede namens de Minister van Sociale Zaken en Werkgelegenheid,\n\nW.B. Hoekstra"
    assert sig(text) == [
        ("W.B. Hoekstra", "Minister van Financiën", "signatory"),
        (None, "Minister van Sociale Zaken en Werkgelegenheid", "co_answerer"),
    ]


def test_name_before_its_office():
    assert sig("Hoogachtend,\n\nS.A. Blok\nMinister van Buitenlandse Zaken") == [
        ("S.A. Blok", "Minister van Buitenlandse Zaken", "signatory")
    ]


def test_bare_title_takes_the_heading_office():
    assert sig("De Minister,\nS.A. Blok", ["Minister van Buitenlandse Zaken"]) == [
        ("S.A. Blok", "Minister van Buitenlandse Zaken", "signatory")
    ]


def test_office_normalised():
    assert (
        normalize_office("de minister van Volksgezondheid, Welzijn en Sport,")
        == "Minister van Volksgezondheid, Welzijn en Sport"
    )
    assert normalize_office("De demissionair staatssecretaris van Financiën") == "Staatssecretaris van Financiën"


def test_dev_signatories():
    assert [(m.name, m.role) for m in dev("d16").ministers] == [("R.H.A. Plasterk", "signatory")]
    assert [m.name for m in dev("d17").ministers] == ["E. I. Schippers"]
    assert [m.name for m in dev("d20").ministers] == ["J. W. E. Spies"]
    assert [m.name for m in dev("d18").ministers] == ["J. M. Cramer"]


def test_two_ministers_in_the_heading_are_two_offices():
    # d36: "BRIEF VAN DE MINISTERS VOOR MEDISCHE ZORG EN VAN LANDBOUW, NATUUR EN VOEDSELKWALITEIT"
    assert [(m.office, m.role) for m in dev("d36").ministers] == [
        ("Minister voor Medische Zorg", "signatory"),
        ("Minister van Landbouw, Natuur en Voedselkwaliteit", "signatory"),
    ]


# ---------------------------------------------------------------- kind


def test_letter_known_by_its_signature_or_salutation():
    doc = dev("d19")  # no heading: a title, the text, the signature
    assert doc.kind == "letter"
    assert [(m.name, m.office) for m in doc.ministers] == [("Frans Timmermans", "Staatssecretaris voor Europese Zaken")]
    assert dev("d28").kind == "letter"  # "Geachte voorzitter," and a text cut before its end
    assert detect("Geachte voorzitter,\n\nMet deze brief informeer ik u over de stand van zaken.") == "letter"


def test_text_without_letter_marks_stays_unknown():
    assert detect("Een verhaal over de Minister van Financiën.\n\nHet eindigt hier.") == "unknown"
    assert detect("Geachte lezer,\n\nDit is een nieuwsbrief.") == "unknown"


# ---------------------------------------------------------------- heading


def test_eerste_kamer_dossier_and_letter_number():
    doc = dev("d16")  # "CII Nota «Bestuur in samenhang ...»" / "G BRIEF VAN DE MINISTER ..."
    assert (doc.dossier, doc.number, doc.date) == ("CII", "G", D(2013, 9, 25))
    doc = dev("d37")  # "32 637 Bedrijfslevenbeleid" / "E BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN"
    assert (doc.dossier, doc.number) == ("32 637", "E")


def test_dossier_alone_on_its_line_and_lower_case_nr():
    doc = dev("d18")  # "31 700 XI" / title / "nr. 8" / "BRIEF VAN ..."
    assert (doc.dossier, doc.number, doc.date) == ("31 700 XI", "8", D(2008, 11, 3))


def test_consultation_number_letters_and_fixed_date():
    doc = dev(
        "d32"
    )  # "AI1 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" (a footnote mark glued), a letter "Den Haag, 19 oktober" inside
    assert (doc.kind, doc.dossier, doc.number, doc.date) == ("written_consultation", "33 328", "AI", D(2023, 12, 28))
    doc = dev("d34")  # "35000 VIII C VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "Vastgesteld 18 september 2019"
    assert (doc.dossier, doc.number, doc.date) == ("35 000 VIII", "C", D(2019, 9, 18))


def test_roman_heading_without_a_number_after_it_is_no_dossier():
    text = (
        "II Beleid en uitvoering\n\nDe Minister heeft besloten.\n\nDen Haag, 3 maart 2020\n\n"
        "De Minister van Financiën,\nW.B. Hoekstra"
    )
    doc = parse_text(text)
    assert doc.kind == "letter" and doc.dossier is None and doc.number is None


def test_capital_letter_sentence_is_no_number():
    text = (
        "32 637 Bedrijfslevenbeleid\n\nNr. 3 BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN\n\nDen Haag, 1 maart 2016\n\n"
        "A VERSLAG is dit niet.\n\nDe Minister van Economische Zaken,\nH.G.J. Kamp"
    )
    assert parse_text(text).number == "3"


# ---------------------------------------------------------------- consultation with bare numbers


def test_list_of_questions_with_the_number_alone_on_its_line():
    doc = dev("d33")
    assert [q.number for q in doc.questions] == ["1", "2", "3"]
    assert [a.number for a in doc.answers] == ["1", "2"]
    assert doc.questions[1].text.startswith("Wanneer wordt de Kamer uiterlijk geïnformeerd")
    assert doc.answers[0].text.startswith("De motie Mastwijk/Neppérus")
