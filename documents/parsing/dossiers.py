"""Kamerstuk dossier numbers, one way of writing them (as the Kamer cites them).

"32735", "32 \\n735" → "32 735"; "21 501 - 2" → "21 501-02" (a sub-dossier
is two digits after a hyphen); "35 300-v" → "35 300 V" (a chapter letter or
Roman numeral follows a space). ``compact`` is the form without spaces that
the lists and the digest compare ("32735" = "32 735").
"""

from __future__ import annotations

import re

_DOSSIER = re.compile(r"(\d{2}) ?(\d{3})(?: ?- ?(\w+)| (\w+))?")


def canonical(raw: str) -> str | None:
    """The dossier as cited, or None when ``raw`` is no dossier number."""
    s = re.sub(r"\s+", " ", raw.replace("–", "-").replace("\u00a0", " ")).strip()
    m = _DOSSIER.fullmatch(s)
    if not m:
        return None
    base = f"{m.group(1)} {m.group(2)}"
    suffix = m.group(3) or m.group(4)
    if not suffix:
        return base
    if suffix.isdigit():
        return f"{base}-{suffix.zfill(2)}"
    return f"{base} {suffix.upper()}"


def canonical_or_as_written(raw: str) -> str:
    """The dossier as cited; what does not read as one stays as written (spacing tidied)."""
    return canonical(raw) or " ".join(raw.split())


def compact(raw: str | None) -> str:
    """Without spaces, for comparing: "32 735" → "32735"."""
    return "".join((raw or "").split())
