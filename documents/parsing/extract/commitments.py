"""Commitments (toezeggingen) in government text.

Source: ANNOTATION.md, "Commitment". Only government text is read: the
answers of written questions and of a written consultation (each commitment
carries its answer's number) and the body of a letter; never a question or a
party's inbreng. A sentence is a commitment when the government side
undertakes a specific future action a clerk could later check.

Each rule is a small function returning a :class:`Hit` (rule name,
confidence, actor phrase) or None; the first hit wins. Sentences are excluded
first (questions, conditionals, refusals). Patterns of ANNOTATION.md's
*optional* class (continuing policy: "blijven", "blijft inzetten";
exploration: "onderzoekt de mogelijkheden", "zal bezien"; obligations and
assessments: "zal moeten", "zal kunnen") get a LOW confidence and are not
emitted (:data:`EMIT_THRESHOLD`): the scorer counts a commitment outside the
gold's keys as a false positive, and precision comes before recall.

Rules, strongest first:

- ``inform_parliament`` (0.95): "Uw Kamer wordt dit najaar geïnformeerd",
  "ik stuur uw Kamer ...", "ik kom hierop terug", "ik verwacht u ... te doen
  toekomen";
- ``willing`` (0.9): "ben ik bereid uw Kamer ... te informeren", "bereid ...,
  en dat ben ik nog steeds", "zeg ik toe";
- ``government_future`` (0.9): "ik zal", "zal ik", "wil ik ... agenderen",
  "het kabinet zal", "Nederland zal zich ... inzetten", "zal de Minister van
  VWS ... aankaarten", "Minister Kaag zal ...";
- ``meeting_with_government`` (0.8): "zal op 3 februari a.s. een gesprek
  plaatsvinden tussen het COC en de Minister-President";
- ``impersonal_future`` (0.6): a future without a subject of its own after an
  opening adverbial: "Tijdens dat gesprek zal opnieuw aandacht worden
  gevraagd", "Voor het bezoek zullen contacten worden gelegd", "zal er
  aandacht gevraagd worden", "Eveneens ter uitvoering van de motie zal een
  expertmeeting zich buigen over ...";
- ``present_scheduled`` (0.6): the government in the present tense with a
  future time: "Het Koninkrijk en Frankrijk presenteren dit najaar ...",
  "Zo spreekt het Koninkrijk op 18 september 2020 ... een statement uit",
  "organiseert het Koninkrijk in aanloop naar ... in april 2021 een
  conferentie";
- ``present_passive_urgent`` (0.6): "wordt zo snel mogelijk overgemaakt";
- ``specific_effort`` (0.5): "zet zich ervoor in om ... op te nemen".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from documents.parsing.deadlines import PATTERNS as DEADLINE_PATTERNS
from documents.parsing.deadlines import find_deadline, resolve_deadline
from documents.parsing.extract.actors import GOV, OTHER_ACTORS, resolve_actor
from documents.parsing.extract.sentences import split_sentences
from documents.parsing.model import Commitment
from documents.parsing.kinds.letter import letter_text

#: commitments below this confidence are kept out of the parse output
EMIT_THRESHOLD = 0.5
LOW = 0.3

_FUT = r"(?:zal|zullen)"
_W = r"[\w«»'’*()/-]+"

# ----------------------------------------------------------------- exclusions

_CONDITIONAL_START = re.compile(r"^(?:Indien|Als|Mocht|Mochten|Tenzij|Ingeval|In\s+het\s+geval|Wanneer)\b")
_CONDITIONAL_THEN = re.compile(r"\b(?:indien|tenzij|mocht|mochten)\b[^.]*?,\s*(?:dan\s+)?" + _FUT + r"\b", re.I)
_RHETORIC = re.compile(r"\b(?:wil|zou)\s+ik\s+(?:(?:graag|nogmaals|hier|daarbij|allereerst|nog|wel|u)\s+){0,3}(?:benadrukken|opmerken|onderstrepen|wijzen|"
                       r"vooropstellen|stellen|zeggen|aangeven|verwijzen|herhalen|memoreren)\b"
                       r"|\bik\s+wil\s+(?:(?:graag|nogmaals|hier|daarbij|allereerst|nog|wel|u)\s+){0,3}(?:benadrukken|opmerken|onderstrepen|wijzen|vooropstellen|"
                       r"verwijzen|herhalen)\b", re.I)
_HEDGE = re.compile(r"\b(?:naar\s+verwachting|vermoedelijk|waarschijnlijk|wellicht|mogelijkerwijs)\b", re.I)

#: in the verb cluster after "zal": continuing policy, obligation, ability,
#: exploration — ANNOTATION.md's optional class
_OPTIONAL_CLUSTER = re.compile(
    r"\b(?:blijven|blijft|moeten|kunnen|willen|bezien|bekijken|onderzoeken|nagaan|verkennen|overwegen|"
    r"in\s+overweging\s+nemen|gekeken|bezien|afwachten|volgen|lessen\s+trekken|laten\s+zien|beschouwen|"
    r"meewegen|kijken|afgewogen|afwegen|streven|proberen|trachten)\b", re.I)
#: verbs of the text itself ("zal ik wat dieper ingaan op ..."): a promise only
#: when a later paper or the Kamer is named
_DISCOURSE = re.compile(r"\b(?:ingaan|toelichten|uiteenzetten|schetsen|beschrijven|verduidelijken|"
                        r"aangeven|samenvatten|opsommen)\b", re.I)
_LATER_PAPER = re.compile(r"\b(?:brief|Kamerbrief|rapportage|voortgangsrapportage|nota|Kamer|u)\b")
_NEGATION = re.compile(r"\b(?:niet(?!\s+alleen)|geen|nooit|allerminst)\b", re.I)
_PAST = re.compile(r"\b(?:heeft|hebben|had|hadden|werd|werden|was|waren)\b", re.I)

_ADVERBIAL_START = re.compile(
    r"^(?:Tijdens|Gedurende|Hierbij|Daarbij|Daarnaast|Verder|Ook|Voor|Vóór|Na|Om|Daarom|Daar|Hier|In|Op|Bij|"
    r"Met|Eveneens|Tevens|Bovendien|Vervolgens|Daarmee|Hiermee|Zo|Dan|Conform|Overeenkomstig|Samen|Namens|Via|"
    r"Binnen|Uiteraard|Vanaf|Eind|Begin|Medio|Komende|Volgende|Aansluitend|Zoals|Rond|Rondom|Ter|Ten|Naast|"
    r"Vanwege|Gezien|Mede|Nog|Allereerst|Tot\s+slot|Ten\s+slotte|Tot|(?:Dit|Deze|Volgend|Komend)\s+"
    r"(?:najaar|jaar|week|maand|zomer|voorjaar|kwartaal|winter|herfst))\b")

_GOV_HEAD = re.compile(r"^" + GOV + r"(?![\w-])")
_GOV_AFTER_FUT = re.compile(r"\b" + _FUT + r"\s+(?:er\s+)?(?P<subj>" + GOV + r")(?![\w-])")
_WIL_IK = re.compile(r"\bwil\s+(?P<subj>ik|wij|we)\b|(?:^|[,;:]\s*|\b(?:en|dat|maar)\s+)(?P<subj2>[Ii]k)\s+wil\b")
_FUT_WORD = re.compile(r"\b" + _FUT + r"\b")
_STOP_BETWEEN = re.compile(r"\b(?:dat|die|dit|wat|of|om|is|zijn|heeft|hebben|wordt|worden|kan|kunnen|moet|"
                           r"moeten|verwacht|hoopt|vindt|meent|acht|denkt|weet|ziet)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:of|wat|welke|waarin|waarmee|hoe|omdat|zodat|wanneer|nadat|aangezien)\b|"
                          r"(?<!\w)(?<!Tijdens )(?<!In )(?<!Op )(?<!Met )(?<!Voor )(?<!Na )(?<!Bij )(?<!Van )"
                          r"(?<!tijdens )(?<!in )(?<!op )(?<!met )(?<!voor )(?<!na )(?<!bij )(?<!van )(?<!aan )"
                          r"(?<!over )(?<!uit )(?<!door )(?<!naar )(?<!tot )(?<!om )(?<!^)(?:dat|die)\s+\w")
#: participles of what a government does, for a passive future without an agent
_GOVERNMENT_PARTICIPLE = re.compile(
    r"\b(?:gevraagd|gelegd|besproken|ingezet|aangekaart|opgebracht|georganiseerd|gestuurd|verstuurd|toegezonden|"
    r"geïnformeerd|ingelicht|gesproken|uitgebracht|overgemaakt|betaald|verstrekt|gepleit|aangedrongen|opgeroepen|"
    r"veroordeeld|benadrukt|onderstreept|uitgesproken|voorgesteld|ingediend|gepresenteerd|aangeboden|gepubliceerd|"
    r"opgesteld|geagendeerd|geadresseerd|gesteld|gesteund|bijgedragen|gefinancierd|toegelicht|gevoerd|gestart|"
    r"ondertekend|verlengd|aangesproken|gelanceerd|afgegeven|uitgenodigd|bezocht|ontvangen|gedeeld|verzonden)\b")
_CLAUSE_START = re.compile(r"(?:^|[,;:–]\s*|\b(?:en|maar|want|dat|omdat|zodat|waarbij|terwijl|nadat|doordat|"
                           r"waarna|zodra|opdat)\s+)$")

# ----------------------------------------------------------------- patterns

_KAMER = r"(?:[Uu]w\s+Kamer|de\s+(?:Tweede\s+)?Kamer|[Uu]\b)"
_INFORMED = r"(?:geïnformeerd|geinformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gehouden|gesteld|gebracht)|bericht|" \
            r"gerapporteerd|toegezonden|toegestuurd)"
_INFORM = [
    re.compile(r"\b" + _KAMER + r"\s+(?:wordt|zal|zullen)\b[^.?]{0,140}?\b" + _INFORMED + r"\b"),
    re.compile(r"\bwordt\s+(?:[Uu]w|de)\s+Kamer\b[^.?]{0,120}?\b" + _INFORMED + r"\b"),
    re.compile(r"\b(?:ik|wij|we)\s+(?:stuur|sturen|informeer|informeren|bericht|berichten|zend|zenden)\s+"
               r"(?:[^.?]{0,40}?\s)?" + _KAMER, re.I),
    re.compile(r"\b(?:stuur|informeer|bericht|zend)\s+(?:ik|wij|we)\s+(?:[^.?]{0,40}?\s)?" + _KAMER),
    re.compile(r"\b(?:ik|wij|we)\s+" + _KAMER + r"\s+(?:[^.?]{0,60}?\s)?(?:zal|zullen)\s+(?:\w+\s+)?"
               r"(?:informeren|inlichten|berichten)\b"),
    re.compile(r"\b(?:[Uu]w|de)\s+Kamer\s+ontvangt\b|\bontvangt\s+(?:[Uu]w|de)\s+Kamer\b(?!\s+hierbij)"),
    re.compile(r"\b(?:kom|komen)\s+(?:ik|wij|we)\b[^.?]{0,80}?\bterug\b|\b(?:[Ii]k|[Ww]ij|[Ww]e)\s+(?:kom|komen)\b"
               r"[^.?]{0,80}?\bterug\b"),
    re.compile(r"\b(?:verwacht|verwachten)\s+(?:ik|wij|we|het\s+kabinet)\b[^.?]{0,120}?\bte\s+(?:informeren|sturen|"
               r"zenden|berichten|doen\s+toekomen|versturen|beantwoorden)\b|\b(?:[Ii]k|[Ww]ij)\s+verwacht(?:en)?\b"
               r"[^.?]{0,120}?\bte\s+(?:informeren|sturen|zenden|berichten|doen\s+toekomen|versturen)\b"),
]
_CURRENT_LETTER = re.compile(r"\b(?:[Hh]ierbij|[Hh]iermee|[Mm]et\s+deze\s+brief|[Bb]ijgaand|[Ii]n\s+deze\s+brief|"
                             r"als\s+volgt|hieronder|onderstaand)\b")

_WILLING = [
    re.compile(r"\b(?:ben|zijn)\s+(?:ik|wij|we)\s+(?:graag\s+|ook\s+|gaarne\s+|uiteraard\s+|daarom\s+)*bereid\b"),
    re.compile(r"\b(?:[Ii]k|[Ww]ij|[Ww]e)\s+(?:ben|zijn)\s+(?:graag\s+|ook\s+|gaarne\s+|uiteraard\s+)*bereid\b"),
    re.compile(r"\bis\s+(?P<subj>" + GOV + r")\s+(?:graag\s+|ook\s+|uiteraard\s+)*bereid\b"),
    re.compile(r"\bbereid\b[^.?]*\bdat\s+(?:ben|is|zijn)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:nog\s+)?steeds\b"),
    re.compile(r"\b(?:zeg|zeggen)\s+(?:ik|wij|we)\b[^.?]{0,60}?\btoe\b|\b(?:[Ii]k|[Ww]ij)\s+(?:zeg|zeggen)\b"
               r"[^.?]{0,60}?\btoe\b"),
]

_MEETING = re.compile(r"\b" + _FUT + r"\b[^?]*?\b(?:plaatsvinden|plaats\s+vinden|gehouden\s+worden|worden\s+gehouden)\b")
_GOV_PARTICIPANT = re.compile(r"\b(?:Minister(?:-President)?|Staatssecretaris|kabinet|ik|mij|Nederland|Koninkrijk)\b")

_PRESENT_GOV_VERB_EXCLUDED = {
    "is", "heeft", "hebben", "had", "was", "werd", "wordt", "worden", "zijn", "kan", "kunnen", "moet", "moeten",
    "wil", "willen", "zal", "zullen", "blijft", "blijven", "vindt", "vinden", "acht", "achten", "meent", "deelt",
    "delen", "verwacht", "hoopt", "betreurt", "steunt", "steunen", "ziet", "zien", "weet", "begrijpt", "volgt",
    "erkent", "onderschrijft", "beschouwt", "maakt", "zet", "zetten", "spant", "spannen", "vraagt", "roept",
    "pleit", "dringt", "werkt", "draagt", "neemt", "gaat", "kent", "houdt", "staat", "verwijst", "onderzoekt",
    "verkent", "bekijkt", "bespreekt", "investeert", "ondersteunt", "financiert", "hecht", "denkt", "vervult",
}
_PRESENT_VERB = r"(?P<verb>[a-zë]{3,}(?:t|en))"
_PRESENT_INVERTED = re.compile(r"(?<![\w-])" + _PRESENT_VERB + r"\s+(?P<subj>" + GOV + r")(?![\w-])")
_PRESENT_SUBJECT_FIRST = re.compile(r"^(?P<subj>" + GOV + r")(?:\s+en\s+[A-Z][\w-]+)?\s+" + _PRESENT_VERB + r"\b")
_FUTURE_MARKER = re.compile(r"\b(?:a\.s\.|aanstaande|aankomende|komende|in\s+aanloop\s+naar|dit\s+najaar|"
                            r"volgend\s+jaar|binnenkort)\b", re.I)
_PRESENT_PASSIVE = re.compile(r"\b(?:wordt|worden)\b")
_URGENT = re.compile(r"\b(?:zo\s+(?:snel|spoedig)\s+mogelijk|op\s+korte\s+termijn|binnenkort)\b")
_SPECIFIC_EFFORT = re.compile(r"\b(?:zet|zetten)\s+(?:" + GOV + r"\s+)?zich\s+ervoor\s+in\s+om\b")


@dataclass(frozen=True)
class Hit:
    rule: str
    confidence: float
    actor: Optional[str] = None  # the actor phrase as written, if any


# ----------------------------------------------------------------- helpers


def _cluster_after(sentence: str, pos: int) -> str:
    """The verb cluster after position ``pos``: up to the next clause break."""
    rest = sentence[pos:]
    m = re.search(r"[,;:]\s|\s(?:die|dat|om|zodat|waarbij|waarin|opdat|omdat|aangezien|wanneer)\s|\.\s*$", rest)
    window = rest[: m.start()] if m else rest
    return " ".join(window.split()[:16])


def _clause_before(sentence: str, pos: int) -> str:
    before = sentence[:pos]
    cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "))
    return before[cut + 2:] if cut >= 0 else before


def _future_deadline(sentence: str, paper: Optional[dt.date], calendar) -> bool:
    """Does the sentence name a time ahead of the paper (or, for a paper
    without a date, any time not marked past)?"""
    if _FUTURE_MARKER.search(sentence):
        return True
    phrase = find_deadline(sentence)
    if not phrase:
        return False
    if _URGENT.search(phrase):
        return False
    d = resolve_deadline(phrase, paper, calendar)
    if paper is None:
        return bool(re.search(r"\b(?:19|20)\d\d\b", phrase)) or d.due_date is not None
    return d.due_date is not None and d.due_date >= paper


def _optional_or_refusal(cluster: str, sentence: str = "") -> Optional[float]:
    if _NEGATION.search(cluster):
        return 0.0
    if _OPTIONAL_CLUSTER.search(cluster):
        return LOW
    if _DISCOURSE.search(cluster) and not _LATER_PAPER.search(sentence) and not find_deadline(sentence):
        return LOW
    return None


# ----------------------------------------------------------------- rules


#: "in de rapportage, die uw Kamer in juni 2019 ontvangt": a time between the Kamer and its receiving
_RECEIVES_AT = re.compile(r"\b(?:[Uu]w|de)\s+Kamer\s+(?P<gap>[^.?,;]{2,50}?)\s+(?:ontvangt|toegestuurd\s+krijgt)\b")


def rule_inform_parliament(s: str, ctx) -> Optional[Hit]:
    rm = _RECEIVES_AT.search(s)
    if rm and find_deadline(rm.group("gap")) and not re.search(r"\b(?:niet|geen|al|reeds|eerder)\b", rm.group("gap")) \
            and _future_deadline(rm.group("gap"), ctx.reference_date, ctx.calendar):
        return Hit("inform_parliament", 0.95)
    for rx in _INFORM:
        m = rx.search(s)
        if not m:
            continue
        if _CURRENT_LETTER.search(s) and not _FUT_WORD.search(s):
            return None  # "Hierbij informeer ik u ..." reports, it does not promise
        window = s[m.start(): m.end() + 40]
        if re.search(r"\b(?:niet|geen)\b", window):
            return None
        if re.search(r"\b(?:blijven|blijf|blijft)\b", window):
            return Hit("inform_parliament_continuing", LOW)
        if _PAST.search(s[max(0, m.start() - 30): m.end()]):
            return None
        return Hit("inform_parliament", 0.95)
    return None


def rule_willing(s: str, ctx) -> Optional[Hit]:
    for rx in _WILLING:
        m = rx.search(s)
        if not m:
            continue
        if re.search(r"\bniet\s+(?:\w+\s+){0,2}bereid\b|\bbereid\s+(?:\w+\s+){0,2}niet\b", s):
            return None
        subj = m.groupdict().get("subj")
        return Hit("willing", 0.9, subj)
    return None


def rule_government_future(s: str, ctx) -> Optional[Hit]:
    # inverted: "zal ik", "zal het Koninkrijk", "zal de Minister van VWS"
    for m in _GOV_AFTER_FUT.finditer(s):
        subj = m.group("subj")
        if re.fullmatch(r"(?:de\s+)?(?:[Mm]inisters?)", subj) and re.match(r"\s+van\b", s[m.end():]) is None and \
                re.match(r"\s+[a-z]", s[m.end():]) is None:
            pass
        verdict = _optional_or_refusal(_cluster_after(s, m.end()), s)
        if verdict == 0.0:
            return None
        if verdict == LOW:
            return Hit("government_future_optional", LOW, subj)
        return Hit("government_future", 0.9, subj)
    # subject first: "Nederland zal", "Ik zal", "De Ministers van ... zullen"
    for f in _FUT_WORD.finditer(s):
        clause = _clause_before(s, f.start())
        for g in re.finditer(GOV, clause):
            start, end = g.start(), g.end()
            if not _CLAUSE_START.search(clause[:start]):
                continue
            between = clause[end:]
            if len(between.split()) > 5 or _STOP_BETWEEN.search(between) or re.search(r"[.?!]", between):
                continue
            if between.strip() and not re.fullmatch(r"\s*(?:en\s+[\w-]+(?:\s+[\w-]+){0,3}|ook|zelf|eveneens|"
                                                    r"daarom|dan|nu|tevens|graag|uiteraard)?\s*", between):
                continue
            verdict = _optional_or_refusal(_cluster_after(s, f.end()), s)
            if verdict == 0.0:
                return None
            if verdict == LOW:
                return Hit("government_future_optional", LOW, g.group(0))
            return Hit("government_future", 0.9, g.group(0))
    # "wil ik dit ook in VN-verband agenderen"
    m = _WIL_IK.search(s)
    if m and not _RHETORIC.search(s):
        verdict = _optional_or_refusal(_cluster_after(s, m.end()), s)
        if verdict is None:
            return Hit("government_intent", 0.85, m.group("subj") or m.group("subj2"))
    return None


def rule_meeting_with_government(s: str, ctx) -> Optional[Hit]:
    m = _MEETING.search(s)
    if m and _GOV_PARTICIPANT.search(s[m.start():]) and re.search(r"\b(?:tussen|met)\b", s[m.start():]):
        return Hit("meeting_with_government", 0.8)
    if m:
        return Hit("scheduled_event", LOW)
    return None


def rule_impersonal_future(s: str, ctx) -> Optional[Hit]:
    """A future after an opening adverbial, with no government subject of its
    own: the government text's own plan (passive or impersonal)."""
    if not _ADVERBIAL_START.match(s):
        return None
    for f in _FUT_WORD.finditer(s):
        if _SUBORDINATE.search(s[: f.start()]):
            continue  # "de kans dat het verbod ... zal": the verb of a subordinate clause
        after = s[f.end():]
        np = re.match(r"\s+((?:er\s+)?[^,.;]{0,60})", after)
        head = np.group(1) if np else ""
        if OTHER_ACTORS.match(head.strip()):
            return None
        if _HEDGE.search(s):
            return None
        verdict = _optional_or_refusal(_cluster_after(s, f.end()), s)
        if verdict == 0.0:
            return None
        if verdict == LOW:
            return Hit("impersonal_future_optional", LOW)
        cluster = _cluster_after(s, f.end())
        if re.search(r"\bplaats\s*vinden\b|\bplaatsvinden\b", cluster):
            return Hit("scheduled_event", LOW)
        if re.search(r"\bworden\b", cluster) and not _GOVERNMENT_PARTICIPLE.search(cluster):
            return Hit("impersonal_future_unspecific", LOW)  # "zal worden gewerkt aan": by whom?
        return Hit("impersonal_future", 0.6)
    return None


def rule_present_scheduled(s: str, ctx) -> Optional[Hit]:
    if _PAST.search(s) or not _future_deadline(s, ctx.reference_date, ctx.calendar):
        return None
    for rx in (_PRESENT_SUBJECT_FIRST, _PRESENT_INVERTED):
        for m in rx.finditer(s):
            verb = m.group("verb").lower()
            if verb in _PRESENT_GOV_VERB_EXCLUDED or verb.endswith(("heid", "ment", "ist", "iet")):
                continue
            if rx is _PRESENT_INVERTED and not _clause_ok_for_inversion(s, m.start()):
                continue
            return Hit("present_scheduled", 0.6, m.group("subj"))
    return None


def _clause_ok_for_inversion(s: str, pos: int) -> bool:
    """An inverted finite verb stands second in its clause: after an opening
    adverbial ("Zo spreekt het Koninkrijk", "Samen met Pakistan organiseert ...")."""
    clause = _clause_before(s, pos)
    return bool(_ADVERBIAL_START.match(clause.strip()) or _ADVERBIAL_START.match(s))


def rule_present_passive_urgent(s: str, ctx) -> Optional[Hit]:
    m = _URGENT.search(s)
    if m and _PRESENT_PASSIVE.search(s[: m.start()]) and not _FUT_WORD.search(s):
        return Hit("present_passive_urgent", 0.6)
    return None


def rule_specific_effort(s: str, ctx) -> Optional[Hit]:
    m = _SPECIFIC_EFFORT.search(s)
    if m:
        subj = re.search(GOV, s[max(0, m.start() - 40): m.end()])
        return Hit("specific_effort", 0.5, subj.group(0) if subj else None)
    return None


RULES: tuple[Callable, ...] = (
    rule_inform_parliament,
    rule_willing,
    rule_meeting_with_government,
    rule_government_future,
    rule_impersonal_future,
    rule_present_scheduled,
    rule_present_passive_urgent,
    rule_specific_effort,
)


def excluded(s: str) -> Optional[str]:
    """Why a sentence can never be a commitment, or None."""
    if re.search(r"\?\d{0,2}\s*$", s):
        return "question"
    if _CONDITIONAL_START.match(s) or _CONDITIONAL_THEN.search(s):
        return "conditional"
    if re.match(r"^(?:De|Deze)\s+leden\b", s):
        return "party_text"
    if _RHETORIC.search(s) and not _FUT_WORD.search(s):
        return "rhetoric"
    return None


def classify(s: str, ctx) -> Optional[Hit]:
    """The first rule that fires on sentence ``s``, or None."""
    if excluded(s):
        return None
    for rule in RULES:
        hit = rule(s, ctx)
        if hit is not None:
            return hit if hit.confidence > 0 else None
    return None


@dataclass
class Context:
    doc: object
    calendar: object = None
    reference_date: Optional[dt.date] = None


def _government_texts(doc) -> Iterable[tuple[Optional[str], str]]:
    """(answer number, text) of the paper's government text."""
    if doc.answers:
        if doc.kind == "written_questions":
            from documents.parsing.kinds.written_questions import answer_preamble
            pre = answer_preamble(doc.body or "")
            if pre:
                yield None, pre
        for a in doc.answers:
            yield a.number, a.text
    elif doc.kind == "letter":
        yield None, letter_text(doc.body or "")


def find_commitments(doc, calendar=None, threshold: float = EMIT_THRESHOLD) -> list[Commitment]:
    """The commitments of ``doc`` (see the module docstring), in order."""
    if doc.kind not in ("written_questions", "written_consultation", "letter"):
        return []
    ctx = Context(doc, calendar, doc.date)
    out: list[Commitment] = []
    seen: set[str] = set()
    for number, text in _government_texts(doc):
        for sent in split_sentences(text):
            s = sent.text
            hit = classify(s, ctx)
            if hit is None or hit.confidence < threshold or s in seen:
                continue
            seen.add(s)
            phrase = find_deadline(s)
            deadline = resolve_deadline(phrase, doc.date, calendar) if phrase else None
            out.append(Commitment(
                text=s,
                actor=resolve_actor(hit.actor, doc),
                deadline_text=phrase,
                due_date=deadline.due_date if deadline else None,
                answer_number=number,
                rule=hit.rule,
                confidence=hit.confidence,
                precision=deadline.precision if deadline else "none",
            ))
    return out
