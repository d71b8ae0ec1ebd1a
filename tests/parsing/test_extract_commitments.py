"""Commitments (ANNOTATION.md, "Commitment"): rules, exclusions, actors and deadlines."""

import datetime as dt

import pytest

from documents.parsing.extract.commitments import EMIT_THRESHOLD, Context, classify, find_commitments
from documents.parsing.model import Answer, Minister, ParsedDocument, Question

BLOK = Minister("Blok", "Minister van Buitenlandse Zaken", "answerer")


def letter(body, date=dt.date(2020, 9, 17)):
    return ParsedDocument(
        source="t",
        kind="letter",
        date=date,
        body=body,
        ministers=[Minister("S.A. Blok", "Minister van Buitenlandse Zaken", "signatory")],
    )


def emitted(sentence):
    hit = classify(sentence, Context(None))
    return hit is not None and hit.confidence >= EMIT_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik zal uw Kamer voor de zomer informeren.",
        "Uw Kamer wordt voor het einde van het jaar geïnformeerd.",
        "Dit najaar wordt uw Kamer hierover geïnformeerd.",
        "Ik stuur uw Kamer voor 1 april een brief.",
        "Ik kom hierop terug in de voortgangsrapportage.",
        "Ik verwacht u de brief uiterlijk 30 april te doen toekomen.",
        "Voor zover er sprake is van publieke stappen, kan uw Kamer daar kennis van nemen en ben ik bereid uw Kamer "
        "daarover te informeren.",
        "Gezien de ernst van de situatie, wil ik dit ook in VN-verband agenderen.",
        "Daarnaast zal ik er bij Wit-Rusland op aandringen het geweld onmiddellijk te stoppen.",
        "Nederland zal zich samen met gelijkgezinde landen inzetten voor een resolutie.",
        "Zoals toegezegd, zal de Minister van VWS ook het belang hiervan aankaarten bij NOC*NSF.",
        "Tijdens dat gesprek zal opnieuw aandacht worden gevraagd voor de mensenrechten.",
        "Voor het bezoek van de Minister-President aan Sotsji zullen contacten worden gelegd met organisaties.",
        "Om recht te doen aan het verzoek, zal op 3 februari a.s. een gesprek plaatsvinden tussen het COC en de "
        "Minister-President.",
        "Het Koninkrijk en Frankrijk presenteren dit najaar aan de Derde Commissie de resolutie.",
        "De betaling is goedgekeurd en wordt zo snel mogelijk overgemaakt.",
        "Ik heb toen aangegeven graag bereid te zijn me in te zetten voor een briefing, en dat ben ik nog steeds.",
        "Minister Kaag zal de Nederlandse bijdrage leveren via een videoboodschap.",
    ],
)
def test_undertakings_are_commitments(sentence):
    assert emitted(sentence)


@pytest.mark.parametrize(
    "sentence,why",
    [
        ("Tijdens mijn bezoek heb ik de straffeloosheid aangekaart.", "past"),
        ("Zoals toegezegd tijdens het vragenuur, is een formeel verzoek ingediend.", "completed"),
        ("De Vijfde Commissie zal zich buigen over de hervormingen.", "other actor"),
        ("Dit spoeddebat zal op 18 september a.s. plaatsvinden.", "scheduled event"),
        ("Het kabinet is van mening dat het essentieel is de situatie te blijven agenderen.", "opinion"),
        ("Bent u bereid dit te veroordelen?", "question"),
        (
            "Indien additionele middelen vrijvallen, zal worden bezien of een bijdrage kan worden gegeven.",
            "conditional",
        ),
        ("Dat zal Nederland blijven doen.", "continuing policy"),
        ("Nederland blijft in EU-verband inzetten op dialoog.", "continuing policy"),
        (
            "In het verlengde onderzoekt de Minister van VWS de mogelijkheden om te spreken met activisten.",
            "exploration",
        ),
        ("Minister Blok zal daar niet voor pleiten.", "refusal"),
        ("Ik wil nogmaals benadrukken dat de code niet dwingend is.", "rhetoric"),
        ("Daarnaast de kans dat het verbod op korte termijn effect zal sorteren is nihil.", "subordinate clause"),
        ("Met behulp van expertise zal worden gewerkt aan de kaders.", "passive without a government act"),
        ("Naar aanleiding van de vragen bericht ik u als volgt.", "this letter itself"),
    ],
)
def test_exclusions(sentence, why):
    assert not emitted(sentence), why


def test_commitments_come_from_answers_only_with_their_number_actor_and_deadline():
    doc = ParsedDocument(
        source="t",
        kind="written_questions",
        date=dt.date(2019, 2, 15),
        ministers=[BLOK],
        questions=[Question("1", "Zal u uw Kamer voor de zomer informeren? Ik zal het vragen.")],
        answers=[Answer("1", "Ja."), Answer("2 en 3", "Ik zal uw Kamer voor de zomer informeren.")],
    )
    [c] = find_commitments(doc)
    assert c.answer_number == "2 en 3"
    assert c.actor == "Minister van Buitenlandse Zaken"
    assert c.deadline_text == "voor de zomer"
    assert c.due_date == dt.date(2019, 7, 4)
    assert c.precision == "season"
    assert c.rule == "government_future" and c.confidence >= EMIT_THRESHOLD


def test_letter_body_commitment_with_as_date():
    doc = letter(
        "Om recht te doen aan het verzoek, zal op 3 februari a.s. een gesprek plaatsvinden tussen het "
        "COC en de Minister-President.",
        date=dt.date(2014, 1, 23),
    )
    [c] = find_commitments(doc)
    assert c.due_date == dt.date(2014, 2, 3) and c.deadline_text == "op 3 februari a.s."


def test_named_minister_stays_as_named_and_country_goes_to_the_signatory():
    doc = letter(
        "Zoals toegezegd, zal de Minister van VWS het belang aankaarten. Nederland zal zich inzetten "
        "voor een resolutie. Het kabinet zal de brief sturen."
    )
    assert [c.actor for c in find_commitments(doc)] == [
        "Minister van VWS",
        "Minister van Buitenlandse Zaken",
        "het kabinet",
    ]


def test_a_notice_announcing_when_the_answers_come_is_a_commitment_but_questions_never_are():
    # ANNOTATION.md: "the announcement of when a postponed answer or letter will come" is required
    doc = ParsedDocument(
        source="t", kind="notice", body="Ik verwacht de antwoorden uiterlijk 5 april 2024 aan uw Kamer te sturen."
    )
    assert [c.deadline_text for c in find_commitments(doc)] == ["uiterlijk 5 april 2024"]
    doc = ParsedDocument(
        source="t", kind="written_questions", questions=[Question("1", "De leden zullen de Minister informeren.")]
    )
    assert find_commitments(doc) == []


def test_paper_without_a_date_keeps_explicit_years():
    doc = ParsedDocument(
        source="t",
        kind="written_consultation",
        answers=[
            Answer(
                "23",
                "Tijdens de zitting van de Mensenrechtenraad in maart 2021 zal het Koninkrijk zich wederom inspannen "
                "voor de mandaatverlenging. Uw Kamer wordt hierover dit najaar geïnformeerd.",
            )
        ],
    )
    a, b = find_commitments(doc)
    assert a.due_date == dt.date(2021, 3, 31)
    assert b.deadline_text == "dit najaar" and b.due_date is None
    assert a.actor == "het Koninkrijk"  # no answering minister: the state as written
