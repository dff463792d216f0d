from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from guildhall.communities.selectors import community_get, memberships_of
from guildhall.content import kinds
from guildhall.content.contributions import contributions
from guildhall.content.forms import ItemDeleteForm, ItemForm
from guildhall.content.permissions import can_comment_on_item, can_delete_item, can_edit_item
from guildhall.content.selectors import content_item_for_page, content_item_get, drafts_of
from guildhall.content.services import (
    content_item_delete,
    content_item_publish,
    content_item_update,
    content_item_view,
    item_create_of_kind,
)
from guildhall.core.markdown import render_markdown
from guildhall.core.views_support import add_service_errors, form_data


def _my_communities(user):
    return [m.community for m in memberships_of(viewer=user, member=user)]


def _kind_create_url(kind, community_slug: str) -> str:
    url = reverse(kind.create_url)
    return f"{url}?community={community_slug}" if community_slug else url


def _preview(request, form):
    """The rendered body when the writer pressed Preview (works without JavaScript)."""
    if request.POST.get("action") == "preview" and form.is_valid():
        return render_markdown(form.cleaned_data["body"])
    return None


def item_create(request):
    wanted = kinds.get(request.GET.get("kind", ""))
    if request.method == "GET" and wanted is None:
        return render(
            request,
            "content/choose_kind.html",
            {"kinds": kinds.all_kinds(), "community": request.GET.get("community", "")},
        )
    if wanted is not None and wanted.create_url:
        return redirect(_kind_create_url(wanted, request.GET.get("community", "")))
    communities = _my_communities(request.user)
    initial = {"kind": request.GET.get("kind", "post"), "community": request.GET.get("community")}
    form = ItemForm(form_data(request), communities=communities, initial=initial)
    preview_html = _preview(request, form)
    if request.method == "POST" and preview_html is None and form.is_valid():
        data = form.cleaned_data
        try:
            community = (
                community_get(viewer=request.user, slug=data["community"])
                if data["community"]
                else None
            )
            item = item_create_of_kind(
                actor=request.user,
                kind=data["kind"],
                community=community,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                publish=request.POST.get("action") != "draft",
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if item.is_published:
                messages.success(request, "Published. Your colleagues can see it now.")
            else:
                messages.info(request, "Saved as a draft. Only you can see it.")
            return redirect(item.get_absolute_url())
    return render(
        request,
        "content/item_form.html",
        {
            "form": form,
            "preview_html": preview_html,
            "kinds": kinds.all_kinds(),
            "creating": True,
            "no_communities": not communities,
        },
    )


def item_detail(request, pk: int, slug: str = ""):
    item = content_item_for_page(viewer=request.user, pk=pk)
    if slug != item.slug and item.slug:
        return redirect(item.get_absolute_url(), permanent=False)
    content_item_view(actor=request.user, item=item)
    kind = kinds.get(item.kind)
    kind_context = kind.detail_context(request, item) if kind and kind.detail_context else {}
    return render(
        request,
        "content/item_detail.html",
        {
            **kind_context,
            # Comments and engagement ("threads", "replying_to", "engagement"): interactions.
            **contributions.call("item_page_context", default={}, request=request, item=item),
            "quality_panel": contributions.call(
                "item_quality_panel", default="", request=request, item=item
            ),
            "item": item,
            "kind": kind,
            "can_comment": can_comment_on_item(request.user, item),
            "can_edit": can_edit_item(request.user, item),
            "can_delete": can_delete_item(request.user, item),
        },
    )


def item_edit(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    spec = kinds.get(item.kind)
    if spec is not None and spec.edit_url:  # the kind edits on its own page (wiki revisions)
        return redirect(spec.edit_url, item.pk)
    if not can_edit_item(request.user, item):
        raise Http404("No such item.")
    initial = {
        "title": item.title,
        "body": item.body,
        "tags": " ".join(t.slug for t in item.tags.all()),
    }
    form = ItemForm(form_data(request), initial=initial, editing=True)
    preview_html = _preview(request, form)
    if request.method == "POST" and preview_html is None and form.is_valid():
        data = form.cleaned_data
        try:
            content_item_update(
                actor=request.user,
                item=item,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
            )
            if request.POST.get("action") == "publish" and not item.is_published:
                content_item_publish(actor=request.user, item=item)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect(item.get_absolute_url())
    return render(
        request,
        "content/item_form.html",
        {"form": form, "item": item, "preview_html": preview_html, "creating": False},
    )


@require_POST
def item_publish(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    try:
        content_item_publish(actor=request.user, item=item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Published. Your colleagues can see it now.")
    return redirect(item.get_absolute_url())


def item_delete(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    if not can_delete_item(request.user, item):
        raise Http404("No such item.")
    someone_elses = item.author_id != request.user.pk
    form = ItemDeleteForm(form_data(request)) if someone_elses else None
    if request.method == "POST" and (form is None or form.is_valid()):
        back = (
            reverse("communities:detail", args=[item.community.slug])
            if item.community
            else reverse("people:blog", args=[item.author.username])
        )
        reason = form.cleaned_data["reason"] if form else ""
        try:
            content_item_delete(actor=request.user, item=item, reason=reason)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"“{item.title}” was deleted.")
            return redirect(back)
    status = 422 if form is not None and form.errors else 200
    return render(
        request, "content/item_confirm_delete.html", {"item": item, "form": form}, status=status
    )


def drafts(request):
    return render(
        request, "content/drafts.html", {"items": drafts_of(viewer=request.user), "nav": "home"}
    )


@require_POST
def preview(request):
    """htmx: the Markdown preview beside the editor."""
    return render(
        request,
        "content/partials/preview.html",
        {"preview_html": render_markdown(request.POST.get("body", ""))},
    )
