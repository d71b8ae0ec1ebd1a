"""Who acts in a sentence of government text: the government side or someone else.

Source: ANNOTATION.md, "Commitment": the government side is a minister, a
state secretary, the cabinet, or "Nederland" / "het Koninkrijk" / "ik" /
"wij" speaking as the government; what other actors will do (the EU High
Representative, the UN, another country) is never a commitment.

Actor resolution (our choice, written down here once):

- "ik", "wij", "we" → the answering (or signing) minister's office, else the
  name, else "het kabinet";
- a named minister or state secretary stays as named, without the article
  ("de Minister van VWS" → "Minister van VWS", "Minister Blok");
  a bare "de Minister" is the answering minister's office when known;
- "het kabinet", "de regering" → "het kabinet";
- "Nederland", "het Koninkrijk", "ons land" → the answering minister's office
  when known (the state acts through the minister who answers for it), else
  as written;
- no actor (a passive "Uw Kamer wordt ... geïnformeerd") → the answering
  minister's office, else "het kabinet".
"""

from __future__ import annotations

import re

_CAP = r"[A-Z][\w'’*-]*"
#: a minister named by office or name: "de Minister van VWS", "Minister Blok",
#: "De Ministers van Buitenlandse Zaken en Buitenlandse Handel en
#: Ontwikkelingssamenwerking", "de Minister-President", "de Staatssecretaris"
MINISTER = (
    r"(?:(?:de|De)\s+)?(?:Minister-President|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Bb]ewindsperso(?:o|ne)n?)"
    r"(?:\s+(?:van|voor)\s+" + _CAP + r"(?:,?\s+(?:en(?=\s+[A-Z])|van|voor|" + _CAP + r"|\([A-Z]+\))){0,8})?"
    r"(?:\s+(?!Zaken\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?"
)
STATE = r"(?:[Hh]et\s+[Kk]oninkrijk(?:\s+der\s+Nederlanden)?|Nederland|[Oo]ns\s+land)"
CABINET = (
    r"(?:[Hh]et\s+(?:Nederlandse\s+)?kabinet|[Dd]e\s+(?:Nederlandse\s+)?regering|"
    r"[Hh]et\s+[Mm]inisterie(?:\s+van\s+" + _CAP + r"(?:\s+" + _CAP + r")*)?|[Mm]ijn\s+ministerie)"
)
PRONOUN = r"(?:[Ii]k|[Ww]ij|[Ww]e)"
#: a government actor, with an optional partner: "Het Koninkrijk en Frankrijk"
GOV = r"(?:" + PRONOUN + r"|" + MINISTER + r"|" + STATE + r"|" + CABINET + r")"
GOV_RE = re.compile(r"(?<![\w-])" + GOV + r"(?![\w-])")

#: actors that are never the Dutch government
OTHER_ACTORS = re.compile(
    r"^(?:de\s+|het\s+)?(?:EU|Europese\s+Unie|VN|Verenigde\s+Naties|Secretaris-Generaal|Hoge\s+Vertegenwoordiger|"
    r"Europese\s+Commissie|Commissie|Raad|Veiligheidsraad|AVVN|VNVR|NAVO|OVSE|lidstaten|landen|partners|"
    r"Rusland|China|Iran|Israël|VS|Verenigde\s+Staten|[A-Z][a-z]+se\s+(?:overheid|regering|autoriteiten)|"
    r"autoriteiten|rapporteur|organisatie|leden|fractie|Kamer)\b",
    re.IGNORECASE,
)


def is_government(phrase: str) -> bool:
    return bool(re.fullmatch(GOV, phrase.strip()))


def resolve_actor(phrase: str | None, doc) -> str:
    """The actor of a commitment (see the module docstring)."""
    minister = doc.answering_minister() if doc is not None else None
    answering = (minister.office or minister.name) if minister else None
    if not phrase:
        return answering or "het kabinet"
    p = re.sub(r"\s+", " ", phrase.strip())
    low = p.lower()
    if re.fullmatch(PRONOUN, p):
        return answering or "het kabinet"
    if re.fullmatch(CABINET, p):
        return "het kabinet" if "ministerie" not in low else p
    if re.fullmatch(STATE, p):
        return answering or re.sub(r"^Het\s+[Kk]oninkrijk", "het Koninkrijk", re.sub(r"^Ons\b", "ons", p))
    p = re.sub(r"^(?:de|De)\s+", "", p)
    if p.lower() in ("minister", "staatssecretaris", "bewindspersoon"):
        return answering or p
    return p
