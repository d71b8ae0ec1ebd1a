"""Pieces every kind reads: members and parties, offices, question and answer labels.

Offices are written as the papers address them: "de Ministers voor A en van
B" is two offices, "Minister voor A" and "Minister van B"; "de
Staatssecretaris en de Minister van C" gives the Staatssecretaris the
ministry of the office after it ("Staatssecretaris van C").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Answer, Asker, Question

TITLES = (
    r"(?:Minister-President|[Mm]inister-[Pp]resident|[Mm]inisters?|[Ss]taatssecretariss?(?:en)?|[Ss]taatssecretaris|"
    r"Viceminister-President|Vicepremier)"
)

#: portfolios of a Minister without a ministry of their own ("Minister voor ...")
VOOR_PORTFOLIOS = (
    "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "Klimaat en Energie",
    "Rechtsbescherming",
    "Medische Zorg",
    "Medische Zorg en Sport",
    "Langdurige Zorg",
    "Langdurige Zorg, Jeugd en Sport",
    "Primair en Voortgezet Onderwijs",
    "Basis- en Voortgezet Onderwijs",
    "Basis- en Voortgezet Onderwijs en Media",
    "Volkshuisvesting en Ruimtelijke Ordening",
    "Armoedebeleid, Participatie en Pensioenen",
    "Natuur en Stikstof",
    "Migratie",
    "Asiel en Migratie",
    "Wonen en Rijksdienst",
    "Milieu en Wonen",
    "Ontwikkelingssamenwerking",
    "Europese Zaken",
    "Immigratie, Integratie en Asiel",
    "Jeugd en Gezin",
    "Wonen, Wijken en Integratie",
    "Vreemdelingenzaken en Integratie",
    "Buitenlandse Handel",
    "Sport",
    "Onderwijs",
    "Volkshuisvesting",
)

_LEAD = re.compile(r"^(?:de|het|aan)\s+", re.I)


def fold(s: str) -> str:
    return " ".join((s or "").split())


def _singular(title: str) -> str:
    t = title.lower()
    if t.startswith("ministers"):
        return "Minister"
    if t.startswith("staatssecretarissen"):
        return "Staatssecretaris"
    return title[:1].upper() + title[1:]


def split_offices(text: str) -> list[str]:
    """ "de Ministers voor A en van B" → ["Minister voor A", "Minister van B"]."""
    text = fold(text).strip(" ,.;")
    if not text:
        return []
    segs = re.split(r"(?:,\s*|\s+en\s+|\s+alsmede\s+)(?=(?:de\s+|het\s+)?" + TITLES + r"\b)", text)
    offices: list[list] = []  # [title, rest or None]
    for seg in segs:
        seg = _LEAD.sub("", seg.strip(" ,"))
        m = re.match(r"^(" + TITLES + r")\b\s*(.*)$", seg)
        if not m:
            if offices and seg:
                offices[-1][1] = ((offices[-1][1] or "") + " " + seg).strip()
            continue
        title, rest = m.group(1), m.group(2).strip(" ,")
        rest = re.sub(r"\s*\(.*$", "", rest)
        if title.lower().startswith(("ministers", "staatssecretarissen")):
            parts = re.split(r"(?:,\s*|\s+en\s+)(?=(?:van|voor)\s)", rest)
            for p in parts:
                p = p.strip(" ,")
                if p:
                    offices.append([_singular(title), p])
            if not rest:
                offices.append([_singular(title), None])
        else:
            offices.append([_singular(title), rest or None])
    # a bare title borrows the ministry of the office after it
    for i in range(len(offices) - 1, -1, -1):
        if offices[i][1] is None and offices[i][0] != "Minister-President":
            for j in range(i + 1, len(offices)):
                if offices[j][1]:
                    offices[i][1] = offices[j][1]
                    break
    out = []
    for title, rest in offices:
        name = title if not rest else f"{title} {rest}"
        name = fold(name)
        if name not in out:
            out.append(name)
    return out


def office_from_ministry(title: str, ministry: str, known: Sequence[str] = ()) -> str:
    """ "Minister" + "Buitenlandse Zaken" → "Minister van Buitenlandse Zaken";
    "Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport" keeps the ministry."""
    title = _singular(title)
    ministry = fold(ministry)
    ministry = re.split(r"\s+[–—-]\s+", ministry)[0].strip(" ,")
    if title.lower() == "minister-president":
        return "Minister-President"
    for k in known:
        if k.lower().startswith(title.lower() + " voor ") and k.lower().endswith(ministry.lower()):
            return k
    if title == "Minister" and any(ministry.lower() == p.lower() for p in VOOR_PORTFOLIOS):
        return f"{title} voor {ministry}"
    if re.match(r"^(van|voor)\s", ministry, re.I):
        return f"{title} {ministry}"
    return f"{title} van {ministry}"


def title_case_office(caps: str) -> str:
    """ "MINISTER VAN BUITENLANDSE ZAKEN" → "Minister van Buitenlandse Zaken"."""
    small = {"van", "voor", "en", "de", "het", "der", "op", "in", "met"}
    words: list[str] = []
    for w in fold(caps).split(" "):
        lw = w.lower()
        if lw in small and words:
            words.append(lw)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(words)


# ------------------------------------------------------------------ members

_PARTY_PREFIX = re.compile(r"^(?:beiden|beide|allen|alle|allebei)\s+", re.I)


def parse_askers(text: str) -> list[Asker]:
    """ "Van den Hul en Ploumen (beiden PvdA)", "Faber-van de Klashorst(PVV)",
    "A (VVD) en B (CDA)", "X (GroenLinks-PvdA), Y (D66) en Z (BBB)"."""
    text = fold(text)
    out: list[Asker] = []
    pos = 0
    for m in re.finditer(r"\(([^()]*)\)", text):
        names = text[pos : m.start()]
        party = _PARTY_PREFIX.sub("", fold(m.group(1))).strip(" ,")
        pos = m.end()
        for n in _split_names(names):
            out.append(Asker(n, party or None))
    for n in _split_names(text[pos:]):
        out.append(Asker(n, None))
    return out


def _split_names(names: str) -> list[str]:
    names = fold(names).strip(" ,;")
    names = re.sub(r"^(?:en|,)\s+", "", names)
    names = re.sub(r"^(?:het\s+lid|de\s+leden|lid|leden)\s+", "", names, flags=re.I)
    if not names:
        return []
    parts = re.split(r"\s*,\s*|\s+en\s+", names)
    return [p.strip() for p in parts if p.strip() and not re.fullmatch(r"c\.s\.?", p.strip())]


# ------------------------------------------------------------------ labels

# Labels open a line with a capital ("Vraag 3", "VRAAG 3", "Antwoord 3", "Antwoord op vraag 3",
# "Antwoord vraag 3"): "vraag 4. De zorgaanbieder ..." at a line start is running text broken there.
# Grouped labels in any form: "Vraag 2 en 3", "Vragen 2, 3", "Antwoord 3, 4, 5 6 en 7" (a comma the
# layout lost); the number is the label as written, white space folded.
NUM = r"\d{1,3}[a-z]?"
_SEP = r"(?:\s*(?:,|&|\ben\b|t/m|tot\s+en\s+met|–|-)\s*|\s+)"
NUM_LIST = NUM + r"(?:" + _SEP + NUM + r"(?![\d.,]\d))*"
Q_LABEL = re.compile(r"^(?:Vraag|Vragen|VRAAG|VRAGEN)\s+(?P<num>" + NUM_LIST + r")\s*(?::|\.(?=\s|$))?\s*(?P<rest>.*)$")
A_LABEL = re.compile(
    r"^(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)(?:\s+(?:op\s+|OP\s+)?(?:de\s+)?(?:vra(?:ag|gen)|VRA(?:AG|GEN)))?"
    r"\s+(?P<num>" + NUM_LIST + r")\s*(?::|\.(?=\s|$))?\s*(?P<rest>.*)$"
)


def label_number(s: str) -> str:
    return fold(s).rstrip(".:")


def _label(line: str):
    for kind, rx in (("q", Q_LABEL), ("a", A_LABEL)):
        m = rx.match(line)
        if m:
            num = m.group("num")
            rest = m.group("rest")
            if re.search(r"\d\s+\d", num) and not re.search(r",|&|\ben\b|t/m|tot\s+en\s+met", num):
                if re.fullmatch(r"\d(?: \d){1,2}", num.strip()):
                    num = num.replace(" ", "")  # "Vraag 1 1": a letter-spaced "11"
                elif lead := re.match(NUM, num):  # "Vraag 12 13": only the first number is the label
                    first = lead.group(0)
                    rest = (num[len(first) :] + " " + rest).strip() if rest else num[len(first) :].strip()
                    num = first
            if rest and not (rest[0].isupper() or rest[0] in "«\"'‘“("):
                return None  # "Vraag 2 is ..." in running text
            return kind, label_number(num), rest
    return None


def _repair_numbers(labels: list) -> None:
    """Labels the layout cut a digit from: "Vraag 1" after "Vraag 10" is "Vraag 11" (the
    next number holds the digit read), unless the count starts again there (the next label
    of its kind is "2"). ``labels``: [kind, number] lists, changed in place."""
    last = {"q": 0, "a": 0}
    for j, lab in enumerate(labels):
        kind, num = lab
        if num.isdigit():
            n = int(num)
            prev = max(last["q"], last["a"])
            if prev >= 9 and n < prev and n < 10:
                nxt = prev + 1 if kind == "q" or last["a"] >= last["q"] else last["q"]
                later = next((x[1] for x in labels[j + 1 :] if x[0] == kind), None)
                if num in str(nxt) and later != str(n + 1):
                    lab[1] = num = str(nxt)
        nums = re.findall(r"\d+", num)
        if nums:
            last[kind] = int(nums[-1])


def split_labelled(lines: list[str]):
    """ "Vraag N" / "Antwoord N" blocks → (questions, answers, index of the first label)."""
    found = []  # (line index, kind, number, rest)
    for i, ln in enumerate(lines):
        lab = _label(ln.strip()) if ln.strip()[:1] in "VvAa" else None
        if lab:
            found.append((i, *lab))
    nums = [[k, n] for _i, k, n, _r in found]
    _repair_numbers(nums)
    at = {i: (k, n, r) for (i, _k, _n, r), (k, n) in zip(found, nums)}
    qs: list[Question] = []
    ans: list[Answer] = []
    cur = None
    buf: list[str] = []
    first = found[0][0] if found else None

    def flush():
        if cur is None:
            return
        kind, num = cur
        txt = fold(" ".join(buf))
        (qs if kind == "q" else ans).append(Question(num, txt) if kind == "q" else Answer(num, txt))

    for i, ln in enumerate(lines):
        if i in at:
            flush()
            kind, num, rest = at[i]
            cur = (kind, num)
            buf = [rest] if rest else []
            continue
        if cur is not None:
            buf.append(ln)
    flush()
    return qs, ans, first


def split_bare_numbers(lines: list[str]):
    """Question-only papers: "1" alone on a line (or "1. Bent u ...") opening each question,
    counting up from 1."""
    qs: list[Question] = []
    expected = 1
    cur = None
    buf: list[str] = []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^(\d{1,3})(?:[.)])?(?:\s+(?P<rest>[A-Z«\"‘“(].*))?$", s)
        if m and int(m.group(1)) == expected:
            if cur is not None:
                qs.append(Question(str(cur), fold(" ".join(buf))))
            cur = expected
            expected += 1
            buf = [m.group("rest")] if m.group("rest") else []
            continue
        if cur is not None:
            buf.append(s)
    if cur is not None:
        qs.append(Question(str(cur), fold(" ".join(buf))))
    return qs
