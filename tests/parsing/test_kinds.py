"""Each kind of paper (documents/parsing/kinds/)."""

import datetime as dt

from documents.parsing.kinds.common import parse_askers, split_offices
from documents.parsing.pipeline import parse_file, parse_text

from ._util import seed_path

D = dt.date


# ---------------------------------------------------------------- written questions


def test_seed_000_written_questions_with_two_askers_of_one_party():
    doc = parse_file(seed_path("000_"))
    assert doc.kind == "written_questions"
    assert [(a.name, a.party) for a in doc.askers] == [("Van den Hul", "PvdA"), ("Ploumen", "PvdA")]
    assert doc.addressed_to == [
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        "Minister van Buitenlandse Zaken",
    ]
    assert (doc.submitted, doc.received, doc.date) == (D(2019, 1, 22), D(2019, 2, 15), D(2019, 2, 15))
    assert [q.number for q in doc.questions] == ["1", "2", "3", "4", "5", "6"]
    assert [a.number for a in doc.answers] == ["1", "2", "3", "4", "5", "6"]
    assert doc.answers[0].text == "Ja."


def test_answer_header_with_mede_namens_gives_one_co_answerer_per_office():
    text = (
        "Vragen van het lid Paternotte (D66) aan de Minister van Buitenlandse Zaken over iets (ingezonden 1 maart 2024).\n"
        "Antwoord van Minister Bruins Slot (Buitenlandse Zaken), mede namens de Ministers voor Buitenlandse Handel en "
        "Ontwikkelingssamenwerking, van Defensie en de Staatssecretaris van Justitie en Veiligheid (ontvangen 2 april 2024).\n"
        "Vraag 1\nBent u bekend met het bericht?\nAntwoord 1\nJa."
    )
    doc = parse_text(text)
    assert [(m.name, m.office, m.role) for m in doc.ministers] == [
        ("Bruins Slot", "Minister van Buitenlandse Zaken", "answerer"),
        (None, "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "co_answerer"),
        (None, "Minister van Defensie", "co_answerer"),
        (None, "Staatssecretaris van Justitie en Veiligheid", "co_answerer"),
    ]


def test_state_secretary_answers_with_sub_portfolio():
    text = (
        "Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Staatssecretaris en de Minister van Volksgezondheid, "
        "Welzijn en Sport over eetstoornissen (ingezonden 21 juni 2024).\n"
        "Antwoord van Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport) "
        "(ontvangen 12 augustus 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.\n"
        "Vraag 1\nBent u bekend?\nAntwoord 1\nJa."
    )
    doc = parse_text(text)
    assert doc.addressed_to == [
        "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
        "Minister van Volksgezondheid, Welzijn en Sport",
    ]
    assert [(m.name, m.office) for m in doc.ministers] == [
        ("Karremans", "Staatssecretaris van Volksgezondheid, Welzijn en Sport")
    ]
    assert [(s.vergaderjaar, s.number) for s in doc.see_also] == [("2023-2024", "2147")]


def test_askers_in_every_form():
    assert [(a.name, a.party) for a in parse_askers("Faber-van de Klashorst(PVV)")] == [
        ("Faber-van de Klashorst", "PVV")
    ]
    assert [(a.name, a.party) for a in parse_askers("Kops, Wilders en Bosma (allen PVV)")] == [
        ("Kops", "PVV"),
        ("Wilders", "PVV"),
        ("Bosma", "PVV"),
    ]
    assert [(a.name, a.party) for a in parse_askers("Omtzigt (CDA) en Van Weyenberg (D66)")] == [
        ("Omtzigt", "CDA"),
        ("Van Weyenberg", "D66"),
    ]
    assert [(a.name, a.party) for a in parse_askers("Klaver (allen GroenLinks)")] == [("Klaver", "GroenLinks")]


def test_addressed_offices_are_split_per_office():
    assert split_offices(
        "de Ministers voor Buitenlandse Handel en Ontwikkelingssamenwerking en van Buitenlandse Zaken"
    ) == ["Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "Minister van Buitenlandse Zaken"]
    assert split_offices(
        "de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en Koninkrijksrelaties"
    ) == [
        "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    ]
    assert split_offices("de Minister-President") == ["Minister-President"]


def test_grouped_labels_keep_their_numbers_as_written():
    text = (
        "Vragen van het lid Dobbe (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over zorg (ingezonden 7 mei 2024).\n"
        "Antwoord van Minister Helder (Volksgezondheid, Welzijn en Sport) (ontvangen 13 juni 2024).\n"
        "Vraag 1\nEen?\nVraag 2 en 3\nTwee en drie?\nVraag 4\nVier?\nAntwoord 1\nJa.\n"
        "Antwoord 2, 3 en 4\nZie hierboven."
    )
    doc = parse_text(text)
    assert [q.number for q in doc.questions] == ["1", "2 en 3", "4"]
    assert [a.number for a in doc.answers] == ["1", "2, 3 en 4"]


def test_questions_only_paper_with_bare_numbers():
    text = (
        "Vragen van het lid Dijk (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over wachtlijsten "
        "(ingezonden 3 juni 2024).\n\n1\nBent u bekend met het bericht?\n\n2\nHoeveel mensen wachten er?\n\n"
        "3\nBent u bereid de Kamer te informeren?"
    )
    doc = parse_text(text)
    assert doc.kind == "written_questions"
    assert [q.number for q in doc.questions] == ["1", "2", "3"]
    assert doc.questions[1].text == "Hoeveel mensen wachten er?"
    assert doc.answers == [] and doc.received is None and doc.submitted == D(2024, 6, 3)


def test_partial_answer_says_the_other_questions_follow_later():
    text = (
        "Vragen van het lid Dijk (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over wachtlijsten "
        "(ingezonden 3 juni 2024).\nAntwoord van Minister Helder (Volksgezondheid, Welzijn en Sport) (ontvangen 20 juni 2024).\n"
        "Hierbij beantwoord ik de vragen 1 en 2. De overige vragen zal ik zo spoedig mogelijk beantwoorden.\n"
        "Vraag 1\nEen?\nAntwoord 1\nJa.\nVraag 2\nTwee?\nAntwoord 2\nNee."
    )
    doc = parse_text(text)
    assert doc.partial is True and doc.nader is False


def test_nader_answer_is_marked():
    text = (
        "Vragen van het lid Dijk (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over wachtlijsten "
        "(ingezonden 3 juni 2024).\nNader antwoord van Minister Helder (Volksgezondheid, Welzijn en Sport) (ontvangen 1 juli 2024).\n"
        "Vraag 3\nDrie?\nAntwoord 3\nJa."
    )
    doc = parse_text(text)
    assert doc.nader is True
    assert doc.received == D(2024, 7, 1)


# ---------------------------------------------------------------- notices

MEDEDELING = (
    "Mededeling van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 21 mei 2024)\n"
    "De vragen van het lid Klaver (GroenLinks-PvdA) aan de Minister van Buitenlandse Zaken over het bericht "
    "dat Corendon Russische toeristen naar de zon blijft vliegen (ingezonden 18 april 2024) kunnen tot mijn "
    "spijt niet binnen de gebruikelijke termijn worden beantwoord. De benodigde afstemming vraagt meer tijd. "
    "Ik verwacht de vragen uiterlijk 14 juni 2024 te beantwoorden."
)


def test_mededeling_postpones_and_names_the_questions_it_concerns():
    doc = parse_text(MEDEDELING)
    assert doc.kind == "notice"
    assert doc.notice.postpones is True
    assert doc.notice.expected == D(2024, 6, 14)
    assert doc.notice.answered_in is None
    assert doc.submitted == D(2024, 4, 18) and doc.date == D(2024, 5, 21)
    assert [(a.name, a.party) for a in doc.askers] == [("Klaver", "GroenLinks-PvdA")]
    assert doc.ministers[0].name == "Bruins Slot"
    assert doc.to_json()["notice"] == {"postpones": True, "expected": "2024-06-14", "answered_in": None}


def test_notice_that_questions_are_answered_in_another_paper():
    text = (
        "Mededeling van Minister Van Hijum (Sociale Zaken en Werkgelegenheid) (ontvangen 5 juni 2024)\n"
        "De vragen van het lid Van Kent (SP) over de AOW (ingezonden 2 mei 2024) worden beantwoord in de brief over "
        "de pensioentransitie (Kamerstuk 36 471, nr. 64)."
    )
    doc = parse_text(text)
    assert doc.kind == "notice"
    assert doc.notice.postpones is False
    assert (doc.notice.answered_in.dossier, doc.notice.answered_in.number) == ("36 471", "64")
    assert doc.submitted == D(2024, 5, 2) and doc.date == D(2024, 6, 5)


def test_postponement_letter_is_a_notice_dated_by_its_letter():
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 10 juni 2024\n\n"
        "Hierbij deel ik u mede dat de vragen van het lid Dijk (SP) over wachtlijsten (ingezonden 16 mei 2024) "
        "niet binnen de gebruikelijke termijn van drie weken kunnen worden beantwoord.\n\n"
        "De Minister van Volksgezondheid, Welzijn en Sport,\nC. Helder"
    )
    doc = parse_text(text)
    assert doc.kind == "notice"
    assert doc.date == D(2024, 6, 10) and doc.submitted == D(2024, 5, 16)
    assert doc.notice.postpones is True
    assert doc.ministers[0].name == "C. Helder"


# ---------------------------------------------------------------- letters


def test_seed_001_letter_dossier_number_date_and_signature():
    doc = parse_file(seed_path("001_"))
    assert doc.kind == "letter"
    assert (doc.dossier, doc.number, doc.date) == ("32 735", "100", D(2014, 1, 23))
    assert [(m.name, m.office, m.role) for m in doc.ministers] == [
        ("F.C.G.M. Timmermans", "Minister van Buitenlandse Zaken", "signatory")
    ]
    assert doc.submitted is None and doc.received is None


def test_letter_with_a_dossier_with_a_roman_part():
    text = (
        "35 300 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken\n\n"
        "Nr. 12 BRIEF VAN DE STAATSSECRETARIS VAN BUITENLANDSE ZAKEN\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 3 maart 2020\n\nHierbij bied ik u de brief aan.\n\nDe Staatssecretaris van Buitenlandse Zaken,\nS.A.M. Kaag"
    )
    doc = parse_text(text)
    assert doc.kind == "letter"
    assert (doc.dossier, doc.number, doc.date) == ("35 300 V", "12", D(2020, 3, 3))
    assert doc.ministers[0].name == "S.A.M. Kaag"


def test_letter_heading_office_names_the_signatory_office():
    text = (
        "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken\n\nNr. 2295 BRIEF VAN DE MINISTER VAN BUITENLANDSE\nZAKEN\n\n"
        "Den Haag, 1 maart 2021\n\nIk stuur u het verslag.\n\nDe Minister,\nS.A. Blok"
    )
    doc = parse_text(text)
    assert doc.dossier == "21 501-02"
    assert [(m.name, m.office) for m in doc.ministers] == [("S.A. Blok", "Minister van Buitenlandse Zaken")]


# ---------------------------------------------------------------- consultations


def test_seed_004_consultation_numbers_and_parties():
    doc = parse_file(seed_path("004_"))
    assert doc.kind == "written_consultation"
    assert (doc.dossier, doc.number, doc.date) == ("26 150", "187", None)
    assert [q.number for q in doc.questions] == [str(i) for i in range(1, 118)]
    assert [a.number for a in doc.answers] == [str(i) for i in range(1, 118)]
    parties = {q.number: q.party for q in doc.questions}
    assert (
        parties["1"] == "VVD" and parties["16"] == "CDA" and parties["43"] == "GroenLinks" and parties["117"] == "SGP"
    )
    assert "Is het kabinet hiertoe bereid?" in doc.questions[24].text
    assert doc.answers[24].text.startswith("Ja, dit is staand beleid van het kabinet")


def test_consultation_with_vraag_and_antwoord_op_vraag_labels():
    text = (
        "Inbreng van de leden van de VVD-fractie\n\nVraag 1\nHoe staat het met de evaluatie?\n\n"
        "Antwoord op vraag 1\nDe evaluatie volgt in het najaar.\n\n"
        "Inbreng van de leden van de D66-fractie\n\nVraag 2\nIs het kabinet bereid dit te doen?\n\n"
        "Antwoord op vraag 2\nJa."
    )
    doc = parse_text(text)
    assert doc.kind == "written_consultation"
    assert [(q.number, q.party) for q in doc.questions] == [("1", "VVD"), ("2", "D66")]
    assert [a.number for a in doc.answers] == ["1", "2"]


def test_body_is_the_whole_clean_text():
    doc = parse_file(seed_path("003_"))
    assert doc.body.startswith("32 735 Mensenrechten in het buitenlands beleid")
    assert doc.body.rstrip().endswith("S.A. Blok")
