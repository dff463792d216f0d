"""Pages of quality control: the review queues, a community's policy, the item page's panel."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guildhall.communities.permissions import can_manage_community, can_review_in_community
from guildhall.communities.selectors import community_get
from guildhall.content import kinds
from guildhall.core.exceptions import Conflict, PermissionDenied, ValidationError
from guildhall.core.generations import generations, kept
from guildhall.core.pagination import paginate
from guildhall.moderation import selectors, services
from guildhall.moderation.forms import DecisionForm, QualityPolicyForm, QueueFilterForm
from guildhall.moderation.models import Review
from guildhall.moderation.permissions import check_see_review_queue, check_set_quality_policy

QUEUE_PAGE_SIZE = 25
PANEL_SECONDS = 300


def _queue(request, community=None):
    filters = QueueFilterForm(request.GET)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    reviews = selectors.review_queue(
        viewer=request.user,
        community=community,
        reason=chosen.get("reason", ""),
        kind=chosen.get("kind", ""),
    )
    page = paginate(reviews, request.GET.get("page"), per_page=QUEUE_PAGE_SIZE)
    return render(
        request,
        "moderation/queue.html",
        {
            "community": community,
            "page": page,
            "filters": filters,
            "kinds": kinds.all_kinds(),
            "decision_form": DecisionForm(),
            "nav": "reviews",
        },
    )


def review_queue_all(request):
    """Every waiting review the member may decide (staff: every community's)."""
    return _queue(request)


def review_queue_community(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    try:
        check_see_review_queue(request.user, community)
    except PermissionDenied:
        raise Http404("No such page.") from None
    return _queue(request, community)


ACTIONS = {
    "approve": lambda actor, review, data: services.review_approve(actor=actor, review=review),
    "verify": lambda actor, review, data: services.review_approve(
        actor=actor, review=review, verify=True
    ),
    "reject": lambda actor, review, data: services.review_reject(
        actor=actor, review=review, reason=data.get("reason", ""), note=data.get("note", "")
    ),
    "changes": lambda actor, review, data: services.review_request_changes(
        actor=actor, review=review, note=data.get("note", ""), reason=data.get("reason", "")
    ),
    "claim": lambda actor, review, data: services.review_claim(actor=actor, review=review),
    "escalate": lambda actor, review, data: services.review_escalate(
        actor=actor, review=review, note=data.get("note", "")
    ),
}
DONE = {
    "approve": _("Approved: it is published."),
    "verify": _("Approved and verified."),
    "reject": _("Turned down: the author is told why."),
    "changes": _("Sent back to the author with your note."),
    "claim": _("Claimed for 30 minutes: other reviewers see it is yours."),
    "escalate": _("Escalated to staff."),
}


@require_POST
def review_act(request, pk: int, action: str):
    review = selectors.review_get(viewer=request.user, pk=pk)
    if review is None or action not in ACTIONS:
        raise Http404("No such review.")
    back = request.POST.get("next") or ""
    if not back.startswith("/") or back.startswith("//"):
        back = review.item.get_absolute_url()
    try:
        ACTIONS[action](request.user, review, request.POST)
    except (ValidationError, Conflict, PermissionDenied) as exc:
        messages.error(request, " ".join(_messages(exc)))
    else:
        messages.success(request, DONE[action])
    return redirect(back)


def _messages(exc) -> list[str]:
    if isinstance(exc, ValidationError):
        return [str(m) for m in exc.messages]
    return [str(exc)]


def quality_policy_edit(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    try:
        check_set_quality_policy(request.user, community)
    except PermissionDenied:
        raise Http404("No such page.") from None
    policy = selectors.quality_policy_of(community)
    initial = {
        name: getattr(policy, name)
        for name in ("policy", "safety_critical", *services.POLICY_BOUNDS)
    }
    form = QualityPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.quality_policy_set(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The quality policy is saved."))
            return redirect("moderation:policy", slug=community.slug)
    return render(
        request,
        "moderation/policy.html",
        {"community": community, "form": form, "policy": policy, "nav": "communities"},
    )


def item_quality_panel(*, request, item):
    """content's slot: the item page's quality status (awaiting review, turned down and why,
    verified) and, for its reviewers, the decision buttons."""
    viewer = request.user
    status = item.status
    if status not in (item.Status.PENDING_REVIEW, item.Status.REJECTED, item.Status.PUBLISHED):
        return ""
    if status == item.Status.PUBLISHED:
        (stamp,) = generations([("item", item.pk)])
        verification = kept(
            f"quality:verification:{item.pk}:{stamp}",
            lambda: selectors.verification_of(item) or False,
            PANEL_SECONDS,
        )
        if not verification:
            return ""
        html = render_to_string("moderation/partials/verified.html", {"verification": verification})
        return mark_safe(html)  # noqa: S308 - our template's output
    review = selectors.latest_review_of(item)
    is_reviewer = (
        review is not None
        and review.status == Review.Status.PENDING
        and review.author_id != viewer.pk
        and can_review_in_community(viewer, review.community)
    )
    html = render_to_string(
        "moderation/partials/item_panel.html",
        {
            "item": item,
            "review": review,
            "is_reviewer": is_reviewer,
            "is_author": item.author_id == viewer.pk,
            "decision_form": DecisionForm(),
            "reasons": services.REJECT_REASONS,
        },
        request=request,
    )
    return mark_safe(html)  # noqa: S308 - our template's output


def reviewer_links(*, viewer, community) -> list[tuple[str, str]]:
    """communities' slot: the community page's buttons for its reviewers."""
    if not can_review_in_community(viewer, community):
        return []
    links = [(_("Review queue"), reverse("moderation:community_queue", args=[community.slug]))]
    if can_manage_community(viewer, community):
        links.append((_("Quality policy"), reverse("moderation:policy", args=[community.slug])))
        links.append(
            (_("Guidelines accepted"), reverse("moderation:guidelines", args=[community.slug]))
        )
    return links
