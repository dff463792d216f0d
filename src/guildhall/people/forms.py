from django import forms
from django.contrib.auth import get_user_model

from guildhall.people.models import Department, ProfileSkill


class ProfileForm(forms.Form):
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
    title = forms.CharField(label="Job title", max_length=120, required=False)
    department = forms.ModelChoiceField(
        label="Department", queryset=Department.objects.all(), required=False
    )
    manager = forms.CharField(
        label="Manager",
        required=False,
        help_text="Your manager's username, e.g. jsmith (shown on their profile page's address).",
    )
    location = forms.CharField(label="Location", max_length=120, required=False)
    bio = forms.CharField(
        label="About you",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What you work on and what colleagues can ask you about. Markdown works.",
    )

    def clean_manager(self):
        username = self.cleaned_data["manager"].strip().lstrip("@")
        if not username:
            return None
        manager = get_user_model().objects.filter(username=username, is_active=True).first()
        if manager is None:
            raise forms.ValidationError(f"No member with the username “{username}”.")
        return manager


class SkillForm(forms.Form):
    name = forms.CharField(label="Skill", max_length=80)
    level = forms.TypedChoiceField(
        label="Level",
        choices=ProfileSkill.Level.choices,
        coerce=int,
        initial=ProfileSkill.Level.WORKING,
    )
