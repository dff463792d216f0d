from django import forms
from django.contrib import admin

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.services import (
    EDITABLE_FIELDS,
    community_fields_validate,
    community_update,
)


class MembershipInline(admin.TabularInline):
    """Shown, never changed here: joining, roles and removal go through the community's pages and
    API, which check, notify and audit."""

    model = Membership
    fields = ("user", "role", "joined_at")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CommunityAdminForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = EDITABLE_FIELDS

    def clean(self):
        cleaned = super().clean()
        community_fields_validate(
            {f: cleaned[f] for f in self.changed_data if f in EDITABLE_FIELDS and f in cleaned},
            community=self.instance,
        )
        return cleaned


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    """Read-mostly: roles and membership change through the community's own pages (audited);
    the editable fields are saved by the same service as the community's settings page."""

    form = CommunityAdminForm

    list_display = ("name", "kind", "visibility", "member_count", "item_count", "created_at")
    list_filter = ("kind", "visibility")
    search_fields = ("name", "slug")
    readonly_fields = (
        "slug",
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

    def has_delete_permission(self, request, obj=None):
        return False  # it would delete every item in it, colleagues' work included

    def save_model(self, request, obj, form, change):
        """Edits go through `community_update`, which copies a new visibility onto the items and
        the search index, and audits: the admin is not a second write path."""
        changed = {f: form.cleaned_data[f] for f in EDITABLE_FIELDS if f in form.changed_data}
        if changed:
            community = Community.objects.get(pk=obj.pk)
            community_update(actor=request.user, community=community, **changed)
        obj.refresh_from_db()


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ("user", "community", "status", "created_at", "decided_by")
    list_filter = ("status",)
    readonly_fields = ("user", "community", "message", "status", "decided_by", "decided_at")
