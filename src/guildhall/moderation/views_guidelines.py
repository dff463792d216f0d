"""Pages of versioned guidelines: a community's, and the company's participation policy."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guildhall.communities.permissions import can_manage_community
from guildhall.communities.selectors import community_get
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.markdown import render_markdown
from guildhall.core.pagination import paginate
from guildhall.moderation import guidelines

ACCEPTANCES_PAGE_SIZE = 50


def community_guidelines(request, slug: str):
    """The current guidelines, their history, "I accept" for a member who has not accepted the
    current version, and for managers who accepted which version."""
    community = community_get(viewer=request.user, slug=slug)
    if request.method == "POST":
        try:
            guidelines.guideline_accept(actor=request.user, community=community)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: you accepted the guidelines."))
        return redirect("moderation:guidelines", slug=community.slug)
    state = guidelines.guidelines_of(viewer=request.user, community=community)
    page = None
    if can_manage_community(request.user, community):
        page = paginate(
            guidelines.guideline_acceptances(viewer=request.user, community=community),
            request.GET.get("page"),
            per_page=ACCEPTANCES_PAGE_SIZE,
        )
    return render(
        request,
        "moderation/guidelines.html",
        {"community": community, "page": page, "nav": "communities", **state},
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def company_policy(request):
    """The participation policy with "I accept" (members are sent here until they accept)."""
    if request.method == "POST":
        guidelines.participation_policy_accept(actor=request.user)
        messages.success(request, _("Thank you: you accepted the participation policy."))
        return redirect(_next(request))
    state = guidelines.policy_of(viewer=request.user)
    current = state["current"]
    return render(
        request,
        "moderation/policy_accept.html",
        {
            "text_html": render_markdown(current.text) if current else "",
            "next": _next(request),
            "can_edit": guidelines.can_edit_participation_policy(request.user),
            **state,
        },
    )


class PolicyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Policy"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=guidelines.MAX_POLICY_LENGTH,
        help_text=gettext_lazy("Markdown works. Saving keeps a new version."),
    )
    material = forms.BooleanField(
        label=gettext_lazy("Material change: every member accepts it again"),
        required=False,
        initial=True,
    )


def policy_edit(request):
    if not guidelines.can_edit_participation_policy(request.user):
        raise Http404("No such page.")
    current = guidelines.participation_policy_current()
    form = PolicyForm(
        request.POST or None, initial={"text": current.text if current else "", "material": True}
    )
    if request.method == "POST" and form.is_valid():
        try:
            policy = guidelines.participation_policy_create(
                actor=request.user,
                text=form.cleaned_data["text"],
                material=form.cleaned_data["material"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("Version %(number)s of the participation policy is saved.")
                % {"number": policy.number},
            )
            return redirect("moderation:company_policy")
    return render(
        request,
        "moderation/guidelines_policy_edit.html",
        {"form": form, "current": current, "versions": guidelines.participation_policy_versions()},
    )
