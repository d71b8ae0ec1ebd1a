"""The last pages of a long list are read from its end, with the same rows."""
import datetime as dt

import pytest

from tests.factories import CommitmentFactory
from tracker.models import Commitment
from tracker.pagination import TwoWayPaginator

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
    expected = list(Commitment.objects.live().order_by("due_date", "id"))[(page.number - 1) * page.paginator.per_page:]
    assert list(page.object_list) == expected
