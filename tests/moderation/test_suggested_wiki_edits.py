"""Suggested wiki edits: in a pre-moderated community a member's edit waits for review, the
live page unchanged, and approving applies it as a revision by its author."""

import pytest
from django.urls import reverse

from guildhall.core.models import Event
from guildhall.moderation.models import Review
from guildhall.moderation.services import member_trust_set, review_approve, review_reject
from guildhall.notifications.models import Notification
from guildhall.wiki.models import WikiRevision
from tests.conftest import login
from tests.factories import add_member, make_member
from tests.wiki.conftest import edit, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def wiki_page(pre_moderated, expert):
    """A live page written by the expert (experts skip pre-moderation)."""
    return make_page(expert, pre_moderated, title="Lockout procedure", body="Step one.\nStep two.")


def _suggest(member, page, body="Step one.\nStep two.\nStep three: <b>tag</b> it.", base=1):
    return edit(member, page, body, base, summary="Add step three")


def _review(suggestion):
    return Review.objects.get(target_type="wiki_edit", target_id=suggestion.pk)


def test_a_members_edit_is_held_the_live_page_unchanged_for_everyone(
    client, wiki_page, member, expert, run_on_commit
):
    colleague = make_member("cole", name="Cole Colleague")
    add_member(wiki_page.community, colleague)
    with run_on_commit():
        suggestion = _suggest(member, wiki_page)
    assert suggestion.state == "suggested" and suggestion.number is None
    wiki_page.refresh_from_db()
    assert "Step three" not in wiki_page.body and wiki_page.wiki_page.revision == 1
    # Everyone else sees the page as it was.
    page = login(client, colleague).get(wiki_page.get_absolute_url()).text
    assert "Step three" not in page and "awaiting review" not in page
    history = client.get(reverse("wiki:history", args=[wiki_page.pk])).text
    assert "Add step three" not in history
    suggestion_page = reverse("wiki:suggestion", args=[wiki_page.pk, suggestion.pk])
    assert client.get(suggestion_page).status_code == 404  # deny: not the author, no reviewer
    # The author sees their pending suggestion.
    client.logout()
    own = login(client, member).get(wiki_page.get_absolute_url()).text
    assert "Your suggested edit is awaiting review" in own and "Step three" not in own
    assert client.get(suggestion_page).status_code == 200  # allow: the author
    # Reviewers are told, and nobody else is.
    assert Notification.objects.filter(
        recipient=expert, verb="review_pending", item=wiki_page
    ).exists()
    assert not Notification.objects.filter(recipient=colleague).exists()
    assert not Event.objects.filter(verb="edit_wiki", target_id=wiki_page.pk).exists()


def test_reviewers_see_the_diff_escaped_in_the_queue_and_on_the_suggestion(
    client, wiki_page, member, community_manager
):
    suggestion = _suggest(member, wiki_page)
    login(client, community_manager)
    queue = client.get(reverse("moderation:community_queue", args=[wiki_page.community.slug]))
    text = queue.text
    assert "Suggested wiki edit" in text and "Lockout procedure" in text
    assert "Step three: &lt;b&gt;tag&lt;/b&gt; it." in text and "<b>tag</b>" not in text
    assert "<ins>" in text
    page = client.get(reverse("wiki:suggestion", args=[wiki_page.pk, suggestion.pk]))
    assert page.status_code == 200 and "&lt;b&gt;tag" in page.text and "Approve" in page.text


def test_approving_applies_it_as_the_authors_revision(
    client, wiki_page, member, expert, run_on_commit
):
    suggestion = _suggest(member, wiki_page)
    login(client, expert)
    with run_on_commit():
        answer = client.post(reverse("moderation:act", args=[_review(suggestion).pk, "approve"]))
    assert answer.status_code == 302
    wiki_page.refresh_from_db()
    assert "Step three" in wiki_page.body and wiki_page.wiki_page.revision == 2
    latest = WikiRevision.objects.get(item=wiki_page, number=2)
    assert latest.author == member and latest.pk == suggestion.pk
    history = client.get(reverse("wiki:history", args=[wiki_page.pk])).text
    assert "Add step three" in history and "Mia Member" in history
    result = Notification.objects.get(recipient=member, verb="review_result", item=wiki_page)
    assert result.data["approved"] is True
    event = Event.objects.get(verb="edit_wiki", target_id=wiki_page.pk)
    assert event.actor == member and event.data["revision"] == 2
    client.logout()
    own = login(client, member).get(wiki_page.get_absolute_url()).text
    assert "awaiting review" not in own and "Step three" in own


def test_approval_is_refused_when_the_page_moved_on(api, client, wiki_page, member, expert):
    suggestion = _suggest(member, wiki_page)
    edit(expert, wiki_page, "Step one, carefully.\nStep two.", 1)  # live at once: expert
    review = _review(suggestion)
    answer = api.as_(expert).post(f"/api/v1/reviews/{review.pk}/approve")
    assert answer.status_code == 409
    assert "changed since this edit was suggested" in answer.json()["detail"]
    assert answer.json()["base_revision"] == 1 and answer.json()["latest_revision"] == 2
    wiki_page.refresh_from_db()
    assert "Step three" not in wiki_page.body and wiki_page.wiki_page.revision == 2
    review.refresh_from_db()
    assert review.status == "pending"
    login(client, expert)
    back = client.post(reverse("moderation:act", args=[review.pk, "approve"]), follow=True).text
    assert "changed since this edit was suggested" in back
    page = client.get(reverse("wiki:suggestion", args=[wiki_page.pk, suggestion.pk])).text
    assert "can&#x27;t be approved as it is" in page or "can't be approved as it is" in page
    # The reviewer asks the author to redo it.
    client.post(
        reverse("moderation:act", args=[review.pk, "changes"]),
        {"note": "Please redo it on the new step one."},
    )
    review.refresh_from_db()
    assert review.status == "changes_requested"
    suggestion.refresh_from_db()
    assert suggestion.state == "declined"


def test_turning_down_keeps_it_for_its_author_with_the_reason(
    client, wiki_page, member, expert, run_on_commit
):
    suggestion = _suggest(member, wiki_page)
    with run_on_commit():
        review_reject(
            actor=expert, review=_review(suggestion), reason="inaccurate", note="Step 3 is wrong."
        )
    wiki_page.refresh_from_db()
    assert wiki_page.status == "published" and "Step three" not in wiki_page.body
    own = login(client, member).get(wiki_page.get_absolute_url()).text
    assert "Your suggested edit was not applied" in own and "Step 3 is wrong." in own
    page = client.get(reverse("wiki:suggestion", args=[wiki_page.pk, suggestion.pk])).text
    assert "Turned down" in page and "Step 3 is wrong." in page
    result = Notification.objects.get(recipient=member, verb="review_result")
    assert result.data["approved"] is False
    assert not Notification.objects.filter(recipient=expert, verb="review_result").exists()


def test_authors_never_review_their_own_suggestion(api, wiki_page, expert, safety_critical):
    # Safety-critical: even the expert's edit is suggested, and they can't approve it.
    suggestion = edit(expert, wiki_page, "Step one.\nStep two.\nStep 2b.", 1)
    assert suggestion.state == "suggested"
    review = _review(suggestion)
    assert api.as_(expert).post(f"/api/v1/reviews/{review.pk}/approve").status_code in (403, 404)
    wiki_page.refresh_from_db()
    assert "Step 2b" not in wiki_page.body


def test_expert_and_trusted_edits_go_live_in_a_pre_moderated_community(
    wiki_page, member, expert, community_manager
):
    revision = edit(expert, wiki_page, "Step one.\nStep two, by the expert.", 1)
    assert revision.number == 2 and revision.state == ""
    member_trust_set(
        actor=community_manager, community=wiki_page.community, member=member, trusted=True
    )
    by_trusted = edit(member, wiki_page, "Step one.\nStep two, trusted.", 2)
    assert by_trusted.number == 3
    wiki_page.refresh_from_db()
    assert "trusted" in wiki_page.body
    assert not Review.objects.filter(target_type="wiki_edit").exists()


def test_trusted_members_edits_are_suggested_when_safety_critical(
    wiki_page, member, community_manager, safety_critical
):
    member_trust_set(
        actor=community_manager, community=wiki_page.community, member=member, trusted=True
    )
    assert _suggest(member, wiki_page).state == "suggested"


def test_edits_in_an_open_community_go_live(community, member):
    page = make_page(member, community)
    assert edit(member, page, "Start here, then read on.", 1).number == 2


def test_the_api_queue_names_the_suggestion(api, wiki_page, member, expert, outsider):
    suggestion = _suggest(member, wiki_page)
    answer = api.as_(expert).get("/api/v1/review-queue")
    assert answer.status_code == 200
    entry = answer.json()["items"][0]
    assert entry["target"] == {
        "type": "wiki_edit",
        "id": suggestion.pk,
        "title": "Lockout procedure",
    }
    assert api.as_(outsider).get("/api/v1/review-queue").json()["items"] == []
    approved = api.as_(expert).post(f"/api/v1/reviews/{_review(suggestion).pk}/approve")
    assert approved.status_code == 200, approved.content
    assert approved.json()["target"]["type"] == "wiki_edit"


def test_two_members_can_each_suggest_an_edit(wiki_page, member):
    other = make_member("cole")
    add_member(wiki_page.community, other)
    _suggest(member, wiki_page)
    _suggest(other, wiki_page, body="Step zero.\nStep one.\nStep two.")
    assert Review.objects.filter(target_type="wiki_edit", status="pending").count() == 2


def test_the_queue_runs_a_fixed_number_of_queries(
    client, wiki_page, member, expert, django_assert_max_num_queries
):
    for n in range(3):
        other = make_member(f"m{n}")
        add_member(wiki_page.community, other)
        _suggest(other, wiki_page, body=f"Step one.\nStep {n}.")
    login(client, expert)
    url = reverse("moderation:community_queue", args=[wiki_page.community.slug])
    client.get(url)
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_item_panel_and_history_ignore_a_suggestion_on_the_page(
    client, wiki_page, member, expert
):
    suggestion = _suggest(member, wiki_page)
    review_reject(actor=expert, review=_review(suggestion), reason="outdated")
    wiki_page.refresh_from_db()
    assert wiki_page.status == "published"
    page = login(client, expert).get(wiki_page.get_absolute_url()).text
    assert "Turned down" not in page and "Not applied" not in page


def test_approve_directly_through_the_service(wiki_page, member, expert):
    suggestion = _suggest(member, wiki_page)
    review_approve(actor=expert, review=_review(suggestion))
    suggestion.refresh_from_db()
    assert suggestion.number == 2 and suggestion.author == member


def test_the_edit_form_says_the_edit_will_be_suggested(client, wiki_page, member, expert):
    url = reverse("wiki:edit", args=[wiki_page.pk])
    assert "will be a suggested edit" in login(client, member).get(url).text
    client.logout()
    assert "will be a suggested edit" not in login(client, expert).get(url).text


def test_the_member_edit_form_posts_a_suggestion(client, wiki_page, member):
    login(client, member)
    answer = client.post(
        reverse("wiki:edit", args=[wiki_page.pk]),
        {
            "title": "Lockout procedure",
            "body": "Step one.\nStep two.\nStep three.",
            "summary": "Step three",
            "base_revision": 1,
        },
        follow=True,
    )
    assert answer.status_code == 200
    assert "Your suggested edit is awaiting review" in answer.text
    assert "Awaiting review" in answer.text
    wiki_page.refresh_from_db()
    assert "Step three" not in wiki_page.body
