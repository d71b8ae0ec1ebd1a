"""The list pages' filters (django-filter): every filter lives in the query
string, so a filtered list is a URL staff can share. The rules behind the
statuses (overdue, answered late, to confirm) are the querysets'
(tracker/domain/querysets.py); these filters only call them, for ``today``."""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.http import QueryDict
from django.utils import timezone

from documents.models import Document, DocumentKind
from documents.parsing.dossiers import compact as compact_dossier
from tracker.domain import search
from tracker.models import Asker, Commitment, MinisterRole, Ministry, Office, Party, Person, QuestionSet
from tracker.review.widgets import QuickSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = forms.Select(choices=[("", "Alle"), ("true", "Ja"), ("false", "Nee")])


class StableOrderingFilter(df.OrderingFilter):
    """Sorting by a column, then by id, so pages never overlap or skip rows."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, "pk")
        return qs


#: the persons with a minister role, as a loose index scan: one probe of the
#: ministerrole.person_id index per distinct person (833 at the large benchmark
#: scale), where DISTINCT or EXISTS read all 1,100,000 roles (25 ms a page)
MINISTER_IDS_SQL = """
    WITH RECURSIVE m(person_id) AS (
        SELECT min(person_id) FROM {roles}
        UNION ALL
        SELECT (SELECT min(r.person_id) FROM {roles} r WHERE r.person_id > m.person_id) FROM m
        WHERE m.person_id IS NOT NULL
    ) SELECT person_id FROM m WHERE person_id IS NOT NULL
"""


def minister_choices() -> list[tuple[str, str]]:
    """(id, name) of everyone who answered or signed a paper as minister, by name."""
    ids = RawSQL(MINISTER_IDS_SQL.format(roles=connection.ops.quote_name(MinisterRole._meta.db_table)), [])
    return [(str(pk), name) for pk, name in Person.objects.filter(pk__in=ids).values_list("pk", "name")]


class DayFilterSet(df.FilterSet):
    """A FilterSet that knows the day its rules are asked for (today, unless a test says otherwise).

    A list opens on what needs action: a query string that filters on nothing
    (only a page, a sort or a format) gets status ``action``; any filter, "Alle"
    (``status=``) included, is taken as given, so a shared link keeps meaning what it did."""

    DEFAULT_STATUS = "action"
    #: parameters that choose how to show a list, not what is in it
    NOT_FILTERS = frozenset({"page", "sort", "format"})

    def __init__(self, data=None, *args, today=None, **kwargs):
        self.today = today or timezone.localdate()
        if data is None or not (set(data) - self.NOT_FILTERS):
            data = data.copy() if data is not None else QueryDict(mutable=True)
            data["status"] = self.DEFAULT_STATUS
        super().__init__(data, *args, **kwargs)


class CommitmentFilter(DayFilterSet):
    #: the lifecycle's statuses by their model labels (one home: Commitment.Status), and the derived ones
    STATUS_CHOICES = [
        ("action", "Actie nodig (te laat, dan eerst verlopend, dan te bevestigen)"),
        (Commitment.Status.OPEN, Commitment.Status.OPEN.label),
        ("overdue", "Te laat"),
        ("to_confirm", "Te bevestigen"),
        *[(s.value, s.label) for s in Commitment.Status if s != Commitment.Status.OPEN],
    ]

    q = df.CharFilter(label="Zoeken in toezegging en onderwerp", method="filter_q")
    status = df.ChoiceFilter(label="Status", choices=STATUS_CHOICES, method="filter_status", empty_label="Alle")
    ministry = df.ModelChoiceFilter(
        widget=QuickSelect,
        label="Ministerie",
        queryset=Ministry.objects.all(),
        field_name="actor_office__ministry",
        empty_label="Alle",
    )
    office = df.ModelChoiceFilter(
        widget=QuickSelect, label="Ambt", queryset=Office.objects.all(), field_name="actor_office", empty_label="Alle"
    )
    minister = df.ChoiceFilter(
        widget=QuickSelect,
        label="Bewindspersoon",
        method="filter_minister",
        empty_label="Alle",
        choices=minister_choices,
    )
    party = df.ModelChoiceFilter(
        widget=QuickSelect,
        label="Partij vraagsteller",
        method="filter_party",
        empty_label="Alle",
        queryset=Party.objects.all(),
    )
    dossier = df.CharFilter(label="Dossier (Kamerstuknummer)", method="filter_dossier")
    due_from = df.DateFilter(label="Uiterlijk vanaf", field_name="due_date", lookup_expr="gte", widget=DATE)
    due_to = df.DateFilter(label="Uiterlijk tot en met", field_name="due_date", lookup_expr="lte", widget=DATE)
    has_deadline = df.BooleanFilter(
        label="Heeft een termijn", field_name="due_date", lookup_expr="isnull", exclude=True, widget=YES_NO
    )
    sort = StableOrderingFilter(
        label="Sorteren",
        fields=(
            ("due_date", "due"),
            ("source_document__date", "date"),
            ("status", "status"),
            ("actor_office__ministry__name", "ministry"),
        ),
        field_labels={
            "due_date": "Uiterlijk",
            "source_document__date": "Datum brondocument",
            "status": "Status",
            "actor_office__ministry__name": "Ministerie",
        },
        empty_label="Standaard",
    )

    class Meta:
        model = Commitment
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value, on=self.today)

    def filter_q(self, queryset, name, value):
        # the sentence and its set's subject, kept on the commitment with one trigram index
        # (tracker/domain/commitment_index.py): no join through a million subjects
        condition = search.match(value, "search_text")
        return queryset if condition is None else queryset.filter(condition)

    def filter_minister(self, queryset, name, value):
        return queryset.filter(
            Exists(MinisterRole.objects.filter(document=OuterRef("source_document"), person_id=value))
        )

    def filter_party(self, queryset, name, value):
        # the askers' parties kept on the commitment (tracker/domain/commitment_index.py)
        return queryset.filter(asker_parties=value)

    def filter_dossier(self, queryset, name, value):
        wanted = compact_dossier(value)
        if not wanted:
            return queryset
        return queryset.alias(_dossier=Replace(F("source_document__dossier"), Value(" "), Value(""))).filter(
            _dossier=wanted
        )


class QuestionSetFilter(DayFilterSet):
    STATUS_CHOICES = [
        ("action", "Actie nodig (te laat, dan eerst verlopend)"),
        ("overdue", "Te laat (nu)"),
        ("answered_late", "Te laat beantwoord"),
        ("answered_on_time", "Op tijd beantwoord"),
        ("open", "Nog niet beantwoord"),
    ]

    q = df.CharFilter(label="Zoeken in onderwerp en vraagstellers", method="filter_q")
    status = df.ChoiceFilter(label="Status", choices=STATUS_CHOICES, method="filter_status", empty_label="Alle")
    kind = df.ChoiceFilter(label="Soort", choices=QuestionSet.Kind.choices, empty_label="Alle")
    ministry = df.ModelChoiceFilter(
        widget=QuickSelect,
        label="Ministerie",
        queryset=Ministry.objects.all(),
        method="filter_ministry",
        empty_label="Alle",
    )
    office = df.ModelChoiceFilter(
        widget=QuickSelect,
        label="Gericht aan (ambt)",
        queryset=Office.objects.all(),
        field_name="addressed_to",
        empty_label="Alle",
    )
    party = df.ModelChoiceFilter(
        widget=QuickSelect,
        label="Partij vraagsteller",
        queryset=Party.objects.all(),
        method="filter_party",
        empty_label="Alle",
    )
    submitted_from = df.DateFilter(label="Ingezonden vanaf", field_name="submitted", lookup_expr="gte", widget=DATE)
    submitted_to = df.DateFilter(label="Ingezonden tot en met", field_name="submitted", lookup_expr="lte", widget=DATE)
    sort = StableOrderingFilter(
        label="Sorteren",
        fields=(("submitted", "submitted"), ("answer_due", "due"), ("received", "received")),
        field_labels={"submitted": "Ingezonden", "answer_due": "Antwoord uiterlijk", "received": "Antwoord ontvangen"},
        empty_label="Standaard",
    )

    class Meta:
        model = QuestionSet
        fields = []

    def filter_status(self, queryset, name, value):
        if value == "action":
            return queryset.needing_action()
        if value == "overdue":
            return queryset.overdue(on=self.today)
        if value == "answered_late":
            return queryset.answered_late()
        if value == "answered_on_time":
            return queryset.answered_on_time()
        return queryset.open()

    def filter_q(self, queryset, name, value):
        for word in search.words(value):
            subjects = search.matching_ids(QuestionSet.objects.all(), "subject", word)
            # members are few: their ids first, then the sets they asked
            members = search.matching_ids(Person.objects.all(), "name", word)
            asked = search.few_as_list(Asker.objects.filter(person__in=members).values_list("question_set", flat=True))
            queryset = queryset.filter(Q(pk__in=subjects) | Q(pk__in=asked))
        return queryset

    def filter_ministry(self, queryset, name, value):
        through = QuestionSet.addressed_to.through
        return queryset.filter(Exists(through.objects.filter(questionset=OuterRef("pk"), office__ministry=value)))

    def filter_party(self, queryset, name, value):
        return queryset.filter(Exists(Asker.objects.filter(question_set=OuterRef("pk"), party=value)))


class DocumentFilter(df.FilterSet):
    q = df.CharFilter(label="Zoeken in titel", method="filter_q")
    kind = df.ChoiceFilter(label="Soort", choices=DocumentKind.choices, empty_label="Alle")
    dossier = df.CharFilter(label="Dossier", method="filter_dossier")
    sort = StableOrderingFilter(
        label="Sorteren",
        fields=(("date", "date"), ("ingested_at", "ingested")),
        field_labels={"date": "Datum", "ingested_at": "Ingelezen"},
        empty_label="Standaard (nieuwste eerst)",
    )

    class Meta:
        model = Document
        fields = []

    def filter_q(self, queryset, name, value):
        condition = search.match(value, "_search_title")
        if condition is None:
            return queryset
        return queryset.alias(_search_title=search.SearchText("title")).filter(condition)

    def filter_dossier(self, queryset, name, value):
        wanted = compact_dossier(value)
        if not wanted:
            return queryset
        return queryset.alias(_dossier=Replace(F("dossier"), Value(" "), Value(""))).filter(_dossier=wanted)
