from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from guildhall.accounts.models import ApiToken, Invitation, User
from guildhall.accounts.services import (
    api_tokens_revoke,
    invitation_create,
    invitation_url,
    member_active_set,
)


@admin.register(User)
class GuildhallUserAdmin(UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("username", "email", "first_name", "last_name")
    actions = ["deactivate_members"]

    def has_delete_permission(self, request, obj=None):
        # Deleting an account would delete colleagues' work with it (their comments on the
        # member's items, answers to their questions, wiki pages with others' revisions):
        # members are deactivated instead.
        return False

    def save_model(self, request, obj, form, change):
        """ "Active" changes through the service (tokens revoked, audited), like the action."""
        if change and "is_active" in form.changed_data:
            wanted = obj.is_active
            obj.is_active = not wanted
            super().save_model(request, obj, form, change)
            member_active_set(actor=request.user, user=obj, active=wanted)
            return
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Deactivate selected members (their work stays)"))
    def deactivate_members(self, request, queryset):
        members = [m for m in queryset if m.is_active and m.pk != request.user.pk]
        for member in members:
            member_active_set(actor=request.user, user=member, active=False)
        self.message_user(
            request,
            ngettext(
                "%(count)d member deactivated: they can no longer sign in; what they wrote stays.",
                "%(count)d members deactivated: they can no longer sign in; what they wrote stays.",
                len(members),
            )
            % {"count": len(members)},
            messages.SUCCESS,
        )

    def user_change_password(self, request, id, form_url=""):
        """A password set by staff revokes the member's API tokens, as a change or reset does."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:  # the password was set
            member = self.get_object(request, id)
            api_tokens_revoke(actor=request.user, user=member, reason="password_set_in_admin")
        return response


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("key_hash", "prefix", "created_at", "last_used_at")
    search_fields = ("user__email", "name")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "invited_by", "created_at", "accepted_at", "link")
    fields = ("email",)

    @admin.display(description="sign-up link")
    def link(self, obj: Invitation) -> str:
        return invitation_url(obj) if obj.accepted_at is None else "—"

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = invitation_create(actor=request.user, email=obj.email)
        obj.pk = created.pk
