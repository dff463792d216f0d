from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from guildhall.communities.models import Membership
from guildhall.communities.selectors import community_get, memberships_of
from guildhall.core.exceptions import PermissionDenied
from guildhall.core.pagination import paginate_feed
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.news.forms import AnnouncementForm
from guildhall.news.selectors import latest_news, news_archive
from guildhall.news.services import announcement_create


def news_list(request):
    scope = "company" if request.GET.get("scope") == "company" else ""
    page = paginate_feed(news_archive(viewer=request.user, scope=scope), request.GET.get("page"))
    now = timezone.now()
    for item in page.items:
        item.is_current = item.news.is_pinned and (
            item.news.expires_at is None or item.news.expires_at > now
        )
    return render(
        request,
        "news/list.html",
        {
            "page": page,
            "scope": scope,
            "current": latest_news(request.user),
            "can_post": bool(_postable_communities(request.user)) or request.user.is_staff,
            "nav": "news",
        },
    )


def _postable_communities(user):
    memberships = memberships_of(viewer=user, member=user)
    if not user.is_staff:
        memberships = memberships.filter(role=Membership.Role.MANAGER)
    return [m.community for m in memberships]


def announcement_new(request):
    communities = _postable_communities(request.user)
    if not communities and not request.user.is_staff:
        raise PermissionDenied("Only community managers and administrators post news.")
    initial = {"community": request.GET.get("community", "")}
    form = AnnouncementForm(
        form_data(request),
        initial=initial,
        communities=communities,
        company_wide=request.user.is_staff,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            community = (
                community_get(viewer=request.user, slug=data["community"])
                if data["community"]
                else None
            )
            expires = data["expires_at"]
            item = announcement_create(
                actor=request.user,
                community=community,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                data={"expires_at": expires.isoformat() if expires else None},
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your announcement is published.")
            return redirect(item.get_absolute_url())
    return render(request, "news/form.html", {"form": form, "nav": "news"})
