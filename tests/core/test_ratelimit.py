"""The per-member write limit: a fixed window per minute, shared through the cache."""

import pytest

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import RateLimited
from guildhall.core.ratelimit import check_write_rate
from guildhall.people.models import SkillEndorsement
from guildhall.people.services import (
    profile_skill_set,
    skill_endorse,
    skill_endorsement_withdraw,
)
from tests.factories import make_item


@pytest.fixture
def limit_3(settings):
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 3


def test_writes_up_to_the_limit_pass_and_the_next_is_refused(limit_3, member):
    for _ in range(3):
        check_write_rate(member)

    with pytest.raises(RateLimited, match="too often"):
        check_write_rate(member)


def test_each_member_has_their_own_budget(limit_3, member, outsider):
    for _ in range(3):
        check_write_rate(member)

    check_write_rate(outsider)  # not refused
    with pytest.raises(RateLimited):
        check_write_rate(member)


def test_each_scope_has_its_own_budget(limit_3, member):
    for _ in range(3):
        check_write_rate(member, scope="comment")

    check_write_rate(member, scope="write")
    with pytest.raises(RateLimited):
        check_write_rate(member, scope="comment")


def test_staff_are_never_limited(limit_3, staff):
    for _ in range(10):
        check_write_rate(staff)


def test_zero_disables_the_limit(settings, member):
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 0
    for _ in range(50):
        check_write_rate(member)


def test_a_new_minute_opens_a_new_window(limit_3, member, monkeypatch):
    now = [600.0]
    monkeypatch.setattr("guildhall.core.ratelimit.time.time", lambda: now[0])
    for _ in range(3):
        check_write_rate(member)
    with pytest.raises(RateLimited):
        check_write_rate(member)

    now[0] += 60
    check_write_rate(member)


def test_services_apply_the_limit_and_write_nothing_when_refused(limit_3, member):
    for n in range(3):
        make_item(member, title=f"Post {n}")

    with pytest.raises(RateLimited):
        make_item(member, title="One too many")

    assert ContentItem.objects.filter(author=member).count() == 3
    assert not ContentItem.objects.filter(title="One too many").exists()


def test_writes_that_notify_colleagues_are_limited_too(limit_3, member, expert):
    entry = profile_skill_set(actor=expert, member=expert, name="Forecasting", level=4)
    for _ in range(3):  # endorse, withdraw, again: each endorsement notifies the expert
        skill_endorse(actor=member, entry=entry)
        skill_endorsement_withdraw(actor=member, entry=entry)

    with pytest.raises(RateLimited):
        skill_endorse(actor=member, entry=entry)
    assert not SkillEndorsement.objects.filter(endorser=member).exists()


def test_the_api_answers_429_past_the_limit(limit_3, client, member, expert):
    client.force_login(member)
    for _ in range(3):
        assert client.put(f"/api/v1/people/{expert.username}/follow").status_code == 200
    refused = client.put(f"/api/v1/people/{expert.username}/follow")
    assert refused.status_code == 429
    assert "too often" in refused.json()["detail"]
