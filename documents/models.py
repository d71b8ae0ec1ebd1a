"""Stored source papers: the file, its content hash, what the parser read."""

import re

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Replace


class DocumentKind(models.TextChoices):
    WRITTEN_QUESTIONS = "written_questions", "Schriftelijke vragen"
    NOTICE = "notice", "Mededeling / uitstelbericht"
    LETTER = "letter", "Kamerbrief"
    WRITTEN_CONSULTATION = "written_consultation", "Schriftelijk overleg"
    UNKNOWN = "unknown", "Onbekend"


def upload_path(instance, filename):
    return f"documents/{instance.content_hash[:2]}/{instance.content_hash}/{filename}"


class Origin(models.TextChoices):
    """Where a paper came from."""

    UPLOAD = "upload", "Geüpload"
    FOLDER = "folder", "Ingelezen uit een map"
    OPENDATA = "opendata", "Open data van de Tweede Kamer"
    UNKNOWN = "", "Onbekend"


OFFICIAL_BASE = "https://zoek.officielebekendmakingen.nl/"


def official_identifier(identifier: str, dossier: str, number: str, vergaderjaar: str, aanhangsel: str) -> str:
    """The paper's identifier on officielebekendmakingen.nl: as given, or built from its numbers
    ("kst-35300-V-12" for Kamerstuk 35 300 V, nr. 12; "ah-tk-20232024-1949" for an Aanhangsel)."""
    if identifier:
        return identifier
    if dossier and number:
        m = re.match(r"^(\d{2}) ?(\d{3})(.*)$", dossier.strip())
        compact = (m.group(1) + m.group(2) + m.group(3)) if m else dossier
        return f"kst-{'-'.join(compact.split())}-{number}".replace("--", "-")
    if aanhangsel and vergaderjaar:
        return f"ah-tk-{vergaderjaar.replace('-', '')}-{aanhangsel}"
    return ""


class Document(models.Model):
    """One parliamentary paper as ingested. A new version of the same paper
    (same Aanhangsel number in its vergaderjaar, or same dossier and number)
    updates this row; the same content twice is recognised by its hash."""

    file = models.FileField("bestand", upload_to=upload_path, max_length=300, blank=True)
    source_name = models.CharField("bronbestand", max_length=300)
    content_hash = models.CharField("inhoudshash (SHA-256)", max_length=64, unique=True)
    size = models.PositiveBigIntegerField("grootte (bytes)", default=0)
    kind = models.CharField("soort", max_length=32, choices=DocumentKind.choices, default=DocumentKind.UNKNOWN)
    identifier = models.CharField("publicatie-id", max_length=100, blank=True, db_index=True)
    title = models.TextField("titel", blank=True)
    vergaderjaar = models.CharField("vergaderjaar", max_length=9, blank=True)  # "2023-2024"
    aanhangsel_number = models.CharField("Aanhangselnummer", max_length=20, blank=True)
    dossier = models.CharField("dossier", max_length=40, blank=True, db_index=True)
    number = models.CharField("nr.", max_length=20, blank=True)
    date = models.DateField("datum", null=True, blank=True, db_index=True)
    raw_text = models.TextField("ruwe tekst", blank=True)
    clean_text = models.TextField("tekst", blank=True)
    parse_warnings = models.JSONField("parseerwaarschuwingen", default=list, blank=True)
    parsed = models.JSONField("parseerresultaat", default=dict, blank=True)
    parser_version = models.CharField(max_length=20, blank=True)
    origin = models.CharField(
        "herkomst", max_length=10, choices=Origin.choices, default=Origin.UNKNOWN, blank=True, db_default=""
    )
    origin_detail = models.CharField(
        "herkomst (detail)",
        max_length=300,
        blank=True,
        db_default="",
        help_text="Wie uploadde, uit welke map, of welk open-datanummer.",
    )
    ingested_at = models.DateTimeField("ingelezen", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergaderjaar", "aanhangsel_number"],
                condition=~Q(aanhangsel_number=""),
                name="document_unique_aanhangsel_number",
            ),
            models.UniqueConstraint(
                fields=["dossier", "number"],
                condition=~Q(dossier="") & ~Q(number=""),
                name="document_unique_kamerstuk",
            ),
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="document_kind_valid"),
        ]
        indexes = [
            # the lists' dossier filter compares numbers without spaces ("32735" = "32 735")
            models.Index(Replace("dossier", Value(" "), Value("")), name="document_dossier_compact_idx"),
        ]

    def __str__(self):
        return self.label

    @property
    def official_url(self) -> str:
        """Its publication on officielebekendmakingen.nl, when its identifier is known or can be built."""
        ident = official_identifier(
            self.identifier, self.dossier, self.number, self.vergaderjaar, self.aanhangsel_number
        )
        return f"{OFFICIAL_BASE}{ident}.html" if ident else ""

    @property
    def label(self) -> str:
        if self.dossier and self.number:
            return f"Kamerstuk {self.dossier}, nr. {self.number}"
        if self.aanhangsel_number:
            return f"Aanhangsel {self.vergaderjaar} nr. {self.aanhangsel_number}"
        return self.identifier or self.title[:80] or self.source_name
