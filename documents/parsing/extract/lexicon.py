"""The word classes the commitment grammar reads, by lemma.

One table a clerk can read and extend: each set holds *lemmas* (dictionary
forms, as ``simplemma`` gives them for Dutch, with separable verbs written
whole: "toesturen", "ingaan"), so a rule never lists "stuur / stuurt /
sturen / gestuurd / stuurde" — :func:`lemma` maps every form to "sturen".

Sources: ../shared/contract/ANNOTATION.md ("Commitment": required, optional
and never) and ../shared/DOMAIN.md. The grammar that uses these tables is
:mod:`documents.parsing.extract.commitments`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

# ------------------------------------------------------------------ lemmas

#: forms simplemma does not know (participles with a diaeresis, official
#: compounds); every other form goes through simplemma's Dutch dictionary
_OVERRIDES = {
    "geïnformeerd": "informeren",
    "geinformeerd": "informeren",
    "geïnventariseerd": "inventariseren",
    "bericht": "berichten",
    "berichten": "berichten",
    "tegemoetzien": "tegemoetzien",
    "terugkom": "terugkomen",
    "terugkomen": "terugkomen",
    "zou": "zou",
    "zouden": "zou",  # the conditional, never the future
    "onderzoeken": "onderzoeken",
    "voornemens": "voornemens",
}


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a Dutch word ("stuurt" → "sturen",
    "toegestuurd" → "toesturen"); unknown words come back lower-cased."""
    w = word.lower().strip("'’«»\"()[]")
    if w in _OVERRIDES:
        return _OVERRIDES[w]
    try:
        out = simplemma.lemmatize(w, lang="nl")
    except Exception:
        return w
    return (out or w).replace("_", "").lower()


def verb_in(word: str, cls: frozenset) -> bool:
    """Is ``word`` a form of a verb of ``cls``? An infinitive is its own lemma
    ("sturen" — simplemma may read it as the plural of the noun "stuur")."""
    w = word.lower()
    return w in cls or lemma(w) in cls


_WORD = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ'’-]*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def lemmas(text: str) -> list[str]:
    return [lemma(w) for w in words(text)]


# ------------------------------------------------------------------ verb classes

#: informing or sending to parliament: the heart of most promises
INFORM = frozenset(
    [
        "informeren",
        "inlichten",
        "berichten",
        "rapporteren",
        "melden",
        "sturen",
        "toesturen",
        "zenden",
        "toezenden",
        "versturen",
        "opsturen",
        "verzenden",
        "aanbieden",
        "voorleggen",
        "overleggen",
        "doen",
        "toekomen",
        "terugkomen",
        "ingaan",
        "delen",
        "verstrekken",
        "publiceren",
        "terugrapporteren",
        "terugmelden",
        "presenteren",
        "uitbrengen",
        "aanbieden",
        "beantwoorden",
        "toelichten",
        "schrijven",
    ]
)

#: copulas and states: "ik wil graag transparant zijn" promises nothing
COPULA = frozenset(["zijn", "worden", "blijven", "hebben", "lijken", "heten"])

#: the current letter: "Hierbij informeer ik u", "In deze brief ..."
CURRENT_LETTER = re.compile(
    r"\b(?:[Hh]ierbij|[Hh]iermee|[Bb]ijgaand|[Hh]ieronder|[Oo]nderstaand|als\s+volgt|"
    r"[Mm]et\s+(?:deze|dit|de\s+bijgevoegde|onderstaande)\s+\w*(?:brief|nota|notitie|rapportage|beantwoording)|"
    r"[Ii]n\s+(?:deze|dit|onderstaande)\s+\w*(?:brief|nota|notitie|rapportage|beantwoording))\b"
)
