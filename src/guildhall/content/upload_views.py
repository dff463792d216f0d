"""The upload page that kinds with a file (episodes, documents) share: form, service, redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from guildhall.communities.selectors import community_get, memberships_of
from guildhall.core.views_support import add_service_errors


def upload_item_page(request, *, form_class, create, template: str, success: str, max_mb: int):
    """Show `form_class`; on a valid POST call the kind's `create` service and go to the item.

    The service checks the file; its errors appear on the form and nothing is saved."""
    communities = [m.community for m in memberships_of(viewer=request.user, member=request.user)]
    bound = request.method == "POST"
    form = form_class(
        request.POST if bound else None,
        request.FILES if bound else None,
        communities=communities,
        initial={"community": request.GET.get("community", "")},
    )
    if bound and form.is_valid():
        data = form.cleaned_data
        try:
            item = create(
                actor=request.user,
                community=community_get(viewer=request.user, slug=data["community"]),
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                file=data["file"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(item.get_absolute_url())
    context = {"form": form, "no_communities": not communities, "max_mb": max_mb}
    return render(request, template, context)
