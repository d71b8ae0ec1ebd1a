"""Every form of a promise (ANNOTATION.md, "Commitment"), one class at a time.

The sentences are real: from the development set (tests/fixtures/dev, papers
d01–d38) and the sample PDFs, plus the issue's illustrations of each form.
Each class has its negatives: past tense, another actor, a question, a
conditional, an opinion, continuing policy.
"""

import datetime as dt

import pytest

from documents.parsing.extract.commitments import EMIT_THRESHOLD, Context, classify
from documents.parsing.extract.lexicon import INFORM, lemma, verb_in
from documents.parsing.model import ParsedDocument


def promise(sentence: str, paper=dt.date(2023, 2, 10)):
    doc = ParsedDocument(source="t", kind="letter")
    doc.date = paper
    hit = classify(sentence, Context(doc, None, paper))
    return hit if hit is not None and hit.confidence >= EMIT_THRESHOLD else None


def test_verb_forms_come_from_the_lemmatizer_not_from_lists():
    assert lemma("stuurt") == lemma("stuurde") == lemma("gestuurd") == "sturen"
    assert lemma("toegestuurd") == "toesturen"
    assert lemma("geïnformeerd") == lemma("informeer") == "informeren"
    assert verb_in("sturen", INFORM)  # an infinitive is its own lemma


@pytest.mark.parametrize(
    "sentence",
    [
        # a future modal with any infinitive (d04, d06, samples)
        "Bij mijn nadere analyse van mogelijke maatregelen zal ik ook deze voorbeelden beschouwen.",
        "Het kabinet zal in een separate brief op deze vraag ingaan.",
        "Daarnaast zal ik de mogelijkheden laten onderzoeken.",
        "Over de uitkomsten van dit onderzoek zal ik uw kamer op korte termijn informeren.",
    ],
)
def test_a_future_modal_with_any_verb_is_a_promise(sentence):
    assert promise(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Uw Kamer zal per brief geïnformeerd worden over de besluiten.",  # d05
        "Op dit punt zal in de voortgangsbrief nader worden ingegaan.",
        "Voor het eind van het jaar wordt u geïnformeerd over de gehele uitwerking van het Aanvullend Actieplan.",  # d37
        "Het wetsvoorstel wordt in het voorjaar aan uw Kamer aangeboden.",
    ],
)
def test_a_passive_whose_agent_is_the_government_is_a_promise(sentence):
    assert promise(sentence, paper=dt.date(2016, 2, 12))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik stuur u de evaluatie na het zomerreces.",
        "De toezegging is dat ik u eind 2016 informeer over de gehele uitwerking.",  # d37
        "Naar verwachting kan ik u voor de zomer informeren.",
    ],
)
def test_the_present_tense_with_a_time_to_come_is_a_promise(sentence):
    assert promise(sentence, paper=dt.date(2016, 2, 12))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik ben voornemens u in het voorjaar nader te berichten.",
        "Het is mijn voornemen om de regeling in 2024 aan te passen.",
        "Ik verwacht uw Kamer eind januari 2023 nader te kunnen informeren.",  # d15
        "De beantwoording vergt meer tijd; ik verwacht de antwoorden medio maart te kunnen sturen.",
        "Ik ben bereid de mogelijkheden te laten onderzoeken.",
    ],
)
def test_intention_readiness_and_expectation_are_promises(sentence):
    assert promise(sentence, paper=dt.date(2022, 12, 13))


@pytest.mark.parametrize(
    "sentence",
    [
        "De rapportage kunt u voor 1 mei tegemoet zien.",
        "U ontvangt de brief in maart.",
        "De Kamer ontvangt de evaluatie in het najaar.",
        "Ik neem dit mee in de voortgangsrapportage die u in juni ontvangt.",
    ],
)
def test_what_the_reader_will_receive_is_a_promise(sentence):
    assert promise(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "De antwoorden worden omstreeks 3 april verwacht.",
        "Daarom verzoek ik u de termijn met 4 weken te verlengen tot 20 februari.",  # d17
        "De kabinetsreactie op het rapport volgt na de zomer.",
    ],
)
def test_the_postponement_forms_are_promises(sentence):
    assert promise(sentence, paper=dt.date(2012, 1, 20))


@pytest.mark.parametrize(
    "sentence",
    [
        # past and perfect
        "Ik heb uw Kamer op 3 maart geïnformeerd.",
        "Ik heb u toegezegd in te zetten op Europese normen voor zout.",  # d26
        "De minister heeft toegezegd de Kamer te informeren.",
        # another actor
        "De Europese Commissie zal een voorstel doen.",
        "Zoals vermeld in het verslag van de RBZ stelde de Hoge Vertegenwoordiger Borrell in dit kader voor dat EDEO "
        "de mogelijkheden voor non-lethale EPF zorgvuldig zal verkennen.",  # d06
        "Het onderzoek wordt uitgevoerd door het RIVM.",
        # questions and conditionals
        "Bent u bereid de Kamer te informeren?",
        "Wanneer wordt de Kamer geïnformeerd?",
        "Indien nodig zal ik u informeren.",
        # opinions, descriptions of this letter, refusals
        "Het kabinet is van mening dat dit voldoende is.",
        "Ik wil graag transparant zijn.",  # d23
        "In deze kamerbrief informeer ik u over de stand van zaken van de contouren.",  # d24
        "In verband met de kabinetswisseling ontvangt u deze brief nu.",  # d21
        "Ik ben niet bereid de regeling aan te passen.",
        "Het is niet mogelijk u voor de zomer te informeren.",
        # continuing policy, obligations and effort (the optional class, not emitted)
        "Dat zal ik blijven doen.",
        "Daarbij zal dan wel altijd een afweging gemaakt moeten worden.",  # d04
        "Ik onderzoek momenteel wat de mogelijkheden zijn.",  # d08
        # a promise reported, not made
        "In de brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden geïnformeerd.",  # d21
    ],
)
def test_not_a_promise(sentence):
    assert promise(sentence) is None
