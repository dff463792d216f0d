"""Page capabilities the API offers too: comments edited and deleted, my drafts."""

from guildhall.interactions.models import Comment
from tests.factories import make_comment, make_item


def test_a_comment_is_edited_and_deleted_by_its_author_only(api, member, expert, community):
    item = make_item(expert, community=community, title="Cross-docking pilot")
    comment = make_comment(member, item, body="Typo hre")
    path = f"/api/v1/comments/{comment.pk}"
    assert api.as_(expert).patch(path, {"body": "Mine now"}).status_code == 403
    assert api.as_(member).patch(path, {"body": ""}).json()["errors"]["body"]
    edited = api.patch(path, {"body": "Typo **here**"})
    assert edited.status_code == 200
    assert edited.json()["body_html"].strip() == "<p>Typo <strong>here</strong></p>"
    assert api.as_(expert).delete(path).status_code == 403
    assert api.as_(member).delete(path).status_code == 204
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert api.delete(path).status_code == 404


def test_comments_in_a_private_community_are_404_to_outsiders(
    api, member, outsider, private_community
):
    item = make_item(member, community=private_community)
    comment = make_comment(member, item)
    assert (
        api.as_(outsider).patch(f"/api/v1/comments/{comment.pk}", {"body": "x"}).status_code == 404
    )
    assert api.delete(f"/api/v1/comments/{comment.pk}").status_code == 404


def test_status_draft_lists_only_my_own_drafts(api, member, expert, community):
    mine = make_item(member, community=community, title="My draft", publish=False)
    make_item(expert, community=community, title="Eric's draft", publish=False)
    make_item(member, community=community, title="Published one")
    drafts = api.as_(member).get("/api/v1/content?status=draft").json()
    assert [d["title"] for d in drafts["items"]] == ["My draft"] and drafts["count"] == 1
    assert drafts["items"][0]["id"] == mine.pk and drafts["items"][0]["status"] == "draft"
    published = api.get("/api/v1/content").json()
    assert [p["title"] for p in published["items"]] == ["Published one"]
    assert api.get("/api/v1/content?status=removed").status_code == 422


def test_i_edit_my_profile_and_only_sent_fields_change(api, member, expert):
    from tests.factories import make_department

    dept = make_department("Logistics")
    response = api.as_(member).patch(
        "/api/v1/me",
        {"title": "Senior analyst", "department": dept.slug, "manager": expert.username},
    )
    assert response.status_code == 200, response.content
    me = response.json()
    assert (me["title"], me["department"], me["manager"]) == (
        "Senior analyst",
        "Logistics",
        expert.username,
    )
    assert me["name"] == "Mia Member"
    cleared = api.patch("/api/v1/me", {"manager": None, "bio": "I plan **routes**."}).json()
    assert cleared["manager"] is None and "<strong>routes</strong>" in cleared["bio_html"]
    assert api.patch("/api/v1/me", {"first_name": ""}).json()["errors"]["first_name"]
    assert api.patch("/api/v1/me", {"department": "no-such"}).status_code == 404
    assert api.patch("/api/v1/me", {"manager": member.username}).status_code == 422


def test_my_skills_are_declared_changed_and_removed(api, member):
    api.as_(member)
    put = api.client.put
    declared = put(
        "/api/v1/me/skills/Route planning", {"level": 3}, content_type="application/json"
    )
    assert declared.status_code == 200, declared.content
    assert declared.json() == {
        "name": "Route planning",
        "slug": "route-planning",
        "level": 3,
        "level_label": declared.json()["level_label"],
    }
    raised = put("/api/v1/me/skills/route-planning", {"level": 5}, content_type="application/json")
    assert raised.json()["level"] == 5
    for bad in ({"level": 6}, {"level": 0}, {"level": "3"}, {"level": True}, {}):
        assert (
            put(
                "/api/v1/me/skills/route-planning", bad, content_type="application/json"
            ).status_code
            == 422
        )
    me = api.get("/api/v1/me").json()
    assert me["skills"] == ["Route planning"]
    assert api.delete("/api/v1/me/skills/route-planning").status_code == 204
    assert api.delete("/api/v1/me/skills/route-planning").status_code == 404
    assert api.get("/api/v1/me").json()["skills"] == []


def test_my_following_lists_people_and_tags(api, member, expert, outsider):
    from guildhall.people.services import person_follow, tag_follow
    from tests.factories import make_item

    person_follow(actor=member, member=expert)
    person_follow(actor=member, member=outsider)
    item = make_item(expert, title="Tagged", tags="forklifts")
    tag_follow(actor=member, tag=item.tags.get())
    following = api.as_(member).get("/api/v1/me/following").json()
    assert [p["username"] for p in following["items"]] == [outsider.username, expert.username]
    assert following["count"] == 2 and following["tags"] == ["forklifts"]


def test_a_department_answers_with_its_sub_departments(api, member):
    from tests.factories import make_department

    parent = make_department("Operations")
    make_department("Warehousing", parent=parent)
    body = api.as_(member).get(f"/api/v1/departments/{parent.slug}").json()
    assert body["name"] == "Operations" and body["sub_departments"] == ["warehousing"]
    assert api.get("/api/v1/departments/nowhere").status_code == 404


def test_items_carry_time_to_first_answer_and_use_counts(api, member, expert, community):
    from datetime import timedelta

    from guildhall.documents.services import document_create, document_download
    from guildhall.qa.models import Question
    from tests.media import pdf_bytes, upload
    from tests.qa.conftest import answer, ask

    question = ask(member, community, title="Which wrap gauge for 1.2 t pallets?")
    waiting = api.as_(expert).get(f"/api/v1/content/{question.pk}").json()
    assert waiting["first_answer_seconds"] is None
    answer(expert, question)
    Question.objects.filter(item=question).update(
        first_answer_at=question.published_at + timedelta(minutes=42)
    )
    answered = api.get(f"/api/v1/content/{question.pk}").json()
    assert answered["first_answer_seconds"] == 42 * 60

    item = document_create(
        actor=member, community=community, title="Wrap spec", file=upload("s.pdf", pdf_bytes())
    )
    assert api.get(f"/api/v1/content/{item.pk}").json()["download_count"] == 0
    document_download(actor=expert, item=item)
    assert api.get(f"/api/v1/content/{item.pk}").json()["download_count"] == 1


def test_a_communitys_expert_picks_in_a_fixed_number_of_queries(
    api, member, expert, outsider, community, private_community, django_assert_max_num_queries
):
    from guildhall.interactions.services import expert_pick_set

    for n in range(3):
        item = make_item(member, community=community, title=f"Pick {n}")
        expert_pick_set(actor=expert, item=item, note=f"Read this first ({n})")
    api.as_(outsider)
    api.get(f"/api/v1/communities/{community.slug}/expert-picks")  # warm the session
    with django_assert_max_num_queries(12):
        picks = api.get(f"/api/v1/communities/{community.slug}/expert-picks").json()
    assert picks["count"] == 3
    first = picks["items"][0]
    assert first["by"] == expert.username and first["note"] == "Read this first (2)"
    assert first["item"]["title"] == "Pick 2"
    hidden = f"/api/v1/communities/{private_community.slug}/expert-picks"
    assert api.get(hidden).status_code == 404


def test_staff_set_leaders_whose_posts_form_the_leadership_blog(
    api, staff, member, expert, community
):
    assert api.as_(member).client.put(f"/api/v1/people/{expert.username}/leader").status_code == 403
    made = api.as_(staff).client.put(f"/api/v1/people/{expert.username}/leader")
    assert made.status_code == 200 and made.json()["is_leader"] is True
    make_item(expert, title="Why we invest in peer learning")
    make_item(member, title="Not a leader's post")
    blog = api.as_(member).get("/api/v1/leadership").json()
    assert [p["title"] for p in blog["items"]] == ["Why we invest in peer learning"]
    assert blog["feed_url"].startswith("/leadership/feed.xml?token=")
    api.client.logout()
    feed = api.client.get(blog["feed_url"])  # a feed reader: no session, the token only
    assert feed.status_code == 200 and b"Why we invest in peer learning" in feed.content
    unset = api.as_(staff).delete(f"/api/v1/people/{expert.username}/leader")
    assert unset.json()["is_leader"] is False
    assert api.as_(member).get("/api/v1/leadership").json()["count"] == 0


def test_a_private_podcast_feed_url_carries_my_token(api, member, private_community):
    body = api.as_(member).get(f"/api/v1/communities/{private_community.slug}/podcast").json()
    assert body["feed_url"].startswith(f"/c/{private_community.slug}/podcast.xml?token=")
    api.client.logout()
    assert api.client.get(body["feed_url"]).status_code == 200


def test_the_asker_asks_experts_who_are_notified(
    api, member, expert, outsider, community, run_on_commit
):
    from guildhall.notifications.models import Notification
    from tests.qa.conftest import ask

    question = ask(member, community, title="How do we reseal a PX-40 pump?")
    path = f"/api/v1/content/{question.pk}/expert-invitations"
    assert api.as_(outsider).post(path, {"experts": [expert.username]}).status_code == 403
    unknown = api.as_(member).post(path, {"experts": ["nobody-here"]})
    assert unknown.status_code == 422 and "nobody-here" in unknown.json()["errors"]["experts"][0]
    assert api.post(path, {"experts": []}).status_code == 422
    with run_on_commit():
        asked = api.post(path, {"experts": [expert.username]})
    assert asked.status_code == 201, asked.content
    assert [i["expert"] for i in asked.json()["items"]] == [expert.username]
    assert Notification.objects.filter(recipient=expert, item=question).exists()
    again = api.post(path, {"experts": [expert.username]})
    assert again.status_code == 422
