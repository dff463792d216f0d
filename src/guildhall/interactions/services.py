from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from guildhall.communities.permissions import can_post_in_community, check_view_community
from guildhall.content.models import ContentItem
from guildhall.content.permissions import can_view_item, check_comment_on_item, check_view_item
from guildhall.core.events import record
from guildhall.core.exceptions import ValidationError
from guildhall.core.generations import move_on_generations
from guildhall.core.markdown import render_markdown
from guildhall.core.ratelimit import check_write_rate
from guildhall.interactions.markup import linked_item_ids, mentioned_usernames
from guildhall.interactions.models import (
    Backlink,
    Comment,
    ExpertPick,
    Favourite,
    Mention,
    Rating,
    Share,
)
from guildhall.interactions.permissions import (
    check_delete_comment,
    check_edit_comment,
    check_favourite_item,
    check_pick_item,
    check_rate_item,
    check_share_item,
)
from guildhall.notifications.services import notify

MAX_COMMENT = 20_000


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Write something before posting your comment."})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"body": f"Keep comments under {MAX_COMMENT:,} characters."})
    return body


@transaction.atomic
def comment_create(
    *, actor, item: ContentItem, body: str, parent: Comment | None = None
) -> Comment:
    check_comment_on_item(actor, item)
    check_write_rate(actor)
    body = _clean_body(body)
    replied_to = parent
    if parent is not None:
        if parent.item_id != item.pk:
            raise ValidationError({"parent": "That comment belongs to another item."})
        # Threads stay one level deep: a reply to a reply joins the same thread.
        if parent.parent_id is not None:
            parent = parent.parent
    comment = Comment.objects.create(
        item=item, author=actor, parent=parent, body=body, body_html=render_markdown(body)
    )
    ContentItem.objects.filter(pk=item.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=timezone.now()
    )
    record(actor, "comment", item, community=item.community, data={"comment_id": comment.pk})
    data = {"comment_id": comment.pk}
    # A reply tells the author of the comment answered and the thread's starter (they differ
    # when a reply to a reply joined the top-level thread); the item's author hears once.
    reply_to = {c.author_id for c in (replied_to, parent) if c is not None}
    if reply_to:
        notify(recipient_ids=list(reply_to), verb="reply", actor=actor, item=item, data=data)
    if item.author_id not in reply_to:
        notify(recipient_ids=[item.author_id], verb="comment", actor=actor, item=item, data=data)
    # Members told of this comment already (reply, comment) are not told again of a mention.
    mentions_sync(actor=actor, item=item, comment=comment, already_told={*reply_to, item.author_id})
    return comment


@transaction.atomic
def comment_update(*, actor, comment: Comment, body: str) -> Comment:
    check_edit_comment(actor, comment)
    comment.body = _clean_body(body)
    comment.body_html = render_markdown(comment.body)
    comment.save(update_fields=["body", "body_html", "updated_at"])
    mentions_sync(actor=actor, item=comment.item, comment=comment)
    record(
        actor,
        "edit_comment",
        comment.item,
        community=comment.item.community,
        data={"comment_id": comment.pk},
    )
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: Comment) -> None:
    """Delete a comment; one with replies keeps its place as "deleted" so the thread reads."""
    check_delete_comment(actor, comment)
    item = comment.item
    record(actor, "delete_comment", item, community=item.community, data={"comment_id": comment.pk})
    if comment.replies.exists():
        comment.is_deleted = True
        comment.body = ""
        comment.body_html = ""
        comment.save(update_fields=["is_deleted", "body", "body_html", "updated_at"])
    else:
        comment.delete()
    ContentItem.objects.filter(pk=item.pk).update(comment_count=F("comment_count") - 1)


# ---------------------------------------------------------------------------------------------
# Engagement: ratings, favourites, recommendations and shares, mentions, expert picks, backlinks.

MAX_NOTE = 500


def _clean_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({field: f"Keep the note to {MAX_NOTE} characters at most."})
    return note


def _refresh_counters(item: ContentItem, *fields: str) -> None:
    fresh = ContentItem.objects.filter(pk=item.pk).values(*fields).first() or {}
    for field, value in fresh.items():
        setattr(item, field, value)


@transaction.atomic
def rating_set(*, actor, item: ContentItem, stars: int) -> Rating:
    """Rate an item 1 to 5 stars, or change one's rating; the item's sum and count stay exact."""
    check_rate_item(actor, item)
    check_write_rate(actor)
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise ValidationError({"stars": "Choose between 1 and 5 stars."})
    rating = Rating.objects.select_for_update().filter(item=item, user=actor).first()
    if rating is None:
        rating = Rating.objects.create(item=item, user=actor, stars=stars)
        ContentItem.objects.filter(pk=item.pk).update(
            rating_sum=F("rating_sum") + stars, rating_count=F("rating_count") + 1
        )
    elif rating.stars != stars:
        delta = stars - rating.stars
        rating.stars = stars
        rating.save(update_fields=["stars", "updated_at"])
        ContentItem.objects.filter(pk=item.pk).update(rating_sum=F("rating_sum") + delta)
    record(actor, "rate", item, community=item.community, data={"stars": stars})
    _refresh_counters(item, "rating_sum", "rating_count")
    return rating


@transaction.atomic
def rating_clear(*, actor, item: ContentItem) -> bool:
    """Remove one's rating; True when there was one."""
    check_rate_item(actor, item)
    rating = Rating.objects.select_for_update().filter(item=item, user=actor).first()
    if rating is None:
        return False
    rating.delete()
    ContentItem.objects.filter(pk=item.pk).update(
        rating_sum=F("rating_sum") - rating.stars, rating_count=F("rating_count") - 1
    )
    record(actor, "unrate", item, community=item.community, data={"stars": rating.stars})
    _refresh_counters(item, "rating_sum", "rating_count")
    return True


@transaction.atomic
def favourite_add(*, actor, item: ContentItem) -> bool:
    """Favourite an item; True when it was not a favourite yet."""
    check_favourite_item(actor, item)
    check_write_rate(actor)
    _, created = Favourite.objects.get_or_create(item=item, user=actor)
    if created:
        ContentItem.objects.filter(pk=item.pk).update(favourite_count=F("favourite_count") + 1)
        record(actor, "favourite", item, community=item.community)
    _refresh_counters(item, "favourite_count")
    return created


@transaction.atomic
def favourite_remove(*, actor, item: ContentItem) -> bool:
    """Take an item off one's favourites; an item one can no longer see answers 404."""
    check_view_item(actor, item)
    deleted, _ = Favourite.objects.filter(item=item, user=actor).delete()
    if deleted:
        ContentItem.objects.filter(pk=item.pk).update(favourite_count=F("favourite_count") - 1)
        record(actor, "unfavourite", item, community=item.community)
    _refresh_counters(item, "favourite_count")
    return bool(deleted)


@transaction.atomic
def favourite_toggle(*, actor, item: ContentItem) -> bool:
    """Favourite or un-favourite; True when the item is now a favourite."""
    if Favourite.objects.filter(item=item, user=actor).exists():
        favourite_remove(actor=actor, item=item)
        return False
    favourite_add(actor=actor, item=item)
    return True


@transaction.atomic
def item_recommend(*, actor, item: ContentItem, to_user, note: str = "") -> Share:
    """Recommend an item to a colleague, who is notified; only to someone who can see it."""
    check_share_item(actor, item)
    check_write_rate(actor)
    note = _clean_note(note)
    if to_user is None or not to_user.is_active:
        raise ValidationError({"to_user": "No such member."})
    if to_user.pk == actor.pk:
        raise ValidationError({"to_user": "Recommend it to a colleague, not to yourself."})
    if not can_view_item(to_user, item):
        raise ValidationError(
            {"to_user": f"{to_user.name} can't see this item, so it can't be recommended to them."}
        )
    share = Share.objects.create(item=item, actor=actor, to_user=to_user, note=note)
    record(actor, "recommend", item, community=item.community, data={"to_user": to_user.pk})
    notify(
        recipient_ids=[to_user.pk],
        verb="recommendation",
        actor=actor,
        item=item,
        data={"note": note[:200]},
    )
    return share


@transaction.atomic
def item_share_to_community(*, actor, item: ContentItem, community, note: str = "") -> Share:
    """Share an item into another community the actor belongs to. Visibility holds: an item
    from a private community is seen only by that community's members, so it is never shared
    elsewhere (not into a public community, nor into another private one whose members may not
    see it)."""
    check_share_item(actor, item)
    check_write_rate(actor)
    note = _clean_note(note)
    check_view_community(actor, community)
    if not can_post_in_community(actor, community):
        raise ValidationError({"to_community": "Join that community to share into it."})
    if item.community_id == community.pk:
        raise ValidationError({"to_community": "The item already belongs to that community."})
    if item.visibility != ContentItem.Visibility.COMPANY:
        raise ValidationError(
            {"to_community": "Items from a private community stay in that community."}
        )
    if Share.objects.filter(item=item, to_community=community).exists():
        raise ValidationError({"to_community": f"It is already shared in {community.name}."})
    share = Share.objects.create(item=item, actor=actor, to_community=community, note=note)
    record(actor, "share", item, community=community, data={"from": item.community_id})
    return share


def mentions_sync(
    *, actor, item: ContentItem, comment: Comment | None = None, already_told=()
) -> list[int]:
    """Record and notify the members an item's body (or a comment) mentions, once per place:
    only those who can see the item, never the author themself, and not those in
    `already_told` (notified of this comment otherwise). Returns the mentioned members' ids."""
    html = comment.body_html if comment is not None else item.body_html
    names = mentioned_usernames(html)
    if not names or item.status != ContentItem.Status.PUBLISHED:
        return []
    User = get_user_model()
    people = list(User.objects.filter(username__in=names, is_active=True).exclude(pk=actor.pk))
    already = set(
        Mention.objects.filter(item=item, comment=comment, user__in=people).values_list(
            "user_id", flat=True
        )
    )
    fresh = [p for p in people if p.pk not in already and can_view_item(p, item)]
    if not fresh:
        return []
    Mention.objects.bulk_create(
        [Mention(item=item, comment=comment, user=p, actor=actor) for p in fresh],
        ignore_conflicts=True,
    )
    data = {"comment_id": comment.pk} if comment is not None else {}
    record(
        actor,
        "mention",
        item,
        community=item.community,
        data={**data, "usernames": [p.username for p in fresh]},
    )
    notify(
        recipient_ids=[p.pk for p in fresh if p.pk not in set(already_told)],
        verb="mention",
        actor=actor,
        item=item,
        data=data,
    )
    return [p.pk for p in fresh]


def backlinks_sync(*, item: ContentItem) -> None:
    """Keep the item's outgoing Backlink rows equal to the items its body links to now."""
    wanted = linked_item_ids(item.body_html) - {item.pk}
    if wanted:
        wanted = set(ContentItem.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    current = set(Backlink.objects.filter(source=item).values_list("target_id", flat=True))
    if current != wanted:  # the targets' pages show who links to them (selectors.engagement_for)
        move_on_generations([("item", pk) for pk in current ^ wanted])
    if current - wanted:
        Backlink.objects.filter(source=item, target_id__in=current - wanted).delete()
    if wanted - current:
        Backlink.objects.bulk_create(
            [Backlink(source=item, target_id=pk) for pk in wanted - current],
            ignore_conflicts=True,
        )


def on_item_saved(*, actor, item: ContentItem, created: bool) -> None:
    """content.hooks: every item create and update (inside its transaction)."""
    backlinks_sync(item=item)
    mentions_sync(actor=actor, item=item)


def _touch(item: ContentItem) -> None:
    """Bump updated_at so cached cards (keyed by it) show the pick badge change."""
    now = timezone.now()
    ContentItem.objects.filter(pk=item.pk).update(updated_at=now)
    item.updated_at = now


@transaction.atomic
def expert_pick_set(*, actor, item: ContentItem, note: str = "") -> ExpertPick:
    """Mark an item an expert pick (or change the note); the author hears of a new pick."""
    check_pick_item(actor, item)
    check_write_rate(actor)
    note = _clean_note(note)
    pick = ExpertPick.objects.select_for_update().filter(item=item).first()
    if pick is not None:
        pick.note = note
        pick.save(update_fields=["note"])
        return pick
    pick = ExpertPick.objects.create(item=item, picked_by=actor, note=note)
    _touch(item)
    record(actor, "expert_pick", item, community=item.community, data={"note": note[:200]})
    notify(recipient_ids=[item.author_id], verb="expert_pick", actor=actor, item=item)
    return pick


@transaction.atomic
def expert_pick_remove(*, actor, item: ContentItem) -> bool:
    check_pick_item(actor, item)
    deleted, _ = ExpertPick.objects.filter(item=item).delete()
    if deleted:
        _touch(item)
        record(actor, "expert_unpick", item, community=item.community)
    return bool(deleted)
