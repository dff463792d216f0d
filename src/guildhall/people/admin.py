from django.contrib import admin

from guildhall.people.models import Department, Profile, ProfileSkill, Skill
from guildhall.people.services import profile_leader_set


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "head")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("head", "parent")


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def has_delete_permission(self, request, obj=None):
        return False  # it would take the skill, and colleagues' endorsements, off every profile


class ProfileSkillInline(admin.TabularInline):
    model = ProfileSkill
    autocomplete_fields = ("skill",)
    extra = 0


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "title", "department", "manager", "location", "is_leader")
    list_filter = ("department", "is_leader")
    list_editable = ("is_leader",)
    actions = ["mark_leaders", "unmark_leaders"]
    search_fields = ("user__username", "user__first_name", "user__last_name", "title")
    autocomplete_fields = ("user", "manager", "department")
    inlines = [ProfileSkillInline]
    exclude = ("bio_html",)

    def has_delete_permission(self, request, obj=None):
        return False  # a profile belongs to its member: deactivate the member instead

    def save_model(self, request, obj, form, change):
        # Leadership changes go through the service (audit row and event), from the list or form.
        if change and "is_leader" in form.changed_data:
            wanted = form.cleaned_data["is_leader"]
            obj.is_leader = not wanted  # the service writes it, with the audit row and event
            super().save_model(request, obj, form, change)
            profile_leader_set(actor=request.user, member=obj.user, is_leader=wanted)
            obj.is_leader = wanted
            return
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark as leaders (leadership blog)")
    def mark_leaders(self, request, queryset):
        for profile in queryset.select_related("user"):
            profile_leader_set(actor=request.user, member=profile.user, is_leader=True)

    @admin.action(description="Remove from leaders")
    def unmark_leaders(self, request, queryset):
        for profile in queryset.select_related("user"):
            profile_leader_set(actor=request.user, member=profile.user, is_leader=False)
