"""The last pages of a long list are read from its end, with the same rows."""

import datetime as dt

import pytest

from tests.factories import CommitmentFactory
from tracker.models import Commitment
from tracker.review.pagination import TwoWayPaginator

pytestmark = pytest.mark.django_db


def test_every_page_read_from_the_end_holds_the_rows_reading_from_the_start_gives():
    for i in range(23):
        CommitmentFactory(due_date=None if i % 5 == 0 else dt.date(2024, 1, 1 + i % 3))
    rows = Commitment.objects.order_by("due_date", "id")
    forward = list(rows)
    paginator = TwoWayPaginator(rows, 4)
    seen = []
    for number in paginator.page_range:
        seen += list(paginator.page(number).object_list)
    assert seen == forward


def test_the_last_page_of_the_commitment_list_matches_the_first_pages(client, admin_user):
    for i in range(60):
        CommitmentFactory(due_date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 7))
    client.force_login(admin_user)
    last = client.get("/commitments/?page=last")
    assert last.status_code == 200
    page = last.context["page_obj"]
    expected = list(Commitment.objects.live().order_by("due_date", "id"))[(page.number - 1) * page.paginator.per_page :]
    assert list(page.object_list) == expected


def test_a_list_longer_than_the_count_limit_says_more_than_and_its_last_page_is_its_true_end(
    client, admin_user, monkeypatch
):
    monkeypatch.setattr(TwoWayPaginator, "COUNT_LIMIT", 30)
    for i in range(60):  # listed by their paper's date: another order than any index or their ids give
        CommitmentFactory(
            due_date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            source_document__date=dt.date(2020, 1, 1) + dt.timedelta(days=(i * 37) % 60),
        )
    client.force_login(admin_user)
    first = client.get("/commitments/?sort=-date")
    html = first.content.decode()
    assert first.context["paginator"].capped and first.context["paginator"].count == 30
    assert "Meer dan 30 toezeggingen gevonden" in html
    assert "Pagina 1 van meer dan 2" in html
    everything = list(Commitment.objects.live().order_by("-source_document__date", "id"))
    assert list(first.context["page_obj"].object_list) == everything[:25]
    last = client.get("/commitments/?sort=-date&page=last")
    assert list(last.context["page_obj"].object_list) == everything[-25:]  # the end, not row 30
    assert "Laatste pagina" in last.content.decode()
    assert client.get("/commitments/?page=3").status_code == 404  # beyond the counted pages


def test_a_list_within_the_limit_is_counted_exactly(client, admin_user, monkeypatch):
    monkeypatch.setattr(TwoWayPaginator, "COUNT_LIMIT", 30)
    for _i in range(30):
        CommitmentFactory()
    client.force_login(admin_user)
    response = client.get("/commitments/")
    assert not response.context["paginator"].capped
    assert "30 toezeggingen gevonden" in response.content.decode()
    assert "Meer dan" not in response.content.decode()


def test_a_short_list_sorted_by_its_ids_pages_as_the_query_orders_it(monkeypatch):
    """At most SORT_IDS_BELOW rows are sorted by their ids alone: the same pages as the full query gives."""
    for i in range(23):
        CommitmentFactory(due_date=None if i % 5 == 0 else dt.date(2024, 1, 1 + (i * 7) % 11))
    rows = Commitment.objects.live().select_related("source_document").order_by("-due_date", "id")
    for limit in (0, 1000):  # the full query's pages, then pages sorted by the ids
        monkeypatch.setattr(TwoWayPaginator, "SORT_IDS_BELOW", limit)
        paginator = TwoWayPaginator(rows, 4)
        seen = [c for number in paginator.page_range for c in paginator.page(number).object_list]
        assert seen == list(rows), limit
