"""`guildhall demo`: a small organisation loaded through the services, and its refusal rules.

`transactional_db`: the loader commits for real, so notifications are delivered on commit and
then backdated, as in a real run.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.content.models import ContentItem
from guildhall.core.models import Event
from guildhall.home.models import ItemTrend, MemberHelpfulness
from guildhall.interactions.models import Comment
from guildhall.notifications.digests import members_due
from guildhall.notifications.models import Notification
from guildhall.people.models import Department, Profile
from tests.demo.test_demo_search import assert_demo_is_searchable
from tests.factories import make_member

pytestmark = pytest.mark.django_db(transaction=True)

MEMBERS = 40


def load(**options) -> str:
    out = StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def test_demo_loads_a_realistic_small_organisation(client):
    output = load(members=MEMBERS, seed=1)
    user_model = get_user_model()
    members = user_model.objects.filter(is_staff=False)
    assert members.count() == MEMBERS

    # Departments, each with a head; heads report to the CEO, everyone else to someone.
    departments = Department.objects.all()
    assert departments.count() >= 7
    assert all(d.head_id for d in departments)
    ceo = Profile.objects.get(title="Chief Executive Officer")
    assert ceo.manager is None
    heads = {d.head_id for d in departments} - {ceo.user_id}
    assert set(Profile.objects.filter(user_id__in=heads).values_list("manager_id", flat=True)) == {
        ceo.user_id
    }
    profiles = Profile.objects.filter(user__in=members).annotate(n_skills=Count("skill_levels"))
    assert profiles.count() == MEMBERS
    for profile in profiles:
        assert profile.title and profile.department_id and profile.location and profile.bio
        assert 2 <= profile.n_skills <= 5
        assert profile.manager_id or profile.user_id == ceo.user_id

    # Communities: horizontal and vertical, one private at least, managers and experts in each.
    communities = Community.objects.all()
    assert communities.count() >= 10
    assert {"horizontal", "vertical", "interest"} <= set(communities.values_list("kind", flat=True))
    assert communities.filter(visibility="private").exists()
    for community in communities:
        roles = set(community.memberships.values_list("role", flat=True))
        assert {Membership.Role.MANAGER, Membership.Role.EXPERT} <= roles, community.slug
        assert community.member_count == community.memberships.count()
        assert community.purpose and community.guidelines_html
    assert JoinRequest.objects.filter(status="pending").exists()

    # Items of both kinds, with comments, spread over the past months; a few drafts.
    published = ContentItem.objects.filter(status="published")
    assert published.filter(kind="post").count() >= 15
    assert published.filter(kind="discussion").count() >= 15
    assert published.filter(kind="post", community=None).exists()
    assert not published.filter(kind="discussion", community=None).exists()
    assert ContentItem.objects.filter(status="draft").exists()
    assert Comment.objects.count() >= 50
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert "lorem" not in " ".join(published.values_list("body", flat=True)).lower()
    month_ago = timezone.now() - timezone.timedelta(days=30)
    assert published.filter(published_at__lt=month_ago).count() > published.count() / 2
    # The private community's items are visible to its members only.
    assert not published.filter(community__visibility="private", visibility="company").exists()

    # The event log and notifications were backdated with what they record.
    first_comment = Comment.objects.order_by("created_at").first()
    event = Event.objects.get(verb="comment", data__comment_id=first_comment.pk)
    assert event.created_at == first_comment.created_at
    assert Notification.objects.exists()
    assert not Event.objects.filter(verb="publish", created_at__gt=timezone.now()).exists()
    # Downloads and listens are spread over the items' lives, not all today, and the home page's
    # rollup was filled from that history (what's popular and who's popular are not empty).
    week_ago = timezone.now() - timezone.timedelta(days=7)
    assert Event.objects.filter(verb__in=["download", "listen"], created_at__lt=week_ago).exists()
    assert set(ItemTrend.objects.values_list("window", flat=True)) == {7, 30}
    assert MemberHelpfulness.objects.filter(community=None).exists()
    # Digests went out over the past week, the admin's too: a first run sends none at once.
    due_now = set(members_due(now=timezone.now()).values_list("username", flat=True))
    assert "admin" not in due_now
    assert len(due_now) < MEMBERS / 4

    # Sign-in as documented.
    assert authenticate(email="admin@example.com", password="guildhall-admin").is_staff
    username = members.order_by("pk").last().username
    assert authenticate(email=f"{username}@example.com", password="guildhall") is not None
    response = client.post(
        "/accounts/login/", {"login": "admin@example.com", "password": "guildhall-admin"}
    )
    assert response.status_code == 302
    assert "admin@example.com / guildhall-admin" in output

    assert_demo_is_searchable(output)


def test_demo_refuses_a_database_with_data_unless_forced_and_is_deterministic():
    someone = make_member("real.person")
    with pytest.raises(CommandError, match="--force"):
        load(members=30)
    assert not Community.objects.exists()

    load(members=30, seed=7, force=True)
    user_model = get_user_model()
    assert not user_model.objects.filter(pk=someone.pk).exists()
    assert user_model.objects.filter(is_staff=False).count() == 30
    assert user_model.objects.filter(email="admin@example.com", is_staff=True).count() == 1
    assert Community.objects.count() >= 10
    usernames = sorted(user_model.objects.values_list("username", flat=True))
    titles = sorted(ContentItem.objects.values_list("title", flat=True))

    # --force reloads the same organisation for the same seed.
    load(members=30, seed=7, force=True)
    assert sorted(user_model.objects.values_list("username", flat=True)) == usernames
    assert sorted(ContentItem.objects.values_list("title", flat=True)) == titles


def test_demo_rejects_too_few_members():
    with pytest.raises(CommandError, match="at least"):
        load(members=5)


def test_demo_files_go_to_the_suites_media_root_not_the_data_dir(settings):
    load(members=MEMBERS, seed=3)
    media_root = Path(settings.MEDIA_ROOT)
    assert not media_root.is_relative_to(settings.DATA_DIR)
    stored = [path for path in media_root.rglob("*") if path.is_file()]
    assert stored, "the demo stores episode audio and documents"
    for item in ContentItem.objects.filter(kind__in=["episode", "document"]):
        field = item.episode.audio if item.kind == "episode" else item.document.file
        assert (media_root / field.name).is_file()
