from django.contrib import admin

from guildhall.core.models import AuditEntry, Event


class ReadOnlyAdmin(admin.ModelAdmin):
    """The event log and the audit trail are append-only: viewable, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "verb", "target_type", "target_id", "community_id")
    list_filter = ("verb",)
    list_select_related = ("actor", "target_type")
    date_hierarchy = "created_at"


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "target_type", "target_id", "community_id")
    list_filter = ("action",)
    list_select_related = ("actor", "target_type")
