"""Pages of quality control: the review queues, a community's policy, the item page's panel."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guildhall.communities.models import Membership
from guildhall.communities.permissions import can_manage_community, can_review_in_community
from guildhall.communities.selectors import community_get
from guildhall.content import kinds
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_item_get
from guildhall.core.exceptions import Conflict, PermissionDenied, RateLimited, ValidationError
from guildhall.core.generations import generations, kept
from guildhall.core.pagination import paginate
from guildhall.moderation import acts, audit, flags, selectors, services, targets, verification
from guildhall.moderation.forms import (
    AuditFilterForm,
    DecisionForm,
    QualityPolicyForm,
    QueueFilterForm,
    SuspendForm,
    WarnForm,
)
from guildhall.moderation.models import Flag, ItemHiding, Review
from guildhall.moderation.permissions import (
    can_review,
    check_see_review_queue,
    check_set_quality_policy,
)

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
    flags.attach_flag_summaries(page.items)
    targets.diffs_for(page.items)
    return render(
        request,
        "moderation/queue.html",
        {
            "community": community,
            "page": page,
            "filters": filters,
            "kinds": kinds.all_kinds(),
            "decision_form": DecisionForm(),
            "flag_reasons": dict(Flag.Reason.choices),
            "can_read_audit": audit.can_read_audit(request.user),
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
    "dismiss_flags": lambda actor, review, data: flags.flags_dismiss(actor=actor, review=review),
}
DONE = {
    "approve": _("Approved: it is published."),
    "verify": _("Approved and verified."),
    "reject": _("Turned down: the author is told why."),
    "changes": _("Sent back to the author with your note."),
    "claim": _("Claimed for 30 minutes: other reviewers see it is yours."),
    "escalate": _("Escalated to staff."),
    "dismiss_flags": _("Flags dismissed: the item is back where it was, and the flaggers know."),
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
    verified, hidden by a moderator), for its reviewers the decision buttons, and for its
    community's managers the moderation acts (hide)."""
    html = _quality_status(request=request, item=item) + _moderator_tools(
        request=request, item=item
    )
    return mark_safe(html)  # noqa: S308 - our templates' output


def _moderator_tools(*, request, item) -> str:
    if item.status == item.Status.REMOVED:
        hiding = ItemHiding.objects.filter(item=item).select_related("by").first()
        return render_to_string(
            "moderation/partials/hidden.html", {"item": item, "hiding": hiding}, request=request
        )
    if item.status != item.Status.PUBLISHED or not acts.can_moderate_item(request.user, item):
        return ""
    return render_to_string(
        "moderation/partials/moderator_tools.html",
        {"item": item, "move_targets": acts.move_targets(viewer=request.user, item=item)},
        request=request,
    )


def _quality_status(*, request, item) -> str:
    viewer = request.user
    status = item.status
    if status not in (item.Status.PENDING_REVIEW, item.Status.REJECTED, item.Status.PUBLISHED):
        return ""
    if status == item.Status.PUBLISHED:
        # Kept under the item's generation: verifying it or marking it obsolete records an act
        # on it, which moves that on.
        (stamp,) = generations([("item", item.pk)])
        verification, obsolescence = kept(
            f"quality:published:{item.pk}:{stamp}",
            lambda: (selectors.verification_of(item), selectors.obsolescence_of(item)),
            PANEL_SECONDS,
        )
        if verification is None and obsolescence is None:
            return mark_safe(_flag_control(request, item))  # noqa: S308 - our template's output
        replacement = obsolescence.replacement if obsolescence else None
        readable = replacement is not None and (
            replacement.status == replacement.Status.PUBLISHED
            and (
                replacement.visibility == replacement.Visibility.COMPANY
                or replacement.community_id == item.community_id
            )
        )
        html = render_to_string(
            "moderation/partials/published_quality.html",
            {
                "item": item,
                "verification": verification,
                "obsolescence": obsolescence,
                "replacement": replacement if readable else None,
            },
        )
        return mark_safe(html + _flag_control(request, item))  # noqa: S308 - our templates
    review = selectors.latest_review_of(item)
    is_reviewer = (
        review is not None and review.status == Review.Status.PENDING and can_review(viewer, review)
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
            "flag_summary": (flags.flag_summaries([item.pk]).get(item.pk) if is_reviewer else None),
            "flag_reasons": dict(Flag.Reason.choices),
        },
        request=request,
    )
    return mark_safe(html)  # noqa: S308 - our template's output


def _flag_control(request, item) -> str:
    """The "Flag" control under a published item, for members who see it and did not write it;
    after flagging, a line saying so."""
    viewer = request.user
    if not viewer.is_authenticated or item.author_id == viewer.pk:
        return ""
    # Kept, so a published item's page reads no row for it: flagging is the member's act and a
    # decision on the item is an act on it, each moving its generation on.
    stamps = ".".join(str(g) for g in generations([("item", item.pk), ("member", viewer.pk)]))
    own_flag = kept(
        f"quality:own-flag:{item.pk}:{viewer.pk}:{stamps}",
        lambda: flags.flag_of(viewer=viewer, item=item) or False,
        PANEL_SECONDS,
    )
    return render_to_string(
        "moderation/partials/flag_form.html",
        {
            "item": item,
            "own_flag": own_flag,
            "reasons": Flag.Reason.choices,
        },
        request=request,
    )


@require_POST
def item_flag(request, pk: int):
    """The item page's Flag form: back to the item with a clear message."""
    item = content_item_get(viewer=request.user, pk=pk)
    try:
        flags.flag_create(
            actor=request.user,
            item=item,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except (ValidationError, Conflict, PermissionDenied) as exc:
        messages.error(request, " ".join(_messages(exc)))
    except RateLimited as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Thank you: the community's reviewers will look at it. Only they see flags.")
        )
    return redirect(item.get_absolute_url())


def safety_page(request, slug: str):
    """A safety-critical community's verified, due, overdue and obsolete knowledge, for its
    members; its managers see the overdue items first."""
    community = community_get(viewer=request.user, slug=slug)
    if not verification.can_see_safety(request.user, community):
        raise Http404("No such page.")
    policy = selectors.quality_policy_of(community)
    if not policy.safety_critical:
        raise Http404("No such page.")
    overview = verification.safety_overview(viewer=request.user, community=community)
    return render(
        request,
        "moderation/safety.html",
        {
            "community": community,
            "policy": policy,
            "overview": overview,
            "counts": overview.counts,
            "lists": overview.lists,
            "is_manager": can_manage_community(request.user, community),
            "overdue_days": verification.OVERDUE_DAYS,
            "list_size": verification.SAFETY_LIST_SIZE,
            "nav": "communities",
        },
    )


def reviewer_links(*, viewer, community) -> list[tuple[str, str]]:
    """communities' slot: the community page's buttons for its reviewers and managers (and, in
    a safety-critical community, the safety page for every member)."""
    links = []
    if can_review_in_community(viewer, community):
        links.append(
            (_("Review queue"), reverse("moderation:community_queue", args=[community.slug]))
        )
        if can_manage_community(viewer, community):
            slug = community.slug
            links.append((_("Quality policy"), reverse("moderation:policy", args=[slug])))
            audit_url = reverse("moderation:audit") + "?" + urlencode({"community": slug})
            links.append((_("Audit trail"), audit_url))
            links.append((_("Hidden items"), reverse("moderation:hidden", args=[slug])))
            links.append((_("Guidelines accepted"), reverse("moderation:guidelines", args=[slug])))
    if verification.can_see_safety(viewer, community) and selectors.is_safety_critical(community):
        links.append((_("Safety status"), reverse("moderation:safety", args=[community.slug])))
    return links


# --- The audit trail, a member's own history, moderating a member (moderation.audit, .acts) ---

AUDIT_PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 25


def _audit_filters(request):
    """The audit trail's filters from the query string: (form, selector kwargs)."""
    form = AuditFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    community = None
    slug = (chosen.get("community") or "").strip()
    if slug:
        community = audit.audit_communities_of(request.user).filter(slug=slug).first()
        if community is None:
            raise Http404("No such community.")
    return form, {
        "viewer": request.user,
        "community": community,
        "actor": chosen.get("actor") or "",
        "action": chosen.get("action") or "",
        "since": chosen.get("since"),
        "until": chosen.get("until"),
    }


def audit_trail(request):
    """Who did what to what, when: managers see their communities', staff everything."""
    if not audit.can_read_audit(request.user):
        raise Http404("No such page.")
    form, filters = _audit_filters(request)
    page = paginate(audit.audit_entries(**filters), request.GET.get("page"), AUDIT_PAGE_SIZE)
    page.items = audit.describe(page.items)
    return render(
        request,
        "moderation/audit.html",
        {
            "page": page,
            "filters": form,
            "communities": audit.audit_communities_of(request.user),
            "actions": sorted(audit.AUDIT_ACTIONS.items(), key=lambda kv: str(kv[1])),
            "csv_query": request.GET.urlencode(),
            "csv_max": audit.CSV_MAX_ROWS,
            "nav": "reviews",
        },
    )


def audit_csv(request):
    """The same entries as the page with the same filters, as CSV (at most CSV_MAX_ROWS)."""
    if not audit.can_read_audit(request.user):
        raise Http404("No such page.")
    _, filters = _audit_filters(request)
    response = StreamingHttpResponse(
        audit.audit_csv_rows(audit.audit_entries(**filters)), content_type="text/csv"
    )
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return response


def my_history(request):
    """The member's own moderation history: what was held, approved, turned down and why."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    page = paginate(
        audit.my_moderation_history(viewer=request.user),
        request.GET.get("page"),
        HISTORY_PAGE_SIZE,
    )
    return render(
        request,
        "moderation/my_history.html",
        {
            "page": page,
            "suspensions": list(audit.my_suspensions(viewer=request.user)),
            "reasons": services.REJECT_REASONS,
            "nav": "",
        },
    )


def member_moderate(request, slug: str, username: str):
    """A community manager warns a member, suspends them from posting, or lifts a suspension."""
    community = community_get(viewer=request.user, slug=slug)
    if not can_manage_community(request.user, community):
        raise Http404("No such page.")
    member = get_user_model().objects.filter(username=username).first()
    if member is None or not Membership.objects.filter(community=community, user=member).exists():
        raise Http404("No such member.")
    warn_form = WarnForm(prefix="warn")
    suspend_form = SuspendForm(prefix="suspend")
    if request.method == "POST":
        act = request.POST.get("act")
        try:
            if act == "warn":
                warn_form = WarnForm(request.POST, prefix="warn")
                if warn_form.is_valid():
                    acts.member_warn(
                        actor=request.user,
                        community=community,
                        member=member,
                        reason=warn_form.cleaned_data["reason"],
                    )
                    messages.success(
                        request, _("Warned: %(name)s is told why.") % {"name": member.name}
                    )
                    return redirect("moderation:member_moderate", slug=slug, username=username)
            elif act == "suspend":
                suspend_form = SuspendForm(request.POST, prefix="suspend")
                if suspend_form.is_valid():
                    until = timezone.now() + timedelta(days=suspend_form.cleaned_data["days"])
                    acts.posting_suspend(
                        actor=request.user,
                        community=community,
                        member=member,
                        until=until,
                        reason=suspend_form.cleaned_data["reason"],
                    )
                    messages.success(
                        request,
                        _("Suspended: %(name)s is told why and until when.")
                        % {"name": member.name},
                    )
                    return redirect("moderation:member_moderate", slug=slug, username=username)
            elif act == "lift":
                acts.posting_suspension_lift(actor=request.user, community=community, member=member)
                messages.success(request, _("The suspension is lifted."))
                return redirect("moderation:member_moderate", slug=slug, username=username)
            else:
                raise Http404("No such act.")
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, " ".join(_messages(exc)))
    return render(
        request,
        "moderation/member_moderate.html",
        {
            "community": community,
            "member": member,
            "suspension": acts.current_suspension(user=member, community=community),
            "warn_form": warn_form,
            "suspend_form": suspend_form,
            "nav": "communities",
        },
    )


def _item_to_moderate(request, pk: int):
    item = ContentItem.objects.select_related("community", "author").filter(pk=pk).first()
    if item is None or not acts.can_moderate_item(request.user, item):
        raise Http404("No such item.")
    return item


@require_POST
def item_hide(request, pk: int):
    item = _item_to_moderate(request, pk)
    try:
        acts.item_hide(actor=request.user, item=item, reason=request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(_messages(exc)))
        return redirect(item.get_absolute_url())
    messages.success(request, _("Hidden: only its author sees it now, with your reason."))
    if item.community is not None:
        return redirect("moderation:hidden", slug=item.community.slug)
    return redirect("moderation:audit")


@require_POST
def item_restore(request, pk: int):
    item = _item_to_moderate(request, pk)
    try:
        acts.item_restore(actor=request.user, item=item)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(_messages(exc)))
    else:
        messages.success(request, _("Restored: it is back where it was."))
    return redirect(item.get_absolute_url())


@require_POST
def item_move(request, pk: int):
    item = _item_to_moderate(request, pk)
    target = (
        audit.audit_communities_of(request.user)
        .filter(slug=request.POST.get("community", ""))
        .first()
    )
    try:
        acts.item_move(
            actor=request.user, item=item, community=target, reason=request.POST.get("reason", "")
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(_messages(exc)))
    else:
        messages.success(
            request, _("Moved to %(name)s: its author is told.") % {"name": target.name}
        )
    return redirect(item.get_absolute_url())


def hidden_items(request, slug: str):
    """The community's hidden items, for its managers to restore."""
    community = community_get(viewer=request.user, slug=slug)
    if not can_manage_community(request.user, community):
        raise Http404("No such page.")
    page = paginate(
        acts.hidden_items(viewer=request.user, community=community),
        request.GET.get("page"),
        HISTORY_PAGE_SIZE,
    )
    return render(
        request,
        "moderation/hidden.html",
        {"community": community, "page": page, "nav": "communities"},
    )
