"""Pagination that stays cheap on a long list (BENCHMARKS.md, large scale).

* Counting stops at ``COUNT_LIMIT`` rows: an exact count of a broad filter
  over a million question sets ("every set addressed to Financiën", a common
  word) costs more than the page itself (150–500 ms). Beyond it the list
  says "meer dan 2.000" and asks for narrower filters, as search engines do;
  ``paginator.capped`` tells the templates.
* Counting reads the ids (up to the limit). A list of at most
  ``SORT_IDS_BELOW`` rows is then sorted by those ids alone: with a LIMIT,
  PostgreSQL liked to walk an index in the list's order (every paper by date)
  hoping to meet the few matching rows early (0.1–0.5 s for 430 overdue
  commitments of one ministry sorted by date; 10 ms by their ids).
* A page reads the ids of its rows first and then only those rows with their
  related objects (a "deferred join"): sorting a broad filter by a joined
  column then sorts narrow rows, not every row joined with its document,
  answer and set.
* A page in the second half of the list is read from the end: the order is
  reversed and offset from the end, and the rows turned round again, so
  OFFSET never runs through more than half the list. The lists order by a
  column and then by id, so the reversed order is the exact mirror.
* ``end_page()``: the last rows of a list too long to count (``page=last``
  when capped), read from the end.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


class EndPage(Page):
    """The last rows of a list whose length was not counted to the end."""

    is_end = True

    def has_next(self):
        return False

    def has_previous(self):
        return self.paginator.num_pages > 0

    def previous_page_number(self):
        return self.paginator.num_pages


class TwoWayPaginator(Paginator):
    #: counting stops after this many rows
    COUNT_LIMIT = 2_000
    #: lists up to this long are sorted by their ids (see above)
    SORT_IDS_BELOW = 1_000

    @cached_property
    def capped(self) -> bool:
        return self._counted > self.COUNT_LIMIT

    @cached_property
    def _ids(self) -> list | None:
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return None
        # no ORDER BY: the first rows in any order are as many as the first in the list's
        return list(rows.order_by().values_list("pk", flat=True)[: self.COUNT_LIMIT + 1])

    @cached_property
    def _counted(self) -> int:
        return len(self.object_list) if self._ids is None else len(self._ids)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.COUNT_LIMIT)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        by_ids = self._sorted_by_ids()
        if by_ids is not None:
            return self._get_page(self._rows(by_ids, bottom, top, self.object_list), number, self)
        if self._reversible and bottom > self.count // 2:
            rows = self._rows(self.object_list.reverse(), self.count - top, self.count - bottom)
            rows.reverse()
            return self._get_page(rows, number, self)
        return self._get_page(self._rows(self.object_list, bottom, top), number, self)

    def end_page(self) -> EndPage:
        rows = self.object_list
        if self._reversible:
            last = self._rows(rows.reverse(), 0, self.per_page)
            last.reverse()
        else:
            last = list(rows)[-self.per_page :]
        return EndPage(last, self.num_pages + 1, self)

    @property
    def _reversible(self) -> bool:
        return getattr(self.object_list, "ordered", False) and hasattr(self.object_list, "reverse")

    def _sorted_by_ids(self) -> QuerySet | None:
        """The list's rows found by their ids, in the list's order, when they are few (and all counted)."""
        rows = self.object_list
        if self._ids is None or self.capped or len(self._ids) > self.SORT_IDS_BELOW or not self._reversible:
            return None
        order = list(rows.query.order_by) or list(rows.model._meta.ordering)
        if any(not isinstance(o, str) or o.lstrip("-") in rows.query.annotations for o in order):
            return None  # ordered by something only the full query knows
        return rows.model._base_manager.filter(pk__in=self._ids).order_by(*order)

    @staticmethod
    def _rows(rows, start: int, stop: int, full=None) -> list:
        """Rows ``start:stop`` of ``rows``: their ids first, then those rows from
        ``full`` (the list's own query, with what it selects and prefetches)."""
        if not isinstance(rows, QuerySet):
            return list(rows[start:stop])
        ids = list(rows.values_list("pk", flat=True)[start:stop])
        by_id = {obj.pk: obj for obj in (rows if full is None else full).filter(pk__in=ids).order_by()}
        return [by_id[pk] for pk in ids if pk in by_id]
