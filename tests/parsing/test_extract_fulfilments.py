"""Fulfilments (ANNOTATION.md, "Fulfilment") and the whole extraction on the seeds."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from documents.parsing.extract import extract_all
from documents.parsing.extract.fulfilments import fulfilment_rule
from documents.parsing.model import ParsedDocument


@pytest.mark.parametrize(
    "sentence",
    [
        "Met deze brief voldoe ik graag aan dit verzoek.",
        "Zoals toegezegd tijdens het mondelinge vragenuur, is een formeel verzoek ingediend voor een onderhoud.",
        "Hiermee geef ik invulling aan de toezegging om uw Kamer te informeren.",
        "Hierbij informeer ik u, zoals toegezegd, over de stand van zaken.",
        "Hiermee kom ik mijn toezegging na.",
        # real sentences of the development set
        "Daarmee voldoe ik aan de motie van het lid van uw kamer Van der Veen.",  # d23
        "Ik ga hierbij in op de moties Kamerstuk 32 793, nr. 176 (Dik-Faber) en op de toezeggingen om de Kamer "
        "periodiek te informeren.",  # d26
        "In deze Kamerbrief zal ik een toelichting geven op de voortgang en uitvoering van de openstaande toezeggingen "
        "en aangenomen moties rondom (de Wet) open overheid.",  # d27
        "Met deze brief ontvangt u een overzicht van ontwikkelingen rondom PFAS, en komen wij tegemoet aan enkele "
        "toezeggingen en moties.",  # d28
        "Hierbij doe ik u het kabinetsstandpunt toekomen, mede ter uitvoering van de op 17 november jl. door uw Kamer "
        "aanvaarde motie-Taverne.",  # d31
        "De motie Mastwijk/Neppérus (Kamerstuknummer 29 435, nr. 256) is als volgt afgedaan.",  # d33
        "De Minister van SZW heeft de Kamer per brief d.d. 2 mei 2011 geïnformeerd over de uitvoering van de motie "
        "Slob/de Rouwe.",  # d33
        "Het kabinet heeft, conform motie Bikker/Omtzigt, in EU-kader erop aangedrongen maatregelen tegen "
        "Azerbeidzjan te bespreken.",  # d06
        "Aangezien de Code niet voorschrijft hoe, wordt er reeds conform de motie van uw Kamer gehandeld.",  # d05
        "In reactie op uw brief van 28 oktober 2014 en toezegging in mijn brief van 31 december 2014 doe ik u deze "
        "brief toekomen.",  # d37
        "Daarmee is aan het verzoek van de commissie voldaan.",
    ],
)
def test_fulfilments(sentence):
    assert fulfilment_rule(sentence)


@pytest.mark.parametrize(
    "previous, sentence",
    [
        (
            "Ik heb u toegezegd in te zetten op Europese normen voor zout en u hierover te informeren.",
            "Met deze brief breng ik u op de hoogte van de voortgang van zowel het Akkoord als mijn inzet in de EU.",
        ),  # d26
        (
            "In de brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden geïnformeerd.",
            "In verband met de kabinetswisseling ontvangt u deze brief nu.",
        ),  # d21
    ],
)
def test_this_letter_keeps_the_promise_named_just_before(previous, sentence):
    assert fulfilment_rule(sentence, previous) == "this_letter"
    assert not fulfilment_rule(sentence, "Het Akkoord focust op het verbeteren van de productsamenstelling.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Zoals toegezegd, zal de Minister van VWS het belang aankaarten.",
        "Ik zal uw Kamer voor de zomer informeren.",
        "Voldoet u hiermee aan het verzoek?",
        "Ik zal uitvoering geven aan de motie van het lid Van der Staaij.",
        "Met deze brief informeer ik u over de stand van zaken van het programma.",
        "Met de motie Marijnissen c.s. verzocht uw Kamer het kabinet een voorstel te doen.",  # d22: what was asked
        "De motie verzoekt de regering om de Kamer voor de zomer te informeren.",
    ],
)
def test_not_fulfilments(sentence):
    assert not fulfilment_rule(sentence)


def test_extract_all_fills_the_four_lists():
    doc = ParsedDocument(
        source="t",
        kind="letter",
        dossier="32 735",
        number="312",
        body="Met deze brief voldoe ik graag aan dit verzoek (Kamerstuk 32 735, nr. 287). "
        "Ik zal de situatie scherp veroordelen.",
    )
    extract_all(doc)
    assert [f.text for f in doc.fulfilments] == [
        "Met deze brief voldoe ik graag aan dit verzoek (Kamerstuk 32 735, nr. 287)."
    ]
    assert [c.text for c in doc.commitments] == ["Ik zal de situatie scherp veroordelen."]
    assert [(r.dossier, r.number) for r in doc.references] == [("32 735", "287")]
    assert doc.requests == []


SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not present")
def test_seeds_score_at_the_targets(tmp_path):
    root = Path(__file__).resolve().parents[2]
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "documents.parsing", *seeds], cwd=root, capture_output=True, text=True, timeout=300
    )
    pred = tmp_path / "out.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(SHARED / "gold"), str(pred)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = score.stdout.strip().splitlines()[-1]
    parts = dict(p.strip().split(" ", 1) for p in line.split("|"))
    assert "F1 1.00" in parts["fulfilments"] and "F1 1.00" in parts["references"], line
    com_f1 = float(parts["commitments"].split("F1 ")[1])
    req_f1 = float(parts["requests"].split("F1 ")[1].split()[0])
    assert com_f1 >= 0.90 and req_f1 >= 0.90, line
    ok, n = parts["due"].split("/")
    assert ok == n, line
    json.loads(out.stdout.splitlines()[0])
