"""The read-only JSON API under /api/v1/ (Django REST framework):

* ``/api/v1/commitments/`` and ``/api/v1/commitments/<id>/``
* ``/api/v1/question-sets/`` and ``/api/v1/question-sets/<id>/``

A list takes the list page's filter parameters through the page's own
FilterSet (tracker/review/filters.py, via django-filter's DRF backend) over
the page's own rows, so the same parameters give the same records and the
same count; a value the filter refuses answers 400 naming the parameter.
Pages of 25 (``page_size`` up to 100) in ``{"count", "next", "previous",
"results"}`` (tracker/api/pagination.py). A page runs a fixed number of
queries whatever its size (select_related, prefetch_related).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer

from tracker.api.access import FeedKeyAuthentication
from tracker.api.pagination import ListPagination
from tracker.api.serializers import (
    CommitmentDetailSerializer,
    CommitmentSerializer,
    QuestionSetDetailSerializer,
    QuestionSetSerializer,
)
from tracker.feeds.records import without_text
from tracker.feeds.tokens import PARAMETER as TOKEN
from tracker.models import Answer, Asker, Commitment, Office, Postponement, Question, QuestionSet
from tracker.review.filters import CommitmentFilter, QuestionSetFilter

#: the API's own parameters, never passed to a list's filters ("page" the filters know already)
OWN_PARAMETERS = (TOKEN, ListPagination.page_size_query_param)


class ListFilters(DjangoFilterBackend):
    """The list page's FilterSet, given what the page would be given: the key and the page
    size are the API's own parameters, not filters. So a query string means what it means on
    the page, the page's default view included (no filter at all: what needs action)."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        data = kwargs["data"].copy()
        for name in OWN_PARAMETERS:
            data.pop(name, None)
        return {**kwargs, "data": data}


class ReadOnlyRecords(viewsets.ReadOnlyModelViewSet):
    authentication_classes = [FeedKeyAuthentication]
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    filter_backends = [ListFilters]
    pagination_class = ListPagination

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def get_serializer_class(self):
        return self.detail_serializer_class if self.action == "retrieve" else self.serializer_class

    def filter_queryset(self, queryset):
        # a record's own address answers whatever the list filters would say of it
        return queryset if self.action == "retrieve" else super().filter_queryset(queryset)


class CommitmentViewSet(ReadOnlyRecords):
    filterset_class = CommitmentFilter
    serializer_class = CommitmentSerializer
    detail_serializer_class = CommitmentDetailSerializer

    def get_queryset(self):
        rows = Commitment.objects.select_related(
            "source_document", "actor_office__ministry", "answer__question_set"
        ).defer(*without_text("source_document"), "answer__text", "search_text")
        if self.action == "retrieve":
            # a retired commitment keeps its address (and says "retired": true), as its page does
            return rows.select_related("evidence").defer(*without_text("evidence"))
        return rows.live()


class QuestionSetViewSet(ReadOnlyRecords):
    filterset_class = QuestionSetFilter
    serializer_class = QuestionSetSerializer
    detail_serializer_class = QuestionSetDetailSerializer

    def get_queryset(self):
        rows = (
            QuestionSet.objects.select_related("question_document", "answer_document")
            .defer(*without_text("question_document", "answer_document"))
            .prefetch_related(
                Prefetch("askers", queryset=Asker.objects.select_related("person", "party")),
                Prefetch("addressed_to", queryset=Office.objects.select_related("ministry")),
            )
        )
        if self.action == "retrieve":
            rows = rows.prefetch_related(
                Prefetch("questions", queryset=Question.objects.filter(retired=False)),
                Prefetch("answers", queryset=Answer.objects.filter(retired=False).prefetch_related("questions")),
                Prefetch(
                    "postponements",
                    queryset=Postponement.objects.select_related("document").defer(*without_text("document")),
                ),
            )
        return rows
