"""Dutch dates (documents/parsing/dates.py)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from documents.parsing.dates import labelled_date, read_date


def test_full_dutch_date():
    assert read_date("Den Haag, 17 september 2020") == dt.date(2020, 9, 17)


def test_date_broken_across_lines():
    assert read_date("(ontvangen \n15 februari\n2019)") == dt.date(2019, 2, 15)


def test_doubled_opening_before_the_date():
    assert labelled_date("(ontvangen (ontvangen 7 juni 2024)", "ontvangen") == dt.date(2024, 6, 7)


def test_jl_is_the_last_such_day_before_the_paper():
    assert read_date("op 14 januari jl.", dt.date(2014, 1, 23)) == dt.date(2014, 1, 14)
    assert read_date("op 28 november jl.", dt.date(2014, 1, 23)) == dt.date(2013, 11, 28)


def test_as_is_the_next_such_day_after_the_paper():
    assert read_date("op 3 februari a.s.", dt.date(2014, 1, 23)) == dt.date(2014, 2, 3)


def test_no_real_date_gives_none():
    assert read_date("31 februari 2020") is None
    assert read_date("geen datum hier") is None
    assert read_date("14 januari") is None  # no year and no paper date


@settings(max_examples=300, deadline=None)
@given(st.text(), st.none() | st.dates())
def test_read_date_never_raises(text, ref):
    read_date(text, ref)
    labelled_date(text, "ontvangen", ref)


def test_numeric_dates_are_read_day_first_and_impossible_ones_give_none():
    from documents.parsing.dates import read_date

    assert read_date("Datum 15-02-2019") == dt.date(2019, 2, 15)
    assert read_date("op 3/4/2020") == dt.date(2020, 4, 3)
    assert read_date("op 31-02-2019") is None
