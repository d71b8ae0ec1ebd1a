"""Requests and replies (ANNOTATION.md, "Request")."""

import pytest

from documents.parsing.extract.requests import answer_numbers, classify_reply, find_requests, request_sentence
from documents.parsing.model import Answer, ParsedDocument, Question


@pytest.mark.parametrize(
    "question",
    [
        "Bent u bereid deze schendingen te veroordelen? Zo ja, bent u bereid dit op korte termijn te doen?",
        "Is het kabinet hiertoe bereid?",
        "Wilt u de Kamer actief betrekken bij de procedure?",
        "Kunt u toezeggen dat de brief voor de zomer komt?",
        "Zegt u toe de Kamer te informeren?",
        "Zij vragen of het kabinet deze boodschap wil overbrengen.",
        "Kan Nederland zich inspannen om de situatie hoog op de agenda te krijgen?",
        "Is de Minister verder van plan om een constructieve rol op te pakken?",
        "Wil hij zoeken naar wegen opdat de blokkade wordt opgeheven?",
        # the answer itself can be asked for: both annotators of the dev set (d01, d07) and the samples mark these
        "Bent u bereid om alle vragen apart te beantwoorden?",
        "Kunt u alle bovenstaande vragen stuk voor stuk beantwoorden?",
        "Wilt u deze vragen afzonderlijk beantwoorden?",
        # "waarom niet" of the question before does not hide the request after it (dev d06)
        "Zo nee, waarom niet, en kunt u dit als voorstel op tafel leggen tijdens de eerstvolgende Raad Buitenlandse Zaken?",
    ],
)
def test_requests(question):
    assert request_sentence(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Kunt u aangeven hoeveel mensen dit betreft?",
        "Kan de Minister dit toelichten?",
        "Kan de Minister ingaan op het verzet vanuit de VS?",
        "Indien u niet bereid bent dit te doen, waarom niet?",
        "Hoe wil Nederland het lidmaatschap gebruiken?",
        "Welke rol kan Nederland spelen?",
        "Bent u op de hoogte van de berichtgeving?",
    ],
)
def test_not_requests(question):
    assert request_sentence(question) is None


@pytest.mark.parametrize(
    "answer,reply",
    [
        ("Ja.", "yes"),
        ("Ja, dit is staand beleid van het kabinet.", "yes"),
        ("Nee. Dat acht ik niet opportuun.", "no"),
        ("Voor zover er sprake is van publieke stappen, ben ik bereid uw Kamer te informeren.", "partial"),
        ("Het Koninkrijk zet zich actief in om schendingen aan de orde te stellen.", "yes"),
        ("Ook tijdens de conferentie zal er aandacht gevraagd worden voor dit onderwerp.", "yes"),
        ("Minister Blok zal daar niet voor pleiten, omdat het recht hierin al voorziet.", "no"),
        (
            "Verdere bekrachtiging is niet nodig. Tijdens de Derde Commissie zal het Koninkrijk zich inzetten voor een "
            "veroordeling.",
            "partial",
        ),
        ("Het Koninkrijk blijft zich inzetten voor een kernwapenvrije wereld.", "unclear"),
        ("Nederland is van mening dat Taiwan zou moeten kunnen deelnemen.", "unclear"),
        ("", "unclear"),
    ],
)
def test_reply_classification(answer, reply):
    assert classify_reply(answer) == reply


def test_answer_referring_to_another_takes_its_reply():
    assert classify_reply("Zie het antwoord op vraag 2.", {"2": "Ja."}) == "yes"


def test_grouped_answer_labels():
    assert answer_numbers("2 en 3") == ["2", "3"]
    assert answer_numbers("3, 4, 5 en 6") == ["3", "4", "5", "6"]
    assert answer_numbers("7 t/m 9") == ["7", "8", "9"]


def test_one_request_per_question_with_reply_from_grouped_answer():
    doc = ParsedDocument(
        source="t",
        kind="written_questions",
        questions=[
            Question("1", "Bent u op de hoogte?"),
            Question("2", "Bent u bereid dit te veroordelen? Wilt u dat snel doen?"),
            Question("3", "Wilt u de Kamer informeren?"),
        ],
        answers=[Answer("1", "Ja."), Answer("2 en 3", "Nee.")],
    )
    assert [(r.question_number, r.reply) for r in find_requests(doc)] == [("2", "no"), ("3", "no")]
    assert find_requests(doc)[0].text == "Bent u bereid dit te veroordelen?"
