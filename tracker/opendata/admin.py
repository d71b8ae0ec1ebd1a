"""The open data's own records in the admin: to look at, not to edit (the sync writes them;
staff correct a question set through the reconciliation queue or its own admin page)."""

from django.contrib import admin

from tracker.models import (
    Discrepancy,
    FeedPosition,
    OpenDataActor,
    OpenDataDocument,
    OpenDataZaak,
    RegistryCommitment,
    RegistryMatch,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FeedPosition)
class FeedPositionAdmin(admin.ModelAdmin):
    list_display = ("category", "skiptoken", "since", "updated_at")


@admin.register(OpenDataZaak)
class OpenDataZaakAdmin(ReadOnly):
    list_display = ("number", "subject", "started_on", "status", "deleted", "question_set", "pending")
    list_filter = ("deleted", "pending")
    search_fields = ("number", "subject")
    raw_id_fields = ("question_set",)


@admin.register(OpenDataActor)
class OpenDataActorAdmin(ReadOnly):
    list_display = ("zaak_guid", "relation", "name", "fraction", "function", "deleted")
    list_filter = ("relation", "deleted")
    search_fields = ("name", "zaak_guid")


@admin.register(OpenDataDocument)
class OpenDataDocumentAdmin(ReadOnly):
    list_display = ("number", "soort", "date", "aanhangsel_number", "paper", "document", "deleted")
    list_filter = ("soort", "paper", "deleted")
    search_fields = ("number", "subject", "zaak_guid")
    raw_id_fields = ("document",)


class RegistryMatchInline(admin.TabularInline):
    model = RegistryMatch
    extra = 0
    raw_id_fields = ("commitment",)
    readonly_fields = ("commitment", "score")


@admin.register(RegistryCommitment)
class RegistryCommitmentAdmin(ReadOnly):
    list_display = ("number", "status", "ministry", "due_on", "made_on", "deleted")
    list_filter = ("status", "deleted")
    search_fields = ("number", "text", "ministry")
    inlines = [RegistryMatchInline]


@admin.register(Discrepancy)
class DiscrepancyAdmin(ReadOnly):
    list_display = ("question_set", "field", "open_data_value", "paper_value", "state", "resolved_by")
    list_filter = ("state", "field")
    raw_id_fields = ("question_set",)
