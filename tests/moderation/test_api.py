"""Quality control through the API: policies, the queue and decisions, as a client sees them."""

import pytest

from guildhall.moderation.models import Review
from tests.api.conftest import field_error
from tests.factories import add_member, make_item, make_member

pytestmark = pytest.mark.django_db


def _put(api, path, data):
    return api.client.put(path, data, content_type="application/json")


def _held(author, community, title="Lockout on the new press"):
    item = make_item(author, community=community, title=title)
    return item, Review.objects.get(item=item)


# --- The policy ------------------------------------------------------------------------------


def test_members_read_the_policy_open_until_a_manager_sets_one(api, member, community):
    answer = api.as_(member).get(f"/api/v1/communities/{community.slug}/quality-policy")
    assert answer.status_code == 200
    assert answer.json() == {
        "policy": "open",
        "safety_critical": False,
        "first_contributions_reviewed": 3,
        "reverify_days": 180,
        "flags_to_hide": 3,
    }


def test_a_private_communitys_policy_is_404_for_outsiders(api, member, outsider, private_community):
    path = f"/api/v1/communities/{private_community.slug}/quality-policy"
    assert api.as_(outsider).get(path).status_code == 404
    assert _put(api, path, {"policy": "open"}).status_code == 404
    assert api.as_(member).get(path).status_code == 200
    assert api.get("/api/v1/communities/no-such-place/quality-policy").status_code == 404


def test_managers_change_only_the_fields_they_send(api, community_manager, staff, community):
    path = f"/api/v1/communities/{community.slug}/quality-policy"
    saved = _put(api.as_(community_manager), path, {"policy": "pre_moderated"})
    assert saved.status_code == 200, saved.content
    assert saved.json()["policy"] == "pre_moderated" and saved.json()["reverify_days"] == 180
    again = _put(api, path, {"reverify_days": 90, "safety_critical": True})
    assert again.json() == {
        "policy": "pre_moderated",
        "safety_critical": True,
        "first_contributions_reviewed": 3,
        "reverify_days": 90,
        "flags_to_hide": 3,
    }
    by_staff = _put(api.as_(staff), path, {"flags_to_hide": 5})
    assert by_staff.status_code == 200 and by_staff.json()["flags_to_hide"] == 5
    assert api.get(path).json()["reverify_days"] == 90


def test_members_and_experts_cannot_set_the_policy(api, member, expert, outsider, community):
    path = f"/api/v1/communities/{community.slug}/quality-policy"
    for who in (member, expert, outsider):
        denied = _put(api.as_(who), path, {"policy": "pre_moderated"})
        assert denied.status_code == 403, who
    assert api.get(path).json()["policy"] == "open"


def test_bad_values_answer_422_naming_the_field(api, community_manager, community):
    path = f"/api/v1/communities/{community.slug}/quality-policy"
    api.as_(community_manager)
    detail = field_error(_put(api, path, {"reverify_days": 0}), "reverify_days")
    assert "whole number from 1 to 3650" in detail
    assert "Choose open" in field_error(_put(api, path, {"policy": "strict"}), "policy")
    field_error(_put(api, path, {"flags_to_hide": "many"}), "flags_to_hide")
    field_error(_put(api, path, {"first_contributions_reviewed": 51}), "first_contributions")
    field_error(_put(api, path, {"safety_critical": None}), "safety_critical")
    assert _put(api, path, [1, 2]).status_code == 422
    assert api.get(path).json()["reverify_days"] == 180


# --- The queue -------------------------------------------------------------------------------


def test_the_queue_shows_waiting_work_to_its_reviewers(api, pre_moderated, member, expert):
    item, review = _held(member, pre_moderated)
    answer = api.as_(expert).get("/api/v1/review-queue")
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 1
    [entry] = body["items"]
    assert entry == {
        "id": review.pk,
        "target": {"type": "item", "id": item.pk, "title": "Lockout on the new press"},
        "community": pre_moderated.slug,
        "author": "mia",
        "reason": "pre_moderation",
        "flags": 0,
        "claimed_by": None,
        "created_at": entry["created_at"],
    }
    assert entry["created_at"]
    filtered = api.get("/api/v1/review-queue", {"community": pre_moderated.slug, "kind": "post"})
    assert filtered.json()["count"] == 1
    assert api.get("/api/v1/review-queue", {"kind": "question"}).json()["count"] == 0
    first = api.get("/api/v1/review-queue", {"reason": "first_contributions"})
    assert first.json() == {"items": [], "count": 0}


def test_the_queue_is_empty_for_who_reviews_nothing_and_404_for_an_unknown_community(
    api, pre_moderated, member, outsider, private_community
):
    _held(member, pre_moderated)
    for who in (member, outsider):
        assert api.as_(who).get("/api/v1/review-queue").json() == {"items": [], "count": 0}
    assert api.get("/api/v1/review-queue", {"community": "nowhere"}).status_code == 404
    hidden = api.get("/api/v1/review-queue", {"community": private_community.slug})
    assert hidden.status_code == 404
    field_error(api.get("/api/v1/review-queue", {"reason": "vibes"}), "reason")
    field_error(api.get("/api/v1/review-queue", {"limit": 0}), "limit")


def test_the_queue_pages(api, pre_moderated, member, expert):
    for n in range(3):
        _held(member, pre_moderated, title=f"Procedure {n}")
    answer = api.as_(expert).get("/api/v1/review-queue", {"limit": 2, "offset": 2}).json()
    assert answer["count"] == 3
    assert [e["target"]["title"] for e in answer["items"]] == ["Procedure 2"]


# --- Decisions -------------------------------------------------------------------------------


def test_approving_publishes_the_item_for_everyone_with_its_quality(
    api, pre_moderated, member, expert, run_on_commit
):
    item, review = _held(member, pre_moderated)
    colleague = make_member("cole")
    add_member(pre_moderated, colleague)
    assert api.as_(colleague).get(f"/api/v1/content/{item.pk}").status_code == 404
    mine = api.as_(member).get(f"/api/v1/content/{item.pk}").json()
    assert mine["quality"]["status"] == "pending"
    with run_on_commit():
        answer = api.as_(expert).post(f"/api/v1/reviews/{review.pk}/approve", {"verify": True})
    assert answer.status_code == 200, answer.content
    assert answer.json() == {
        "id": review.pk,
        "status": "approved",
        "reason": "pre_moderation",
        "decision_reason": "",
        "decision_note": "",
        "claimed_by": None,
        "escalated": False,
        "target": {"type": "item", "id": item.pk, "title": "Lockout on the new press"},
    }
    seen = api.as_(colleague).get(f"/api/v1/content/{item.pk}")
    assert seen.status_code == 200
    quality = seen.json()["quality"]
    assert quality["status"] == "verified" and quality["verified_by"] == "eric"
    assert quality["verified_at"] and quality["due_at"] and quality["replacement"] is None
    listed = api.get("/api/v1/content", {"community": pre_moderated.slug}).json()["items"]
    assert [i["quality"]["status"] for i in listed if i["id"] == item.pk] == ["verified"]


def test_approving_without_a_body_does_not_verify(api, pre_moderated, member, expert):
    item, review = _held(member, pre_moderated)
    answer = api.as_(expert).client.generic("POST", f"/api/v1/reviews/{review.pk}/approve")
    assert answer.status_code == 200 and answer.json()["status"] == "approved"
    quality = api.get(f"/api/v1/content/{item.pk}").json()["quality"]
    assert quality["status"] is None and quality["verified_by"] is None


def test_rejected_work_shows_its_author_the_status(api, pre_moderated, member, expert):
    item, review = _held(member, pre_moderated)
    path = f"/api/v1/reviews/{review.pk}/reject"
    api.as_(expert)
    field_error(api.post(path, {"reason": "meh"}), "reason")
    field_error(api.post(path, {"reason": "other"}), "note")
    answer = api.post(path, {"reason": "unsafe", "note": "Isolate the hydraulics first."})
    assert answer.status_code == 200
    decided = answer.json()
    assert decided["status"] == "rejected" and decided["decision_reason"] == "unsafe"
    assert decided["decision_note"] == "Isolate the hydraulics first."
    mine = api.as_(member).get(f"/api/v1/content/{item.pk}")
    assert mine.status_code == 200
    assert mine.json()["status"] == "rejected" and mine.json()["quality"]["status"] == "rejected"


def test_asking_for_changes_needs_a_note(api, pre_moderated, member, expert):
    _, review = _held(member, pre_moderated)
    path = f"/api/v1/reviews/{review.pk}/request-changes"
    api.as_(expert)
    field_error(api.post(path, {}), "note")
    answer = api.post(path, {"note": "Add the torque values.", "reason": "inaccurate"})
    assert answer.status_code == 200
    assert answer.json()["status"] == "changes_requested"
    assert answer.json()["decision_note"] == "Add the torque values."


def test_claim_and_escalate(api, pre_moderated, member, expert, community_manager):
    _, review = _held(member, pre_moderated)
    claimed = api.as_(expert).post(f"/api/v1/reviews/{review.pk}/claim")
    assert claimed.status_code == 200 and claimed.json()["claimed_by"] == "eric"
    queue = api.get("/api/v1/review-queue").json()["items"]
    assert queue[0]["claimed_by"] == "eric"
    taken = api.as_(community_manager).post(f"/api/v1/reviews/{review.pk}/approve")
    assert taken.status_code == 409
    escalated = api.as_(expert).post(f"/api/v1/reviews/{review.pk}/escalate", {"note": "Staff?"})
    assert escalated.status_code == 200 and escalated.json()["escalated"] is True
    assert escalated.json()["status"] == "pending"


def test_a_decided_review_answers_409(api, pre_moderated, member, expert, community_manager):
    _, review = _held(member, pre_moderated)
    assert api.as_(expert).post(f"/api/v1/reviews/{review.pk}/approve").status_code == 200
    for action in ("approve", "claim", "escalate"):
        again = api.as_(community_manager).post(f"/api/v1/reviews/{review.pk}/{action}")
        assert again.status_code == 409, action
        assert "already decided" in again.json()["detail"]
    late = api.post(f"/api/v1/reviews/{review.pk}/reject", {"reason": "outdated"})
    assert late.status_code == 409


def test_who_may_not_see_a_review_gets_404_and_who_may_not_decide_it_403(
    api, pre_moderated, member, outsider
):
    colleague = make_member("cole")
    add_member(pre_moderated, colleague)
    _, review = _held(colleague, pre_moderated)
    for who in (member, outsider):
        api.as_(who)
        for action in ("approve", "claim", "escalate"):
            assert api.post(f"/api/v1/reviews/{review.pk}/{action}").status_code == 404
    author = api.as_(colleague).post(f"/api/v1/reviews/{review.pk}/approve")
    assert author.status_code == 403
    assert api.post("/api/v1/reviews/999999/approve").status_code == 404
    assert api.post("/api/v1/reviews/0/approve").status_code == 422
    assert Review.objects.get(pk=review.pk).status == Review.Status.PENDING


def test_authors_never_review_their_own_work_where_it_is_safety_critical(
    api, safety_critical, community_manager, expert
):
    item, review = _held(community_manager, safety_critical, title="Manager's own procedure")
    assert api.as_(community_manager).get("/api/v1/review-queue").json()["count"] == 0
    denied = api.post(f"/api/v1/reviews/{review.pk}/approve", {"verify": True})
    assert denied.status_code == 403
    assert "Authors never review their own work" in denied.json()["detail"]
    assert api.post(f"/api/v1/reviews/{review.pk}/reject", {"reason": "unsafe"}).status_code == 403
    assert api.as_(expert).get("/api/v1/review-queue").json()["count"] == 1
    approved = api.post(f"/api/v1/reviews/{review.pk}/approve")
    assert approved.status_code == 200
    quality = api.get(f"/api/v1/content/{item.pk}").json()["quality"]
    assert quality["status"] == "verified" and quality["verified_by"] == "eric"
