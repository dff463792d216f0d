"""Demo engagement (see demo/extensions.py): ratings on about 40% of items (mostly 3 to 5 stars),
favourites, recommendations with notes, shares into neighbouring communities, expert picks by
the communities' experts and managers, and a few comments that @mention a colleague.

Everything goes through the interactions services (counters, events and notifications as in
real use), chosen so that each act is allowed: raters and fans can see the item, picks come
from the item's community's experts, shares only of company-visible items into communities the
sharer belongs to. Then the rows, their events and notifications are backdated to a moment
between the item's publication and now (comments through the loader's own backdating).
"""

from datetime import datetime, timedelta

from django.db.models import Q

from guildhall.content.models import ContentItem
from guildhall.core.models import Event
from guildhall.interactions.models import ExpertPick, Favourite, Mention, Rating, Share
from guildhall.interactions.services import (
    comment_create,
    expert_pick_set,
    favourite_add,
    item_recommend,
    item_share_to_community,
    rating_set,
)

STARS = [1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5]  # skewed towards 3 to 5, the odd 1 or 2
PICK_NOTES = [
    "The clearest explanation of this we have — start here if you are new to the topic.",
    "We used this on the last rollout and it saved us a week. Worth reading in full.",
    "Short and practical; the checklist at the end is what I send to new starters.",
    "Good discussion, and the comments add the edge cases the text leaves out.",
    "This is the approach we recommend across sites. Ask me if something doesn't fit yours.",
    "Read this before you change anything in the planning parameters.",
    "A great example of writing up a lesson learned: what happened, why, what we changed.",
    "Still accurate after the last process change — I checked the numbers.",
]
RECOMMEND_NOTES = [
    "Saw this and thought of your question last week.",
    "This covers the issue you raised in the team meeting — the second half especially.",
    "Worth ten minutes before our review on Thursday.",
    "You'll like the part about the supplier call.",
    "Useful background for the project you are starting.",
    "",
]
SHARE_NOTES = [
    "Relevant for us too — the same problem shows up on our side.",
    "Sharing from next door: their fix might work here.",
    "Good read for anyone planning the next quarter.",
    "",
]
MENTION_COMMENTS = [
    "@{who} — you solved something similar last year, didn't you?",
    "Looping in @{who}, who knows this process better than anyone.",
    "@{who} this is the write-up I mentioned on Tuesday.",
    "Would be good to hear how @{who} handles this at their site.",
]


def _between(loader, start: datetime | None) -> datetime:
    start = start or loader.ago(30)
    span = max((loader.now - start).total_seconds(), 3600)
    return start + timedelta(seconds=loader.rng.uniform(0.1, 0.95) * span)


def load(loader) -> str:
    rng = loader.rng
    first_event = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    by_community = {place.community.pk: place for place in loader.places}
    everyone = list(loader.people)
    items = list(
        ContentItem.objects.filter(status=ContentItem.Status.PUBLISHED)
        .select_related("community")
        .order_by("pk")
    )
    times: dict[tuple[str, int, int], datetime] = {}  # (verb, actor, item) → when

    def audience(item) -> list:
        """Who may see the item and act on it: its community's members (so they can also be
        picked by its experts), or anyone for a personal post."""
        place = by_community.get(item.community_id)
        people = place.people if place else everyone
        return [p for p in people if p.pk != item.author_id]

    def when_for(item) -> datetime:
        published = loader.item_dt.get(item.pk, (None, item.published_at))[1]
        return _between(loader, published or item.published_at)

    ratings = favourites = 0
    for item in items:
        crowd = audience(item)
        if not crowd:
            continue
        if rng.random() < 0.4:
            for person in rng.sample(crowd, k=min(len(crowd), rng.choice([1, 1, 2, 2, 3, 4]))):
                rating_set(actor=person.user, item=item, stars=rng.choice(STARS))
                times[("rate", person.pk, item.pk)] = when_for(item)
                ratings += 1
        if rng.random() < 0.2:
            for person in rng.sample(crowd, k=min(len(crowd), rng.choice([1, 1, 2]))):
                favourite_add(actor=person.user, item=item)
                times[("favourite", person.pk, item.pk)] = when_for(item)
                favourites += 1

    # Expert picks: the best-rated items of communities with experts, by those experts.
    picks = 0
    in_communities = [i for i in items if i.community_id in by_community]
    in_communities.sort(key=lambda i: -(i.rating_sum / i.rating_count if i.rating_count else 0))
    picked_per_place: dict[int, int] = {}
    for item in in_communities:
        if picks >= 15:
            break
        place = by_community[item.community_id]
        pickers = [p for p in place.experts + place.managers if p.pk != item.author_id]
        if not pickers or picked_per_place.get(place.community.pk, 0) >= 2:
            continue
        picker = rng.choice(pickers)
        expert_pick_set(actor=picker.user, item=item, note=rng.choice(PICK_NOTES))
        when = when_for(item)
        times[("expert_pick", picker.pk, item.pk)] = when
        loader.notification_dt[("expert_pick", item.pk, item.author_id)] = when
        picked_per_place[place.community.pk] = picked_per_place.get(place.community.pk, 0) + 1
        picks += 1

    # Recommendations to colleagues who can see the item.
    recommendations = 0
    company_items = [i for i in items if i.visibility == ContentItem.Visibility.COMPANY]
    for item in rng.sample(company_items, k=min(12, len(company_items))):
        crowd = audience(item)
        if len(crowd) < 2:
            continue
        sender, receiver = rng.sample(crowd, k=2)
        item_recommend(
            actor=sender.user, item=item, to_user=receiver.user, note=rng.choice(RECOMMEND_NOTES)
        )
        when = when_for(item)
        times[("recommend", sender.pk, item.pk)] = when
        loader.notification_dt[("recommendation", item.pk, receiver.pk)] = when
        recommendations += 1

    # Shares into another community the sharer belongs to (company-visible items only).
    shares = 0
    member_of: dict[int, list] = {}
    for place in loader.places:
        for person in place.people:
            member_of.setdefault(person.pk, []).append(place)
    for item in rng.sample(company_items, k=min(40, len(company_items))):
        if shares >= 8:
            break
        crowd = audience(item)
        rng.shuffle(crowd)
        for person in crowd[:5]:
            targets = [
                p for p in member_of.get(person.pk, []) if p.community.pk != item.community_id
            ]
            if not targets:
                continue
            target = rng.choice(targets).community
            if Share.objects.filter(item=item, to_community=target).exists():
                continue
            item_share_to_community(
                actor=person.user, item=item, community=target, note=rng.choice(SHARE_NOTES)
            )
            times[("share", person.pk, item.pk)] = when_for(item)
            shares += 1
            break

    # A few new comments that @mention a colleague of the same community.
    mentions = 0
    discussed = [i for i in in_communities if i.comment_count]
    for item in rng.sample(discussed, k=min(10, len(discussed))):
        place = by_community[item.community_id]
        if len(place.people) < 3:
            continue
        writer, named = rng.sample(place.people, k=2)
        text = rng.choice(MENTION_COMMENTS).format(who=named.plan.username)
        comment = comment_create(actor=writer.user, item=item, body=text)
        when = _between(loader, loader.item_last.get(item.pk) or item.published_at)
        loader.comment_dt[comment.pk] = when
        loader.item_last[item.pk] = max(loader.item_last.get(item.pk, when), when)
        mentions += 1

    # Mentions in items' text notify when the item was published.
    for item_id, user_id in Mention.objects.filter(comment__isnull=True).values_list(
        "item_id", "user_id"
    ):
        published = (loader.item_dt.get(item_id) or (None, None))[1]
        if published is not None:
            loader.notification_dt[("mention", item_id, user_id)] = published
    _backdate(loader, times, first_event)
    return (
        f"{ratings} ratings, {favourites} favourites, {picks} expert picks, "
        f"{recommendations} recommendations, {shares} shares, {mentions} comments with mentions"
    )


def _backdate(loader, times, first_event: int) -> None:
    """Move the rows and their events to when the acts happened (the comments' events follow
    the loader's own backdating of comments)."""

    def rows(model, actor_field: str, verb: str, extra: Q | None = None):
        found = []
        for pk, actor_id, item_id in model.objects.filter(extra or Q()).values_list(
            "pk", actor_field, "item_id"
        ):
            when = times.get((verb, actor_id, item_id))
            if when is not None:
                found.append((pk, when))
        return found

    rated = rows(Rating, "user_id", "rate")
    loader._set_times(Rating, ["created_at", "updated_at"], [(pk, w, w) for pk, w in rated])
    loader._set_times(Favourite, ["created_at"], rows(Favourite, "user_id", "favourite"))
    loader._set_times(ExpertPick, ["created_at"], rows(ExpertPick, "picked_by_id", "expert_pick"))
    shared = rows(Share, "actor_id", "share", Q(to_community__isnull=False))
    recommended = rows(Share, "actor_id", "recommend", Q(to_user__isnull=False))
    loader._set_times(Share, ["created_at"], shared + recommended)
    events = []
    verbs = ["rate", "favourite", "expert_pick", "recommend", "share"]
    # Mentions: also those in the loader's own comments, written before this step.
    found = Event.objects.filter(Q(pk__gt=first_event, verb__in=verbs) | Q(verb="mention"))
    for pk, verb, actor_id, item_id, data in found.values_list(
        "pk", "verb", "actor_id", "target_id", "data"
    ):
        if verb == "mention" and (data or {}).get("comment_id"):
            when = loader.comment_dt.get(data["comment_id"])
        elif verb == "mention":  # in an item's text: when it was published
            when = (loader.item_dt.get(item_id) or (None, None))[1]
        else:
            when = times.get((verb, actor_id, item_id))
        if when is not None:
            events.append((pk, when))
    loader._set_times(Event, ["created_at"], events)
