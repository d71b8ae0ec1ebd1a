"""The domain: who asked whom what, what was promised, and what became of it.

History has one shape each: StatusChange rows for the lifecycle (status,
overdue, re-dating), Correction rows for what staff corrected by hand.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from documents.models import Document
from tracker.domain.querysets import CONFIRM_BELOW, CommitmentQuerySet, QuestionSetQuerySet


class Party(models.Model):
    name = models.CharField("naam", max_length=100, unique=True)

    class Meta:
        verbose_name = "partij"
        verbose_name_plural = "partijen"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(models.Model):
    name = models.CharField("naam", max_length=200, unique=True)
    initials = models.CharField("voorletters", max_length=30, blank=True)

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="memberships")
    start = models.DateField("van", null=True, blank=True)
    end = models.DateField("tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [
            models.UniqueConstraint(fields=["person", "party", "start"], name="membership_unique"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_period_valid",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.party})"


class Ministry(models.Model):
    name = models.CharField("naam", max_length=200, unique=True)  # "Buitenlandse Zaken"

    class Meta:
        verbose_name = "ministerie"
        verbose_name_plural = "ministeries"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Office(models.Model):
    """A post ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    the ministry it belongs to and the period it existed."""

    title = models.CharField("ambt", max_length=250, unique=True)
    ministry = models.ForeignKey(
        Ministry, on_delete=models.SET_NULL, null=True, blank=True, related_name="offices", verbose_name="ministerie"
    )
    start = models.DateField("bestaat van", null=True, blank=True)
    end = models.DateField("bestaat tot", null=True, blank=True)

    class Meta:
        verbose_name = "ambt"
        verbose_name_plural = "ambten"
        ordering = ["title"]

    def __str__(self):
        return self.title


class ParliamentaryRecess(models.Model):
    """Recesses of the Tweede Kamer, the calendar that deadline phrases use
    (DOMAIN.md, "Recesses"). Editable in the admin; a row wins over the rule."""

    class Kind(models.TextChoices):
        VOORJAAR = "voorjaarsreces", "Voorjaarsreces"
        MEI = "meireces", "Meireces"
        ZOMER = "zomerreces", "Zomerreces"
        HERFST = "herfstreces", "Herfstreces"
        KERST = "kerstreces", "Kerstreces"

    kind = models.CharField("reces", max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField("jaar")
    start = models.DateField("van")
    end = models.DateField("tot en met")

    class Meta:
        verbose_name = "reces"
        verbose_name_plural = "recessen"
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="recess_unique_kind_year"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="recess_period_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class QuestionSet(models.Model):
    """One set of written questions (or of a written consultation), asked on
    ``submitted``; it can exist before it is answered."""

    class Kind(models.TextChoices):
        WRITTEN_QUESTIONS = "written_questions", "Schriftelijke vragen"
        CONSULTATION = "written_consultation", "Schriftelijk overleg"

    kind = models.CharField("soort", max_length=32, choices=Kind.choices, default=Kind.WRITTEN_QUESTIONS)
    subject = models.TextField("onderwerp", blank=True)
    vergaderjaar = models.CharField("vergaderjaar", max_length=9, blank=True)
    aanhangsel_number = models.CharField("Aanhangselnummer", max_length=20, blank=True)
    submitted = models.DateField("ingezonden", null=True, blank=True)
    term_due = models.DateField("termijn (zonder uitstel)", null=True, blank=True)
    answer_due = models.DateField("antwoord uiterlijk", null=True, blank=True)
    postponed_on = models.DateField("uitstel gemeld op", null=True, blank=True)
    received = models.DateField("antwoord ontvangen", null=True, blank=True)
    first_received = models.DateField("eerste (deel)antwoord", null=True, blank=True)
    overdue_since = models.DateField("te laat sinds", null=True, blank=True)
    question_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asked_sets",
        verbose_name="vragendocument",
    )
    answer_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_sets",
        verbose_name="antwoorddocument",
    )
    addressed_to = models.ManyToManyField(Office, blank=True, related_name="question_sets", verbose_name="gericht aan")
    needs_review = models.BooleanField("te controleren", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    corrections = GenericRelation("Correction")
    status_changes = GenericRelation("StatusChange")
    objects = QuestionSetQuerySet.as_manager()

    class Meta:
        verbose_name = "vragenset"
        verbose_name_plural = "vragensets"
        ordering = ["-submitted", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergaderjaar", "aanhangsel_number"],
                condition=~Q(aanhangsel_number=""),
                name="questionset_unique_aanhangsel",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["written_questions", "written_consultation"]), name="questionset_kind_valid"
            ),
        ]
        indexes = [
            # flag_overdue and the overdue list: unanswered sets by due date
            models.Index(fields=["answer_due"], condition=Q(received__isnull=True), name="qs_unanswered_due_idx"),
            models.Index(
                fields=["overdue_since"], condition=Q(overdue_since__isnull=False), name="qs_overdue_since_idx"
            ),
            models.Index(fields=["submitted"], name="qs_submitted_idx"),
            # the overdue rule's "received IS NULL OR received > day" as two index ranges, the
            # digest's "received last week" and the list's sort by received (bench/, BENCHMARKS.md)
            models.Index(fields=["received"], name="qs_received_idx"),
            # the list's default order (-submitted, -id), read backwards
            models.Index(fields=["submitted", "id"], name="qs_submitted_id_idx"),
        ]

    def __str__(self):
        return self.subject[:100] or f"Vragenset {self.pk}"

    def compute_due_dates(self):
        """The answer term (Reglement van Orde TK: three weeks, three more after
        a postponement notice) as the Kamer's Monday list counts it. A later
        date named in a notice is recorded on the Postponement, not trusted."""
        from tracker.rules.answer_term import answer_due, term_due

        self.term_due = term_due(self.submitted)
        self.answer_due = answer_due(self.submitted, postponed=self.postponed_on is not None)

    def days_overdue(self, on: dt.date) -> int | None:
        from tracker.rules.answer_term import days_overdue

        return days_overdue(self.submitted, self.postponed_on, self.received, on)


class Asker(models.Model):
    """A member who asked, with the party they sat for at the time."""

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="askers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="asked")
    party = models.ForeignKey(Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="asked")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "vraagsteller"
        verbose_name_plural = "vraagstellers"
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["question_set", "person"], name="asker_unique")]

    def __str__(self):
        return f"{self.person} ({self.party})" if self.party else str(self.person)


class MinisterRole(models.Model):
    """Who answered or signed a paper: the answerer, each co-answerer ("mede
    namens"), the signatory of a letter."""

    class Role(models.TextChoices):
        ANSWERER = "answerer", "Beantwoorder"
        CO_ANSWERER = "co_answerer", "Mede namens"
        SIGNATORY = "signatory", "Ondertekenaar"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="minister_roles")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="minister_roles")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="minister_roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "bewindspersoon bij document"
        verbose_name_plural = "bewindspersonen bij documenten"
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=["answerer", "co_answerer", "signatory"]), name="ministerrole_role_valid"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.person or ''} {self.office or ''}".strip()


class Question(models.Model):
    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField("nummer", max_length=60)  # as written: "1", "2 en 3"
    position = models.PositiveIntegerField(default=0)
    text = models.TextField("tekst")
    party = models.CharField("fractie", max_length=100, blank=True)  # in a written consultation
    retired = models.BooleanField("vervallen in nieuwe versie", default=False)

    corrections = GenericRelation("Correction")

    class Meta:
        verbose_name = "vraag"
        verbose_name_plural = "vragen"
        ordering = ["question_set", "position"]
        constraints = [models.UniqueConstraint(fields=["question_set", "label"], name="question_unique_label")]

    def __str__(self):
        return f"Vraag {self.label}"


class Answer(models.Model):
    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="answers")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="answers")
    label = models.CharField("nummer", max_length=60)
    position = models.PositiveIntegerField(default=0)
    text = models.TextField("tekst")
    questions = models.ManyToManyField(Question, blank=True, related_name="answers", verbose_name="beantwoordt")
    nader = models.BooleanField("nader antwoord", default=False)
    retired = models.BooleanField("vervallen in nieuwe versie", default=False)

    corrections = GenericRelation("Correction")

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        ordering = ["question_set", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "label"], name="answer_unique_label")]

    def __str__(self):
        return f"Antwoord {self.label}"


class Postponement(models.Model):
    """A postponement notice for a question set ("Mededeling", "Uitstel
    beantwoording"): three more weeks (DOMAIN.md)."""

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="postponements")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="postponements")
    date = models.DateField("datum mededeling", null=True, blank=True)
    expected = models.DateField("verwacht antwoord (volgens mededeling)", null=True, blank=True)

    class Meta:
        verbose_name = "uitstel"
        verbose_name_plural = "uitstellen"
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["question_set", "document"], name="postponement_unique")]

    def __str__(self):
        return f"Uitstel {self.date or ''}"


class Request(models.Model):
    """A question asking the government to commit ("Bent u bereid …?")."""

    class Reply(models.TextChoices):
        YES = "yes", "Ja"
        NO = "no", "Nee"
        PARTIAL = "partial", "Gedeeltelijk"
        UNCLEAR = "unclear", "Onduidelijk"

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="request")
    text = models.TextField("verzoek")
    reply = models.CharField("antwoord", max_length=10, choices=Reply.choices, default=Reply.UNCLEAR)

    corrections = GenericRelation("Correction")

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        constraints = [
            models.CheckConstraint(
                condition=Q(reply__in=["yes", "no", "partial", "unclear"]), name="request_reply_valid"
            )
        ]

    def __str__(self):
        return self.text[:100]


class Commitment(models.Model):
    """A promise of the government side ("toezegging"), found in an answer or a
    letter, tracked until it is kept. Overdue is derived from ``due_date`` and
    the day asked about (CommitmentQuerySet.overdue); ``overdue_since`` only
    records when flag_overdue first saw it, for fast lists."""

    class Status(models.TextChoices):
        OPEN = "open", "Openstaand"
        FULFILLED = "fulfilled", "Voldaan"
        PARTIALLY_FULFILLED = "partially_fulfilled", "Deels voldaan"
        LAPSED = "lapsed", "Vervallen"

    class Precision(models.TextChoices):
        DAY = "day", "Dag"
        MONTH = "month", "Maand"
        SEASON = "season", "Periode"
        NONE = "none", "Geen"

    source_document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="commitments", verbose_name="brondocument"
    )
    answer = models.ForeignKey(Answer, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments")
    request = models.OneToOneField(
        Request, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitment", verbose_name="verzoek"
    )
    sentence = models.TextField("toezegging")
    sentence_hash = models.CharField(max_length=64)
    actor = models.CharField("actor", max_length=250, blank=True)
    actor_office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments", verbose_name="ambt"
    )
    deadline_text = models.CharField("termijn (tekst)", max_length=250, blank=True)
    due_date = models.DateField("uiterlijk", null=True, blank=True)
    due_precision = models.CharField("precisie", max_length=10, choices=Precision.choices, default=Precision.NONE)
    review_date = models.DateField("controleren op", null=True, blank=True)
    status = models.CharField("status", max_length=24, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField("afgesloten op", null=True, blank=True)
    evidence = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence_for",
        verbose_name="bewijsstuk",
    )
    lapsed_reason = models.TextField("reden vervallen", blank=True)
    notes = models.TextField("notities", blank=True)
    rule = models.CharField("gevonden door regel", max_length=60, blank=True)
    confidence = models.FloatField("zekerheid", default=1.0)
    confirmed = models.BooleanField("bevestigd door staf", default=False)
    retired = models.BooleanField("niet meer in nieuwe versie", default=False)
    needs_review = models.BooleanField("te controleren", default=False)
    overdue_since = models.DateField("te laat sinds", null=True, blank=True)
    # derived, for the list's search and party filter: kept by tracker/domain/commitment_index.py
    search_text = models.TextField("zoektekst", blank=True, default="", db_default="", editable=False)
    asker_parties = models.ManyToManyField(
        Party,
        blank=True,
        editable=False,
        related_name="commitments_asked",
        verbose_name="partijen van de vraagstellers",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    corrections = GenericRelation("Correction")
    status_changes = GenericRelation("StatusChange")
    objects = CommitmentQuerySet.as_manager()

    #: below this confidence a find waits in the "to confirm" queue
    CONFIRM_BELOW = CONFIRM_BELOW

    class Meta:
        verbose_name = "toezegging"
        verbose_name_plural = "toezeggingen"
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source_document", "sentence_hash"], name="commitment_unique_sentence"),
            models.CheckConstraint(
                condition=Q(status__in=["open", "fulfilled", "partially_fulfilled", "lapsed"]),
                name="commitment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_on__isnull=False), name="commitment_closed_has_date"
            ),
            models.CheckConstraint(
                condition=Q(due_precision__in=["day", "month", "season", "none"]), name="commitment_precision_valid"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="commitment_confidence_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_date"], condition=Q(status="open", retired=False), name="commitment_open_due_idx"
            ),
            models.Index(
                fields=["review_date"],
                condition=Q(status="open", due_date__isnull=True),
                name="commitment_open_review_idx",
            ),
            models.Index(
                fields=["overdue_since"], condition=Q(overdue_since__isnull=False), name="commitment_overdue_since_idx"
            ),
            # the list's default order over live commitments: a page is an index range, not a
            # join of every commitment with its document and set, then a sort (BENCHMARKS.md)
            models.Index(fields=["due_date", "id"], condition=Q(retired=False), name="commitment_live_due_idx"),
            # flag_overdue (tracker/jobs/flag_overdue.py): commitments closed after the day it runs for
            # (none for today), and those still waiting for a review date (none most days)
            models.Index(fields=["closed_on"], condition=Q(closed_on__isnull=False), name="commitment_closed_on_idx"),
            models.Index(
                fields=["id"],
                condition=Q(due_date__isnull=True, review_date__isnull=True),
                name="commitment_review_todo_idx",
            ),
        ]

    def __str__(self):
        return self.sentence[:100]

    @property
    def to_confirm(self) -> bool:
        return not self.confirmed and self.confidence < self.CONFIRM_BELOW

    def days_overdue(self, on: dt.date) -> int | None:
        if self.due_date is None or self.due_date >= on:
            return None
        if self.closed_on is not None and self.closed_on <= on:
            return None
        return (on - self.due_date).days


class Reference(models.Model):
    """A citation of another paper ("Kamerstuk 32 735, nr. 312"), resolved to a
    stored Document when there is one (now or when it arrives)."""

    source_document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="references")
    dossier = models.CharField(max_length=40)
    number = models.CharField(max_length=20)
    target = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="cited_by")

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        constraints = [
            models.UniqueConstraint(fields=["source_document", "dossier", "number"], name="reference_unique")
        ]
        indexes = [models.Index(fields=["dossier", "number"], name="reference_cited_idx")]

    def __str__(self):
        return f"Kamerstuk {self.dossier}, nr. {self.number}"


class FulfilmentStatement(models.Model):
    """A sentence that reports an earlier promise as done ("Met deze brief voldoe ik …")."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="fulfilment_statements")
    text = models.TextField()

    class Meta:
        verbose_name = "nakomingszin"
        verbose_name_plural = "nakomingszinnen"

    def __str__(self):
        return self.text[:100]


class FulfilmentSuggestion(models.Model):
    """A later paper that may keep an open commitment; staff confirm or reject."""

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Voorgesteld"
        CONFIRMED = "confirmed", "Bevestigd"
        REJECTED = "rejected", "Afgewezen"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="suggestions")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="suggested_for")
    score = models.FloatField(default=0)
    reason = models.CharField(max_length=250, blank=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.SUGGESTED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "voorgestelde nakoming"
        verbose_name_plural = "voorgestelde nakomingen"
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "document"], name="suggestion_unique"),
            models.CheckConstraint(
                condition=Q(state__in=["suggested", "confirmed", "rejected"]), name="suggestion_state_valid"
            ),
        ]

    def __str__(self):
        return f"{self.document} voor toezegging {self.commitment_id} ({self.get_state_display().lower()})"


class DismissedFind(models.Model):
    """A parser find staff deleted as false: it does not come back when the
    paper is ingested again."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="dismissed_finds")
    kind = models.CharField(max_length=20, default="commitment")
    key = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "afgewezen vondst"
        verbose_name_plural = "afgewezen vondsten"
        constraints = [models.UniqueConstraint(fields=["document", "kind", "key"], name="dismissed_unique")]

    def __str__(self):
        return self.text[:100] or self.key


class JobRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Bezig"
        DONE = "done", "Klaar"
        FAILED = "failed", "Mislukt"

    name = models.CharField(max_length=60)
    day = models.DateField("voor dag")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    changed = models.PositiveIntegerField("gewijzigd", default=0)
    details = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = "taakrun"
        verbose_name_plural = "taakruns"
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["running", "done", "failed"]), name="jobrun_status_valid")
        ]

    def __str__(self):
        return f"{self.name} {self.day} ({self.status})"


class StatusChange(models.Model):
    """One event in the lifecycle of a question set or commitment: overdue,
    answered, fulfilled, re-dated, lapsed … by a person or a job."""

    class Event(models.TextChoices):
        OVERDUE = "overdue", "Te laat"
        STATUS = "status", "Status"
        REDATED = "redated", "Nieuwe termijn"
        CONFIRMED = "confirmed", "Bevestigd"
        ANSWERED = "answered", "Beantwoord"
        POSTPONED = "postponed", "Uitgesteld"
        SUGGESTION = "suggestion", "Nakoming beoordeeld"
        RETIRED = "retired", "Niet meer in nieuwe versie"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    event = models.CharField(max_length=20, choices=Event.choices)
    old_value = models.CharField("van", max_length=250, blank=True)
    new_value = models.CharField("naar", max_length=250, blank=True)
    on = models.DateField("geldt op", null=True, blank=True)
    at = models.DateTimeField("vastgelegd", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="door"
    )
    job = models.ForeignKey(JobRun, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="taak")
    evidence = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="statuschange_subject_idx")]
        constraints = [
            # flag_overdue records "became overdue on D" once per item and day, even on two workers
            models.UniqueConstraint(
                fields=["content_type", "object_id", "event", "on"],
                condition=Q(event="overdue"),
                name="statuschange_overdue_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_event_display()}: {self.old_value} → {self.new_value}"


class Correction(models.Model):
    """A field staff corrected by hand. A later ingest never overwrites it;
    it stores what the parser now says in ``parser_now`` for staff to accept."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    field = models.CharField("veld", max_length=60)
    parser_value = models.TextField("waarde van de parser", blank=True)
    corrected_value = models.TextField("gecorrigeerde waarde", blank=True)
    parser_now = models.TextField("parser zegt nu", blank=True)
    why = models.TextField("waarom", blank=True)
    active = models.BooleanField("geldt", default=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="door"
    )
    at = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        verbose_name = "correctie"
        verbose_name_plural = "correcties"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "field"], name="correction_subject_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"],
                condition=Q(active=True),
                name="correction_one_active_per_field",
            ),
        ]

    def __str__(self):
        return f"{self.field}: {self.parser_value!r} → {self.corrected_value!r}"

    @property
    def parser_disagrees(self) -> bool:
        return bool(self.parser_now) and self.parser_now != self.corrected_value


class DigestSubscription(models.Model):
    email = models.EmailField("e-mailadres", unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="digest_subscriptions"
    )
    ministries = models.ManyToManyField(Ministry, blank=True, verbose_name="ministeries")
    parties = models.ManyToManyField(Party, blank=True, verbose_name="partijen")
    dossiers = models.JSONField("dossiers", default=list, blank=True)
    send_empty = models.BooleanField("ook versturen als er niets te melden is", default=False)
    active = models.BooleanField("actief", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "digestabonnement"
        verbose_name_plural = "digestabonnementen"
        ordering = ["email"]

    def __str__(self):
        return self.email


class DigestDelivery(models.Model):
    """One digest per subscriber per ISO week: claimed with compare-and-set
    and a lease, ``sent_at`` set only once the mail server accepted it."""

    subscription = models.ForeignKey(DigestSubscription, on_delete=models.CASCADE, related_name="deliveries")
    week = models.CharField("ISO-week", max_length=8)  # "2021-W09"
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "digestverzending"
        verbose_name_plural = "digestverzendingen"
        constraints = [models.UniqueConstraint(fields=["subscription", "week"], name="delivery_one_per_week")]

    def __str__(self):
        return f"{self.subscription} {self.week}"


class Cabinet(models.Model):
    """A cabinet and its period, for statistics per cabinet (DOMAIN.md,
    "Cabinets"). Staff add later ones in the admin. A cabinet that resigned
    stays in office until the next is sworn in: its period ends where the
    next one starts; the one in office has no end."""

    name = models.CharField("naam", max_length=100, unique=True)
    start = models.DateField("beëdigd op", unique=True)
    end = models.DateField("tot", null=True, blank=True, help_text="Leeg zolang het kabinet in functie is.")

    class Meta:
        verbose_name = "kabinet"
        verbose_name_plural = "kabinetten"
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")), name="cabinet_period_valid"
            )
        ]

    def __str__(self):
        return self.name


# --- the Kamer's open data (tracker/opendata/): its own record, kept apart from what the papers say ---


class FeedPosition(models.Model):
    """Where the SyncFeed of one category is to be resumed: the skiptoken of
    the entry after the last one committed (stored in the same transaction)."""

    category = models.CharField("categorie", max_length=40, unique=True)
    skiptoken = models.CharField(max_length=40, blank=True)
    #: how far back the first sync went: question sets asked before this day are left out, then and later
    since = models.DateField("vanaf", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "positie in de SyncFeed"
        verbose_name_plural = "posities in de SyncFeed"

    def __str__(self):
        return f"{self.category} @ {self.skiptoken or 'begin'}"


class OpenDataZaak(models.Model):
    """A Zaak "Schriftelijke vragen" as the open data has it; its question set from the day it is asked."""

    guid = models.CharField("Id", max_length=36, unique=True)
    number = models.CharField("nummer", max_length=20, blank=True, db_index=True)  # 2024Z06427
    soort = models.CharField("soort", max_length=100, blank=True)
    subject = models.TextField("onderwerp", blank=True)
    title = models.TextField("titel", blank=True)
    started_on = models.DateField("gestart op", null=True, blank=True)  # GestartOp, in Europe/Amsterdam
    vergaderjaar = models.CharField(max_length=9, blank=True)
    status = models.CharField("status", max_length=100, blank=True)
    closed = models.BooleanField("afgedaan", default=False)
    deleted = models.BooleanField("verwijderd", default=False)
    changed_at = models.DateTimeField("bijgewerkt (bron)", null=True, blank=True)
    question_set = models.ForeignKey(
        QuestionSet,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="open_data_zaken",
        verbose_name="vragenset",
    )
    #: its actors or documents changed: the question set is to be brought in line (tracker/opendata/link.py)
    pending = models.BooleanField("te verwerken", default=True)

    class Meta:
        verbose_name = "zaak (open data)"
        verbose_name_plural = "zaken (open data)"
        ordering = ["-started_on", "number"]
        indexes = [models.Index(fields=["id"], condition=Q(pending=True), name="opendatazaak_pending_idx")]

    def __str__(self):
        return self.number or self.guid

    @property
    def tk_url(self) -> str:
        from tracker.opendata.web import zaak_url

        return zaak_url(self.number)

    def documents(self):
        """Its live documents, oldest first."""
        return OpenDataDocument.objects.filter(zaak_guid=self.guid, deleted=False).order_by("date", "number")


class OpenDataActor(models.Model):
    """A ZaakActor: who asked (Indiener, Medeindiener) and whom (Gericht aan)."""

    guid = models.CharField("Id", max_length=36, unique=True)
    zaak_guid = models.CharField("zaak", max_length=36, db_index=True)
    name = models.CharField("naam", max_length=250, blank=True)
    fraction = models.CharField("fractie", max_length=250, blank=True)
    function = models.CharField("functie", max_length=250, blank=True)
    relation = models.CharField("relatie", max_length=60, blank=True)
    deleted = models.BooleanField("verwijderd", default=False)
    changed_at = models.DateTimeField("bijgewerkt (bron)", null=True, blank=True)

    class Meta:
        verbose_name = "zaakactor (open data)"
        verbose_name_plural = "zaakactoren (open data)"

    def __str__(self):
        return f"{self.relation}: {self.name or self.function}"


class OpenDataDocument(models.Model):
    """A Document of a written-questions Zaak (the questions, the answer, a
    postponement notice) and the paper its file became when ingested."""

    class Paper(models.TextChoices):
        TO_FETCH = "", "Op te halen"
        DONE = "done", "Ingelezen"
        FAILED = "failed", "Mislukt"

    guid = models.CharField("Id", max_length=36, unique=True)
    zaak_guid = models.CharField("zaak", max_length=36, blank=True, db_index=True)
    number = models.CharField("documentnummer", max_length=20, blank=True, db_index=True)  # 2024D12345
    soort = models.CharField("soort", max_length=100, blank=True)
    subject = models.TextField("onderwerp", blank=True)
    date = models.DateField("datum", null=True, blank=True)
    received_on = models.DateField("datum ontvangst", null=True, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    aanhangsel_number = models.CharField("Aanhangselnummer", max_length=20, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content_length = models.PositiveBigIntegerField(null=True, blank=True)
    file_url = models.CharField("bestand", max_length=300, blank=True)
    deleted = models.BooleanField("verwijderd", default=False)
    changed_at = models.DateTimeField("bijgewerkt (bron)", null=True, blank=True)
    paper = models.CharField("papier", max_length=8, choices=Paper.choices, default=Paper.TO_FETCH, blank=True)
    paper_error = models.TextField("fout bij inlezen", blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="open_data_documents",
        verbose_name="ingelezen document",
    )

    class Meta:
        verbose_name = "document (open data)"
        verbose_name_plural = "documenten (open data)"
        ordering = ["-date", "number"]

    def __str__(self):
        return f"{self.soort} {self.number}".strip() or self.guid

    @property
    def tk_url(self) -> str:
        from tracker.opendata.web import document_url

        return document_url(self.number)


class RegistryCommitment(models.Model):
    """A commitment from the Kamer's registry (Toezegging, made orally in a
    debate), kept apart from the commitments the parser finds in papers."""

    class Status(models.TextChoices):  # as found in the data, not only the schema's (NOTES.md §0.3)
        OPEN = "Openstaand", "Openstaand"
        DONE = "Afgedaan", "Afgedaan"
        PARTLY_DONE = "Deels Afgedaan", "Deels afgedaan"
        LAPSED = "Vervallen", "Vervallen"
        FULFILLED = "Voldaan", "Voldaan"
        PARTLY_FULFILLED = "Deels Voldaan", "Deels voldaan"
        NONE = "", "(geen status)"

    guid = models.CharField("Id", max_length=36, unique=True)
    number = models.CharField("nummer", max_length=30, blank=True, db_index=True)  # TZ202504-057
    text = models.TextField("tekst", blank=True)
    status = models.CharField("status", max_length=40, blank=True, choices=Status.choices)
    due_on = models.DateField("datum nakoming", null=True, blank=True)  # 0001-01-01 in the data: none
    made_on = models.DateField("aangemaakt", null=True, blank=True)
    ministry = models.CharField("ministerie", max_length=250, blank=True)
    minister = models.CharField("bewindspersoon", max_length=250, blank=True)
    function = models.CharField("functie", max_length=250, blank=True)
    activity_number = models.CharField("activiteit", max_length=30, blank=True)
    letters = models.JSONField("kamerbrief nakoming", default=list, blank=True)  # document numbers
    deleted = models.BooleanField("verwijderd", default=False)
    changed_at = models.DateTimeField("bijgewerkt (bron)", null=True, blank=True)
    similar = models.ManyToManyField(
        Commitment,
        through="RegistryMatch",
        blank=True,
        related_name="registry_matches",
        verbose_name="gelijkende toezeggingen uit de stukken",
    )

    class Meta:
        verbose_name = "toezegging uit het register"
        verbose_name_plural = "toezeggingen uit het register"
        ordering = ["-made_on", "number"]

    def __str__(self):
        return f"{self.number}: {self.text[:80]}"

    @property
    def letter_urls(self) -> list[tuple[str, str]]:
        from tracker.opendata.web import document_url

        return [(n, document_url(n)) for n in self.letters]


class RegistryMatch(models.Model):
    """A written commitment that looks like the same promise as a registry one (tracker.domain.identity.similarity)."""

    registry = models.ForeignKey(RegistryCommitment, on_delete=models.CASCADE, related_name="matches")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(default=0)

    class Meta:
        verbose_name = "gelijkende toezegging"
        verbose_name_plural = "gelijkende toezeggingen"
        ordering = ["-score", "commitment_id"]
        constraints = [models.UniqueConstraint(fields=["registry", "commitment"], name="registrymatch_unique")]

    def __str__(self):
        return f"{self.registry} ~ toezegging {self.commitment_id} ({self.score:.2f})"


class Discrepancy(models.Model):
    """Where the open data and the papers disagree about a question set: a
    staff queue, each resolved by taking one value (tracker.domain.edits.correct)."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        TOOK_OPEN_DATA = "open_data", "Waarde van de open data genomen"
        TOOK_PAPER = "paper", "Waarde van het document genomen"
        GONE = "gone", "Niet meer van toepassing"

    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="discrepancies", verbose_name="vragenset"
    )
    field = models.CharField("veld", max_length=30)
    open_data_value = models.CharField("open data", max_length=250, blank=True)
    paper_value = models.CharField("document", max_length=250, blank=True)
    open_data_source = models.CharField("bron open data", max_length=250, blank=True)
    paper_source = models.CharField("bron document", max_length=250, blank=True)
    state = models.CharField("stand", max_length=12, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="opgelost door"
    )

    class Meta:
        verbose_name = "verschil met de open data"
        verbose_name_plural = "verschillen met de open data"
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question_set", "field", "open_data_value", "paper_value"], name="discrepancy_unique_values"
            ),
            models.UniqueConstraint(
                fields=["question_set", "field"], condition=Q(state="open"), name="discrepancy_one_open_per_field"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["open", "open_data", "paper", "gone"]), name="discrepancy_state_valid"
            ),
        ]

    #: the dates compared, and how the queue names them
    FIELDS = {"submitted": "ingezonden", "received": "beantwoord", "postponed_on": "uitstel gemeld"}

    def __str__(self):
        return f"{self.question_set}: {self.field}"

    @property
    def what(self) -> str:
        """ "beantwoord", "ingezonden", "uitstel gemeld"."""
        return self.FIELDS.get(self.field, self.field)

    @property
    def open_data_day(self) -> dt.date:
        return dt.date.fromisoformat(self.open_data_value)

    @property
    def paper_day(self) -> dt.date:
        return dt.date.fromisoformat(self.paper_value)


# ---------------------------------------------------------------- feeds and API (tracker/feeds, tracker/api)


class FeedToken(models.Model):
    """A user's key for the feeds and the API (``?token=``), for clients that
    cannot log in: a calendar, a feed reader, a script. Only its SHA-256 is
    stored; the key itself is shown once, when it is made (tracker/feeds/tokens.py).
    It reads feeds and API, nothing else: the pages and the admin never look at it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token", verbose_name="gebruiker"
    )
    key_hash = models.CharField("SHA-256 van de sleutel", max_length=64, unique=True)
    created_at = models.DateTimeField("gemaakt op", auto_now_add=True)
    last_used_on = models.DateField("laatst gebruikt op", null=True, blank=True)

    class Meta:
        verbose_name = "feedsleutel"
        verbose_name_plural = "feedsleutels"

    def __str__(self):
        return f"Feedsleutel van {self.user}"
