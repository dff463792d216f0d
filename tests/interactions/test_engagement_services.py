"""Engagement services: ratings, favourites, recommendations and shares, mentions, expert picks,
backlinks. Counters are checked in the database; notifications after commit."""

import pytest
from django.http import Http404

from guildhall.communities.services import membership_leave
from guildhall.content.models import ContentItem
from guildhall.content.services import content_item_update
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.interactions import permissions, selectors, services
from guildhall.interactions.models import Backlink, ExpertPick, Favourite, Mention, Rating, Share
from guildhall.notifications.models import Notification
from tests.factories import add_member, make_comment, make_community, make_item, make_member


@pytest.fixture
def item(expert, community):
    """Eric's discussion in the public community."""
    return make_item(expert, community=community, kind="discussion", title="Cycle counting")


@pytest.fixture
def secret(community_manager, private_community):
    """Carla's post in the private community (Mia is a member, Olaf is not)."""
    return make_item(community_manager, community=private_community, title="Outage review")


def fresh(item) -> ContentItem:
    return ContentItem.objects.get(pk=item.pk)


def notes(**filters) -> list[tuple[str, str]]:
    return sorted((n.recipient.username, n.verb) for n in Notification.objects.filter(**filters))


def events(verb: str) -> int:
    return Event.objects.filter(verb=verb).count()


# --- ratings -------------------------------------------------------------------------------------


def test_rating_set_change_and_clear_keep_counters_exact(member, community_manager, item):
    services.rating_set(actor=member, item=item, stars=4)
    services.rating_set(actor=community_manager, item=item, stars=2)
    current = fresh(item)
    assert (current.rating_sum, current.rating_count) == (6, 2)

    services.rating_set(actor=member, item=item, stars=5)  # changed, not added
    current = fresh(item)
    assert (current.rating_sum, current.rating_count) == (7, 2)
    assert Rating.objects.get(item=item, user=member).stars == 5

    assert services.rating_clear(actor=member, item=item) is True
    assert services.rating_clear(actor=member, item=item) is False
    current = fresh(item)
    assert (current.rating_sum, current.rating_count) == (2, 1)
    assert events("rate") == 3 and events("unrate") == 1


@pytest.mark.parametrize("stars", [0, 6, -1, "4", None, True])
def test_rating_outside_one_to_five_is_refused(member, item, stars):
    with pytest.raises(ValidationError):
        services.rating_set(actor=member, item=item, stars=stars)
    assert fresh(item).rating_count == 0


def test_author_cannot_rate_own_item(expert, item):
    assert not permissions.can_rate_item(expert, item)
    with pytest.raises(PermissionDenied):
        services.rating_set(actor=expert, item=item, stars=5)


def test_outsider_cannot_rate_private_item(outsider, member, secret):
    assert permissions.can_rate_item(member, secret)
    assert not permissions.can_rate_item(outsider, secret)
    with pytest.raises(Http404):
        services.rating_set(actor=outsider, item=secret, stars=3)


def test_draft_cannot_be_rated(member, expert, community):
    draft = make_item(expert, community=community, publish=False)
    with pytest.raises(Http404):
        services.rating_set(actor=member, item=draft, stars=3)


# --- favourites ----------------------------------------------------------------------------------


def test_favourite_toggle_counts_once(member, community_manager, item):
    assert services.favourite_toggle(actor=member, item=item) is True
    assert services.favourite_add(actor=member, item=item) is False  # again: no change
    services.favourite_add(actor=community_manager, item=item)
    assert fresh(item).favourite_count == 2

    assert services.favourite_toggle(actor=member, item=item) is False
    assert fresh(item).favourite_count == 1
    assert not Favourite.objects.filter(user=member).exists()
    assert events("favourite") == 2 and events("unfavourite") == 1


def test_favourites_filter_by_kind_and_hide_items_of_communities_left(
    member, expert, community, community_manager
):
    club = make_community(community_manager, name="Forklift club")
    add_member(club, member)
    post = make_item(expert, community=community, kind="post", title="A post")
    talk = make_item(community_manager, community=club, kind="discussion", title="A talk")
    for it in (post, talk):
        services.favourite_add(actor=member, item=it)

    assert [i.title for i in selectors.favourites_of(viewer=member)] == ["A talk", "A post"]
    assert [i.title for i in selectors.favourites_of(viewer=member, kind="post")] == ["A post"]


def test_favourite_in_a_private_community_left_disappears(member, secret):
    services.favourite_add(actor=member, item=secret)
    assert [i.pk for i in selectors.favourites_of(viewer=member)] == [secret.pk]
    membership_leave(actor=member, community=secret.community)
    assert list(selectors.favourites_of(viewer=member)) == []


def test_outsider_cannot_favourite_private_item(outsider, secret):
    with pytest.raises(Http404):
        services.favourite_add(actor=outsider, item=secret)


# --- recommendations and shares ------------------------------------------------------------------


def test_recommend_notifies_the_colleague_with_the_note(member, outsider, item, run_on_commit):
    with run_on_commit():
        share = services.item_recommend(
            actor=member, item=item, to_user=outsider, note="  Read the <b>second</b> part  "
        )
    share.refresh_from_db()
    assert share.to_user == outsider and share.note == "Read the <b>second</b> part"
    assert notes(verb="recommendation") == [("olaf", "recommendation")]
    assert Notification.objects.get(verb="recommendation").data["note"].startswith("Read")
    assert events("recommend") == 1


def test_recommend_to_someone_who_cannot_see_it_is_refused(member, outsider, secret, run_on_commit):
    with run_on_commit(), pytest.raises(ValidationError) as exc:
        services.item_recommend(actor=member, item=secret, to_user=outsider)
    assert "can't see this item" in str(exc.value)
    assert not Share.objects.exists() and not Notification.objects.exists()


def test_recommend_to_yourself_is_refused(member, item):
    with pytest.raises(ValidationError):
        services.item_recommend(actor=member, item=item, to_user=member)


def test_outsider_cannot_share_private_item(outsider, member, secret):
    with pytest.raises(Http404):
        services.item_recommend(actor=outsider, item=secret, to_user=member)


def test_share_into_another_community_shows_there(member, expert, community_manager, item):
    club = make_community(community_manager, name="Forklift club")
    add_member(club, member)
    share = services.item_share_to_community(
        actor=member, item=item, community=club, note="Useful for us"
    )
    assert share.to_community == club
    assert [s.item_id for s in selectors.shared_into(viewer=expert, community=club)] == [item.pk]
    assert Event.objects.get(verb="share").community_id == club.pk
    with pytest.raises(ValidationError):  # once per community
        services.item_share_to_community(actor=member, item=item, community=club)


def test_share_needs_membership_of_the_target(member, community_manager, item):
    club = make_community(community_manager, name="Forklift club")
    with pytest.raises(ValidationError):
        services.item_share_to_community(actor=member, item=item, community=club)


def test_share_into_the_items_own_community_is_refused(member, item, community):
    with pytest.raises(ValidationError):
        services.item_share_to_community(actor=member, item=item, community=community)


def test_private_item_is_never_shared_elsewhere(member, secret, community, community_manager):
    other_private = make_community(community_manager, name="Another secret", private=True)
    add_member(other_private, member)
    for target in (community, other_private):
        with pytest.raises(ValidationError, match="private community"):
            services.item_share_to_community(actor=member, item=secret, community=target)
    assert not Share.objects.exists()


def test_shared_into_hides_items_the_viewer_cannot_see(member, outsider, community_manager):
    club = make_community(community_manager, name="Forklift club")
    add_member(club, member)
    post = make_item(member, title="Personal note")
    services.item_share_to_community(actor=member, item=post, community=club)
    assert len(selectors.shared_into(viewer=outsider, community=club)) == 1
    ContentItem.objects.filter(pk=post.pk).update(status=ContentItem.Status.REMOVED)
    assert selectors.shared_into(viewer=outsider, community=club) == []


# --- mentions ------------------------------------------------------------------------------------


def test_mention_in_item_notifies_once_not_again_on_edit(expert, member, item, run_on_commit):
    with run_on_commit():
        content_item_update(actor=expert, item=item, body="Ask @mia and @eric about it.")
    assert notes(verb="mention") == [("mia", "mention")]  # not the author themself
    assert Mention.objects.filter(item=item, comment=None).count() == 1
    with run_on_commit():
        content_item_update(actor=expert, item=item, body="Ask @mia, really.")
    assert notes(verb="mention") == [("mia", "mention")]
    assert events("mention") == 1


def test_mention_of_someone_who_cannot_see_the_item_is_silent(
    member, outsider, private_community, run_on_commit
):
    with run_on_commit():
        secret = make_item(member, community=private_community, body="cc @olaf")
    assert not Notification.objects.filter(verb="mention").exists()
    assert not Mention.objects.filter(item=secret).exists()


def test_mention_inside_code_is_not_a_mention(expert, member, community, run_on_commit):
    with run_on_commit():
        item = make_item(
            expert, community=community, body="Run `@mia`\n\n    @mia\n\n```\n@mia\n```"
        )
    assert "/u/mia/" not in item.body_html
    assert not Notification.objects.filter(verb="mention").exists()


def test_mention_in_comment_notifies_and_links(
    expert, member, community_manager, item, run_on_commit
):
    with run_on_commit():
        comment = make_comment(member, item, "What do you think, @carla?")
    assert '<a href="/u/carla/"' in comment.body_html
    assert notes(verb="mention") == [("carla", "mention")]
    note = Notification.objects.get(verb="mention")
    assert note.data == {"comment_id": comment.pk}
    with run_on_commit():
        services.comment_update(actor=member, comment=comment, body="Still, @carla?")
    assert Notification.objects.filter(verb="mention").count() == 1


def test_comment_mentioning_the_item_author_notifies_once(expert, member, item, run_on_commit):
    with run_on_commit():
        make_comment(member, item, "@eric thanks!")
    assert notes() == [("eric", "comment")]  # told of the comment; no second "mention"


def test_mention_of_unknown_or_inactive_member_is_plain_text(expert, member, community):
    member.is_active = False
    member.save()
    item = make_item(expert, community=community, body="Hi @mia and @nobody and me@mia.com")
    assert "<a" not in item.body_html


def test_mention_in_draft_notifies_nobody(expert, member, community, run_on_commit):
    with run_on_commit():
        make_item(expert, community=community, body="@mia", publish=False)
    assert not Notification.objects.exists()


# --- expert picks --------------------------------------------------------------------------------


def test_expert_and_manager_pick_member_cannot(expert, member, community_manager, community):
    item = make_item(member, community=community, title="Good one")
    assert permissions.can_pick_item(expert, item)
    assert permissions.can_pick_item(community_manager, item)
    assert not permissions.can_pick_item(member, item)
    with pytest.raises(PermissionDenied):
        services.expert_pick_set(actor=member, item=item, note="Mine")


def test_staff_may_pick(staff, member, community):
    item = make_item(member, community=community)
    assert permissions.can_pick_item(staff, item)


def test_personal_post_cannot_be_picked(staff, member):
    post = make_item(member, title="My blog")
    assert not permissions.can_pick_item(staff, post)
    with pytest.raises(PermissionDenied):
        services.expert_pick_set(actor=staff, item=post)


def test_outsider_gets_404_on_private_pick(outsider, secret):
    with pytest.raises(Http404):
        services.expert_pick_set(actor=outsider, item=secret)


def test_pick_notifies_author_and_touches_the_card(expert, member, community, run_on_commit):
    item = make_item(member, community=community, title="Good one")
    before = fresh(item).updated_at
    with run_on_commit():
        services.expert_pick_set(actor=expert, item=item, note="Read this first")
        services.expert_pick_set(actor=expert, item=item, note="Read this first!")  # note edit
    pick = ExpertPick.objects.get(item=item)
    assert pick.picked_by == expert and pick.note == "Read this first!"
    assert fresh(item).updated_at > before
    assert notes(verb="expert_pick") == [("mia", "expert_pick")]
    assert events("expert_pick") == 1

    assert services.expert_pick_remove(actor=expert, item=item) is True
    assert not ExpertPick.objects.exists() and events("expert_unpick") == 1


def test_picks_listed_per_community(expert, member, community, outsider):
    a = make_item(member, community=community, title="A")
    make_item(member, community=community, title="B")
    services.expert_pick_set(actor=expert, item=a, note="Yes")
    assert [p.item_id for p in selectors.expert_picks_in(viewer=outsider, community=community)] == [
        a.pk
    ]


def test_pick_note_too_long_is_refused(expert, item):
    with pytest.raises(ValidationError):
        services.expert_pick_set(actor=expert, item=item, note="x" * 501)


# --- backlinks -----------------------------------------------------------------------------------


def test_backlinks_follow_edits(expert, member, community, item):
    other = make_item(expert, community=community, title="Other")
    source = make_item(
        member,
        community=community,
        body=f"See [it](/content/{item.pk}/) and [again](http://testserver/content/{other.pk}/other/)"
        " and [elsewhere](https://example.org/content/99/) and [self](/content/0/)",
    )
    assert set(Backlink.objects.filter(source=source).values_list("target_id", flat=True)) == {
        item.pk,
        other.pk,
    }
    content_item_update(actor=member, item=source, body=f"Only [this](/content/{other.pk}/)")
    assert list(Backlink.objects.filter(source=source).values_list("target_id", flat=True)) == [
        other.pk
    ]


def test_backlink_to_itself_or_missing_item_is_ignored(member):
    post = make_item(member, body="x")
    content_item_update(
        actor=member, item=post, body=f"[me](/content/{post.pk}/) [gone](/content/999999/)"
    )
    assert not Backlink.objects.exists()


def test_linked_from_hides_private_sources(member, outsider, community_manager, secret, community):
    target = make_item(community_manager, community=community, title="Public target")
    content_item_update(
        actor=community_manager, item=secret, body=f"Compare [this](/content/{target.pk}/)"
    )
    assert [s.pk for s in selectors.engagement_for(member, target)["linked_from"]] == [secret.pk]
    assert selectors.engagement_for(outsider, target)["linked_from"] == []


# --- the item page's engagement context ----------------------------------------------------------


def test_engagement_for_reports_the_viewers_state(member, expert, community_manager, item):
    services.rating_set(actor=member, item=item, stars=3)
    services.favourite_add(actor=member, item=item)
    services.expert_pick_set(actor=community_manager, item=item, note="Top")
    item.refresh_from_db()
    data = selectors.engagement_for(member, item)
    assert data["my_rating"] == 3 and data["is_favourite"] is True
    assert data["expert_pick"].note == "Top" and data["rating_average"] == 3.0
    assert data["can_rate"] and not data["can_pick"]
    other = selectors.engagement_for(make_member(), item)
    assert other["my_rating"] is None and other["is_favourite"] is False
