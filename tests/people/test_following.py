"""Following people and tags: services, counts, the Following page, profile buttons and API."""

import pytest
from django.urls import reverse

from guildhall.content.models import Tag
from guildhall.core.exceptions import ValidationError
from guildhall.core.models import Event
from guildhall.people.models import Profile
from guildhall.people.selectors import followed_user_ids, follower_ids
from guildhall.people.services import person_follow, person_unfollow, tag_follow, tag_unfollow
from tests.conftest import login
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def _counts(user):
    profile = Profile.objects.get(user=user)
    return profile.follower_count, profile.following_count


def test_follow_counts_and_idempotency(member, expert):
    assert person_follow(actor=member, member=expert) is True
    assert person_follow(actor=member, member=expert) is False
    assert _counts(expert) == (1, 0)
    assert _counts(member) == (0, 1)
    assert followed_user_ids(viewer=member) == [expert.pk]
    assert follower_ids(member=expert) == [member.pk]
    assert Event.objects.filter(verb="follow", actor=member).count() == 1

    assert person_unfollow(actor=member, member=expert) is True
    assert person_unfollow(actor=member, member=expert) is False
    assert _counts(expert) == (0, 0)
    assert _counts(member) == (0, 0)


def test_following_yourself_is_refused(member):
    with pytest.raises(ValidationError):
        person_follow(actor=member, member=member)
    assert _counts(member) == (0, 0)


def test_profile_follow_button_without_js(client, member, expert):
    login(client, member)
    page = client.get(reverse("people:profile", args=[expert.username]))
    assert b"Follow Eric" in page.content
    response = client.post(reverse("people:follow", args=[expert.username]), {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"] == reverse("people:profile", args=[expert.username])
    page = client.get(reverse("people:profile", args=[expert.username]))
    assert b"Unfollow Eric" in page.content
    assert b"1 follower" in page.content
    # Unsafe `next` is ignored.
    response = client.post(
        reverse("people:follow", args=[expert.username]),
        {"action": "unfollow", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("people:profile", args=[expert.username])
    assert _counts(expert) == (0, 0)


def test_follow_button_htmx_answers_the_partial(client, member, expert):
    login(client, member)
    response = client.post(
        reverse("people:follow", args=[expert.username]),
        {"action": "follow"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert b"Unfollow Eric" in response.content
    assert b"1 follower" in response.content
    assert b"<html" not in response.content


def test_own_profile_has_no_follow_button(client, member):
    login(client, member)
    page = client.get(reverse("people:profile", args=[member.username]))
    assert b"Follow Mia" not in page.content


def test_profile_query_count_is_fixed(client, member, expert, django_assert_max_num_queries):
    from guildhall.people.services import profile_skill_set, skill_endorse

    profile_skill_set(actor=expert, member=expert, name="Logistics", level=4)
    login(client, member)
    url = reverse("people:profile", args=[expert.username])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    baseline = len(few.captured_queries)
    for n in range(5):
        fan = make_member()
        person_follow(actor=fan, member=expert)
        entry = profile_skill_set(actor=expert, member=expert, name=f"Skill {n}", level=3)
        skill_endorse(actor=fan, entry=entry)
    with django_assert_max_num_queries(baseline):
        page = client.get(url)
    assert b"5 followers" in page.content


def test_following_page_lists_people_and_tags(client, member, expert):
    login(client, member)
    empty = client.get(reverse("people:following"))
    assert "You don't follow anyone yet" in empty.content.decode()
    tag = Tag.objects.create(name="Forecasting", slug="forecasting")
    person_follow(actor=member, member=expert)
    tag_follow(actor=member, tag=tag)
    page = client.get(reverse("people:following"))
    assert b"Eric Expert" in page.content
    assert b"#Forecasting" in page.content
    # Unfollow the tag from the page, without JS.
    response = client.post(
        reverse("people:follow_tag", args=["forecasting"]),
        {"action": "unfollow", "next": reverse("people:following")},
    )
    assert response["Location"] == reverse("people:following")
    assert b"#Forecasting" not in client.get(reverse("people:following")).content


def test_follow_tag_partial_and_unknown_tag(client, member):
    Tag.objects.create(name="Safety", slug="safety")
    login(client, member)
    response = client.post(
        reverse("people:follow_tag", args=["safety"]), {"action": "follow"}, HTTP_HX_REQUEST="true"
    )
    assert b"Following #Safety" in response.content
    assert client.post(reverse("people:follow_tag", args=["nope"])).status_code == 404


def test_tag_follow_services_idempotent(member):
    tag = Tag.objects.create(name="Safety", slug="safety")
    assert tag_follow(actor=member, tag=tag) is True
    assert tag_follow(actor=member, tag=tag) is False
    assert tag_unfollow(actor=member, tag=tag) is True
    assert tag_unfollow(actor=member, tag=tag) is False


# --- API -------------------------------------------------------------------------------------


def test_api_follow_person(client, member, expert):
    login(client, member)
    url = f"/api/v1/people/{expert.username}/follow"
    first = client.put(url)
    assert first.status_code == 200
    assert first.json() == {"username": "eric", "following": True, "follower_count": 1}
    assert client.put(url).json()["follower_count"] == 1  # idempotent
    person = client.get(f"/api/v1/people/{expert.username}").json()
    assert person["followed"] is True
    assert person["follower_count"] == 1
    assert client.get("/api/v1/people/mia").json()["following_count"] == 1
    gone = client.delete(url)
    assert gone.json() == {"username": "eric", "following": False, "follower_count": 0}
    assert client.delete(url).status_code == 200


def test_api_follow_errors(client, member):
    assert client.put("/api/v1/people/mia/follow").status_code == 401
    login(client, member)
    self_follow = client.put("/api/v1/people/mia/follow")
    assert self_follow.status_code == 422
    assert "username" in self_follow.json()["detail"]
    assert client.put("/api/v1/people/nobody/follow").status_code == 404


def test_api_follow_tag(client, member):
    Tag.objects.create(name="Safety", slug="safety")
    assert client.put("/api/v1/tags/safety/follow").status_code == 401
    login(client, member)
    assert client.put("/api/v1/tags/safety/follow").json() == {"tag": "safety", "following": True}
    assert client.put("/api/v1/tags/safety/follow").status_code == 200
    assert client.delete("/api/v1/tags/safety/follow").json()["following"] is False
    assert client.put("/api/v1/tags/unknown/follow").status_code == 404
