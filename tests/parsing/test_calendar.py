"""The parliamentary calendar: DOMAIN.md's recess table and its rule for other years."""

import datetime as dt

import pytest

from documents.parsing.calendar import (
    RECESS_KINDS,
    RECESS_TABLE,
    Calendar,
    Recess,
    default_calendar,
    prinsjesdag,
    rule_recess,
)

D = dt.date


@pytest.mark.parametrize("name,start,end", RECESS_TABLE)
def test_every_listed_recess_agrees_with_the_rule(name, start, end):
    rule = rule_recess(name, start.year)
    assert (rule.start, rule.end) == (start, end)


@pytest.mark.parametrize("name,start,end", RECESS_TABLE)
def test_default_calendar_returns_the_listed_rows(name, start, end):
    assert default_calendar().recess(name, start.year) == Recess(name, start, end)
    assert default_calendar().is_listed(name, start.year)


def test_every_recess_begins_on_a_friday_and_ends_on_a_monday():
    for year in range(2010, 2040):
        for kind in RECESS_KINDS:
            r = rule_recess(kind, year)
            assert r.start.weekday() == 4, r
            assert r.end.weekday() == 0, r


def test_the_rule_for_2027():
    cal = default_calendar()
    assert cal.recess("voorjaarsreces", 2027) == Recess("voorjaarsreces", D(2027, 2, 19), D(2027, 3, 1))
    assert cal.recess("meireces", 2027) == Recess("meireces", D(2027, 4, 23), D(2027, 5, 10))
    assert cal.recess("zomerreces", 2027) == Recess("zomerreces", D(2027, 7, 9), D(2027, 9, 6))
    assert cal.recess("herfstreces", 2027) == Recess("herfstreces", D(2027, 10, 15), D(2027, 10, 25))
    assert cal.recess("kerstreces", 2027) == Recess("kerstreces", D(2027, 12, 24), D(2028, 1, 17))
    assert not cal.is_listed("zomerreces", 2027)


def test_meireces_on_26_april_itself_when_it_is_a_friday():
    # 26 April 2024 is a Friday: "on or before" includes it
    assert rule_recess("meireces", 2024).start == D(2024, 4, 26)


def test_kerstreces_never_begins_on_christmas_day():
    # 25 December 2020 is a Friday: "the last Friday before 25 December" is the 18th
    assert rule_recess("kerstreces", 2020).start == D(2020, 12, 18)


def test_a_listed_row_wins_over_the_rule():
    cal = Calendar([Recess("zomerreces", D(2027, 7, 2), D(2027, 8, 30))])
    assert cal.recess("zomerreces", 2027).start == D(2027, 7, 2)
    assert cal.recess("herfstreces", 2027) == rule_recess("herfstreces", 2027)


def test_calendar_accepts_plain_tuples_as_the_tracker_passes_rows():
    cal = Calendar([("Zomerreces", D(2030, 7, 5), D(2030, 9, 2))])
    assert cal.recess("zomerreces", 2030).end == D(2030, 9, 2)


def test_unknown_recess_kind_is_refused():
    with pytest.raises(ValueError):
        rule_recess("paasreces", 2024)


def test_next_recess_start_is_strictly_after_the_day():
    cal = default_calendar()
    assert cal.next_recess_start("zomerreces", D(2023, 6, 1)) == D(2023, 7, 7)
    assert cal.next_recess_start("zomerreces", D(2023, 7, 7)) == D(2024, 7, 5)
    assert cal.next_recess_start("kerstreces", D(2023, 12, 30)) == rule_recess("kerstreces", 2024).start


def test_in_recess():
    cal = default_calendar()
    assert cal.in_recess(D(2024, 1, 2)).name == "kerstreces"
    assert cal.in_recess(D(2023, 11, 1)) is None


@pytest.mark.parametrize(
    "year,day",
    [
        (2019, D(2019, 9, 17)),
        (2020, D(2020, 9, 15)),
        (2023, D(2023, 9, 19)),
        (2024, D(2024, 9, 17)),
        (2025, D(2025, 9, 16)),
    ],
)
def test_prinsjesdag_is_the_third_tuesday_of_september(year, day):
    assert prinsjesdag(year) == day


def test_next_prinsjesdag():
    cal = default_calendar()
    assert cal.next_prinsjesdag(D(2024, 9, 17)) == D(2024, 9, 17)
    assert cal.next_prinsjesdag(D(2024, 9, 17), inclusive=False) == D(2025, 9, 16)
