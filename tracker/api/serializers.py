"""The records as JSON: field names in English (the models' own), dates as
ISO 8601, each code beside its Dutch label, the derived "days overdue" as
the rules count them for today (tracker/rules, the models' methods)."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from documents.models import Document
from tracker.feeds.records import page_url
from tracker.models import (
    Answer,
    Asker,
    Commitment,
    Ministry,
    Office,
    Postponement,
    Question,
    QuestionSet,
)
from tracker.rules import answer_term


class DocumentSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    page_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "label",
            "kind",
            "kind_label",
            "title",
            "date",
            "dossier",
            "number",
            "vergaderjaar",
            "aanhangsel_number",
            "identifier",
            "page_url",
        ]

    def get_page_url(self, doc) -> str:
        return page_url("document-detail", doc.pk)


class MinistrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Ministry
        fields = ["id", "name"]


class OfficeSerializer(serializers.ModelSerializer):
    ministry = MinistrySerializer(allow_null=True)

    class Meta:
        model = Office
        fields = ["id", "title", "ministry"]


class AskerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name")
    party = serializers.CharField(source="party.name", allow_null=True, default=None)

    class Meta:
        model = Asker
        fields = ["name", "party"]


class TodayMixin:
    """``today`` from the view's context: every row of a response is counted for the same day."""

    @property
    def today(self):
        return self.context["today"]


class CommitmentSerializer(TodayMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-commitment-detail")
    page_url = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display")
    due_precision_label = serializers.CharField(source="get_due_precision_display")
    to_confirm = serializers.BooleanField()
    days_overdue = serializers.SerializerMethodField()
    office = OfficeSerializer(source="actor_office", allow_null=True)
    source_document = DocumentSerializer()
    question_set = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "url",
            "page_url",
            "sentence",
            "status",
            "status_label",
            "to_confirm",
            "confirmed",
            "confidence",
            "actor",
            "office",
            "deadline_text",
            "due_date",
            "due_precision",
            "due_precision_label",
            "days_overdue",
            "overdue_since",
            "review_date",
            "closed_on",
            "source_document",
            "question_set",
            "retired",
            "created_at",
            "updated_at",
        ]

    def get_page_url(self, c) -> str:
        return page_url("commitment-detail", c.pk)

    def get_days_overdue(self, c) -> int | None:
        return c.days_overdue(self.today)

    def get_question_set(self, c) -> dict | None:
        if not c.answer_id:
            return None
        qs = c.answer.question_set
        return {
            "id": qs.pk,
            "subject": qs.subject,
            "url": self.context["request"].build_absolute_uri(reverse("api-questionset-detail", args=[qs.pk])),
        }


class CommitmentDetailSerializer(CommitmentSerializer):
    evidence = DocumentSerializer(allow_null=True)

    class Meta(CommitmentSerializer.Meta):
        fields = [*CommitmentSerializer.Meta.fields, "lapsed_reason", "evidence"]


class QuestionSetSerializer(TodayMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-questionset-detail")
    page_url = serializers.SerializerMethodField()
    kind_label = serializers.CharField(source="get_kind_display")
    askers = AskerSerializer(many=True)
    addressed_to = OfficeSerializer(many=True)
    due_today = serializers.SerializerMethodField()
    days_overdue = serializers.SerializerMethodField()
    days_late = serializers.SerializerMethodField()
    question_document = DocumentSerializer(allow_null=True)
    answer_document = DocumentSerializer(allow_null=True)

    class Meta:
        model = QuestionSet
        fields = [
            "id",
            "url",
            "page_url",
            "kind",
            "kind_label",
            "subject",
            "vergaderjaar",
            "aanhangsel_number",
            "askers",
            "addressed_to",
            "submitted",
            "term_due",
            "answer_due",
            "postponed_on",
            "due_today",
            "received",
            "first_received",
            "days_overdue",
            "days_late",
            "overdue_since",
            "question_document",
            "answer_document",
            "created_at",
            "updated_at",
        ]

    def get_page_url(self, qs) -> str:
        return page_url("questionset-detail", qs.pk)

    def get_due_today(self, qs):
        """The due date as it stands today (a postponement counts from its notice's date)."""
        return answer_term.due_on(qs.submitted, qs.postponed_on, self.today)

    def get_days_overdue(self, qs) -> int | None:
        return qs.days_overdue(self.today)

    def get_days_late(self, qs) -> int | None:
        return answer_term.days_late(qs.submitted, qs.postponed_on, qs.received)


class AnswerSerializer(serializers.ModelSerializer):
    questions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="label")
    document_id = serializers.IntegerField()

    class Meta:
        model = Answer
        fields = ["label", "text", "nader", "questions", "document_id"]


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["label", "text", "party"]


class PostponementSerializer(serializers.ModelSerializer):
    document = DocumentSerializer()

    class Meta:
        model = Postponement
        fields = ["date", "expected", "document"]


class QuestionSetDetailSerializer(QuestionSetSerializer):
    questions = QuestionSerializer(many=True)
    answers = AnswerSerializer(many=True)
    postponements = PostponementSerializer(many=True)

    class Meta(QuestionSetSerializer.Meta):
        fields = [*QuestionSetSerializer.Meta.fields, "questions", "answers", "postponements"]
