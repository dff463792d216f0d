from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from guildhall.content import kinds
from guildhall.content.cards import attach_cards, card_rows
from guildhall.content.selectors import content_feed
from guildhall.core.exceptions import Conflict, PermissionDenied, ValidationError
from guildhall.core.pagination import paginate_feed
from guildhall.home import selectors
from guildhall.home.fragments import section_fragments
from guildhall.home.services import welcome_send
from guildhall.people.selectors import followed_tag_ids, person_get, tag_get

# The sections about people go in the side column; the rest in the main column. Staff's order
# applies within each column.
SIDE_SECTIONS = {"whos_new", "whos_popular"}


def _feed_page(request, *, kind: str, tag: str):
    number = request.GET.get("page")
    if tag:
        items = content_feed(viewer=request.user, tag=tag, kind=kind)
        page = paginate_feed(card_rows(items), number)
    else:
        page = selectors.whats_new_page(viewer=request.user, kind=kind, page_number=number)
    page.items = attach_cards(page.items)
    return page


def _popular_context(request) -> dict:
    window = selectors.trend_window(30 if request.GET.get("window") == "30" else 7)
    return {
        "popular": SimpleLazyObject(
            lambda: selectors.whats_popular(viewer=request.user, days=window)
        ),
        "window": window,
    }


def _tag_context(request, tag: str) -> dict:
    try:
        found = tag_get(slug=tag)
    except Http404:  # nothing carries this tag yet: an empty list, nothing to follow
        return {"tag_name": tag}
    return {
        "tag_name": found.name,
        "tag_slug": found.slug,
        "tag_followed": found.pk in followed_tag_ids(viewer=request.user),
    }


def home(request):
    kind = request.GET.get("kind", "")
    tag = request.GET.get("tag", "")
    if request.htmx and request.GET.get("section") == "whats_popular":
        return render(request, "home/partials/whats_popular.html", _popular_context(request))
    sections = [] if tag else selectors.enabled_sections()
    context = {"kind": kind, "tag": tag, "kinds": kinds.all_kinds(), "nav": "home"}
    if tag or "whats_new" in sections:
        context["page"] = _feed_page(request, kind=kind, tag=tag)
        if request.htmx:
            return render(request, "content/partials/item_list.html", context)
    if tag:
        context.update(_tag_context(request, tag))
    viewer = request.user
    # Read only when a section's cached HTML must be rendered afresh (home.fragments).
    lazy = {
        "latest_news": ("news", lambda: selectors.home_latest_news(viewer=viewer)),
        "whos_new": ("whos_new", lambda: selectors.whos_new(viewer=viewer)),
        "whos_popular": ("whos_popular", lambda: selectors.whos_popular(viewer=viewer)),
        "for_you": ("for_you", lambda: selectors.for_you(viewer=viewer)),
    }
    for section, (name, compute) in lazy.items():
        if section in sections:
            context[name] = SimpleLazyObject(compute)
    if "whats_popular" in sections:
        context.update(_popular_context(request))
    memberships = selectors.my_memberships(viewer=viewer)
    context.update(
        {
            "memberships": memberships,
            "section_stamp": selectors.section_stamp(viewer),
            "section_seconds": selectors.SECTION_CACHE_SECONDS,
            "profile_incomplete": selectors.profile_incomplete(viewer=viewer),
        }
    )
    fragments = section_fragments(request, sections, context)
    context["main_sections"] = [(s, fragments.get(s)) for s in sections if s not in SIDE_SECTIONS]
    context["side_sections"] = [(s, fragments.get(s)) for s in sections if s in SIDE_SECTIONS]
    return render(request, "home/home.html", context)


@require_POST
def welcome(request, username: str):
    person = person_get(viewer=request.user, username=username)
    welcomed = True
    try:
        welcome_send(actor=request.user, recipient=person, message=request.POST.get("message", ""))
        note = f"You welcomed {person.name}."
    except Conflict as exc:  # welcomed before: say so, the button stays "welcomed"
        note = " ".join(exc.messages)
    except (ValidationError, PermissionDenied) as exc:
        welcomed = False
        note = " ".join(getattr(exc, "messages", None) or [str(exc)])
    if request.htmx:
        return render(
            request,
            "home/partials/welcome_result.html",
            {"person": person, "note": note, "welcomed": welcomed},
        )
    (messages.success if welcomed else messages.error)(request, note)
    return redirect("home")
