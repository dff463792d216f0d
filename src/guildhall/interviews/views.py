from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.views.decorators.http import require_POST

from guildhall.communities.selectors import community_get, memberships_of
from guildhall.content.cards import attach_cards, card_rows
from guildhall.core.feed_tokens import feed_token_user
from guildhall.core.pagination import paginate_feed
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.interviews.forms import InterviewForm
from guildhall.interviews.selectors import (
    LEADERSHIP_FEED_SALT,
    leadership_feed_items,
    leadership_feed_url,
    leadership_posts,
)
from guildhall.interviews.services import interview_create
from guildhall.people.permissions import can_set_leader
from guildhall.people.selectors import leaders_list, person_get
from guildhall.people.services import profile_leader_set


def interview_new(request):
    communities = [m.community for m in memberships_of(viewer=request.user, member=request.user)]
    initial = {
        "community": request.GET.get("community", ""),
        "featured_member": request.GET.get("member", ""),
    }
    form = InterviewForm(form_data(request), initial=initial, communities=communities)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            community = (
                community_get(viewer=request.user, slug=data["community"])
                if data["community"]
                else None
            )
            item = interview_create(
                actor=request.user,
                community=community,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                data={"featured_member": data["featured_member"]},
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your interview is published.")
            return redirect(item.get_absolute_url())
    return render(request, "interviews/form.html", {"form": form, "nav": "people"})


def leadership(request):
    page = paginate_feed(card_rows(leadership_posts(viewer=request.user)), request.GET.get("page"))
    page.items = attach_cards(page.items)
    feed_url = leadership_feed_url(viewer=request.user)
    return render(
        request,
        "interviews/leadership.html",
        {
            "page": page,
            "leaders": leaders_list(viewer=request.user),
            "feed_url": request.build_absolute_uri(feed_url),
            "nav": "leadership",
        },
    )


class LeadershipFeed(Feed):
    """RSS of the leadership blog: only company-wide posts (none from private communities),
    for a signed-in member or a feed reader with a member's secret token (else 404)."""

    feed_type = Rss201rev2Feed
    title = "Harbourline leadership blog"
    description = "Posts from the company's leaders on Guildhall."
    login_required = False  # feed readers have no session: the token stands for one

    def get_object(self, request, *args, **kwargs):
        """Who reads (the one instance serves every request, so it keeps nothing itself)."""
        reader = request.user if request.user.is_authenticated else None
        reader = reader or feed_token_user(request.GET.get("token", ""), salt=LEADERSHIP_FEED_SALT)
        if reader is None:
            raise Http404
        return reader

    def link(self):
        return reverse("interviews:leadership")

    def items(self, reader):
        return leadership_feed_items(viewer=reader)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html  # sanitised when saved

    def item_link(self, item):
        return item.get_absolute_url()

    def item_author_name(self, item):
        return item.author.name

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"guildhall-item-{item.pk}"

    item_guid_is_permalink = False


@require_POST
def leader_set(request, username: str):
    """Staff only: mark a member as a leader (or not), from their profile page."""
    person = person_get(viewer=request.user, username=username)
    if not can_set_leader(request.user):
        raise Http404("No such page.")
    is_leader = request.POST.get("is_leader") == "1"
    profile_leader_set(actor=request.user, member=person, is_leader=is_leader)
    if is_leader:
        messages.success(
            request, f"{person.name} is now a leader: their posts join the leadership blog."
        )
    else:
        messages.success(request, f"{person.name} is no longer listed as a leader.")
    return redirect("people:profile", person.username)
