import pytest

from guildhall.qa.services import answer_create, question_create


def ask(
    author, community, title="How do I bleed air from a PX-40 pump?", body="It keeps cavitating."
):
    return question_create(actor=author, community=community, title=title, body=body)


def answer(author, item, body="Open the vent plug slowly while priming."):
    return answer_create(actor=author, item=item, body=body)


@pytest.fixture
def question(member, community):
    """Mia asks in the public community (Carla manages, Eric is the expert)."""
    return ask(member, community)


@pytest.fixture
def private_question(member, private_community):
    return ask(member, private_community, title="Why did the Line 3 seal fail?")
