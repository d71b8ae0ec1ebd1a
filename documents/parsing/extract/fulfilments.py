"""Fulfilments (nakomingen): sentences reporting an earlier promise or request as done.

Source: ANNOTATION.md, "Fulfilment": "Met deze brief voldoe ik graag aan dit
verzoek", "Zoals toegezegd tijdens het mondelinge vragenuur, is een formeel
verzoek ingediend ...", "Hiermee geef ik invulling aan de toezegging ...",
"Hierbij informeer ik u, zoals toegezegd, ...". Read from government text
only (answers and letter bodies). A restated promise still to be done
("Zoals toegezegd, zal de Minister ... aankaarten") is a commitment, not a
fulfilment.
"""
from __future__ import annotations

import re
from typing import Optional

from documents.parsing.extract.sentences import split_sentences
from documents.parsing.model import Fulfilment
from documents.parsing.kinds.letter import letter_text

_THIS_LETTER = r"(?:[Mm]et\s+deze\s+brief|[Hh]iermee|[Hh]ierbij|[Mm]et\s+(?:deze|onderstaande|de\s+bijgevoegde)\s+" \
               r"(?:brief|beantwoording|reactie|rapportage)|[Bb]ijgaand|[Ii]n\s+deze\s+brief)"
_PROMISE = r"(?:toezegging|toegezegd|verzoek|verzocht|motie|gevraagd|afspraak|afgesproken)"

RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("complies", re.compile(r"\b" + _THIS_LETTER + r"\b[^.]*?\b(?:voldoe|voldoen|voldoet)\s+(?:ik\s+|wij\s+|het\s+"
                            r"kabinet\s+)?(?:\w+\s+){0,3}?aan\b")),
    ("gives_effect", re.compile(r"\b" + _THIS_LETTER + r"\b[^.]*?\b(?:geef|geven|geeft)\s+(?:ik|wij|het\s+kabinet)\s+"
                                r"(?:\w+\s+){0,3}?(?:invulling|uitvoering|gevolg)\s+aan\b")),
    ("keeps_promise", re.compile(r"\b" + _THIS_LETTER + r"\b[^.]*?\b(?:kom|komen|komt)\s+(?:ik|wij|het\s+kabinet)\s+"
                                 r"(?:\w+\s+){0,3}?(?:toezegging|afspraak)\w*\s+na\b|\b(?:doe|doen)\s+(?:ik|wij)\s+"
                                 r"(?:\w+\s+){0,3}?toezegging\w*\s+gestand\b")),
    ("as_promised_now", re.compile(r"\b" + _THIS_LETTER + r"\b[^.]*\b(?:zoals|conform|overeenkomstig|ingevolge)\s+"
                                   r"(?:\w+\s+){0,4}?" + _PROMISE + r"|\b(?:[Zz]oals|[Cc]onform|[Oo]vereenkomstig)\s+"
                                   r"(?:\w+\s+){0,4}?" + _PROMISE + r"\b[^.]*\b(?:informeer|stuur|zend|bied|ontvangt|"
                                   r"bericht)\b[^.]*\b(?:hierbij|hiermee|bij\s+deze|met\s+deze\s+brief)\b")),
    ("as_promised_done", re.compile(r"^(?:[Zz]oals|[Cc]onform|[Oo]vereenkomstig)\s+(?:\w+\s+){0,3}?(?:toegezegd|"
                                    r"toezegging|afgesproken)\b")),
)
_DONE = re.compile(r"\b(?:is|zijn|heb|hebben|heeft|werd|werden)\b")
_FUTURE = re.compile(r"\b(?:zal|zullen|zult|ga|gaat|gaan)\b")


def fulfilment_rule(sentence: str) -> Optional[str]:
    """The rule that makes ``sentence`` a fulfilment, or None."""
    if sentence.rstrip().endswith("?"):
        return None
    for name, rx in RULES:
        if not rx.search(sentence):
            continue
        if name == "as_promised_done" and (_FUTURE.search(sentence) or not _DONE.search(sentence)):
            continue  # "Zoals toegezegd, zal de Minister ..." is still to be done
        return name
    return None


def find_fulfilments(doc) -> list[Fulfilment]:
    texts = [a.text for a in doc.answers] if doc.answers else (
        [letter_text(doc.body or "")] if doc.kind == "letter" else [])
    out: list[Fulfilment] = []
    seen: set[str] = set()
    for text in texts:
        for sent in split_sentences(text):
            rule = fulfilment_rule(sent.text)
            if rule and sent.text not in seen:
                seen.add(sent.text)
                out.append(Fulfilment(sent.text, rule))
    return out
