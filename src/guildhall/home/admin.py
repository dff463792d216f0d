from django.contrib import admin

from guildhall.home.models import HomeSection


@admin.register(HomeSection)
class HomeSectionAdmin(admin.ModelAdmin):
    """Staff choose which home sections show and in which order (lowest position first)."""

    list_display = ["key", "position", "enabled"]
    list_editable = ["position", "enabled"]
    ordering = ["position", "key"]

    def has_add_permission(self, request) -> bool:
        return False  # one row per section, seeded by a migration

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
