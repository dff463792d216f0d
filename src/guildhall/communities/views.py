from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from guildhall.communities.access import access_generation
from guildhall.communities.contributions import contributions
from guildhall.communities.forms import CommunityForm, JoinForm, RoleForm
from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.permissions import (
    can_create_community,
    can_manage_community,
    check_manage_community,
    membership_of,
)
from guildhall.communities.selectors import (
    communities_list,
    community_get,
    community_leaders,
    community_members,
    join_request_pending_for,
    join_requests_pending,
    member_by_username,
)
from guildhall.communities.services import (
    community_by_join_token,
    community_create,
    community_update,
    join_request_create,
    join_request_decide,
    membership_join,
    membership_leave,
    membership_remove,
    membership_role_set,
)
from guildhall.core.pagination import paginate
from guildhall.core.views_support import add_service_errors, form_data


def community_list(request):
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    mine = request.GET.get("mine") == "1"
    communities = communities_list(viewer=request.user, q=q, kind=kind, mine=mine)
    page = paginate(communities, request.GET.get("page"), 24)
    member_of = set(
        Membership.objects.filter(
            user=request.user, community__in=[c.pk for c in page.items]
        ).values_list("community_id", flat=True)
    )
    return render(
        request,
        "communities/list.html",
        {
            "page": page,
            "q": q,
            "kind": kind,
            "mine": mine,
            "kinds": Community.Kind.choices,
            "member_of": member_of,
            "can_create": can_create_community(request.user),
            "nav": "communities",
        },
    )


def community_create_view(request):
    if not can_create_community(request.user):
        raise Http404
    form = CommunityForm(form_data(request), initial={"visibility": "public"})
    if request.method == "POST" and form.is_valid():
        try:
            fields = {**form.cleaned_data}
            fields.pop("guidelines_material", None)  # a new community's first version
            community = community_create(actor=request.user, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{community.name} is ready. You are its manager.")
            return redirect("communities:detail", community.slug)
    return render(
        request, "communities/form.html", {"form": form, "creating": True, "nav": "communities"}
    )


def community_detail(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    kind = request.GET.get("kind", "")
    page = contributions.call(
        "community_feed",
        default=None,
        viewer=request.user,
        community=community,
        kind=kind,
        page_number=request.GET.get("page"),
    )
    if request.htmx:
        return render(request, "content/partials/item_list.html", {"page": page})
    membership = membership_of(request.user, community)
    is_manager = can_manage_community(request.user, community)
    return render(
        request,
        "communities/detail.html",
        {
            "community": community,
            "page": page,
            "kind": kind,
            "kinds": contributions.call("feed_kinds", default=[]),
            "membership": membership,
            # Read only when the cached fragments showing them must be rendered afresh.
            "leaders": SimpleLazyObject(lambda: community_leaders(community=community)),
            "news": SimpleLazyObject(
                lambda: contributions.call(
                    "community_news", default=[], viewer=request.user, community=community
                )
            ),
            "access": access_generation(),
            "news_heading": "Community news",
            "is_manager": is_manager,
            "reviewer_links": contributions.call(
                "reviewer_links", default=[], viewer=request.user, community=community
            ),
            "pending_requests": join_requests_pending(community=community).count()
            if is_manager
            else 0,
            "nav": "communities",
        },
    )


def community_join(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    if membership_of(request.user, community) is not None:
        return redirect("communities:detail", slug)
    form = JoinForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            membership_join(
                actor=request.user,
                community=community,
                accept_guidelines=form.cleaned_data["accept_guidelines"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Welcome to {community.name}!")
            return redirect("communities:detail", slug)
    return render(
        request,
        "communities/join.html",
        {"community": community, "form": form, "nav": "communities"},
    )


def community_leave(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    if request.method == "POST":
        try:
            membership_leave(actor=request.user, community=community)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("communities:detail", slug)
        messages.success(request, f"You left {community.name}.")
        if community.is_private:
            return redirect("communities:list")
        return redirect("communities:detail", slug)
    return render(request, "communities/leave.html", {"community": community})


def community_edit(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    check_manage_community(request.user, community)
    initial = {
        f: getattr(community, f) for f in ("name", "kind", "visibility", "purpose", "guidelines")
    }
    form = CommunityForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            community_update(actor=request.user, community=community, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Community updated.")
            return redirect("communities:detail", slug)
    return render(
        request,
        "communities/form.html",
        {"form": form, "community": community, "creating": False, "nav": "communities"},
    )


def community_members_view(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    role = request.GET.get("role", "")
    members = community_members(viewer=request.user, community=community, role=role)
    return render(
        request,
        "communities/members.html",
        {
            "community": community,
            "page": paginate(members, request.GET.get("page"), 50),
            "role": role,
            "roles": Membership.Role.choices,
            "is_manager": can_manage_community(request.user, community),
            "nav": "communities",
        },
    )


@require_POST
def member_role(request, slug: str, username: str):
    community = community_get(viewer=request.user, slug=slug)
    form = RoleForm(request.POST)
    member = member_by_username(username=username)
    try:
        if not form.is_valid():
            raise ValidationError("Choose member, expert or manager.")
        membership_role_set(
            actor=request.user, community=community, member=member, role=form.cleaned_data["role"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{member.name} is now {form.cleaned_data['role']}.")
    return redirect("communities:members", slug)


def member_remove(request, slug: str, username: str):
    community = community_get(viewer=request.user, slug=slug)
    check_manage_community(request.user, community)
    member = member_by_username(username=username)
    if request.method == "POST":
        try:
            membership_remove(actor=request.user, community=community, member=member)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{member.name} was removed from {community.name}.")
        return redirect("communities:members", slug)
    return render(
        request, "communities/member_remove.html", {"community": community, "member": member}
    )


def join_requests(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    check_manage_community(request.user, community)
    return render(
        request,
        "communities/requests.html",
        {
            "community": community,
            "requests": join_requests_pending(community=community),
            "join_link": request.build_absolute_uri(f"/c/join/{community.join_token}/"),
            "nav": "communities",
        },
    )


@require_POST
def join_request_decision(request, slug: str, pk: int):
    community = community_get(viewer=request.user, slug=slug)
    join_request = get_object_or_404(JoinRequest, pk=pk, community=community)
    approve = request.POST.get("decision") == "approve"
    try:
        join_request_decide(actor=request.user, join_request=join_request, approve=approve)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        verb = "approved" if approve else "declined"
        messages.success(request, f"{join_request.user.name}'s request was {verb}.")
    return redirect("communities:requests", slug)


def request_join(request, token: str):
    """The link a manager shares so a colleague can ask to join a private community."""
    community = community_by_join_token(token=token)
    if community is None:
        raise Http404
    if membership_of(request.user, community) is not None:
        return redirect("communities:detail", community.slug)
    if not community.is_private:
        return redirect("communities:join", community.slug)
    pending = join_request_pending_for(viewer=request.user, community=community)
    form = JoinForm(form_data(request))
    if request.method == "POST" and not pending and form.is_valid():
        try:
            join_request_create(actor=request.user, community=community, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your request is on its way to the community managers.")
            return redirect("communities:request_join", token)
    return render(
        request,
        "communities/request_join.html",
        {"community": community, "form": form, "pending": pending, "nav": "communities"},
    )
