"""Papers in formats the seeds do not show, with what a reader sees in each.

The fixtures in tests/fixtures/unseen/ are small public papers (or their
opening, in the real layout of the format) as found in stored copies of
officielebekendmakingen.nl, tweedekamer.nl and rijksoverheid pages, and in
open-data parsers (openkamer, open-state): the officielebekendmakingen XML of
an Aanhangsel answer (<kamervraagomschrijving> with <naam>/<achternaam>,
<functie>, <kamervraagonderwerp>, <datum isodatum>; <vraag>/<antwoord> with
<nr> and <al>; <noot> footnotes), its HTML page (metadata table, div.vraag /
div.antwoord, div.voet.noot footnotes), a tweedekamer.nl page copied as text
(title line "Antwoord schriftelijke vragen : ...", "Nummer: 2025D04328",
lines broken mid-sentence), an officielebekendmakingen page copied as text
(the metadata table glued into "Tweede Kamer der Staten-Generaal2021-20223173..."),
a Mededeling, two postponement letters (one of 2009 without a date of its
own, one of 2024 in the ministry layout "Datum ... Betreft ..."), a postponement
of a committee's questions as a Kamerstuk, a nader answer, a partial answer,
a letter of a Staatssecretaris "mede namens" a Minister, and two lists of
questions and answers ("1. <vraag>?" then the answer; "Vraag 1" ...
"Antwoord op vraag 1:").

Every expectation below was written by reading the fixture, not the parser's
output.
"""

import datetime as dt
import os

import pytest

from documents.parsing.pipeline import parse_file

from ._util import FIXTURES

D = dt.date
UNSEEN = os.path.join(FIXTURES, "unseen")


def _parse(name):
    doc = parse_file(os.path.join(UNSEEN, name))
    assert doc.error is None, doc.error
    return doc


def _ministers(doc):
    return [(m.name, m.office, m.role) for m in doc.ministers]


def _askers(doc):
    return [(a.name, a.party) for a in doc.askers]


def _commitments(doc):
    return [(c.answer_number, c.actor, c.deadline_text, c.due_date) for c in doc.commitments]


# ------------------------------------------------------------ Aanhangsel answer, XML and HTML


@pytest.mark.parametrize("name", ["ah-tk-20142015-1365.xml", "ah-tk-20142015-1365.html"])
def test_officielebekendmakingen_answer_in_its_real_markup(name):
    doc = _parse(name)
    assert doc.kind == "written_questions"
    assert doc.identifier == "ah-tk-20142015-1365"
    assert (doc.dossier, doc.number) == (None, "1365")
    assert (doc.submitted, doc.received, doc.date) == (D(2015, 2, 17), D(2015, 2, 25), D(2015, 2, 25))
    assert _askers(doc) == [("Omtzigt", "CDA"), ("Gesthuizen", "SP"), ("Schouw", "D66")]
    assert doc.addressed_to == [
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Staatssecretaris van Veiligheid en Justitie",
    ]
    assert _ministers(doc) == [
        ("Teeven", "Staatssecretaris van Veiligheid en Justitie", "answerer"),
        (None, "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "co_answerer"),
    ]
    assert doc.title.startswith("de tot nu toe verstrekte informatie over de omvang")
    assert [q.number for q in doc.questions] == ["1", "2"] and [a.number for a in doc.answers] == ["1", "2"]
    # the name, date and footnote elements stay inside their sentence; the footnote text is kept apart
    assert doc.questions[1].text == (
        "Bent u bereid de aanbevelingen in de scriptie van de heer Postma over te nemen "
        "en de Kamer voor 1 juli 2015 te informeren over de vervolgacties?"
    )
    assert doc.questions[0].text.endswith("tegenaan lopen?")
    assert "Postma, Identiteitsfraude" not in doc.answers[-1].text and "Naar boven" not in doc.answers[-1].text
    assert [(s.vergaderjaar, s.number) for s in doc.see_also] == [("2014-2015", "1210")]
    assert [(r.dossier, r.number) for r in doc.references] == [("30 517", "35")]
    assert _commitments(doc) == [("2", "Staatssecretaris van Veiligheid en Justitie", "voor de zomer", D(2015, 7, 2))]
    assert [(r.question_number, r.reply) for r in doc.requests] == [("2", "yes")]


# ------------------------------------------------------------ copied from tweedekamer.nl


def test_tweedekamer_page_copied_as_text_with_metadata_on_top():
    doc = _parse("tk-2025D04328.txt")
    assert doc.kind == "written_questions"
    # "Nummer: 2025D04328" is the Kamer's document number, not an Aanhangsel number
    assert (doc.identifier, doc.dossier, doc.number) == (None, None, None)
    assert (doc.submitted, doc.received, doc.date) == (D(2024, 12, 20), D(2025, 2, 4), D(2025, 2, 4))
    assert _askers(doc) == [("Erkens", "VVD")]
    assert doc.addressed_to == ["Minister van Binnenlandse Zaken en Koninkrijksrelaties"]
    assert _ministers(doc) == [("Uitermark", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "answerer")]
    assert [(s.vergaderjaar, s.number) for s in doc.see_also] == [("2024-2025", "1028")]
    assert [q.number for q in doc.questions] == ["1", "2", "3"]
    assert doc.questions[0].text == (
        "Deelt u de mening dat de Rijksoverheid significant is gegroeid de laatste jaren "
        "terwijl de slagvaardigheid niet evenredig is toegenomen? Zo nee, waarom niet?"
    )
    assert [(r.dossier, r.number) for r in doc.references] == [("36 600 VII", "12")]
    assert _commitments(doc) == [
        ("2", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "voor de zomer", D(2025, 7, 3))
    ]
    # "Het kabinet is van mening ..." is an opinion, not a commitment
    assert [(r.question_number, r.reply) for r in doc.requests] == [("2", "yes")]


# ------------------------------------------------------------ notices


def test_mededeling_copied_from_officielebekendmakingen_with_its_metadata_row():
    doc = _parse("ah-tk-20212022-3173-mededeling.txt")
    assert doc.kind == "notice"
    assert doc.number == "3173" and doc.dossier is None
    assert (doc.submitted, doc.date, doc.received) == (D(2022, 5, 30), D(2022, 6, 20), None)
    assert _askers(doc) == [("Bouchallikh", "GroenLinks"), ("Bromet", "GroenLinks"), ("Kröger", "GroenLinks")]
    assert doc.addressed_to[0] == "Staatssecretaris van Infrastructuur en Waterstaat"
    assert _ministers(doc)[0] == ("Heijnen", "Staatssecretaris van Infrastructuur en Waterstaat", "answerer")
    assert doc.to_json()["notice"] == {"postpones": True, "expected": None, "answered_in": None}
    # the announcement of when the answers come is the notice's one commitment (ANNOTATION.md)
    assert [c.text for c in doc.commitments] == [
        "Ik streef ernaar de antwoorden zo spoedig mogelijk aan uw Kamer te sturen."
    ]
    assert doc.questions == [] and doc.answers == []
    assert "Naar boven" not in doc.body and "Datum publicatie" not in doc.body


def test_postponement_letter_without_a_date_of_its_own():
    doc = _parse("uitstelbrief-leijten-2009.txt")
    assert doc.kind == "notice"
    assert doc.submitted == D(2008, 12, 22)
    assert doc.date is None  # "omstreeks 20 januari 2009" is when the answers come, not the letter's date
    assert _askers(doc) == [("Leijten", "SP")]
    assert doc.title == "de gehandicapteninstellingen Amerpoort en Sherpa"
    assert doc.to_json()["notice"] == {"postpones": True, "expected": "2009-01-20", "answered_in": None}
    ((name, office, role),) = _ministers(doc)
    assert "Bussemaker" in name and role == "signatory"
    assert office == "Staatssecretaris van Volksgezondheid, Welzijn en Sport"


def test_postponement_letter_in_the_ministry_layout():
    doc = _parse("uitstel-beantwoording-2024.txt")
    assert doc.kind == "notice"
    assert (doc.submitted, doc.date) == (D(2024, 2, 22), D(2024, 3, 14))
    assert _askers(doc) == [("Dobbe", "SP")]
    assert doc.to_json()["notice"] == {"postpones": True, "expected": "2024-04-05", "answered_in": None}
    ((name, office, role),) = _ministers(doc)
    assert name.endswith("C. Helder") and role == "signatory"
    assert office == "Minister van Volksgezondheid, Welzijn en Sport"


def test_postponement_of_a_committees_questions_published_as_a_kamerstuk():
    doc = _parse("kst-32500-C-7.txt")
    assert doc.kind == "notice"
    assert (doc.dossier, doc.number, doc.date) == ("32 500 C", "7", D(2011, 5, 13))
    assert doc.submitted == D(2011, 4, 18)
    # "voor het verschijnen van de meicirculaire" names no date
    assert doc.to_json()["notice"] == {"postpones": True, "expected": None, "answered_in": None}
    assert _ministers(doc) == [
        ("J. P. H. Donner", "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "signatory")
    ]


# ------------------------------------------------------------ nader and partial answers


def test_nader_answer():
    doc = _parse("ah-nader-antwoord.txt")
    assert doc.kind == "written_questions"
    assert (doc.identifier, doc.number) == ("ah-tk-20232024-2051", "2051")
    assert (doc.submitted, doc.received) == (D(2024, 2, 12), D(2024, 5, 24))
    assert _askers(doc) == [("Kostić", "PvdD")]
    assert _ministers(doc) == [("Adema", "Minister van Landbouw, Natuur en Voedselkwaliteit", "answerer")]
    assert [(s.vergaderjaar, s.number) for s in doc.see_also] == [("2023-2024", "1390")]
    assert [q.number for q in doc.questions] == ["4", "5"] and [a.number for a in doc.answers] == ["4", "5"]
    assert doc.nader is True
    got = _commitments(doc)
    # "vanaf dit jaar" says when a series starts, not by when
    assert ("5", "Minister van Landbouw, Natuur en Voedselkwaliteit", None, None) in got
    assert ("5", "Minister van Landbouw, Natuur en Voedselkwaliteit", "voor het zomerreces", D(2024, 7, 4)) in got
    assert len(got) == 2
    assert [(r.question_number, r.reply) for r in doc.requests] == [("5", "yes")]


def test_partial_answer_promises_the_rest():
    doc = _parse("ah-deelantwoord.txt")
    assert doc.kind == "written_questions"
    assert (doc.number, doc.submitted, doc.received) == ("2240", D(2024, 5, 3), D(2024, 6, 24))
    assert _askers(doc) == [("Van der Plas", "BBB"), ("Vedder", "CDA")]
    assert _ministers(doc) == [
        ("Van der Wal-Zeggelink", "Minister voor Natuur en Stikstof", "answerer"),
        (None, "Minister van Landbouw, Natuur en Voedselkwaliteit", "co_answerer"),
    ]
    assert [q.number for q in doc.questions] == ["1", "2", "3", "4", "5"]
    assert [a.number for a in doc.answers] == ["1", "2", "3"]
    assert doc.partial is True
    texts = [c.text for c in doc.commitments]
    assert "De antwoorden op de overige vragen zal ik uw Kamer zo spoedig mogelijk doen toekomen." in texts
    assert _commitments(doc) == [
        (None, "Minister voor Natuur en Stikstof", "zo spoedig mogelijk", None),
        ("3", "Minister voor Natuur en Stikstof", "in het eerste kwartaal van 2025", D(2025, 3, 31)),
    ]
    assert [(r.question_number, r.reply) for r in doc.requests] == [("2", "no"), ("3", "yes")]


# ------------------------------------------------------------ letters


def test_letter_of_a_staatssecretaris_mede_namens_a_minister():
    doc = _parse("kst-29282-512-staatssecretaris.txt")
    assert doc.kind == "letter"
    assert (doc.dossier, doc.number, doc.date) == ("29 282", "512", D(2023, 7, 3))
    assert (doc.submitted, doc.received, doc.notice) == (None, None, None)
    assert _ministers(doc)[0] == (
        "M. van Ooijen",
        "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
        "signatory",
    )
    assert [(r.dossier, r.number) for r in doc.references] == [("29 282", "498")]
    assert [f.text for f in doc.fulfilments] == ["Met deze brief voldoe ik aan die toezegging."]
    got = _commitments(doc)
    assert got == [
        (None, "Staatssecretaris van Volksgezondheid, Welzijn en Sport", "In het najaar", D(2023, 12, 21)),
        (None, "Staatssecretaris van Volksgezondheid, Welzijn en Sport", "in september", D(2023, 9, 30)),
        (None, "Minister van Sociale Zaken en Werkgelegenheid", "na de zomer", D(2023, 10, 13)),
    ]
    # the promise made in the debate is reported as kept, and "blijft zich inzetten" is continuing policy
    assert not any("heb ik toegezegd" in c.text or "blijft" in c.text for c in doc.commitments)


# ------------------------------------------------------------ lists of questions and answers


def test_list_of_questions_and_answers_numbered_without_labels():
    doc = _parse("kst-31066-444-lijst.txt")
    assert doc.kind == "written_consultation"
    assert (doc.dossier, doc.number, doc.date) == ("31 066", "444", D(2018, 12, 4))
    assert _ministers(doc) == [(None, "Staatssecretaris van Financiën", "answerer")]
    assert [q.number for q in doc.questions] == ["1", "2", "3"]
    assert [a.number for a in doc.answers] == ["1", "2", "3"]
    assert doc.questions[1].text.endswith("Kan het gehele effect van de verlaagde huurtoeslag worden weggenomen?")
    assert doc.answers[1].text.startswith("Het recht op huurtoeslag")
    assert sorted((r.dossier, r.number) for r in doc.references) == [("31 066", "438"), ("34 775 IX", "8")]
    got = {c.text: (c.answer_number, c.actor, c.deadline_text, c.due_date) for c in doc.commitments}
    assert got[
        "Uw Kamer wordt uiterlijk januari 2019 geïnformeerd over de problematiek ten aanzien van parallelimport."
    ] == ("1", "Staatssecretaris van Financiën", "uiterlijk januari 2019", D(2019, 1, 31))
    assert any(c.answer_number == "3" and c.due_date == D(2019, 6, 30) for c in doc.commitments)
    assert [(r.question_number, r.reply) for r in doc.requests] == [("3", "yes")]


def test_list_of_questions_and_answers_copied_from_tweedekamer():
    doc = _parse("tk-lijst-31865-214.txt")
    assert doc.kind == "written_consultation"
    assert (doc.dossier, doc.number, doc.date) == ("31 865", "214", D(2022, 9, 15))
    assert _ministers(doc) == [(None, "Minister van Financiën", "answerer")]
    assert [q.number for q in doc.questions] == ["1", "2"] and [a.number for a in doc.answers] == ["1", "2"]
    assert [(r.dossier, r.number) for r in doc.references] == [("31 865", "207")]
    assert _commitments(doc) == [("2", "Minister van Financiën", "Bij de Voorjaarsnota 2023", D(2023, 6, 1))]
    assert [(r.question_number, r.reply) for r in doc.requests] == [("2", "yes")]
