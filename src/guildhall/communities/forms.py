from django import forms
from django.utils.translation import gettext_lazy as _

from guildhall.communities.models import Community, Membership


class CommunityForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    kind = forms.ChoiceField(
        label="Kind",
        choices=Community.Kind.choices,
        help_text="Horizontal: a practice across departments. Vertical: one job role. "
        "Interest: anything else worth sharing.",
    )
    visibility = forms.ChoiceField(
        label="Visibility", choices=Community.Visibility.choices, widget=forms.RadioSelect
    )
    purpose = forms.CharField(
        label="Purpose",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What this community is for and who should join. Markdown works.",
    )
    guidelines = forms.CharField(
        label="Guidelines",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Members accept these when they join.",
    )
    guidelines_material = forms.BooleanField(
        label=_("Members must accept again"),
        required=False,
        help_text=_(
            "Tick for a material change: members accept the new guidelines before their next "
            "post, comment or answer here (reading stays open)."
        ),
    )


class JoinForm(forms.Form):
    accept_guidelines = forms.BooleanField(
        label="I have read the guidelines and will follow them", required=False
    )
    message = forms.CharField(
        label="Why would you like to join?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)
