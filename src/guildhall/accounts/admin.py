from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from guildhall.accounts.models import ApiToken, Invitation, User
from guildhall.accounts.services import api_tokens_revoke, invitation_create, invitation_url


@admin.register(User)
class GuildhallUserAdmin(UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("username", "email", "first_name", "last_name")

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
