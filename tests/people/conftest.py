"""Helpers for following, endorsements, the expert finder and ask-an-expert tests."""

import pytest

from guildhall.people.services import profile_skill_set
from guildhall.qa.services import answer_accept, answer_create, question_create
from tests.factories import add_member, make_member


def ask(author, community, title="How do we plan demand for winter?", tags=()):
    return question_create(actor=author, community=community, title=title, tags=tags)


def accepted_answer(asker, answerer, community, title, tags=()):
    """A question by `asker` that `answerer` answered and the asker accepted."""
    item = ask(asker, community, title=title, tags=tags)
    answer_accept(actor=asker, answer=answer_create(actor=answerer, item=item, body="Do this."))
    return item


def declare(member, name, level=3):
    return profile_skill_set(actor=member, member=member, name=name, level=level)


@pytest.fixture
def colleagues(community):
    """Three more members of the public community."""
    people = [make_member(name=f"Colleague {n}") for n in range(3)]
    for person in people:
        add_member(community, person)
    return people
