"""Ask an expert: the asker of an unanswered question invites up to 3 suggested experts."""

import pytest
from django.urls import reverse

from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.notifications.models import Notification
from guildhall.people.models import ExpertInvitation
from guildhall.people.services import expert_invite
from guildhall.qa.services import answer_create
from tests.conftest import login
from tests.factories import add_member, make_member
from tests.people.conftest import accepted_answer, ask, declare

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialists(community, member):
    """Four members with accepted answers on demand planning (more answers rank higher)."""
    people = []
    for n in range(4):
        person = make_member(f"spec{n}", name=f"Spec {n}")
        add_member(community, person)
        for k in range(4 - n):
            accepted_answer(member, person, community, f"Planning {n}-{k}", ["demand-planning"])
        people.append(person)
    return people


@pytest.fixture
def question(member, community):
    return ask(member, community, title="How far ahead should we plan?", tags=["demand-planning"])


def test_asker_sees_suggestions_with_evidence(client, member, question, specialists):
    login(client, member)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Ask an expert" in page
    assert "4 accepted answers on demand planning" in page
    assert page.index("Spec 0") < page.index("Spec 1")
    assert 'value="mia"' not in page  # never the asker


def test_others_and_answered_questions_show_no_section(
    client, member, expert, question, specialists
):
    login(client, expert)
    assert "Ask an expert" not in client.get(question.get_absolute_url()).content.decode()
    answer_create(actor=expert, item=question, body="Twelve weeks.")
    login(client, member)
    assert "Ask an expert" not in client.get(question.get_absolute_url()).content.decode()


def test_invite_notifies_and_records(client, member, question, specialists, run_on_commit):
    login(client, member)
    with run_on_commit():
        response = client.post(
            reverse("people:invite_experts", args=[question.pk]),
            {"expert": ["spec0", "spec1"]},
        )
    assert response["Location"].endswith("#ask-expert")
    assert set(ExpertInvitation.objects.values_list("expert__username", flat=True)) == {
        "spec0",
        "spec1",
    }
    notes = Notification.objects.filter(verb="expert_invitation", item=question)
    assert set(notes.values_list("recipient__username", flat=True)) == {"spec0", "spec1"}
    assert Event.objects.filter(verb="invite_expert", actor=member).count() == 2
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Invited: " in page
    assert "They have been notified" in page
    assert 'value="spec0"' not in page  # not offered twice


def test_at_most_three_per_question(member, question, specialists):
    expert_invite(actor=member, item=question, experts=specialists[:2])
    with pytest.raises(ValidationError, match="1 more"):
        expert_invite(actor=member, item=question, experts=specialists[2:4])
    expert_invite(actor=member, item=question, experts=specialists[2:3])
    with pytest.raises(ValidationError, match="0 more"):
        expert_invite(actor=member, item=question, experts=specialists[3:4])
    assert ExpertInvitation.objects.count() == 3


def test_no_duplicate_invitation(member, question, specialists):
    expert_invite(actor=member, item=question, experts=[specialists[0]])
    with pytest.raises(ValidationError, match="already invited"):
        expert_invite(actor=member, item=question, experts=[specialists[0]])
    assert ExpertInvitation.objects.count() == 1


def test_weekly_cap(settings, member, community, specialists, client):
    settings.GUILDHALL_EXPERT_INVITES_PER_WEEK = 2
    busy = specialists[0]
    for n in range(2):
        item = ask(member, community, title=f"Question {n}", tags=["demand-planning"])
        expert_invite(actor=member, item=item, experts=[busy])
    third = ask(member, community, title="Third question", tags=["demand-planning"])
    with pytest.raises(ValidationError, match="2 invitations this week"):
        expert_invite(actor=member, item=third, experts=[busy])
    login(client, member)
    page = client.get(third.get_absolute_url()).content.decode()
    assert "has had 2 invitations this week" in page
    assert 'value="spec0"' not in page
    assert 'value="spec1"' in page
    # A week later they may be asked again.
    ExpertInvitation.objects.update(created_at="2000-01-01T00:00:00Z")
    expert_invite(actor=member, item=third, experts=[busy])


def test_only_the_asker_of_an_unanswered_question(member, expert, question, specialists):
    with pytest.raises(PermissionDenied):
        expert_invite(actor=expert, item=question, experts=[specialists[0]])
    answer_create(actor=expert, item=question, body="Twelve weeks.")
    with pytest.raises(PermissionDenied):
        expert_invite(actor=member, item=question, experts=[specialists[0]])


def test_self_invitation_refused(member, question):
    with pytest.raises(ValidationError, match="yourself"):
        expert_invite(actor=member, item=question, experts=[member])


def test_private_question_only_members(member, outsider, private_community, client):
    insider = make_member("ivy", name="Ivy Insider")
    add_member(private_community, insider)
    declare(insider, "Root cause analysis", level=4)
    declare(outsider, "Root cause analysis", level=5)
    question = ask(member, private_community, title="Root cause?", tags=["root-cause-analysis"])
    login(client, member)
    page = client.get(question.get_absolute_url()).content.decode()
    assert 'value="ivy"' in page
    assert 'value="olaf"' not in page
    with pytest.raises(ValidationError, match="not a member"):
        expert_invite(actor=member, item=question, experts=[outsider])


def test_refusal_shows_a_message(client, member, question, specialists):
    login(client, member)
    url = reverse("people:invite_experts", args=[question.pk])
    response = client.post(url, {"expert": ["spec0", "spec1", "spec2", "spec3"]}, follow=True)
    assert "3 experts at most" in response.content.decode()
    assert not ExpertInvitation.objects.exists()
    response = client.post(url, {}, follow=True)
    assert "Choose at least one expert" in response.content.decode()
