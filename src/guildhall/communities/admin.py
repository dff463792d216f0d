from django.contrib import admin

from guildhall.communities.models import Community, JoinRequest, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ("user",)
    readonly_fields = ("joined_at",)
    extra = 0


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    """Read-mostly: roles and membership change through the community's own pages (audited)."""

    list_display = ("name", "kind", "visibility", "member_count", "item_count", "created_at")
    list_filter = ("kind", "visibility")
    search_fields = ("name", "slug")
    readonly_fields = (
        "member_count",
        "item_count",
        "join_token",
        "purpose_html",
        "guidelines_html",
        "created_by",
        "created_at",
    )
    inlines = [MembershipInline]

    def has_add_permission(self, request):
        return False  # created through the product (it makes the creator its manager)


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ("user", "community", "status", "created_at", "decided_by")
    list_filter = ("status",)
    readonly_fields = ("user", "community", "message", "status", "decided_by", "decided_at")
