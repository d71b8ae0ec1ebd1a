"""Pages of the API: the list pages' paginator (tracker/review/pagination.py:
the same rows in the same order, read the same cheap way), in DRF's
``{"count", "next", "previous", "results"}``.

One difference: the pages stop counting at 2,000 rows ("meer dan 2.000");
a program reading the API needs the true number to read every page, so past
that limit ``count`` is counted exactly (one COUNT query more)."""

from __future__ import annotations

from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

from tracker.review.pagination import TwoWayPaginator

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class CountedPaginator(TwoWayPaginator):
    @cached_property
    def count(self) -> int:
        return self.object_list.count() if self.capped else self._counted


class ListPagination(PageNumberPagination):
    django_paginator_class = CountedPaginator
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
