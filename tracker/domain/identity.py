"""Natural keys of records inside a paper, so a new version updates what
changed instead of adding copies."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LABEL_NUMBERS = re.compile(r"\d+[a-z]?")


def normalize_sentence(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("’", "'").replace("«", '"').replace("»", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def sentence_hash(text: str) -> str:
    """A commitment's key within its paper: the hash of its normalized sentence."""
    return hashlib.sha256(normalize_sentence(text).encode("utf-8")).hexdigest()


def label_numbers(label: str) -> list[str]:
    """ "2 en 3" → ["2", "3"]; "3, 4, 5 en 6" → ["3", "4", "5", "6"]."""
    return _LABEL_NUMBERS.findall(label or "")


def content_words(text: str) -> set[str]:
    """Words that carry meaning, for "similar wording" between a promise and a later paper."""
    words = re.findall(r"[a-zà-ÿ]{5,}", normalize_sentence(text))
    return {w for w in words if w not in _STOP}


def similarity(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


_STOP = {
    "zullen",
    "worden",
    "wordt",
    "kamer",
    "hierover",
    "daarover",
    "onder",
    "andere",
    "tijdens",
    "waarbij",
    "hebben",
    "heeft",
    "zoals",
    "omdat",
    "daarom",
    "echter",
    "alsmede",
    "tevens",
    "welke",
    "zijn",
    "deze",
    "dat",
    "over",
    "minister",
    "kabinet",
    "nederland",
    "informeren",
    "graag",
    "brief",
}
