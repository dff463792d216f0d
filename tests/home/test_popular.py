"""What's popular: time-decayed engagement from the rollup, 7 and 30 days, visibility."""

from datetime import timedelta

import pytest

from guildhall.communities.services import membership_join
from guildhall.core.schedule import periodic_jobs
from guildhall.home.models import ItemTrend, MemberHelpfulness
from guildhall.home.selectors import whats_popular
from tests.conftest import login
from tests.factories import make_community, make_item
from tests.home.conftest import act, crowd, events_of


def titles(items):
    return [i.title for i in items]


def test_fresh_engagement_beats_more_older_engagement(rollup, member, expert, community):
    older = make_item(expert, community=community, title="Older favourite")
    fresh = make_item(expert, community=community, title="Fresh tip")
    for fan in crowd(4):
        act(fan, "favourite", older, days_ago=5)  # 16 points, five days old
    for fan in crowd(2):
        act(fan, "favourite", fresh)  # 8 points, today
    rollup()
    assert titles(whats_popular(viewer=member)) == ["Fresh tip", "Older favourite"]


def test_thirty_day_tab_keeps_last_months_hits(rollup, member, expert, community):
    month_old = make_item(expert, community=community, title="Last month's hit")
    this_week = make_item(expert, community=community, title="This week")
    for fan in crowd(10):
        act(fan, "view", month_old, days_ago=15)
    for fan in crowd(2):
        act(fan, "view", this_week, days_ago=1)
    rollup()
    assert titles(whats_popular(viewer=member, days=7)) == ["This week"]
    assert titles(whats_popular(viewer=member, days=30)) == ["Last month's hit", "This week"]


def test_every_kind_of_engagement_counts_and_picks_weigh_most(rollup, member, expert, community):
    picked = make_item(member, community=community, title="Picked")
    viewed = make_item(member, community=community, title="Viewed")
    act(expert, "expert_pick", picked)
    for fan in crowd(3):
        act(fan, "view", viewed)  # 3 points against a listen's 2
    listened = make_item(member, community=community, title="Listened")
    act(expert, "listen", listened)
    rollup()
    assert titles(whats_popular(viewer=expert)) == ["Picked", "Viewed", "Listened"]
    assert whats_popular(viewer=expert)[0].trend_score > 0


def test_a_member_counts_once_per_item_act_and_day(rollup, member, expert, community):
    looped = make_item(expert, community=community, title="Favourited in a loop")
    liked = make_item(expert, community=community, title="Liked by two")
    act(member, "favourite", looped, times=10)
    act(member, "favourite", looped, days_ago=1)  # another day counts again, decayed
    for fan in crowd(2):
        act(fan, "favourite", liked)
    rollup()
    scores = {i.title: i.trend_score for i in whats_popular(viewer=member)}
    assert list(scores) == ["Liked by two", "Favourited in a loop"]
    assert scores["Favourited in a loop"] > scores["Liked by two"] / 2


def test_scores_come_from_the_rollup_not_the_event_log(rollup, member, expert, community):
    item = make_item(expert, community=community, title="Rolled up")
    act(member, "comment", item)
    assert whats_popular(viewer=member) == []  # nothing until the rollup ran
    rollup()
    events_of(item).delete()
    assert titles(whats_popular(viewer=member)) == ["Rolled up"]
    assert ItemTrend.objects.filter(item=item, window=7).exists()


def test_the_rollup_is_a_registered_hourly_job(member, expert, community):
    job = {job.name: job for job in periodic_jobs()}["home.rollup"]
    assert job.every == timedelta(hours=1)
    item = make_item(expert, community=community, title="Queued")
    act(member, "favourite", item)
    job.task.enqueue()  # what `guildhall worker` does when the slot is due (immediate in tests)
    assert ItemTrend.objects.filter(item=item, window=7).exists()
    assert not MemberHelpfulness.objects.exists()  # a favourite is no helpfulness


def test_private_items_never_trend_for_outsiders(
    rollup, member, outsider, community_manager, private_community
):
    secret = make_item(community_manager, community=private_community, title="Secret")
    act(member, "favourite", secret, times=5)
    rollup()
    assert titles(whats_popular(viewer=member)) == ["Secret"]
    assert whats_popular(viewer=outsider) == []


def test_unpublished_and_limit_and_kind(rollup, member, expert, community):
    items = [make_item(expert, community=community, title=f"Item {n}") for n in range(4)]
    question = make_item(expert, community=community, kind="question", title="A question")
    for n, item in enumerate([*items, question]):
        act(member, "view", item, times=n + 1)
    draft = make_item(expert, community=community, title="Draft", publish=False)
    act(expert, "view", draft, times=50)
    rollup()
    assert len(whats_popular(viewer=member, limit=3)) == 3
    assert titles(whats_popular(viewer=member, kind="question")) == ["A question"]
    assert "Draft" not in titles(whats_popular(viewer=expert))


@pytest.mark.parametrize("size", [2, 12])
def test_popular_runs_in_fixed_queries(
    rollup, member, expert, community, size, django_assert_max_num_queries
):
    for n in range(size):
        act(member, "view", make_item(expert, community=community, tags=["pumps"]), times=n + 1)
    rollup()
    # The member's communities (then kept for them), the items, their tags.
    with django_assert_max_num_queries(4):
        items = whats_popular(viewer=member)
        [(i.author.name, i.community and i.community.name, list(i.tags.all())) for i in items]


def test_the_popular_section_is_shared_only_by_those_who_see_the_same_items(
    client, rollup, member, outsider, community_manager, private_community
):
    secret = make_item(community_manager, community=private_community, title="Secret dock plan")
    public = make_community(community_manager, name="Open Yard")
    membership_join(actor=outsider, community=public, accept_guidelines=True)
    open_item = make_item(community_manager, community=public, title="Yard safety walk")
    for item in (secret, open_item):
        act(member, "favourite", item, times=3)
    rollup()

    assert "Secret dock plan" in login(client, member).get("/").text  # fills the shared copy
    outsider_home = login(client, outsider).get("/").text
    assert "Yard safety walk" in outsider_home
    assert "Secret dock plan" not in outsider_home
    assert "Secret dock plan" in login(client, community_manager).get("/").text
