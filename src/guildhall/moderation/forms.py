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
