"""The editors' forms on the review pages. Each action goes through the one
write path, tracker/domain/edits.py; these only validate."""

from __future__ import annotations

from django import forms
from django.conf import settings

from documents.models import Document
from tracker.domain.history import long_date
from tracker.models import Commitment, FulfilmentSuggestion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EvidenceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        when = long_date(obj.date) if obj.date else "zonder datum"
        title = (obj.title or "")[:90]
        return f"{obj.label} ({when}){' — ' + title if title and title != obj.label else ''}"


def evidence_queryset(commitment: Commitment):
    """Papers that can prove a commitment kept: the later ones first, never its own source."""
    qs = Document.objects.exclude(pk=commitment.source_document_id).only(
        "id", "title", "date", "dossier", "number", "vergaderjaar", "aanhangsel_number", "identifier", "source_name"
    )
    return qs.order_by("-date", "-id")


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=Commitment.Status.choices)
    evidence = EvidenceField(
        label="Bewijsstuk", queryset=Document.objects.none(), required=False, empty_label="(geen bewijsstuk)"
    )
    reason = forms.CharField(
        label="Reden of toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, commitment: Commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = evidence_queryset(commitment)

    def clean(self):
        data = super().clean()
        if data.get("status") == Commitment.Status.LAPSED and not (data.get("reason") or "").strip():
            self.add_error("reason", "Geef een reden waarom de toezegging vervalt.")
        return data


class RedateForm(forms.Form):
    due_date = forms.DateField(
        label="Nieuwe uiterste datum", required=False, widget=DATE, help_text="Leeg laten: geen termijn meer."
    )
    note = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class SuggestionForm(forms.Form):
    suggestion = forms.ModelChoiceField(queryset=FulfilmentSuggestion.objects.none(), widget=forms.HiddenInput)
    accept = forms.TypedChoiceField(choices=[("1", "Bevestigen"), ("0", "Afwijzen")], coerce=lambda v: v == "1")

    def __init__(self, *args, commitment: Commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggestion"].queryset = commitment.suggestions.filter(state=FulfilmentSuggestion.State.SUGGESTED)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.pdf,.xml,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            data = [d for d in data if d]
            if not data:  # nothing chosen: "required" (not an empty job marked done)
                single(None, initial)
                return []
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Bestanden (.txt, .pdf, .xml of .html; meerdere tegelijk mogelijk)",
        error_messages={
            "required": "Kies ten minste één bestand om te uploaden.",
            "empty": "Een van de bestanden is leeg.",
        },
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        too_big = [f.name for f in files if f.size > settings.MAX_DOCUMENT_BYTES]
        if too_big:
            raise forms.ValidationError(
                "Te groot (maximaal %(max)s bytes): %(names)s",
                params={"max": settings.MAX_DOCUMENT_BYTES, "names": ", ".join(too_big)},
            )
        return files
