"""Read-only: policies and decisions are written through the pages and the API (services)."""

from django.contrib import admin

from guildhall.moderation.models import QualityPolicy, Review


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(QualityPolicy)
class QualityPolicyAdmin(ReadOnlyAdmin):
    list_display = ("community", "policy", "safety_critical", "updated_at")


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ("item", "community", "reason", "status", "created_at")
    list_filter = ("status", "reason")
