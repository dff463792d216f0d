"""Skill endorsements: once each, never one's own, withdrawn; shown on profiles; notified."""

import pytest
from django.urls import reverse

from guildhall.core.exceptions import ValidationError
from guildhall.core.models import Event
from guildhall.notifications.models import Notification
from guildhall.people.models import SkillEndorsement
from guildhall.people.services import skill_endorse, skill_endorsement_withdraw
from tests.conftest import login
from tests.people.conftest import declare

pytestmark = pytest.mark.django_db


def test_endorse_once_notifies_and_records(member, expert, run_on_commit):
    entry = declare(expert, "Demand planning", level=4)
    with run_on_commit():
        assert skill_endorse(actor=member, entry=entry) is True
    with run_on_commit():
        assert skill_endorse(actor=member, entry=entry) is False
    assert SkillEndorsement.objects.filter(profile_skill=entry).count() == 1
    notes = Notification.objects.filter(recipient=expert, verb="skill_endorsed")
    assert notes.count() == 1
    assert Event.objects.filter(verb="endorse_skill", actor=member).count() == 1


def test_own_skill_cannot_be_endorsed(expert):
    entry = declare(expert, "Demand planning")
    with pytest.raises(ValidationError):
        skill_endorse(actor=expert, entry=entry)
    assert not SkillEndorsement.objects.exists()


def test_withdraw(member, expert):
    entry = declare(expert, "Demand planning")
    skill_endorse(actor=member, entry=entry)
    assert skill_endorsement_withdraw(actor=member, entry=entry) is True
    assert skill_endorsement_withdraw(actor=member, entry=entry) is False
    assert not SkillEndorsement.objects.exists()
    assert Event.objects.filter(verb="withdraw_endorsement").count() == 1


def test_profile_shows_counts_and_endorsers(client, member, expert, outsider):
    entry = declare(expert, "Demand planning", level=4)
    skill_endorse(actor=outsider, entry=entry)
    login(client, member)
    page = client.get(reverse("people:profile", args=[expert.username])).content.decode()
    assert "1 endorsement" in page
    assert "Olaf Outsider" in page
    assert "Endorse Eric Expert for Demand planning" in page
    response = client.post(reverse("people:endorse", args=["eric", "demand-planning"]))
    assert response["Location"].endswith("#skill-demand-planning")
    page = client.get(reverse("people:profile", args=[expert.username])).content.decode()
    assert "2 endorsements" in page
    assert "Withdraw your endorsement of Demand planning" in page


def test_endorse_htmx_returns_the_skill_row(client, member, expert):
    declare(expert, "Demand planning")
    login(client, member)
    response = client.post(
        reverse("people:endorse", args=["eric", "demand-planning"]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="skill-demand-planning"' in html
    assert "1 endorsement" in html
    response = client.post(
        reverse("people:endorse", args=["eric", "demand-planning"]),
        {"action": "withdraw"},
        HTTP_HX_REQUEST="true",
    )
    assert "endorsement" not in response.content.decode().split("</a>", 1)[1].split("<form")[0]


def test_no_endorse_button_on_own_profile(client, expert):
    declare(expert, "Demand planning")
    login(client, expert)
    page = client.get(reverse("people:profile", args=[expert.username])).content.decode()
    assert "Endorse Eric" not in page


def test_api_endorse(client, member, expert, run_on_commit):
    declare(expert, "Demand planning")
    url = "/api/v1/people/eric/skills/demand-planning/endorse"
    assert client.post(url).status_code == 401
    login(client, member)
    with run_on_commit():
        first = client.post(url)
    assert first.status_code == 200
    assert first.json() == {
        "username": "eric",
        "skill": "demand-planning",
        "endorsed": True,
        "endorsement_count": 1,
    }
    assert client.post(url).json()["endorsement_count"] == 1  # idempotent
    assert Notification.objects.filter(recipient=expert, verb="skill_endorsed").count() == 1
    assert client.delete(url).json()["endorsement_count"] == 0
    assert client.post("/api/v1/people/eric/skills/welding/endorse").status_code == 404
    assert client.post("/api/v1/people/nobody/skills/welding/endorse").status_code == 404


def test_api_own_skill_is_422(client, expert):
    declare(expert, "Demand planning")
    login(client, expert)
    response = client.post("/api/v1/people/eric/skills/demand-planning/endorse")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("skill:")
