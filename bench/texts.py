"""Document texts in the layouts of the seeds (documents/samples/*.txt) and the
answer PDFs (tests/fixtures/samples): written questions with their answers,
letters to the Kamer with promises, postponement notices. Plain Python, seeded,
so a run is repeatable; every text is distinct (its own date, subject, number),
so ingest stores each as a new paper."""

from __future__ import annotations

import datetime as dt
import random

from .vocab import DEADLINES, DOSSIERS, MINISTRIES, PARTIES, TOPICS, dutch_date, person_name

QUESTION_STEMS = [
    "Bent u bekend met het bericht {q}?",
    "Kunt u aangeven hoeveel mensen in 2023 te maken kregen met {t}?",
    "Deelt u de mening dat {t} een zaak van het hoogste belang is? Zo nee, waarom niet?",
    "Welke maatregelen heeft u genomen om {t} aan te pakken, en wat is daarvan het resultaat?",
    "Bent u bereid de Kamer te informeren over de voortgang rond {t}?",
    "Hoe beoordeelt u de rol van de betrokken toezichthouder bij {t}?",
    "Kunt u deze vragen afzonderlijk en binnen de gebruikelijke termijn beantwoorden?",
]
ANSWER_STEMS = [
    "Ja.",
    "Ik deel de zorgen over {t}. Het kabinet heeft daarom in overleg met de betrokken partijen een aantal maatregelen "
    "genomen, die in de brief van {d} aan uw Kamer zijn beschreven.",
    "Exacte cijfers zijn mij niet bekend. Het beeld is dat het aantal betrokkenen de afgelopen jaren is gestegen.",
    "Ik zal uw Kamer {dl} informeren over de uitkomsten van het onderzoek naar {t}.",
    "De toezichthouder is onafhankelijk. Het is niet aan mij om een oordeel te geven over individuele zaken.",
    "Zie het antwoord op vraag 2.",
    "Ik zal de Kamer {dl} een brief sturen over de voortgang van de aanpak van {t}.",
]
LETTER_PARAS = [
    "Tijdens het commissiedebat over {t} van {d} jl. heeft uw Kamer gevraagd om inzicht in de stand van zaken. "
    "Met deze brief geef ik een eerste reactie.",
    "Het kabinet deelt de zorgen die in uw Kamer zijn uitgesproken over {t}. Deze zorgen zijn herhaaldelijk "
    "besproken met de betrokken organisaties en medeoverheden.",
    "De afgelopen maanden is met de sector gesproken over mogelijke oplossingen. Daarbij is gebleken dat een "
    "aanpak op maat per regio nodig is.",
    "Ik zal uw Kamer {dl} informeren over de regionale aanpak van {t}.",
    "Voorts zal ik de Kamer {dl} de resultaten van de evaluatie sturen.",
]


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def _post_phrase(post: str) -> str:
    """ "Minister van Buitenlandse Zaken" → "de Minister van Buitenlandse Zaken"."""
    return f"de {post}"


class TextGenerator:
    """``next()`` gives (kind, text) in a realistic mix: 60% written questions
    with answers, 30% letters with promises, 10% postponement notices."""

    def __init__(self, seed: int = 10, start: dt.date = dt.date(2015, 1, 5)):
        self.rnd = random.Random(seed)
        self.day = start
        self.n = 0
        # letter numbers above the ~1,850 per dossier of the large data set, and apart per seed,
        # so a letter is a new paper (Kamerstuk numbers have at most four digits)
        self.first_number = 5000 + 900 * (seed % 5)
        self.posts = [(m, p) for m, ps in MINISTRIES.items() for p in ps if p.startswith("Minister van")]

    def _advance(self) -> dt.date:
        self.day += dt.timedelta(days=self.rnd.choice([0, 1, 1, 2]))
        return self.day

    def _askers(self) -> str:
        r = self.rnd
        names = [_cap(person_name(r.randrange(400))) for _ in range(r.choice([1, 1, 1, 2]))]
        party = r.choice(PARTIES[:12])
        if len(names) == 1:
            return f"het lid {names[0]} ({party})"
        return f"de leden {names[0]} en {names[1]} (beiden {party})"

    def written_questions(self) -> str:
        r = self.rnd
        submitted = self._advance()
        received = submitted + dt.timedelta(days=r.randint(14, 60))
        topic = r.choice(TOPICS)
        ministry, post = r.choice(self.posts)
        minister = _cap(person_name(r.randrange(60)))
        n_q = r.randint(3, 9)
        lines = [
            f" Vragen van {self._askers()} aan {_post_phrase(post)} over {topic} (ingezonden {dutch_date(submitted)}). ",
            "",
            f"Antwoord van Minister {minister} ({ministry}) (ontvangen {dutch_date(received)}). ",
            "",
        ]
        for i in range(1, n_q + 1):
            q = r.choice(QUESTION_STEMS).format(q=f"«{_cap(topic)} onder druk» van {dutch_date(submitted)}", t=topic)
            a = r.choice(ANSWER_STEMS).format(
                t=topic, d=dutch_date(submitted - dt.timedelta(days=30)), dl=r.choice(DEADLINES)
            )
            lines += [f"Vraag {i}", q + " ", "", f"Antwoord {i}", a + " ", ""]
        return "\n".join(lines)

    def letter(self) -> str:
        r = self.rnd
        day = self._advance()
        self.n += 1
        dossier, title = r.choice(DOSSIERS)
        ministry, post = r.choice(self.posts)
        topic = r.choice(TOPICS)
        paras = [
            p.format(t=topic, d=dutch_date(day - dt.timedelta(days=r.randint(7, 40))), dl=r.choice(DEADLINES))
            for p in r.sample(LETTER_PARAS, k=4)
        ]
        return "\n".join(
            [
                f" {dossier} {title} ",
                "",
                f"Nr. {self.first_number + self.n}  BRIEF VAN DE {post.upper()} ",
                "",
                "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal ",
                "",
                f"Den Haag, {dutch_date(day)} ",
                "",
                *[p + " \n" for p in paras],
                f"De {post},",
                f"{r.choice('ABCDEFGHJKMPRSTW')}.{r.choice('ABCDEFGHJKMPRSTW')}. {_cap(person_name(r.randrange(60)))}",
            ]
        )

    def notice(self) -> str:
        r = self.rnd
        day = self._advance()
        submitted = day - dt.timedelta(days=r.randint(15, 20))
        ministry, post = r.choice(self.posts)
        topic = r.choice(TOPICS)
        return "\n".join(
            [
                "Aanhangsel van de Handelingen",
                "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden",
                "",
                f"Mededeling van Minister {_cap(person_name(r.randrange(60)))} ({ministry}) (ontvangen {dutch_date(day)})",
                "",
                f"De vragen van {self._askers()} over {topic} (ingezonden {dutch_date(submitted)}) kunnen tot mijn spijt "
                "niet binnen de gebruikelijke termijn worden beantwoord. De reden van het uitstel is dat de beantwoording "
                "afstemming vergt met andere departementen. Ik streef ernaar de vragen zo spoedig mogelijk, maar uiterlijk "
                f"{dutch_date(day + dt.timedelta(days=21))}, te beantwoorden.",
            ]
        )

    def next(self) -> tuple[str, str]:
        x = self.rnd.random()
        if x < 0.6:
            return "written_questions", self.written_questions()
        if x < 0.9:
            return "letter", self.letter()
        return "notice", self.notice()

    def many(self, n: int) -> list[tuple[str, str]]:
        return [self.next() for _ in range(n)]
