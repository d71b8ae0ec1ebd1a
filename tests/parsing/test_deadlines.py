"""Deadline phrases (DOMAIN.md, "Deadline phrases") resolved against a fixed paper date."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from documents.parsing.calendar import Calendar, Recess, rule_recess
from documents.parsing.deadlines import Deadline, deadline_of, find_deadline, resolve_deadline

D = dt.date
PAPER = D(2020, 9, 17)  # "Den Haag, 17 september 2020" (seed 003)

CASES = [
    # explicit dates
    ("uiterlijk 30 april", D(2021, 4, 30), "day"),
    ("op 30 april 2021", D(2021, 4, 30), "day"),
    ("op 3 februari a.s.", D(2021, 2, 3), "day"),
    ("op 18 september a.s.", D(2020, 9, 18), "day"),
    ("14 januari jl.", D(2020, 1, 14), "day"),
    ("vrijdag 18 september", D(2020, 9, 18), "day"),
    ("voor 1 april 2020", D(2020, 3, 31), "day"),
    ("voor 1 oktober", D(2020, 9, 30), "day"),
    # months
    ("in januari 2017", D(2017, 1, 31), "month"),
    ("eind oktober", D(2020, 10, 31), "month"),
    ("eind augustus", D(2021, 8, 31), "month"),
    ("in september", D(2020, 9, 30), "month"),
    ("in maart 2021", D(2021, 3, 31), "month"),
    ("uiterlijk eind mei", D(2021, 5, 31), "month"),
    ("voor september", D(2021, 8, 31), "month"),
    # recesses and seasons
    ("voor de zomer", D(2021, 7, 8), "season"),
    ("voor het zomerreces", D(2021, 7, 8), "season"),
    ("voor de zomer van 2022", D(2022, 7, 7), "season"),
    ("na de zomer", D(2020, 10, 16), "season"),
    ("na het zomerreces", D(2020, 10, 16), "season"),
    ("dit najaar", D(2020, 12, 17), "season"),
    ("in het najaar", D(2020, 12, 17), "season"),
    ("voor het einde van het jaar", D(2020, 12, 17), "season"),
    ("eind 2021", D(2021, 12, 23), "season"),
    ("voor eind 2021", D(2021, 12, 23), "season"),
    ("in het voorjaar", D(2021, 4, 22), "season"),
    ("voor het kerstreces", D(2020, 12, 17), "season"),
    # quarters, begin, medio
    ("begin 2021", D(2021, 3, 31), "season"),
    ("in het eerste kwartaal van 2021", D(2021, 3, 31), "season"),
    ("in het tweede kwartaal van 2021", D(2021, 6, 30), "season"),
    ("in het derde kwartaal van 2021", D(2021, 9, 30), "season"),
    ("in het vierde kwartaal", D(2020, 12, 31), "season"),
    ("in het eerste kwartaal", D(2021, 3, 31), "season"),
    ("medio 2021", D(2021, 6, 30), "season"),
    ("begin volgend jaar", D(2021, 3, 31), "season"),
    # periods from the paper's date
    ("binnen drie weken", D(2020, 10, 8), "day"),
    ("binnen een maand", D(2020, 10, 17), "day"),
    ("binnen twee maanden", D(2020, 11, 17), "day"),
    ("binnen 14 dagen", D(2020, 10, 1), "day"),
    ("binnen een half jaar", D(2021, 3, 17), "day"),
    # budget cycle
    ("voor Prinsjesdag", D(2021, 9, 20), "day"),
    ("bij de Voorjaarsnota", D(2021, 6, 1), "month"),
    ("bij de begroting", D(2021, 9, 21), "day"),
    ("bij de begroting voor 2022", D(2021, 9, 21), "day"),
]


@pytest.mark.parametrize("phrase,due,precision", CASES)
def test_phrase_resolves(phrase, due, precision):
    assert resolve_deadline(phrase, PAPER) == Deadline(due, precision)


@pytest.mark.parametrize(
    "phrase",
    [
        "op korte termijn",
        "zo spoedig mogelijk",
        "zo snel mogelijk",
        "na ontvangst van het advies",
        "te zijner tijd",
        "iets heel anders",
        "",
        None,
    ],
)
def test_phrases_without_a_day_give_no_due_date(phrase):
    assert resolve_deadline(phrase, PAPER) == Deadline(None, "none")


def test_binnen_een_maand_clips_to_the_month_end():
    assert resolve_deadline("binnen een maand", D(2021, 1, 31)).due_date == D(2021, 2, 28)


def test_3_februari_as_in_seed_001():
    assert resolve_deadline("op 3 februari a.s.", D(2014, 1, 23)).due_date == D(2014, 2, 3)


def test_relative_phrases_need_the_paper_date():
    for phrase in (
        "voor de zomer",
        "binnen drie weken",
        "op 3 februari a.s.",
        "eind oktober",
        "uiterlijk 30 april",
        "dit najaar",
        "voor Prinsjesdag",
        "dit jaar",
    ):
        assert resolve_deadline(phrase, None).due_date is None, phrase


def test_explicit_years_resolve_without_a_paper_date():
    assert resolve_deadline("in maart 2021", None).due_date == D(2021, 3, 31)
    assert resolve_deadline("op 18 september 2020", None).due_date == D(2020, 9, 18)
    assert resolve_deadline("voor 1 april 2020", None).due_date == D(2020, 3, 31)
    assert resolve_deadline("eind 2021", None).due_date == rule_recess("kerstreces", 2021).start - dt.timedelta(1)
    assert resolve_deadline("medio 2021", None).due_date == D(2021, 6, 30)


def test_listed_recess_is_used_for_voor_de_zomer():
    # zomerreces 2023 begins 7 July 2023 (DOMAIN.md table)
    assert resolve_deadline("voor de zomer", D(2023, 3, 1)).due_date == D(2023, 7, 6)
    assert resolve_deadline("na de zomer", D(2023, 3, 1)).due_date == D(2023, 10, 13)
    assert resolve_deadline("dit najaar", D(2023, 9, 1)).due_date == D(2023, 12, 21)
    assert resolve_deadline("in het voorjaar", D(2024, 1, 20)).due_date == D(2024, 4, 25)


def test_a_calendar_passed_in_wins():
    cal = Calendar([Recess("zomerreces", D(2021, 7, 2), D(2021, 8, 30))])
    assert resolve_deadline("voor de zomer", PAPER, cal).due_date == D(2021, 7, 1)


def test_voor_de_zomer_written_during_the_summer_recess_means_next_summer():
    assert resolve_deadline("voor de zomer", D(2023, 8, 1)).due_date == D(2024, 7, 4)


def test_end_of_year_written_after_christmas_recess_began_keeps_to_this_year():
    assert resolve_deadline("voor het einde van het jaar", D(2023, 12, 28)).due_date == D(2023, 12, 31)


@pytest.mark.parametrize(
    "sentence,phrase",
    [
        ("Ik zal uw Kamer voor de zomer informeren.", "voor de zomer"),
        ("Om recht te doen aan het verzoek zal op\n3 februari a.s. een gesprek plaatsvinden.", "op 3 februari a.s."),
        (
            "Naar aanleiding van de vragen van 14 januari jl. zal ik u voor het einde van het jaar informeren.",
            "voor het einde van het jaar",
        ),
        ("Tijdens de zitting in maart 2021 zal het Koninkrijk zich inspannen.", "in maart 2021"),
        ("Die bespreking zal op korte termijn volgen.", "op korte termijn"),
        ("Uw Kamer wordt hierover dit najaar geïnformeerd.", "dit najaar"),
        ("Ik stuur u voor eind 2021 een brief.", "voor eind 2021"),
        ("Ik zal u informeren.", None),
        ("Zoals besproken op 14 januari jl. heb ik dat gedaan.", None),
    ],
)
def test_find_deadline(sentence, phrase):
    assert find_deadline(sentence) == phrase


def test_deadline_of_finds_and_resolves():
    phrase, deadline = deadline_of("Ik zal de Kamer binnen drie weken informeren.", PAPER)
    assert phrase == "binnen drie weken" and deadline.due_date == D(2020, 10, 8)


# ---------------------------------------------------------------- properties

paper_dates = st.one_of(st.none(), st.dates(min_value=D(1995, 1, 1), max_value=D(2060, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), paper_dates)
def test_resolve_deadline_never_raises(text, paper):
    result = resolve_deadline(text, paper)
    assert result.precision in ("day", "month", "season", "none")
    find_deadline(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "voor",
                "de",
                "zomer",
                "het",
                "binnen",
                "3",
                "drie",
                "weken",
                "eind",
                "2021",
                "januari",
                "a.s.",
                "jl.",
                "kwartaal",
                "eerste",
                "najaar",
                "medio",
                "begin",
                "Prinsjesdag",
                "uiterlijk",
                "30",
                "april",
                "in",
                "op",
                "\n",
            ]
        ),
        max_size=8,
    ),
    paper_dates,
)
def test_resolve_deadline_never_raises_on_near_phrases(words, paper):
    resolve_deadline(" ".join(words), paper)


NO_PAST = [
    "uiterlijk 30 april",
    "op 3 februari a.s.",
    "op 29 februari",
    "voor 1 april",
    "vrijdag 18 september",
    "eind oktober",
    "in januari",
    "voor september",
    "begin maart",
    "medio juni",
    "voor de zomer",
    "voor het zomerreces",
    "na de zomer",
    "na het zomerreces",
    "dit najaar",
    "in het najaar",
    "voor het einde van het jaar",
    "in het voorjaar",
    "dit voorjaar",
    "begin volgend jaar",
    "medio volgend jaar",
    "in het eerste kwartaal",
    "in het derde kwartaal",
    "binnen drie weken",
    "binnen een maand",
    "binnen twee maanden",
    "voor Prinsjesdag",
    "bij de Voorjaarsnota",
    "bij de begroting",
    "dit jaar",
    "voor het kerstreces",
    "voor het herfstreces",
    "voor het voorjaarsreces",
    "in de zomer",
    "eind dit jaar",
    "in de tweede helft van het jaar",
    "op korte termijn",
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(NO_PAST), st.dates(min_value=D(2000, 1, 1), max_value=D(2050, 12, 31)))
def test_a_phrase_naming_no_past_date_never_resolves_before_the_paper(phrase, paper):
    due = resolve_deadline(phrase, paper).due_date
    assert due is None or due >= paper, (phrase, paper, due)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NO_PAST), st.dates(min_value=D(2000, 1, 1), max_value=D(2050, 12, 31)))
def test_relative_phrases_resolve_when_the_paper_has_a_date(phrase, paper):
    deadline = resolve_deadline(phrase, paper)
    if phrase != "op korte termijn":
        assert deadline.due_date is not None, phrase
        assert deadline.precision != "none"


@pytest.mark.parametrize(
    "sentence, phrase, due",
    [
        (
            "ik Uw Kamer de gevraagde informatie in de tweede helft van oktober 2013 zal toesturen",
            "in de tweede helft van oktober 2013",
            dt.date(2013, 10, 31),
        ),  # dev d16
        (
            "zal ik uw kamer op korte termijn informeren, in ieder geval ruim voor het sluiten van de "
            "openstellingsperiode van de Lbv (1 december 2023).",
            "ruim voor het sluiten van de openstellingsperiode van de Lbv (1 december 2023)",
            dt.date(2023, 11, 30),
        ),  # d08
        ("De antwoorden worden omstreeks 3 april verwacht.", "omstreeks 3 april", dt.date(2023, 4, 3)),
        ("Ik informeer u half maart.", "half maart", dt.date(2023, 3, 15)),
        ("Ik stuur u de evaluatie na het zomerreces.", "na het zomerreces", dt.date(2023, 10, 13)),
    ],
)
def test_the_deadline_of_a_promise(sentence, phrase, due):
    paper = dt.date(2013, 9, 1) if "2013" in sentence else dt.date(2023, 2, 10)
    assert find_deadline(sentence) == phrase
    assert resolve_deadline(phrase, paper).due_date == due


@pytest.mark.parametrize(
    "phrase",
    ["rond de zomer", "in de loop van het jaar", "in de winter", "voor de begrotingsbehandeling", "in het nieuwe jaar"],
)
def test_a_vague_phrase_is_kept_without_a_due_date(phrase):
    assert find_deadline(f"Ik informeer u {phrase}.") == phrase
    assert resolve_deadline(phrase, dt.date(2023, 2, 10)).due_date is None
