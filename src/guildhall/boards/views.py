from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from guildhall.boards.forms import PinForm
from guildhall.boards.permissions import can_create_pin
from guildhall.boards.selectors import SORTS, attach_links, board_pins
from guildhall.boards.services import pin_create
from guildhall.communities.permissions import membership_of
from guildhall.communities.selectors import community_get, memberships_of
from guildhall.core.exceptions import PermissionDenied
from guildhall.core.pagination import paginate_feed
from guildhall.core.views_support import add_service_errors, form_data

PAGE_SIZE = 24


def board(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    sort = request.GET.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    page = paginate_feed(
        board_pins(viewer=request.user, community=community, sort=sort),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    page.items = attach_links(viewer=request.user, items=page.items)
    return render(
        request,
        "boards/board.html",
        {
            "community": community,
            "page": page,
            "sort": sort,
            "sorts": SORTS,
            "can_pin": can_create_pin(request.user, community),
            "is_member": membership_of(request.user, community) is not None,
            "nav": "communities",
        },
    )


def pin_new(request, slug: str = ""):
    wanted = slug or request.GET.get("community", "")
    if not slug and wanted:
        # One address per board: /c/<slug>/board/pin/ (also what the kind's "new" link reaches).
        return redirect("boards:pin_create", wanted)
    community = community_get(viewer=request.user, slug=slug) if slug else None
    if community is not None and not can_create_pin(request.user, community):
        raise PermissionDenied("Join this community to pin to its board.")
    communities = [m.community for m in memberships_of(viewer=request.user, member=request.user)]
    form = PinForm(form_data(request), communities=communities, fixed_community=community)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = community or community_get(viewer=request.user, slug=data["community"])
            pin_create(
                actor=request.user,
                community=target,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                data={"url": data["url"]},
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Pinned to the {target.name} board.")
            return redirect(reverse("boards:board", args=[target.slug]))
    return render(
        request,
        "boards/pin_form.html",
        {
            "form": form,
            "community": community,
            "no_communities": not communities,
            "nav": "communities",
        },
    )
