from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from guildhall.communities.selectors import community_get
from guildhall.content import kinds
from guildhall.content.cards import attach_cards, card_rows
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_item_get
from guildhall.core.pagination import paginate, paginate_feed
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.interactions.comment_pages import (
    comment_page_html,
    comment_page_of,
)
from guildhall.interactions.forms import CommentForm
from guildhall.interactions.permissions import (
    check_delete_comment,
    check_edit_comment,
)
from guildhall.interactions.selectors import (
    comment_get,
    comments_changed_at,
    engagement_for,
    expert_picks_in,
    favourites_of,
    mention_suggestions,
    reply_target,
)
from guildhall.interactions.services import (
    comment_create,
    comment_delete,
    comment_update,
    expert_pick_remove,
    expert_pick_set,
    favourite_toggle,
    item_recommend,
    item_share_to_community,
    rating_clear,
    rating_set,
)
from guildhall.people.selectors import person_get


def _comment_url(comment) -> str:
    page = comment_page_of(comment)
    query = f"?comments_page={page}" if page > 1 else ""
    return f"{comment.item.get_absolute_url()}{query}#comment-{comment.pk}"


@require_POST
def comment_create_view(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent_id = form.cleaned_data["parent"]
        try:
            parent = comment_get(viewer=request.user, pk=parent_id) if parent_id else None
            comment = comment_create(
                actor=request.user, item=item, body=form.cleaned_data["body"], parent=parent
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect(_comment_url(comment))
    # Keep what the member typed: show it again with the reason it was refused.
    return render(
        request, "interactions/comment_form.html", {"form": form, "item": item}, status=422
    )


def comment_edit(request, pk: int):
    comment = comment_get(viewer=request.user, pk=pk)
    check_edit_comment(request.user, comment)
    form = CommentForm(form_data(request), initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            comment_update(actor=request.user, comment=comment, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Comment updated.")
            return redirect(_comment_url(comment))
    return render(
        request,
        "interactions/comment_form.html",
        {"form": form, "item": comment.item, "comment": comment},
    )


def comment_delete_view(request, pk: int):
    comment = comment_get(viewer=request.user, pk=pk)
    check_delete_comment(request.user, comment)
    if request.method == "POST":
        comment_delete(actor=request.user, comment=comment)
        messages.success(request, "Comment deleted.")
        return redirect(f"{comment.item.get_absolute_url()}#comments")
    return render(request, "interactions/comment_confirm_delete.html", {"comment": comment})


# ---------------------------------------------------------------------------------------------
# Engagement: plain forms that work without JavaScript; each act redirects back to the item.


def _back(request, item):
    """Back to the item; an htmx request gets the engagement section alone, with the outcome
    in it (the messages are taken here, so they don't show again on the next page)."""
    if not request.htmx:
        return redirect(f"{item.get_absolute_url()}#engagement")
    item = content_item_get(viewer=request.user, pk=item.pk)  # fresh counters
    context = {
        "item": item,
        "engagement": engagement_for(request.user, item),
        "engagement_notes": list(messages.get_messages(request)),
    }
    return render(request, "interactions/partials/engagement.html", context)


def _refused(request, exc) -> None:
    messages.error(request, " ".join(getattr(exc, "messages", None) or [str(exc)]))


@require_POST
def rate_view(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    try:
        if request.POST.get("action") == "clear":
            if rating_clear(actor=request.user, item=item):
                messages.success(request, "Your rating was removed.")
        else:
            try:
                stars = int(request.POST.get("stars", ""))
            except ValueError:
                raise ValidationError({"stars": "Choose between 1 and 5 stars."}) from None
            rating_set(actor=request.user, item=item, stars=stars)
            messages.success(request, f"You rated this {stars} star{'s' if stars > 1 else ''}.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return _back(request, item)


@require_POST
def favourite_view(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    try:
        if favourite_toggle(actor=request.user, item=item):
            messages.success(request, "Added to your favourites.")
        else:
            messages.success(request, "Removed from your favourites.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return _back(request, item)


@require_POST
def share_view(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    note = request.POST.get("note", "")
    try:
        if request.POST.get("to_community"):
            community = _community_for_share(request.user, request.POST["to_community"])
            item_share_to_community(actor=request.user, item=item, community=community, note=note)
            messages.success(request, f"Shared in {community.name}.")
        else:
            person = _person_for_share(request.user, request.POST.get("to_user", ""))
            item_recommend(actor=request.user, item=item, to_user=person, note=note)
            messages.success(request, f"Recommended to {person.name}.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return _back(request, item)


def _community_for_share(viewer, slug: str):
    try:
        return community_get(viewer=viewer, slug=slug)
    except Http404:
        raise ValidationError({"to_community": "No such community."}) from None


def _person_for_share(viewer, username: str):
    username = username.strip().lstrip("@")
    if not username:
        raise ValidationError({"to_user": "Name the colleague to recommend it to."})
    try:
        return person_get(viewer=viewer, username=username)
    except Http404:
        raise ValidationError({"to_user": f"No member is called @{username}."}) from None


@require_POST
def pick_view(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    try:
        if request.POST.get("action") == "remove":
            if expert_pick_remove(actor=request.user, item=item):
                messages.success(request, "No longer an expert pick.")
        else:
            expert_pick_set(actor=request.user, item=item, note=request.POST.get("note", ""))
            messages.success(request, "Marked as an expert pick.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return _back(request, item)


def my_favourites(request):
    kind = request.GET.get("kind", "")
    if kind and kinds.get(kind) is None:
        kind = ""
    items = favourites_of(viewer=request.user, kind=kind)
    page = paginate_feed(card_rows(items), request.GET.get("page"))
    page.items = attach_cards(page.items)
    if request.htmx:
        return render(request, "content/partials/item_list.html", {"page": page})
    return render(
        request,
        "interactions/favourites.html",
        {"page": page, "kind": kind, "kinds": kinds.all_kinds()},
    )


def community_picks(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    picks = expert_picks_in(viewer=request.user, community=community)
    page = paginate(picks, request.GET.get("page"))
    cards = {
        item.pk: item
        for item in attach_cards(
            card_rows(ContentItem.objects.filter(pk__in=[p.item_id for p in page.items]))
        )
    }
    for pick in page.items:
        pick.card_html = cards[pick.item_id].card_html
    return render(
        request,
        "interactions/community_picks.html",
        {"community": community, "page": page, "nav": "communities"},
    )


def people_suggest(request):
    """Mention autocomplete: up to 8 active members by username or name prefix, as JSON."""
    people = mention_suggestions(viewer=request.user, q=request.GET.get("q", ""))
    return JsonResponse({"results": [{"username": p.username, "name": p.name} for p in people]})


def item_page_context(request, item) -> dict:
    """An item page's first page of comment threads (or the one `?comments_page=` asks for),
    the comment a "Reply" link asked to answer, and the viewer's engagement
    (content.contributions)."""
    engagement = engagement_for(request.user, item)
    comments_html = comment_page_html(
        viewer=request.user,
        item=item,
        page=_page_number(request.GET.get("comments_page")),
        changed_at=engagement["comments_changed_at"],
    )
    return {
        "comments_html": comments_html,
        "replying_to": reply_target(item=item, pk=request.GET.get("reply_to", "")),
        "engagement": engagement,
    }


def _page_number(raw) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else 1


def comment_page(request, pk: int):
    """A further page of an item's comment threads, for the "Show more comments" button (a
    plain request goes to the item page showing that page)."""
    item = content_item_get(viewer=request.user, pk=pk)
    page = _page_number(request.GET.get("page"))
    if not request.htmx:
        return redirect(f"{item.get_absolute_url()}?comments_page={page}#comments")
    changed_at = comments_changed_at(item)
    return HttpResponse(
        comment_page_html(viewer=request.user, item=item, page=page, changed_at=changed_at)
    )
