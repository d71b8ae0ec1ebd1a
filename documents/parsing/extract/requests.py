"""Requests (verzoeken) in questions, and the reply each gets.

Source: ANNOTATION.md, "Request". A question of a member or party asking the
government to commit: "Bent u bereid ...?", "Is het kabinet hiertoe
bereid?", "Wilt u ...?", "Kunt u toezeggen ...?", "Zegt u toe ...?", and in
a consultation the indirect forms ("Zij vragen of het kabinet deze
boodschap wil overbrengen", "Kan Nederland zich inspannen om ...?"). One
request per question. Not a request: a question that only asks for
information ("Kunt u aangeven ...?", "Kan de Minister dit toelichten?") or a
conditional one ("Indien u niet bereid bent ...").

The reply comes from the answer with the same number (a grouped label such
as "2 en 3" covers both): ``yes`` (opens with "Ja", or states plainly it
will), ``no`` (opens with "Nee", or refuses plainly), ``partial`` (agrees to
part: "Voor zover ... ben ik bereid", or agrees and refuses in one answer),
``unclear`` otherwise. An answer that only refers to another ("Zie het
antwoord op vraag 21") takes that answer's reply.
"""

from __future__ import annotations

import re

from documents.parsing.extract import lexicon as lex
from documents.parsing.extract.actors import GOV
from documents.parsing.extract.sentences import flatten, sentences
from documents.parsing.model import Request

_ADDRESSEE = (
    r"(?:u|jij|hij|zij|" + GOV + r"|de\s+(?:bewindspersoon|bewindslieden|regering)|"
    r"het\s+Koninkrijk)"
)

#: direct requests, at the start of a (sub)sentence
_DIRECT = [
    (
        "willing",
        re.compile(
            r"\b(?:[Bb]ent|[Ii]s|[Zz]ijn|[Zz]ou|[Zz]ouden)\s+"
            + _ADDRESSEE
            + r"\s+(?:\w+\s+){0,3}?(?:bereid|genegen|van\s+plan|voornemens)\b"
        ),
    ),
    ("going_to", re.compile(r"^(?:En\s+)?(?:[Gg]aat|[Gg]aan)\s+" + _ADDRESSEE + r"\b[^?]*\?")),
    (
        "willing_indirect",
        re.compile(
            r"\bof\s+" + _ADDRESSEE + r"\s+(?:[^?.]{0,200}?\s)?(?:bereid|genegen)\s+"
            r"(?:is|zijn|bent|zou|zouden)\b"
        ),
    ),
    ("willing_indirect", re.compile(r"\bof\s+" + _ADDRESSEE + r"\s+(?:\w+\s+){0,2}(?:bereid|genegen)\b")),
    (
        "pledge",
        re.compile(
            r"\b(?:[Kk]unt|[Kk]an|[Ww]ilt|[Ww]il)\s+" + _ADDRESSEE + r"\s+(?:[^?.]{0,120}?\s)?"
            r"toezeggen\b|\b[Zz]egt\s+" + _ADDRESSEE + r"\b[^?.]{0,160}?\btoe\b"
        ),
    ),
    ("wants", re.compile(r"(?:^|[,;:]\s*|\b[Ee]n\s+)(?:[Ww]ilt|[Ww]il)\s+" + _ADDRESSEE + r"\b")),
    (
        "wants_indirect",
        re.compile(
            r"\b(?:vragen|vraagt|verzoeken|verzoekt)\b[^?]{0,80}?\bof\s+"
            + _ADDRESSEE
            + r"\s+[^?.]{0,160}?\s(?:wil|wilt|willen)\s+\w+\s*[.?]?$"
        ),
    ),
]

#: "Kan Nederland zich inspannen ...?", "Kan de Minister dit heroverwegen?"
_CAN = re.compile(
    r"(?:^|[,;:]\s*|\b[Ee]n\s+)(?:[Kk]unt|[Kk]an|[Zz]ou|[Zz]ouden|[Kk]unnen)\s+(?P<who>"
    + _ADDRESSEE
    + r")\b(?P<rest>[^?]*)\?"
)
#: a "can you" question that only asks for information
_INFO_ONLY = re.compile(
    r"\b(?:aangeven|toelichten|toelichting|ingaan|reageren|reactie|bevestigen|uitleggen|verklaren|schetsen|"
    r"uiteenzetten|overzicht|beschrijven|verduidelijken|duiden|zeggen|vertellen|inzicht|aangegeven|"
    r"informeren|delen|sturen|toesturen|zenden|verstrekken|geven\s+van|beantwoorden|inschatten|"
    r"uitsluiten|garanderen|onderbouwen|verantwoorden|aangeven|melden|noemen|specificeren|uiteen|inzage|"
    r"verhelderen|duidelijk\s+maken|ophelderen)\b",
    re.I,
)
#: "Wilt u deze vragen afzonderlijk beantwoorden?": a request about the answer
#: itself (to answer each question, by a date) — a request like any other
_PROCEDURAL = re.compile(r"\bvragen\b[^?]*\bbeantwoord|\bbeantwoord\w*\b[^?]*\bvragen\b", re.I)
_QUESTION_WORD_BEFORE = re.compile(r"\b(?:hoe|wat|welke|welk|waarom|wanneer|waar|wie|in\s+hoeverre|op\s+welke)\b", re.I)
_CONDITIONAL = re.compile(r"^(?:Indien|Als|Mocht|Wanneer|Ingeval)\b|\b(?:indien|als)\s+u\s+niet\b", re.I)
_NOT_WILLING = re.compile(r"\bwaarom\b(?!\s+niet\s*[,?])[^?]*\bniet\b|\bniet\s+bereid\b", re.I)


def request_sentence(question_text: str) -> tuple[str, str] | None:
    """(rule, sentence) of the first request in a question, or None."""
    for s in sentences(question_text):
        if _CONDITIONAL.search(s) or _NOT_WILLING.search(s):
            continue
        for rule, rx in _DIRECT:
            m = rx.search(s)
            if not m:
                continue
            before = s[: m.start()]
            if rule.startswith("wants") and _QUESTION_WORD_BEFORE.search(before[-40:] if rule == "wants" else ""):
                continue
            if rule == "wants" and _QUESTION_WORD_BEFORE.search(s[: m.end()]):
                continue
            return rule, s
        m = _CAN.search(s)
        if (
            m
            and "?" in s
            and (not _INFO_ONLY.search(m.group("rest")) or _PROCEDURAL.search(m.group("rest")))
            and not _QUESTION_WORD_BEFORE.search(_own_clause(s, m.start()))
            and re.search(r"\b\w+(?:en|ën)\b", m.group("rest"))
        ):
            return "can_you_act", s
    return None


def _own_clause(s: str, pos: int) -> str:
    """The text before ``pos`` in its own clause: "Zo nee, waarom niet, en kunt
    u ..." → "" (the "waarom" belongs to another clause)."""
    before = s[: pos + 1]
    cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "))
    return before[cut + 2 :] if cut >= 0 else before


# ----------------------------------------------------------------- replies

_YES_OPEN = re.compile(r"^\s*(?:Ja|Jazeker|Zeker|Uiteraard|Dat\s+(?:ben|zijn)\s+(?:ik|wij)\s+(?:graag\s+)?bereid)\b")
_NO_OPEN = re.compile(r"^\s*(?:Nee|Neen)\b")
_PARTIAL = re.compile(r"\bVoor\s+zover\b[^.]*\b(?:bereid|zal|zullen|kan)\b|\b(?:ten\s+dele|gedeeltelijk|deels)\b", re.I)
_CONDITIONAL_PROMISE = re.compile(r"^(?:Indien|Mocht|Als)\b(?![^.]*\bniet\b)[^.]*\b(?:zal|zullen)\b")
_STRONG_YES = [
    re.compile(r"\b(?:ben|zijn|is)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:graag\s+|ook\s+|gaarne\s+)*bereid\b"),
    re.compile(r"\b(?:[Ii]k|[Ww]ij)\s+(?:ben|zijn)\s+(?:graag\s+|ook\s+)*bereid\b(?![^.]*\bniet\b)"),
    re.compile(r"\bdat\s+(?:ben|is|zijn)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:nog\s+)?steeds\b"),
    re.compile(r"\b(?:zeg|zeggen)\s+(?:ik|wij)\b[^.]{0,60}\btoe\b"),
]
#: a present-tense government action answering the request (first sentences only)
_PRESENT_ACTION = re.compile(
    r"\b(?:zet(?:ten)?\s+(?:\S+\s+){0,4}?zich\s+(?:\S+\s+){0,4}?in\b|roep(?:t|en)\s+(?:\S+\s+){0,8}?op\b|"
    r"dring(?:t|en)\s+(?:\S+\s+){0,6}?aan\b|is\s+onderwerp\s+van\s+gesprek|doe(?:n)?\s+(?:ik|wij)\s+dat)"
)
_REFUSAL = re.compile(
    r"\b(?:niet\s+(?:\w+\s+){0,2}bereid|geen\s+voorstander|niet\s+(?:opportuun|wenselijk|nodig|zinvol|mogelijk|"
    r"verstandig|aangewezen|voornemens|van\s+plan)|geen\s+(?:aanleiding|reden|noodzaak)|geen\s+sprake|"
    r"wil\s+pas\b|ziet\s+(?:\w+\s+){0,3}geen)",
    re.I,
)
_REFUSAL_VERB = re.compile(
    r"\b(?:zal|zullen|kan|kunnen|wil|willen)\s+(?:\S+\s+){0,5}?niet\b(?!\s+alleen)"
    r"(?!\s+(?:\S+\s+){0,2}(?:ingaan|vooruitlopen|uitspreken|speculeren|treden|oordelen)\b)",
    re.I,
)
_SEE_ANSWER = re.compile(
    r"\b(?:[Zz]ie|verwijs\s+(?:ik|wij)\s+(?:u\s+)?naar)\s+(?:het\s+|mijn\s+|ook\s+)*"
    r"(?:antwoord|beantwoording)\s+(?:op|van)\s+vraag\s+(\d+)"
)


#: commitment rules that only promise to inform: an answer "I will inform you of
#: the outcome" does not say yes to a request to act
_INFORM_RULES = frozenset(
    {"inform_parliament", "passive_inform", "present_inform", "expected_step", "reader_receives", "postponement"}
)
_INFORM_ONLY = frozenset({"informeren", "berichten", "rapporteren", "inlichten", "terugkomen"})
_ASKS_TO_INFORM = re.compile(
    r"(?:informeren|sturen|toesturen|zenden|delen|berichten|rapporteren|"
    r"beantwoorden|terugkoppelen|op\s+de\s+hoogte)\b",
    re.I,
)


def _strong_future(sentence: str, request: str = "") -> bool:
    from documents.parsing.extract.commitments import Context, classify

    hit = classify(sentence, Context(None))
    if not (hit and hit.confidence >= 0.6 and hit.rule not in ("present_passive_urgent", "present_scheduled")):
        return False
    informs = hit.rule in _INFORM_RULES or any(lex.verb_in(w, _INFORM_ONLY) for w in lex.words(sentence))
    return not informs or not request or bool(_ASKS_TO_INFORM.search(request))


def _weak_future(sentence: str) -> bool:
    return bool(re.search(r"\b(?:blijft|blijven|blijf)\b", sentence)) or bool(
        re.search(r"\b(?:zal|zullen)\b[^.]*\b(?:in\s+overweging\s+nemen|bezien|bekijken|onderzoeken)\b", sentence)
    )


def classify_reply(answer_text: str | None, answers: dict | None = None, _depth: int = 0, request: str = "") -> str:
    """yes | no | partial | unclear for the answer to a request (see the
    module docstring)."""
    text = flatten(answer_text or "")
    if not text:
        return "unclear"
    if _NO_OPEN.match(text):
        return "no"
    if _YES_OPEN.match(text):
        return "yes"
    ss = sentences(text)
    if any(_PARTIAL.search(s) for s in ss[:3]) or any(_CONDITIONAL_PROMISE.search(s) for s in ss):
        return "partial"
    if any(rx.search(s) for s in ss for rx in _STRONG_YES):
        return "yes"  # plainly willing to do what was asked
    strong = any(_PRESENT_ACTION.search(s) for s in ss[:2]) or any(_strong_future(s, request) for s in ss)
    refusal = any(_REFUSAL.search(s) or _REFUSAL_VERB.search(s) for s in ss)
    weak = any(_weak_future(s) for s in ss)
    if strong and refusal:
        return "partial"
    if strong:
        return "yes"
    if refusal:
        return "no"
    if not weak and answers and _depth == 0:
        m = _SEE_ANSWER.search(" ".join(ss[:2]))
        if m and m.group(1) in answers:
            return classify_reply(answers[m.group(1)], answers, _depth + 1, request)
    return "unclear"


def answer_numbers(label: str) -> list[str]:
    """ "2 en 3" → ["2", "3"]; "3, 4, 5 en 6" → ["3", "4", "5", "6"];
    "7 t/m 9" → ["7", "8", "9"]."""
    label = label or ""
    rng = re.fullmatch(r"\s*(\d+)\s*(?:t/m|tot en met|-|–)\s*(\d+)\s*", label)
    if rng:
        a, b = int(rng.group(1)), int(rng.group(2))
        if 0 <= b - a <= 50:
            return [str(n) for n in range(a, b + 1)]
    return re.findall(r"\d+[a-z]?", label)


def find_requests(doc) -> list[Request]:
    """One request per question that asks the government to commit."""
    answers: dict[str, str] = {}
    for a in doc.answers:
        for n in answer_numbers(a.number) or [a.number]:
            answers.setdefault(n, a.text)
    out: list[Request] = []
    for q in doc.questions:
        found = request_sentence(q.text)
        if not found:
            continue
        _rule, sentence = found
        numbers = answer_numbers(q.number) or [q.number]
        reply = "unclear"
        for n in numbers:
            if n in answers:
                reply = classify_reply(answers[n], answers, request=sentence)
                break
        out.append(Request(question_number=q.number, text=sentence, reply=reply))
    return out
