from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guildhall.communities.models import Membership
from guildhall.communities.selectors import community_get
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.moderation.services import REJECT_REASONS
from guildhall.wiki.diff import line_diff, stats
from guildhall.wiki.forms import WikiPageForm, WikiSettingsForm
from guildhall.wiki.models import WikiRevision
from guildhall.wiki.permissions import can_edit_wiki, can_manage_wiki, wiki_editors
from guildhall.wiki.rendering import render_wiki
from guildhall.wiki.selectors import (
    wiki_backlinks,
    wiki_missing_links,
    wiki_page_by_title,
    wiki_page_get,
    wiki_pages,
    wiki_revision_get,
    wiki_revisions,
    wiki_suggestion_get,
    wiki_suggestions_of,
)
from guildhall.wiki.selectors import wiki_diff as wiki_diff_of
from guildhall.wiki.services import (
    ConflictError,
    wiki_page_create,
    wiki_page_edit,
    wiki_page_revert,
    wiki_settings_set,
)
from guildhall.wiki.suggestions import suggestion_diff_rows, suggestion_held


def page_context(request, item) -> dict:
    """What the item page shows under a wiki page's text (a fixed number of queries)."""
    latest = (
        WikiRevision.objects.filter(item=item, number__isnull=False)
        .select_related("author")
        .defer("body")
        .order_by("-number")
        .first()
    )
    return {
        "wiki_latest": latest,
        "wiki_my_suggestions": wiki_suggestions_of(viewer=request.user, item=item),
        "wiki_backlinks": wiki_backlinks(item=item),
        "can_edit_wiki": can_edit_wiki(request.user, item.community),
    }


def wiki_index(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    pages = list(wiki_pages(viewer=request.user, community=community))
    is_manager = can_manage_wiki(request.user, community)
    return render(
        request,
        "wiki/index.html",
        {
            "community": community,
            "pages": pages,
            "can_edit": can_edit_wiki(request.user, community),
            "is_manager": is_manager,
            "editors": wiki_editors(community),
            "settings_form": WikiSettingsForm(initial={"editors": wiki_editors(community)})
            if is_manager
            else None,
            "nav": "communities",
        },
    )


@require_POST
def wiki_settings(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    if not can_manage_wiki(request.user, community):
        raise Http404("No such page.")
    form = WikiSettingsForm(request.POST)
    if form.is_valid():
        wiki_settings_set(
            actor=request.user, community=community, editors=form.cleaned_data["editors"]
        )
        who = (
            "every member"
            if form.cleaned_data["editors"] == "members"
            else "experts and managers only"
        )
        messages.success(request, f"Saved: the wiki can now be edited by {who}.")
    else:
        messages.error(request, "Choose who may edit the wiki.")
    return redirect("wiki:index", community.slug)


def _editable_communities(user):
    memberships = Membership.objects.filter(user=user).select_related("community")
    return [
        m.community
        for m in memberships.order_by("community__name")
        if can_edit_wiki(user, m.community)
    ]


def wiki_create(request):
    slug = request.POST.get("community") or request.GET.get("community", "")
    if not slug:
        return render(
            request,
            "wiki/choose_community.html",
            {
                "communities": _editable_communities(request.user),
                "title": request.GET.get("title", ""),
            },
        )
    community = community_get(viewer=request.user, slug=slug)
    title = request.GET.get("title", "")
    if request.method == "GET" and title:
        existing = wiki_page_by_title(community=community, title=title)
        if existing is not None:
            return redirect(existing.get_absolute_url())
    allowed = can_edit_wiki(request.user, community)
    form = WikiPageForm(form_data(request), initial={"title": title})
    preview_html = None
    if request.method == "POST" and allowed and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview_html = render_wiki(data["body"], community)
        else:
            try:
                item = wiki_page_create(
                    actor=request.user,
                    community=community,
                    title=data["title"],
                    body=data["body"],
                    summary=data["summary"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "The page is in the wiki. Thank you!")
                return redirect(item.get_absolute_url())
    return render(
        request,
        "wiki/page_form.html",
        {
            "form": form,
            "community": community,
            "creating": True,
            "allowed": allowed,
            "editors": wiki_editors(community),
            "preview_html": preview_html,
            "linking": wiki_missing_links(community=community, title=title) if title else [],
            "nav": "communities",
        },
        status=200 if allowed else 403,
    )


def wiki_edit(request, pk: int):
    item = wiki_page_get(viewer=request.user, pk=pk)
    community = item.community
    allowed = can_edit_wiki(request.user, community)
    latest = item.wiki_page.revision
    form = WikiPageForm(
        form_data(request),
        initial={"title": item.title, "body": item.body, "base_revision": latest},
    )
    conflict = None
    preview_html = None
    if request.method == "POST" and allowed and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview_html = render_wiki(data["body"], community)
        else:
            try:
                saved = wiki_page_edit(
                    actor=request.user,
                    item=item,
                    title=data["title"],
                    body=data["body"],
                    summary=data["summary"],
                    base_revision=data["base_revision"],
                )
            except ConflictError as exc:
                conflict = _conflict(item, exc)
                # The member's text stays in the form; the next save builds on the latest.
                form = WikiPageForm({**request.POST.dict(), "base_revision": exc.latest.number})
                form.is_valid()
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if saved.state == WikiRevision.State.SUGGESTED:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your suggested edit is awaiting review: the page "
                            "changes once a reviewer approves it."
                        ),
                    )
                    return redirect("wiki:suggestion", item.pk, saved.pk)
                messages.success(request, "Saved. Thank you for improving the wiki!")
                return redirect(item.get_absolute_url())
    return render(
        request,
        "wiki/page_form.html",
        {
            "form": form,
            "item": item,
            "community": community,
            "creating": False,
            "allowed": allowed,
            "will_be_suggested": allowed and bool(suggestion_held(actor=request.user, item=item)),
            "editors": wiki_editors(community),
            "conflict": conflict,
            "preview_html": preview_html,
            "nav": "communities",
        },
        status=200 if allowed else 403,
    )


def _conflict(item, exc: ConflictError) -> dict:
    base = WikiRevision.objects.filter(item=item, number=exc.base).first()
    latest = exc.latest
    rows = line_diff(base.body if base else "", latest.body)
    added, removed = stats(rows)
    return {
        "base": base,
        "latest": latest,
        "rows": rows,
        "added": added,
        "removed": removed,
        "title_changed": base is not None and base.title != latest.title,
        "old_label": f"Your starting point (revision {exc.base})",
        "new_label": f"Now (revision {latest.number})",
        "others": WikiRevision.objects.filter(item=item, number__gt=exc.base)
        .select_related("author")
        .defer("body")
        .order_by("number"),
    }


def wiki_history(request, pk: int):
    item = wiki_page_get(viewer=request.user, pk=pk)
    revisions = list(wiki_revisions(item=item))
    return render(
        request,
        "wiki/history.html",
        {
            "item": item,
            "revisions": revisions,
            "can_edit": can_edit_wiki(request.user, item.community),
            "nav": "communities",
        },
    )


def wiki_revision(request, pk: int, number: int):
    item = wiki_page_get(viewer=request.user, pk=pk)
    revision = wiki_revision_get(item=item, number=number)
    return render(
        request,
        "wiki/revision.html",
        {
            "item": item,
            "revision": revision,
            "latest": item.wiki_page.revision,
            "body_html": render_wiki(revision.body, item.community),
            "can_edit": can_edit_wiki(request.user, item.community),
            "nav": "communities",
        },
    )


def wiki_diff(request, pk: int):
    item = wiki_page_get(viewer=request.user, pk=pk)
    latest = item.wiki_page.revision
    diff = wiki_diff_of(
        item=item, from_number=request.GET.get("from"), to_number=request.GET.get("to")
    )
    old, new = diff.old, diff.new
    return render(
        request,
        "wiki/diff.html",
        {
            "item": item,
            "old": old,
            "new": new,
            "rows": diff.rows,
            "added": diff.added,
            "removed": diff.removed,
            "old_label": f"Revision {old.number}",
            "new_label": f"Revision {new.number}",
            "latest": latest,
            "numbers": list(range(latest, 0, -1)),
            "can_edit": can_edit_wiki(request.user, item.community),
            "nav": "communities",
        },
    )


def wiki_revert(request, pk: int, number: int):
    item = wiki_page_get(viewer=request.user, pk=pk)
    revision = wiki_revision_get(item=item, number=number)
    if not can_edit_wiki(request.user, item.community):
        raise Http404("No such page.")
    if request.method == "POST":
        try:
            new = wiki_page_revert(actor=request.user, item=item, revision=revision.number)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("wiki:history", item.pk)
        if new.state == WikiRevision.State.SUGGESTED:
            messages.success(
                request, _("Your suggested revert is awaiting review: the page is unchanged.")
            )
            return redirect("wiki:suggestion", item.pk, new.pk)
        messages.success(
            request, f"Reverted to revision {revision.number} (saved as revision {new.number})."
        )
        return redirect(item.get_absolute_url())
    return render(
        request,
        "wiki/revert_confirm.html",
        {"item": item, "revision": revision, "latest": item.wiki_page.revision},
    )


def wiki_suggestion(request, pk: int, suggestion: int):
    """A suggested edit with its diff against the page's current text: for its author and the
    community's reviewers (404 for anyone else)."""
    item = wiki_page_get(viewer=request.user, pk=pk)
    revision, review = wiki_suggestion_get(viewer=request.user, item=item, pk=suggestion)
    rows, added, removed = suggestion_diff_rows(revision, item)
    return render(
        request,
        "wiki/suggestion.html",
        {
            "item": item,
            "revision": revision,
            "review": review,
            "current": item,
            "rows": rows,
            "added": added,
            "removed": removed,
            "caption": _("Suggested changes, line by line"),
            "old_label": _("Now"),
            "new_label": _("Suggested"),
            "reasons": REJECT_REASONS,
            "moved_on": revision.state == WikiRevision.State.SUGGESTED
            and revision.base_number != item.wiki_page.revision,
            "nav": "communities",
        },
    )
