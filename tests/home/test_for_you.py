"""For you: unanswered questions matching the member's skills, and their own open questions."""

from guildhall.communities.services import membership_leave
from guildhall.home.selectors import for_you
from guildhall.people.services import profile_skill_set
from guildhall.qa.services import answer_accept, answer_create, question_create
from tests.factories import make_community


def titles(items):
    return [i.title for i in items]


def ask(author, community, title, tags=()):
    return question_create(actor=author, community=community, title=title, body="?", tags=tags)


def test_unanswered_questions_match_skills_by_tag_title_or_community(
    member, expert, community, community_manager
):
    profile_skill_set(actor=expert, member=expert, name="Hydraulics", level=4)
    profile_skill_set(actor=expert, member=expert, name="Supply chain", level=3)
    by_tag = ask(member, community, "Why does it leak?", tags=["hydraulics"])
    ask(member, community, "Hydraulics pressure drop at night")  # by title
    other = make_community(community_manager, name="Finance Club")
    ask(community_manager, other, "Budget question")  # no match
    answered = ask(member, community, "Hydraulics filters?")
    answer_create(actor=community_manager, item=answered, body="Monthly.")
    ask(expert, community, "My own hydraulics question")  # the expert's own: not for them
    found = titles(for_you(viewer=expert)["unanswered_for_skills"])
    assert found == ["Hydraulics pressure drop at night", "Why does it leak?"]
    assert by_tag.title in found


def test_community_name_matches_a_skill(member, expert, community):
    profile_skill_set(actor=expert, member=expert, name="Supply Chain", level=3)
    ask(member, community, "Anyone tried vendor-managed inventory?")  # in Supply Chain Practice
    assert titles(for_you(viewer=expert)["unanswered_for_skills"]) == [
        "Anyone tried vendor-managed inventory?"
    ]


def test_no_skills_no_suggestions_and_private_questions_stay_private(
    member, outsider, community_manager, private_community
):
    profile_skill_set(actor=outsider, member=outsider, name="Seals", level=3)
    ask(community_manager, private_community, "Seals failing on Line 3")
    assert for_you(viewer=outsider)["unanswered_for_skills"] == []
    assert for_you(viewer=member)["unanswered_for_skills"] == []  # Mia declares no skills


def test_my_open_questions_until_one_is_accepted(member, expert, community):
    open_one = ask(member, community, "Still open")
    answered_not_accepted = ask(member, community, "Answered, not accepted")
    answer_create(actor=expert, item=answered_not_accepted, body="Try this.")
    done = ask(member, community, "Done")
    answer_accept(actor=member, answer=answer_create(actor=expert, item=done, body="This."))
    ask(expert, community, "Someone else's")
    assert titles(for_you(viewer=member)["my_open_questions"]) == [
        "Answered, not accepted",
        open_one.title,
    ]


def test_for_you_limit(member, expert, community):
    profile_skill_set(actor=expert, member=expert, name="Pumps", level=3)
    for n in range(7):
        ask(member, community, f"Pumps question {n}")
    assert len(for_you(viewer=expert, limit=5)["unanswered_for_skills"]) == 5
    assert len(for_you(viewer=member, limit=3)["my_open_questions"]) == 3


def test_leaving_a_private_community_drops_its_questions_at_once(
    member, community_manager, private_community, run_on_commit
):
    profile_skill_set(actor=member, member=member, name="Seals", level=3)
    ask(community_manager, private_community, "Seals failing on Line 3")
    assert titles(for_you(viewer=member)["unanswered_for_skills"]) == ["Seals failing on Line 3"]

    with run_on_commit():
        membership_leave(actor=member, community=private_community)

    assert for_you(viewer=member)["unanswered_for_skills"] == []  # not the cached section


def test_my_open_questions_in_a_community_i_left_are_gone(
    member, community_manager, private_community
):
    ask(member, private_community, "Who signs off a near miss?")
    membership_leave(actor=member, community=private_community)
    assert for_you(viewer=member)["my_open_questions"] == []
