"""Pagination that stays cheap at the far end of a long list.

A page in the second half of the list is read from the end: the query's
order is reversed and offset from the end, and the rows turned round again,
so OFFSET never runs through more than half the list (``page=last`` costs
what the first page does). The lists order by a column and then by id, so
the reversed order is the exact mirror of the forward one.
"""
from django.core.paginator import Paginator


class TwoWayPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        reversible = getattr(self.object_list, "ordered", False) and hasattr(self.object_list, "reverse")
        if reversible and bottom > self.count // 2:
            rows = list(self.object_list.reverse()[self.count - top:self.count - bottom])
            rows.reverse()
            return self._get_page(rows, number, self)
        return self._get_page(self.object_list[bottom:top], number, self)
