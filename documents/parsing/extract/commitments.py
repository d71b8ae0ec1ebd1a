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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from documents.parsing.deadlines import find_deadline, resolve_deadline
from documents.parsing.extract import lexicon as lex
from documents.parsing.extract.actors import GOV, OTHER_ACTORS, resolve_actor
from documents.parsing.extract.sentences import split_sentences
from documents.parsing.kinds.letter import letter_text
from documents.parsing.model import Commitment

#: commitments below this confidence are kept out of the parse output
EMIT_THRESHOLD = 0.5
LOW = 0.3

_FUT = r"(?:zal|zullen)"
_W = r"[\w«»'’*()/-]+"

# ----------------------------------------------------------------- exclusions

_CONDITIONAL_START = re.compile(r"^(?:Indien|Als|Mocht|Mochten|Tenzij|Ingeval|In\s+het\s+geval|Wanneer)\b")
_CONDITIONAL_THEN = re.compile(r"\b(?:indien|tenzij|mocht|mochten)\b[^.]*?,\s*(?:dan\s+)?" + _FUT + r"\b", re.I)
_RHETORIC = re.compile(
    r"\b(?:wil|zou)\s+ik\s+(?:(?:graag|nogmaals|hier|daarbij|allereerst|nog|wel|u)\s+){0,3}(?:benadrukken|opmerken|onderstrepen|wijzen|"
    r"vooropstellen|stellen|zeggen|aangeven|verwijzen|herhalen|memoreren)\b"
    r"|\bik\s+wil\s+(?:(?:graag|nogmaals|hier|daarbij|allereerst|nog|wel|u)\s+){0,3}(?:benadrukken|opmerken|onderstrepen|wijzen|vooropstellen|"
    r"verwijzen|herhalen)\b",
    re.I,
)
_HEDGE = re.compile(r"\b(?:naar\s+verwachting|vermoedelijk|waarschijnlijk|wellicht|mogelijkerwijs)\b", re.I)

#: in the verb cluster after "zal": continuing policy, obligation, ability,
#: exploration — ANNOTATION.md's optional class
_OPTIONAL_CLUSTER = re.compile(
    r"\b(?:blijven|blijft|moeten|kunnen|willen|afwachten|volgen|monitoren|streven|proberen|trachten)\b", re.I
)
#: verbs of the text itself ("zal ik wat dieper ingaan op ..."): a promise only
#: when a later paper or the Kamer is named
_DISCOURSE = re.compile(
    r"\b(?:ingaan|toelichten|uiteenzetten|schetsen|beschrijven|verduidelijken|"
    r"aangeven|samenvatten|opsommen)\b",
    re.I,
)
_LATER_PAPER = re.compile(r"\b(?:brief|Kamerbrief|rapportage|voortgangsrapportage|nota|Kamer|u)\b")
_NEGATION = re.compile(r"\b(?:niet(?!\s+alleen)|geen|nooit|allerminst)\b", re.I)
_PAST = re.compile(r"\b(?:heeft|hebben|had|hadden|werd|werden|was|waren)\b", re.I)

_ADVERBIAL_START = re.compile(
    r"^(?:Tijdens|Gedurende|Hierbij|Daarbij|Daarnaast|Verder|Ook|Voor|Vóór|Na|Om|Daarom|Daar|Hier|In|Op|Bij|"
    r"Met|Eveneens|Tevens|Bovendien|Vervolgens|Daarmee|Hiermee|Zo|Dan|Conform|Overeenkomstig|Samen|Namens|Via|"
    r"Binnen|Uiteraard|Vanaf|Eind|Begin|Medio|Komende|Volgende|Aansluitend|Zoals|Rond|Rondom|Ter|Ten|Naast|"
    r"Vanwege|Gezien|Mede|Nog|Allereerst|Tot\s+slot|Ten\s+slotte|Tot|(?:Dit|Deze|Volgend|Komend)\s+"
    r"(?:najaar|jaar|week|maand|zomer|voorjaar|kwartaal|winter|herfst))\b"
)

_GOV_HEAD = re.compile(r"^" + GOV + r"(?![\w-])")
_GOV_AFTER_FUT = re.compile(r"\b" + _FUT + r"\s+(?:er\s+)?(?P<subj>" + GOV + r")(?![\w-])")
_WIL_IK = re.compile(r"\bwil\s+(?P<subj>ik|wij|we)\b|(?:^|[,;:]\s*|\b(?:en|dat|maar)\s+)(?P<subj2>[Ii]k)\s+wil\b")
_FUT_WORD = re.compile(r"\b" + _FUT + r"\b")
_STOP_BETWEEN = re.compile(
    r"\b(?:dat|die|dit|wat|of|om|is|zijn|heeft|hebben|wordt|worden|kan|kunnen|moet|"
    r"moeten|verwacht|hoopt|vindt|meent|acht|denkt|weet|ziet)\b",
    re.I,
)
_SUBORDINATE = re.compile(
    r"\b(?:of|wat|welke|waarin|waarmee|hoe|omdat|zodat|wanneer|nadat|aangezien)\b|"
    r"(?<!\w)(?<!Tijdens )(?<!In )(?<!Op )(?<!Met )(?<!Voor )(?<!Na )(?<!Bij )(?<!Van )"
    r"(?<!tijdens )(?<!in )(?<!op )(?<!met )(?<!voor )(?<!na )(?<!bij )(?<!van )(?<!aan )"
    r"(?<!over )(?<!uit )(?<!door )(?<!naar )(?<!tot )(?<!om )(?<!^)(?:dat|die)\s+\w"
)
#: participles of what a government does, for a passive future without an agent
_GOVERNMENT_PARTICIPLE = re.compile(
    r"\b(?:gevraagd|gelegd|besproken|ingezet|aangekaart|opgebracht|georganiseerd|gestuurd|verstuurd|toegezonden|"
    r"geïnformeerd|ingelicht|gesproken|uitgebracht|overgemaakt|betaald|verstrekt|gepleit|aangedrongen|opgeroepen|"
    r"veroordeeld|benadrukt|onderstreept|uitgesproken|voorgesteld|ingediend|gepresenteerd|aangeboden|gepubliceerd|"
    r"opgesteld|geagendeerd|geadresseerd|gesteld|gesteund|bijgedragen|gefinancierd|toegelicht|gevoerd|gestart|"
    r"ondertekend|verlengd|aangesproken|gelanceerd|afgegeven|uitgenodigd|bezocht|ontvangen|gedeeld|verzonden)\b"
)
_CLAUSE_START = re.compile(
    r"(?:^|[,;:–]\s*|\b(?:en|maar|want|dat|omdat|zodat|waarbij|terwijl|nadat|doordat|"
    r"waarna|zodra|opdat)\s+)$"
)

# ----------------------------------------------------------------- patterns

_KAMER = r"(?:[Uu]w\s+Kamer|de\s+(?:Tweede\s+)?Kamer|[Uu]\b)"
_INFORMED = (
    r"(?:geïnformeerd|geinformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gehouden|gesteld|gebracht)|bericht|"
    r"gerapporteerd|toegezonden|toegestuurd)"
)
_INFORM = [
    re.compile(r"\b" + _KAMER + r"\s+(?:wordt|zal|zullen)\b[^.?]{0,140}?\b" + _INFORMED + r"\b"),
    re.compile(r"\bwordt\s+(?:[Uu]w|de)\s+Kamer\b[^.?]{0,120}?\b" + _INFORMED + r"\b"),
    re.compile(
        r"\b(?:ik|wij|we)\s+(?:stuur|sturen|informeer|informeren|bericht|berichten|zend|zenden)\s+"
        r"(?:[^.?]{0,40}?\s)?" + _KAMER,
        re.I,
    ),
    re.compile(r"\b(?:stuur|informeer|bericht|zend)\s+(?:ik|wij|we)\s+(?:[^.?]{0,40}?\s)?" + _KAMER),
    re.compile(
        r"\b(?:ik|wij|we)\s+" + _KAMER + r"\s+(?:[^.?]{0,60}?\s)?(?:zal|zullen)\s+(?:\w+\s+)?"
        r"(?:informeren|inlichten|berichten)\b"
    ),
    re.compile(
        r"\b(?:[Uu]w|[Dd]e)\s+(?:Tweede\s+)?Kamer\s+ontvangt\b|\bontvangt\s+(?:[Uu]w|de)\s+Kamer\b(?!\s+hierbij)"
    ),
    re.compile(
        r"\b(?:kom|komen)\s+(?:ik|wij|we)\b[^.?]{0,80}?\bterug\b|\b(?:[Ii]k|[Ww]ij|[Ww]e)\s+(?:kom|komen)\b"
        r"[^.?]{0,80}?\bterug\b"
    ),
    re.compile(
        r"\b(?:verwacht|verwachten)\s+(?:ik|wij|we|het\s+kabinet)\b[^.?]{0,120}?\bte\s+(?:informeren|sturen|"
        r"zenden|berichten|doen\s+toekomen|versturen|beantwoorden)\b|\b(?:[Ii]k|[Ww]ij)\s+verwacht(?:en)?\b"
        r"[^.?]{0,120}?\bte\s+(?:informeren|sturen|zenden|berichten|doen\s+toekomen|versturen)\b"
    ),
]
_CURRENT_LETTER = lex.CURRENT_LETTER

_WILLING = [
    re.compile(r"\b(?:ben|zijn)\s+(?:ik|wij|we)\s+(?:graag\s+|ook\s+|gaarne\s+|uiteraard\s+|daarom\s+)*bereid\b"),
    re.compile(r"\b(?:[Ii]k|[Ww]ij|[Ww]e)\s+(?:ben|zijn)\s+(?:graag\s+|ook\s+|gaarne\s+|uiteraard\s+)*bereid\b"),
    re.compile(r"\bis\s+(?P<subj>" + GOV + r")\s+(?:graag\s+|ook\s+|uiteraard\s+)*bereid\b"),
    re.compile(r"\bbereid\b[^.?]*\bdat\s+(?:ben|is|zijn)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:nog\s+)?steeds\b"),
    re.compile(
        r"\b(?:zeg|zeggen)\s+(?:ik|wij|we)\b[^.?]{0,60}?\btoe\b|\b(?:[Ii]k|[Ww]ij)\s+(?:zeg|zeggen)\b"
        r"[^.?]{0,60}?\btoe\b"
    ),
]

_MEETING = re.compile(
    r"\b" + _FUT + r"\b[^?]*?\b(?:plaatsvinden|plaats\s+vinden|gehouden\s+worden|worden\s+gehouden)\b"
)
_GOV_PARTICIPANT = re.compile(r"\b(?:Minister(?:-President)?|Staatssecretaris|kabinet|ik|mij|Nederland|Koninkrijk)\b")

_PRESENT_GOV_VERB_EXCLUDED = {
    "is",
    "heeft",
    "hebben",
    "had",
    "was",
    "werd",
    "wordt",
    "worden",
    "zijn",
    "kan",
    "kunnen",
    "moet",
    "moeten",
    "wil",
    "willen",
    "zal",
    "zullen",
    "blijft",
    "blijven",
    "vindt",
    "vinden",
    "acht",
    "achten",
    "meent",
    "deelt",
    "delen",
    "verwacht",
    "hoopt",
    "betreurt",
    "steunt",
    "steunen",
    "ziet",
    "zien",
    "weet",
    "begrijpt",
    "volgt",
    "erkent",
    "onderschrijft",
    "beschouwt",
    "maakt",
    "zet",
    "zetten",
    "spant",
    "spannen",
    "vraagt",
    "roept",
    "pleit",
    "dringt",
    "werkt",
    "draagt",
    "neemt",
    "gaat",
    "kent",
    "houdt",
    "staat",
    "verwijst",
    "onderzoekt",
    "verkent",
    "bekijkt",
    "bespreekt",
    "investeert",
    "ondersteunt",
    "financiert",
    "hecht",
    "denkt",
    "vervult",
}
_PRESENT_VERB = r"(?P<verb>[a-zë]{3,}(?:t|en))"
_PRESENT_INVERTED = re.compile(r"(?<![\w-])" + _PRESENT_VERB + r"\s+(?P<subj>" + GOV + r")(?![\w-])")
_PRESENT_SUBJECT_FIRST = re.compile(r"^(?P<subj>" + GOV + r")(?:\s+en\s+[A-Z][\w-]+)?\s+" + _PRESENT_VERB + r"\b")
_FUTURE_MARKER = re.compile(
    r"\b(?:a\.s\.|aanstaande|aankomende|komende|in\s+aanloop\s+naar|dit\s+najaar|"
    r"volgend\s+jaar|binnenkort)\b",
    re.I,
)
_PRESENT_PASSIVE = re.compile(r"\b(?:wordt|worden)\b")
_URGENT = re.compile(r"\b(?:zo\s+(?:snel|spoedig)\s+mogelijk|op\s+korte\s+termijn|binnenkort)\b")
_SPECIFIC_EFFORT = re.compile(r"\b(?:zet|zetten)\s+(?:" + GOV + r"\s+)?zich\s+ervoor\s+in\s+om\b")


@dataclass(frozen=True)
class Hit:
    rule: str
    confidence: float
    actor: str | None = None  # the actor phrase as written, if any


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
    return before[cut + 2 :] if cut >= 0 else before


def _future_deadline(sentence: str, paper: dt.date | None, calendar) -> bool:
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


def _optional_or_refusal(cluster: str, sentence: str = "") -> float | None:
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


def rule_inform_parliament(s: str, ctx) -> Hit | None:
    rm = _RECEIVES_AT.search(s)
    if (
        rm
        and find_deadline(rm.group("gap"))
        and not re.search(r"\b(?:niet|geen|al|reeds|eerder)\b", rm.group("gap"))
        and _future_deadline(rm.group("gap"), ctx.reference_date, ctx.calendar)
    ):
        return Hit("inform_parliament", 0.95)
    for rx in _INFORM:
        m = rx.search(s)
        if not m:
            continue
        if _CURRENT_LETTER.search(s) and not _FUT_WORD.search(s):
            return None  # "Hierbij informeer ik u ..." reports, it does not promise
        window = s[m.start() : m.end() + 40]
        if re.search(r"\b(?:niet|geen)\b", window):
            return None
        if re.search(r"\b(?:blijven|blijf|blijft)\b", window):
            return Hit("inform_parliament_continuing", LOW)
        if _PAST.search(s[max(0, m.start() - 30) : m.end()]):
            return None
        return Hit("inform_parliament", 0.95)
    return None


def rule_willing(s: str, ctx) -> Hit | None:
    for rx in _WILLING:
        m = rx.search(s)
        if not m:
            continue
        if re.search(r"\bniet\s+(?:\w+\s+){0,2}bereid\b|\bbereid\s+(?:\w+\s+){0,2}niet\b", s):
            return None
        subj = m.groupdict().get("subj")
        return Hit("willing", 0.9, subj)
    return None


def rule_government_future(s: str, ctx) -> Hit | None:
    # inverted: "zal ik", "zal het Koninkrijk", "zal de Minister van VWS"
    for m in _GOV_AFTER_FUT.finditer(s):
        subj = m.group("subj")
        if (
            re.fullmatch(r"(?:de\s+)?(?:[Mm]inisters?)", subj)
            and re.match(r"\s+van\b", s[m.end() :]) is None
            and re.match(r"\s+[a-z]", s[m.end() :]) is None
        ):
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
            if between.strip() and not re.fullmatch(
                r"\s*(?:en\s+[\w-]+(?:\s+[\w-]+){0,3}|ook|zelf|eveneens|"
                r"daarom|dan|nu|tevens|graag|uiteraard)?\s*",
                between,
            ):
                continue
            verdict = _optional_or_refusal(_cluster_after(s, f.end()), s)
            if verdict == 0.0:
                return None
            if verdict == LOW:
                return Hit("government_future_optional", LOW, g.group(0))
            return Hit("government_future", 0.9, g.group(0))
    # "wil ik dit ook in VN-verband agenderen"
    wil = _WIL_IK.search(s)
    if wil and not _RHETORIC.search(s):
        cluster = _cluster_after(s, wil.end())
        verdict = _optional_or_refusal(cluster, s)
        last = lex.lemma(cluster.split()[-1].rstrip(".!")) if cluster.split() else ""
        if verdict is None and last not in lex.COPULA:
            return Hit("government_intent", 0.85, wil.group("subj") or wil.group("subj2"))
    return None


def rule_meeting_with_government(s: str, ctx) -> Hit | None:
    m = _MEETING.search(s)
    if m and _GOV_PARTICIPANT.search(s[m.start() :]) and re.search(r"\b(?:tussen|met)\b", s[m.start() :]):
        return Hit("meeting_with_government", 0.8)
    if m:
        return Hit("scheduled_event", LOW)
    return None


def rule_impersonal_future(s: str, ctx) -> Hit | None:
    """A future after an opening adverbial, with no government subject of its
    own: the government text's own plan (passive or impersonal)."""
    if not _ADVERBIAL_START.match(s):
        return None
    for f in _FUT_WORD.finditer(s):
        if _SUBORDINATE.search(s[: f.start()]):
            continue  # "de kans dat het verbod ... zal": the verb of a subordinate clause
        other = re.search(r"\b(?:dat|die)\s+(?:de\s+|het\s+)?(?P<np>[A-Z][\w-]+)[^,;]*$", s[: f.start()])
        if other and not re.fullmatch(GOV, other.group("np")):
            continue  # "stelde de Hoge Vertegenwoordiger voor dat EDEO ... zal verkennen": another actor
        after = s[f.end() :]
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


def rule_present_scheduled(s: str, ctx) -> Hit | None:
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


def rule_present_passive_urgent(s: str, ctx) -> Hit | None:
    m = _URGENT.search(s)
    if m and _PRESENT_PASSIVE.search(s[: m.start()]) and not _FUT_WORD.search(s):
        return Hit("present_passive_urgent", 0.6)
    return None


def rule_specific_effort(s: str, ctx) -> Hit | None:
    m = _SPECIFIC_EFFORT.search(s)
    if m:
        subj = re.search(GOV, s[max(0, m.start() - 40) : m.end()])
        return Hit("specific_effort", 0.5, subj.group(0) if subj else None)
    return None


# ----------------------------------------------------------------- the other forms of a promise
# ANNOTATION.md: "The same undertaking in any grammatical form". Each rule
# below reads the verb by its lemma (lexicon.lemma), so no rule lists the
# forms of a verb.

_SUBJ_PRON = r"(?:ik|wij|we|ikzelf)"
_GOV_SUBJ = r"(?:" + _SUBJ_PRON + r"|het\s+kabinet|de\s+regering|" + GOV + r")"
_TE_VERB = re.compile(r"\bte\s+(?:(?:kunnen|laten|doen)\s+)?(?P<verb>[a-zà-ÿ]+(?:en|n))\b")


def _te_infinitive(rest: str) -> str | None:
    """The lemma of the first "te <infinitive>" in ``rest`` ("... u voor 1 juni te
    berichten" → "berichten"), or None."""
    m = _TE_VERB.search(rest)
    if not m:
        return None
    verb = m.group("verb")
    # separable verbs: "toe te sturen", "in te gaan" → "toesturen", "ingaan"
    before = rest[: m.start()].split()
    if before and re.fullmatch(r"(?:toe|in|op|aan|terug|mee|uit|voor|door|over|af|na)", before[-1].lower()):
        return (before[-1] + verb).lower()
    return verb.lower()


def _negated(text: str) -> bool:
    return bool(re.search(r"\b(?:niet|geen|nooit)\b", text, re.I))


def _past_clause(text: str) -> bool:
    """A perfect or past main verb: "heb ik ... aangekaart", "is ingediend"."""
    return bool(
        re.search(
            r"\b(?:heb|hebt|heeft|hebben|had|hadden|was|waren|werd|werden|is|zijn)\b\s+(?:\w+\s+){0,8}?"
            r"(?:ge\w+[dt]|\w+(?:ge)\w+[dt]|(?:ver|be|ont|her)\w+[dt])\b",
            text,
        )
    ) and not re.search(r"\b(?:zal|zullen|wordt|worden)\b", text)


#: "Ik ben voornemens u ... te berichten", "Het is mijn voornemen om ...",
#: "ben ik van plan ...", "heb ik de intentie ...", "streef ik ernaar ... toe te sturen"
_INTENT = re.compile(
    r"\b(?:(?P<s1>" + _GOV_SUBJ + r")\s+(?:ben|is|zijn)|(?:ben|is|zijn)\s+(?P<s2>" + _GOV_SUBJ + r"))\s+"
    r"(?:\w+\s+){0,3}?(?:voornemens|van\s+plan)\b"
    r"|\b(?:het\s+is|is\s+het|was\s+het)\s+(?:mijn|ons|het)\s+(?:\w+\s+)?(?:voornemen|intentie|plan)\b"
    r"|\b(?:mijn|ons|het)\s+(?:\w+\s+)?voornemen\s+is\b"
    r"|\b(?:(?P<s3>" + _GOV_SUBJ + r")\s+(?:heb|hebben|heeft)|(?:heb|hebben|heeft)\s+(?P<s4>" + _GOV_SUBJ + r"))\s+"
    r"(?:\w+\s+){0,2}?(?:het\s+voornemen|de\s+intentie|het\s+plan)\b",
    re.I,
)
#: "Ik streef ernaar u voor de zomer ... toe te sturen", "ik hoop u in het najaar ... te sturen",
#: "Ik verwacht uw Kamer eind januari nader te kunnen informeren"
_EXPECT = re.compile(
    r"\b(?:(?P<s1>" + _SUBJ_PRON + r"|het\s+kabinet)\s+(?:verwacht|verwachten|streef|streven|streeft|hoop|hopen|hoopt)"
    r"|(?:verwacht|verwachten|streef|streven|streeft|hoop|hopen|hoopt)\s+(?P<s2>" + _SUBJ_PRON + r"|het\s+kabinet))\b"
    r"(?!\s+(?:\w+\s+){0,2}dat\b)",
    re.I,
)


def rule_intention(s: str, ctx) -> Hit | None:
    """Intention or expectation of the government's own step (ANNOTATION.md:
    "Ik ben voornemens u voor 1 juni te berichten", "Ik verwacht u de brief
    eind maart te sturen")."""
    m = _INTENT.search(s)
    if m:
        rest = s[m.end() :]
        verb = _te_infinitive(rest)
        if verb and verb not in lex.COPULA and not _negated(s[m.start() : m.end() + 20]):
            subj = next((g for g in m.groups() if g), None)
            return Hit("intention", 0.85, subj)
    m = _EXPECT.search(s)
    if m:
        rest = s[m.end() :]
        verb = _te_infinitive(rest)
        if verb in lex.INFORM and not _negated(rest[:60]):
            return Hit("expected_step", 0.85, m.group("s1") or m.group("s2"))
    return None


_READER = r"(?:[Uu]|[Uu]w\s+Kamer|[Dd]e\s+(?:Tweede\s+|Eerste\s+)?Kamer)"
_READER_RECEIVES = re.compile(
    r"(?:(?<![\w-])" + _READER + r"\s+(?P<v1>ontvangt|krijgt|kunt|kan|zult|zal|mag)\b"
    r"|\b(?P<v2>ontvangt|krijgt|kunt|kan|zult|zal|mag)\s+" + _READER + r"(?![\w-]))"
)


def rule_reader_receives(s: str, ctx) -> Hit | None:
    """Addressed to the reader: "De rapportage kunt u voor 1 mei tegemoet zien",
    "U ontvangt de brief in maart", "die u in juni ontvangt"."""
    for m in _READER_RECEIVES.finditer(s):
        verb = (m.group("v1") or m.group("v2")).lower()
        if verb in ("kunt", "kan", "zult", "zal", "mag"):
            cluster = lex.lemmas(_cluster_after(s, m.end()))
            if not (set(cluster) & {"ontvangen", "tegemoetzien", "tegemoet", "verwachten"}):
                continue
        if _CURRENT_LETTER.search(s) or re.search(r"\b(?:nu|thans|reeds|al)\b", s[m.start() : m.end() + 40]):
            return None  # "In verband met de kabinetswisseling ontvangt u deze brief nu": it is here
        if _negated(s[m.start() : m.end() + 60]) or _past_clause(s):
            return None
        if verb in ("ontvangt", "krijgt") and not _future_deadline(s, ctx.reference_date, ctx.calendar):
            continue  # "u ontvangt ..." without a time to come is a description
        return Hit("reader_receives", 0.85)
    rm = re.search(
        r"\b(?:die|dat|welke)\s+(?:[Uu]|[Uu]w\s+Kamer)\s+(?P<gap>[^.?,;]{2,50}?)\s+(?:ontvangt|krijgt|"
        r"tegemoet\s+kunt\s+zien|zult\s+ontvangen)\b",
        s,
    )
    if (
        rm
        and find_deadline(rm.group("gap"))
        and not re.search(r"\b(?:niet|geen|al|reeds|eerder)\b", rm.group("gap"))
        and _future_deadline(rm.group("gap"), ctx.reference_date, ctx.calendar)
    ):
        return Hit("reader_receives", 0.85)
    return None


_PARTICIPLE = re.compile(r"\b(?:[a-zà-ÿ]+)?(?:ge|ver|be|ont|her)[a-zà-ÿ]+(?:d|t|n)\b")


def rule_passive_inform(s: str, ctx) -> Hit | None:
    """A passive whose agent is the government: "zal hierop in de voortgangsbrief
    worden ingegaan", "Voor het eind van het jaar wordt u geïnformeerd", "Het
    wetsvoorstel wordt in het voorjaar aan uw Kamer aangeboden"."""
    if re.search(
        r"\bdoor\s+(?:de\s+|het\s+)?(?!mij\b|ons\b|het\s+kabinet|de\s+[Mm]inister|de\s+[Ss]taatssecretaris)"
        r"[\w-]+",
        s,
    ):
        return None  # an agent other than the government
    if _CURRENT_LETTER.search(s) or re.search(r"\b(?:gelijktijdig|tegelijk(?:ertijd)?)\s+met\s+deze\b", s, re.I):
        return None
    for m in re.finditer(r"\b(?:zal|zullen|wordt|worden)\b", s):
        if _SUBORDINATE.search(s[: m.start()]) and re.search(
            r"\b(?:is|was|werd|heeft|had)\s+(?:\w+\s+){0,3}"
            r"(?:toegezegd|aangekondigd|afgesproken|gemeld)\b",
            s[: m.start()],
        ):
            return None  # "In de brief is toegezegd dat uw Kamer ... zal worden geïnformeerd": reported
        window = s[m.end() : m.end() + 160]
        cut = re.search(r"[;:]|\.\s|\s(?:maar|en\s+(?:ik|wij|het))\s", window)
        window = window[: cut.start()] if cut else window
        future = m.group(0) in ("zal", "zullen")
        if future and not re.search(r"\b(?:worden|zijn)\b", window):
            continue
        parts = [w for w in lex.words(window) if lex.verb_in(w, lex.INFORM) and _PARTICIPLE.fullmatch(w.lower())]
        if not parts:
            continue
        if _negated(s[: m.end()] + window):
            return None  # "De vragen kunnen niet binnen de termijn worden beantwoord": no promise
        if re.search(r"\b(?:blijven|blijft|jaarlijks|periodiek|steeds|telkens)\b", s):
            return Hit("passive_inform_continuing", LOW)
        if future:
            return Hit("passive_inform", 0.85)
        reader = re.search(r"(?<![\w-])" + _READER + r"(?![\w-])", s)
        if _future_deadline(s, ctx.reference_date, ctx.calendar) or (
            reader and re.search(r"\b(?:nader|spoedig|zo\s+snel|binnenkort|later|te\s+zijner\s+tijd)\b", s)
        ):
            return Hit("passive_inform", 0.8)
    return None


#: "zal ik ... informeren" aside, the present tense with a time to come:
#: "Ik stuur u de evaluatie na het zomerreces", "De toezegging is dat ik u
#: eind 2016 informeer", "Zodra ..., informeer ik uw Kamer"
_PRESENT_SUBJ = re.compile(r"(?<![\w-])(?P<subj>" + _SUBJ_PRON + r"|het\s+kabinet)(?![\w-])", re.I)


def rule_present_inform(s: str, ctx) -> Hit | None:
    if _CURRENT_LETTER.search(s) or _past_clause(s):
        return None
    if re.search(r"\b(?:zal|zullen|zou|zouden|wordt|worden)\b", s):
        return None  # the future and passive rules read those
    for m in _PRESENT_SUBJ.finditer(s):
        clause = s[max(0, m.start() - 60) : m.end() + 100]
        toks = lex.words(clause)
        modal = re.search(r"\b(?:kan|kunnen|ga|gaan|gaat)\b", clause)
        if not any(
            lex.verb_in(t, lex.INFORM)
            and not _PARTICIPLE.fullmatch(t.lower())
            and (modal or not t.lower().endswith("en"))
            and not re.search(r"\bte\s+" + re.escape(t) + r"\b", clause)
            for t in toks
        ):
            continue
        if (
            _negated(clause)
            or re.search(r"\bte\s+\w+en\b", s[m.end() : m.end() + 60])
            or re.search(r"\b(?:kan|kunnen)\b[^.]*\bniet\b|\bpas\b", clause)
        ):
            continue
        if _future_deadline(s, ctx.reference_date, ctx.calendar) or re.search(
            r"\b(?:nader|binnenkort|later|te\s+zijner\s+tijd|zo\s+spoedig|zodra|nadat)\b", s, re.I
        ):
            return Hit("present_inform", 0.8, m.group("subj"))
    return None


#: the postponement forms: "De antwoorden worden omstreeks 3 april verwacht",
#: "verzoek ik u de termijn met 4 weken te verlengen tot 20 februari"
_EXPECTED_PAPER = re.compile(
    r"\b(?:antwoord(?:en)?|beantwoording|reactie|\w*brief|\w*rapportage|\w*rapport|evaluatie|\w*voorstel|nota|"
    r"besluit|uitkomsten|resultaten)\b[^.;?]{0,80}?\b(?:wordt|worden)\b[^.;?]{0,60}?\bverwacht\b",
    re.I,
)
_EXTEND_TERM = re.compile(
    r"\b(?:verzoek|vraag)\s+(?:ik|wij)\s+(?:u\s+|uw\s+Kamer\s+)?(?:\w+\s+){0,4}?"
    r"(?:termijn|uitstel)\b[^.;?]*?\b(?:te\s+verlengen|te\s+verlenen|verlenging)\b",
    re.I,
)


#: "De kabinetsreactie volgt na de zomer", "de brief komt in maart": the paper that will come
_PAPER_FOLLOWS = re.compile(
    r"\b(?:antwoord(?:en)?|beantwoording|\w*reactie|\w*brief|\w*rapportage|\w*nota|wetsvoorstel|evaluatie|"
    r"voorstel|visie|plan|agenda)\b[^.;?,]{0,60}?\b(?:volgt|volgen|komt|komen)\b(?!\s+(?:\w+\s+){0,3}(?:voort|uit|"
    r"overeen|terecht|tot\s+stand))",
    re.I,
)


def rule_postponement(s: str, ctx) -> Hit | None:
    if _EXTEND_TERM.search(s) and find_deadline(s):
        return Hit("postponement", 0.85)
    m = _PAPER_FOLLOWS.search(s)
    if (
        m
        and not _negated(s)
        and not _past_clause(s)
        and _future_deadline(s, ctx.reference_date, ctx.calendar)
        and not OTHER_ACTORS.match(s)
    ):
        return Hit("postponement", 0.8)
    m = _EXPECTED_PAPER.search(s)
    if m and find_deadline(s) and not _negated(m.group(0)) and not _past_clause(s):
        return Hit("postponement", 0.85)
    return None


RULES: tuple[Callable, ...] = (
    rule_inform_parliament,
    rule_willing,
    rule_intention,
    rule_reader_receives,
    rule_postponement,
    rule_meeting_with_government,
    rule_government_future,
    rule_passive_inform,
    rule_present_inform,
    rule_impersonal_future,
    rule_present_scheduled,
    rule_present_passive_urgent,
    rule_specific_effort,
)


def excluded(s: str) -> str | None:
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


def classify(s: str, ctx) -> Hit | None:
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
    reference_date: dt.date | None = None


def _government_texts(doc) -> Iterable[tuple[str | None, str]]:
    """(answer number, text) of the paper's government text."""
    if doc.answers:
        if doc.kind == "written_questions":
            from documents.parsing.kinds.written_questions import answer_preamble

            pre = answer_preamble(doc.body or "")
            if pre:
                yield None, pre
        for a in doc.answers:
            yield a.number, a.text
    elif doc.kind in ("letter", "notice"):
        # a notice announces when the postponed answers will come (ANNOTATION.md: required)
        yield None, letter_text(doc.body or "")


def find_commitments(doc, calendar=None, threshold: float = EMIT_THRESHOLD) -> list[Commitment]:
    """The commitments of ``doc`` (see the module docstring), in order."""
    if doc.kind not in ("written_questions", "written_consultation", "letter", "notice"):
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
            out.append(
                Commitment(
                    text=s,
                    actor=resolve_actor(hit.actor, doc),
                    deadline_text=phrase,
                    due_date=deadline.due_date if deadline else None,
                    answer_number=number,
                    rule=hit.rule,
                    confidence=hit.confidence,
                    precision=deadline.precision if deadline else "none",
                )
            )
    return out
