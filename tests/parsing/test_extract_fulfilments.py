"""Fulfilments (ANNOTATION.md, "Fulfilment") and the whole extraction on the seeds."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from documents.parsing.extract import extract_all
from documents.parsing.extract.fulfilments import fulfilment_rule
from documents.parsing.model import ParsedDocument


@pytest.mark.parametrize("sentence", [
    "Met deze brief voldoe ik graag aan dit verzoek.",
    "Zoals toegezegd tijdens het mondelinge vragenuur, is een formeel verzoek ingediend voor een onderhoud.",
    "Hiermee geef ik invulling aan de toezegging om uw Kamer te informeren.",
    "Hierbij informeer ik u, zoals toegezegd, over de stand van zaken.",
    "Hiermee kom ik mijn toezegging na.",
])
def test_fulfilments(sentence):
    assert fulfilment_rule(sentence)


@pytest.mark.parametrize("sentence", [
    "Zoals toegezegd, zal de Minister van VWS het belang aankaarten.",
    "Ik zal uw Kamer voor de zomer informeren.",
    "Voldoet u hiermee aan het verzoek?",
])
def test_not_fulfilments(sentence):
    assert not fulfilment_rule(sentence)


def test_extract_all_fills_the_four_lists():
    doc = ParsedDocument(source="t", kind="letter", dossier="32 735", number="312",
                         body="Met deze brief voldoe ik graag aan dit verzoek (Kamerstuk 32 735, nr. 287). "
                              "Ik zal de situatie scherp veroordelen.")
    extract_all(doc)
    assert [f.text for f in doc.fulfilments] == ["Met deze brief voldoe ik graag aan dit verzoek (Kamerstuk "
                                                  "32 735, nr. 287)."]
    assert [c.text for c in doc.commitments] == ["Ik zal de situatie scherp veroordelen."]
    assert [(r.dossier, r.number) for r in doc.references] == [("32 735", "287")]
    assert doc.requests == []


SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not present")
def test_seeds_score_at_the_targets(tmp_path):
    root = Path(__file__).resolve().parents[2]
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    out = subprocess.run([sys.executable, "-m", "documents.parsing", *seeds], cwd=root, capture_output=True,
                         text=True, timeout=300)
    pred = tmp_path / "out.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    score = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(SHARED / "gold"), str(pred)],
                           capture_output=True, text=True, timeout=120)
    line = score.stdout.strip().splitlines()[-1]
    parts = dict(p.strip().split(" ", 1) for p in line.split("|"))
    assert "F1 1.00" in parts["fulfilments"] and "F1 1.00" in parts["references"], line
    com_f1 = float(parts["commitments"].split("F1 ")[1])
    req_f1 = float(parts["requests"].split("F1 ")[1].split()[0])
    assert com_f1 >= 0.90 and req_f1 >= 0.90, line
    ok, n = parts["due"].split("/")
    assert ok == n, line
    json.loads(out.stdout.splitlines()[0])
