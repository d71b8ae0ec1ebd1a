"""Fulfilments (nakomingen): sentences reporting an earlier promise or request as done.

Source: ANNOTATION.md, "Fulfilment". Read from government text only (answers
and letter bodies). A fulfilment names what it fulfils — a promise
(toezegging, toegezegd), a request (verzoek, gevraagd, "uw brief"), a motion
(motie) — and reports it as done, in one of three frames:

- ``this_letter``: the paper itself is the deed: "Met deze brief voldoe ik
  graag aan dit verzoek", "Hierbij doe ik u de toegezegde evaluatie
  toekomen", "In deze Kamerbrief ga ik in op de moties ...", "Met deze brief
  ontvangt u ..., en komen wij tegemoet aan enkele toezeggingen". The promise
  may be named in the sentence before ("Ik heb u toegezegd u hierover te
  informeren. Met deze brief breng ik u op de hoogte ...");
- ``gives_effect``: a verb of fulfilling with what it fulfils, not in the
  future: "Daarmee voldoe ik aan de motie", "Hiermee geef ik invulling aan
  de toezegging", "mede ter uitvoering van de motie", "komen wij tegemoet aan
  enkele toezeggingen", "Daarmee is aan het verzoek van de commissie
  voldaan", "De motie ... is als volgt afgedaan", "Hiermee kom ik mijn
  toezegging na";
- ``acted_as_asked``: a government deed done or doing "conform / zoals
  toegezegd / overeenkomstig" a promise or motion: "Nederland heeft conform
  de motie ... steun uitgesproken", "wordt er reeds conform de motie van uw
  Kamer gehandeld", "Zoals toegezegd ... is een formeel verzoek ingediend",
  and the report that the Kamer was informed about a motion's execution
  ("De Minister heeft de Kamer per brief ... geïnformeerd over de uitvoering
  van de motie ...").

Never a fulfilment: a question; a promise still to be done ("Zoals
toegezegd, zal de Minister ... aankaarten", "Ik zal uitvoering geven aan de
motie" — those are commitments); a letter that only says what it is about
without naming what it answers ("Met deze brief informeer ik u over ...").
"""

from __future__ import annotations

import re

from documents.parsing.extract.references import find_references
from documents.parsing.extract.sentences import split_sentences
from documents.parsing.kinds.letter import letter_text
from documents.parsing.model import Fulfilment

#: what a fulfilment fulfils
PROMISE = re.compile(
    r"\b(?:toezegging\w*|toegezegd\w*|verzoek(?:en)?|verzocht|motie\w*|gevraagd\w*|afspraak|afgesproken|"
    r"uw\s+(?:brief|verzoek|vraag)|(?:de|het)\s+(?:commissie|Kamer)\s+(?:heeft\s+)?(?:gevraagd|verzocht))\b",
    re.I,
)

#: the paper itself: "met deze brief", "hierbij", "deze brief" as what the reader gets
THIS_LETTER = re.compile(
    r"\b(?:[Mm]et\s+(?:deze|dit|de\s+(?:bij)?gevoegde|onderstaande)\s+\w*(?:brief|nota|notitie|rapportage|"
    r"beantwoording|reactie|overzicht)|[Ii]n\s+(?:deze|dit)\s+\w*(?:brief|nota|notitie)|[Hh]ierbij|[Hh]iermee|"
    r"[Bb]ijgaand|(?:ontvangt|krijgt)\s+u\s+(?:\w+\s+){0,3}?(?:deze|de\s+(?:bij)?gevoegde)\s+\w*(?:brief|rapportage|"
    r"nota)|(?:doe|doen|zend|stuur|bied)\s+(?:ik|wij|we)\s+(?:u|uw\s+Kamer)\s+(?:\w+\s+){0,4}?(?:deze|hierbij)\b)"
)

#: verbs of fulfilling (any form but the future): "voldoe(n) aan", "geef/geven
#: uitvoering|invulling|gevolg aan", "ter uitvoering van", "tegemoet komen
#: aan", "(toezegging) nakomen|gestand doen", "afgedaan", "in reactie op",
#: "ga ... in op" (the paper answers them)
FULFIL = re.compile(
    r"\b(?:voldo(?:e|en|et)\b[^.]{0,80}?\baan\b|(?:aan\s+[^.]{0,80}?\s)?(?:is|wordt|zijn|worden)\s+(?:[\w-]+\s+){0,8}?"
    r"voldaan|(?:geef|geven|geeft)\s+(?:\w+\s+){0,5}?(?:uitvoering|invulling|gevolg)\s+aan|"
    r"ter\s+uitvoering\s+van|(?:kom|komen|komt)\s+(?:\w+\s+){0,4}?tegemoet\s+aan|tegemoet\s+(?:te\s+)?komen\s+aan|"
    r"(?:kom|komen|komt)\s+(?:\w+\s+){0,4}?na\b|gestand\s+(?:te\s+)?doe|afgedaan|in\s+reactie\s+op|"
    r"(?:ga|gaan|gaat)\s+(?:\w+\s+){0,4}?in\s+op|toelichting\s+(?:\w+\s+){0,2}?op|(?:breng|brengen)\s+"
    r"(?:\w+\s+){0,3}?op\s+de\s+hoogte|(?:informeer|informeren|bericht|berichten|rapporteer)\b|toekomen|ontvangt)",
    re.I,
)

#: a deed done "as promised / as asked": "conform de motie", "zoals toegezegd",
#: "overeenkomstig het verzoek", "ingevolge de toezegging"
AS_ASKED = re.compile(
    r"\b(?:conform|overeenkomstig|ingevolge|zoals)\s+(?:\w+\s+){0,4}?(?:toezegging\w*|toegezegd|"
    r"motie\w*|verzoek\w*|verzocht|gevraagd|afgesproken)\b",
    re.I,
)
#: done or being done: a perfect, a past, or a present passive
DONE = re.compile(r"\b(?:is|zijn|heb|hebben|heeft|werd|werden|wordt|worden|had|hadden)\b", re.I)
#: "... heeft de Kamer per brief geïnformeerd over de uitvoering van de motie"
REPORTED_EXECUTION = re.compile(
    r"\b(?:heeft|hebben|heb|is|werd)\b[^?;]{0,80}?\bgeïnformeerd\s+over\s+(?:de\s+(?:stand\s+van\s+zaken\s+van\s+de\s+)?)?"
    r"uitvoering\s+van\s+(?:de|het|deze)\s+(?:motie|toezegging|verzoek)",
    re.I,
)
FUTURE = re.compile(r"\b(?:zal|zullen|zult|zou|zouden)\b", re.I)


def fulfilment_rule(sentence: str, previous: str = "") -> str | None:
    """The frame that makes ``sentence`` a fulfilment (see the module
    docstring), or None. ``previous`` is the sentence before it, which may
    name the promise a "met deze brief" sentence keeps."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return None
    names = PROMISE.search(s)
    this_letter = THIS_LETTER.search(s)
    if this_letter and FULFIL.search(s) and (names or _promise_to_inform(previous)):
        return "this_letter"
    if this_letter and re.search(r"\bnu\b", s) and _promise_to_inform(previous):
        return "this_letter"  # "In verband met de kabinetswisseling ontvangt u deze brief nu"
    if names and FULFIL.search(s) and not FUTURE.search(s) and not _describes_motion(s):
        if re.search(
            r"\b(?:voldo|voldaan|uitvoering|invulling|gevolg|tegemoet|na\b|gestand|afgedaan|in\s+reactie)", s, re.I
        ):
            return "gives_effect"
    if REPORTED_EXECUTION.search(s):
        return "acted_as_asked"
    m = AS_ASKED.search(s)
    if m and not FUTURE.search(s) and DONE.search(s) and not s.startswith(("De motie", "Deze motie")):
        return "acted_as_asked"
    return None


def _promise_to_inform(previous: str) -> bool:
    """The sentence before names a promise to send or inform: "Ik heb u
    toegezegd ... u hierover te informeren", "In de brief is toegezegd dat uw
    Kamer jaarlijks ... zal worden geïnformeerd"."""
    return bool(previous) and bool(re.search(r"\b(?:toegezegd|toezegging|verzocht|gevraagd)\b", previous, re.I))


def _describes_motion(s: str) -> bool:
    """ "De motie verzoekt de regering ...", "Met de motie X verzocht uw Kamer ...": what was asked, not done."""
    return bool(
        re.search(r"\b(?:motie|verzoek)\b[^.]{0,60}?\b(?:verzoekt|verzocht|vraagt|vroeg)\b", s, re.I)
    ) and not re.search(r"\b(?:voldo|uitvoering\s+aan|invulling\s+aan|tegemoet)", s, re.I)


def find_fulfilments(doc) -> list[Fulfilment]:
    texts = (
        [a.text for a in doc.answers]
        if doc.answers
        else ([letter_text(doc.body or "")] if doc.kind == "letter" else [])
    )
    out: list[Fulfilment] = []
    seen: set[str] = set()
    for text in texts:
        previous = ""
        for sent in split_sentences(text):
            rule = fulfilment_rule(sent.text, previous)
            previous = sent.text
            if rule and sent.text not in seen:
                seen.add(sent.text)
                out.append(Fulfilment(sent.text, rule, find_references(sent.text)))
    return out
