import hashlib

from django.contrib import messages
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from guildhall.content import kinds
from guildhall.content.cards import attach_cards, card_rows
from guildhall.content.selectors import content_feed
from guildhall.core.exceptions import Conflict, PermissionDenied, ValidationError
from guildhall.core.pagination import paginate_feed
from guildhall.home import selectors
from guildhall.home.services import welcome_send
from guildhall.people.selectors import followed_tag_ids, person_get, tag_get

# The sections about people go in the side column; the rest in the main column. Staff's order
# applies within each column.
SIDE_SECTIONS = {"whos_new", "whos_popular"}
# The section whose HTML is rendered on every request (the others' is cached as long as their
# data, per member and browser session: who's new carries the session's CSRF token in its
# welcome forms): the feed, whose cards are cached.
UNCACHED_SECTIONS = ("whats_new",)
# Sections whose HTML is the same for the viewer's whole audience (selectors.audience_stamp).
SHARED_SECTIONS = ("whats_popular",)


def _feed_page(request, *, kind: str, tag: str):
    if tag:
        items = content_feed(viewer=request.user, tag=tag, kind=kind)
    else:
        items = selectors.whats_new_feed(viewer=request.user, kind=kind)
    page = paginate_feed(card_rows(items), request.GET.get("page"))
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


def session_stamp(request) -> str:
    """Names the browser session in the keys of cached sections whose forms carry its CSRF
    token (valid for any request bearing the same CSRF cookie): a digest, never the secret."""
    get_token(request)  # makes sure the session has its secret
    secret = request.META.get("CSRF_COOKIE", "")
    return hashlib.blake2s(secret.encode(), digest_size=8).hexdigest()


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
    if "latest_news" in sections:
        context["news"] = selectors.home_latest_news(viewer=request.user)
    if "whats_popular" in sections:
        context.update(_popular_context(request))
    if "whos_new" in sections:
        context["whos_new"] = selectors.whos_new(viewer=request.user)
    # Read only when their cached HTML must be rendered afresh (home/partials/section.html).
    if "whos_popular" in sections:
        context["whos_popular"] = SimpleLazyObject(
            lambda: selectors.whos_popular(viewer=request.user)
        )
    if "for_you" in sections:
        context["for_you"] = SimpleLazyObject(lambda: selectors.for_you(viewer=request.user))
    memberships = selectors.my_memberships(viewer=request.user)
    context.update(
        {
            "main_sections": [s for s in sections if s not in SIDE_SECTIONS],
            "side_sections": [s for s in sections if s in SIDE_SECTIONS],
            "memberships": memberships,
            "section_stamp": selectors.section_stamp(request.user),
            "audience_stamp": SimpleLazyObject(lambda: selectors.audience_stamp(request.user)),
            "shared_sections": SHARED_SECTIONS,
            "section_seconds": selectors.SECTION_CACHE_SECONDS,
            "news_seconds": selectors.NEWS_CACHE_SECONDS,
            "session_stamp": session_stamp(request),
            "uncached_sections": UNCACHED_SECTIONS,
            "profile_incomplete": selectors.profile_incomplete(viewer=request.user),
        }
    )
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
