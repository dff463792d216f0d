from django import forms
from django.utils.translation import gettext_lazy as _

from guildhall.moderation.models import QualityPolicy, Review
from guildhall.moderation.services import POLICY_BOUNDS, REJECT_REASONS


class QualityPolicyForm(forms.Form):
    policy = forms.ChoiceField(label=_("Policy"), choices=QualityPolicy.Policy.choices)
    safety_critical = forms.BooleanField(
        label=_("Safety-critical: every contribution is pre-moderated and verified by an expert"),
        required=False,
    )
    first_contributions_reviewed = forms.IntegerField(
        label=_("A newcomer's first contributions reviewed (post-moderated)"),
        min_value=POLICY_BOUNDS["first_contributions_reviewed"][0],
        max_value=POLICY_BOUNDS["first_contributions_reviewed"][1],
    )
    reverify_days = forms.IntegerField(
        label=_("Re-verify verified knowledge after (days)"),
        min_value=POLICY_BOUNDS["reverify_days"][0],
        max_value=POLICY_BOUNDS["reverify_days"][1],
    )
    flags_to_hide = forms.IntegerField(
        label=_("Flags from different members that hide a contribution"),
        min_value=POLICY_BOUNDS["flags_to_hide"][0],
        max_value=POLICY_BOUNDS["flags_to_hide"][1],
    )


class DecisionForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", "—"), *REJECT_REASONS.items()]
    )
    note = forms.CharField(
        label=_("Note to the author"), required=False, max_length=2000, widget=forms.Textarea
    )


class QueueFilterForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", _("Any reason")), *Review.Reason.choices]
    )
    kind = forms.CharField(label=_("Kind"), required=False, max_length=30)


class AuditFilterForm(forms.Form):
    community = forms.CharField(label=_("Community"), required=False, max_length=100)
    actor = forms.CharField(label=_("Who (username)"), required=False, max_length=150)
    action = forms.CharField(label=_("Action"), required=False, max_length=60)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class WarnForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (the member reads it)"), max_length=2000, widget=forms.Textarea
    )


class SuspendForm(forms.Form):
    days = forms.IntegerField(label=_("For how many days"), min_value=1, max_value=365, initial=7)
    reason = forms.CharField(
        label=_("Why (the member reads it)"), max_length=2000, widget=forms.Textarea
    )
