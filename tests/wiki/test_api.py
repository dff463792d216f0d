"""The wiki through /api/v1/: create, PATCH with base_revision (409 when stale), revisions,
revert, the item's `revision` field, and 404 for private wikis."""

from guildhall.wiki.models import WikiRevision
from guildhall.wiki.services import wiki_settings_set
from tests.api.conftest import bearer
from tests.wiki.conftest import edit, make_page


def test_create_wiki_page_through_content_api(api, member, community):
    response = api.as_(member).post(
        "/api/v1/content",
        {
            "kind": "wiki",
            "community": community.slug,
            "title": "Glossary",
            "body": "See [[Onboarding checklist]]",
            "summary": "First cut",
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "wiki" and data["revision"] == 1
    assert 'class="wiki-missing"' in data["body_html"]
    assert WikiRevision.objects.get(item_id=data["id"]).summary == "First cut"


def test_create_needs_a_community_and_a_free_title(api, member, community):
    api.as_(member)
    response = api.post("/api/v1/content", {"kind": "wiki", "title": "Lonely"})
    assert response.status_code == 422 and "community" in response.json()["detail"]
    make_page(member, community, title="Glossary")
    response = api.post(
        "/api/v1/content", {"kind": "wiki", "community": community.slug, "title": "GLOSSARY"}
    )
    assert response.status_code == 422 and "title" in response.json()["detail"]


def test_patch_with_current_base_saves_a_revision(api, member, expert, community):
    item = make_page(member, community)
    response = api.as_(expert).patch(
        f"/api/v1/content/{item.pk}",
        {"body": "New text", "summary": "Rewrote", "base_revision": 1},
    )
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 2 and response.json()["body"] == "New text"
    item.refresh_from_db()
    assert item.body == "New text"
    revision = WikiRevision.objects.get(item=item, number=2)
    assert revision.summary == "Rewrote" and revision.author == expert


def test_patch_with_stale_base_answers_409(api, member, expert, community):
    item = make_page(member, community)
    edit(expert, item, "Eric's version", 1)
    response = api.as_(member).patch(
        f"/api/v1/content/{item.pk}", {"body": "Mia's version", "base_revision": 1}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["latest_revision"] == 2 and "revision 2" in body["detail"]
    item.refresh_from_db()
    assert item.body == "Eric's version" and item.wiki_page.revision == 2


def test_patch_without_base_revision_is_422(api, member, community):
    item = make_page(member, community)
    response = api.as_(member).patch(f"/api/v1/content/{item.pk}", {"body": "x"})
    assert response.status_code == 422 and "base_revision" in response.json()["detail"]
    response = api.patch(f"/api/v1/content/{item.pk}", {"body": "x", "base_revision": "two"})
    assert response.status_code == 422


def test_patch_by_bearer_token(client, member, community):
    item = make_page(member, community)
    response = client.patch(
        f"/api/v1/content/{item.pk}",
        {"title": "Onboarding steps", "base_revision": 1},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 200 and response.json()["title"] == "Onboarding steps"


def test_patch_respects_the_edit_setting(api, member, expert, community_manager, community):
    item = make_page(member, community)
    wiki_settings_set(actor=community_manager, community=community, editors="experts")
    response = api.as_(member).patch(
        f"/api/v1/content/{item.pk}", {"body": "x", "base_revision": 1}
    )
    assert response.status_code == 403
    response = api.as_(expert).patch(
        f"/api/v1/content/{item.pk}", {"body": "x", "base_revision": 1}
    )
    assert response.status_code == 200


def test_revisions_list_detail_and_revert(api, member, expert, community):
    item = make_page(member, community, body="one")
    edit(expert, item, "two", 1, summary="Second")
    api.as_(member)
    data = api.get(f"/api/v1/content/{item.pk}/revisions").json()
    assert data["count"] == 2
    assert [r["number"] for r in data["items"]] == [2, 1]
    first = data["items"][0]
    assert first["author"] == "eric" and first["summary"] == "Second" and "body" not in first
    assert first["title"] == item.title and first["created_at"]
    data = api.get(f"/api/v1/content/{item.pk}/revisions", {"limit": 1, "offset": 1}).json()
    assert [r["number"] for r in data["items"]] == [1] and data["count"] == 2

    detail = api.get(f"/api/v1/content/{item.pk}/revisions/1").json()
    assert detail["body"] == "one" and detail["number"] == 1
    assert api.get(f"/api/v1/content/{item.pk}/revisions/9").status_code == 404

    response = api.post(f"/api/v1/content/{item.pk}/revert", {"revision": 1})
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 3 and response.json()["body"] == "one"
    assert WikiRevision.objects.get(item=item, number=3).summary == "Reverted to revision 1"
    response = api.post(f"/api/v1/content/{item.pk}/revert", {"revision": 3})
    assert response.status_code == 422 and "revision" in response.json()["detail"]
    response = api.post(f"/api/v1/content/{item.pk}/revert", {})
    assert response.status_code == 422


def test_revision_field_in_lists(api, member, community):
    item = make_page(member, community)
    edit(member, item, "again", 1)
    data = api.as_(member).get("/api/v1/content", {"kind": "wiki"}).json()
    assert data["items"][0]["revision"] == 2


def test_non_wiki_items_have_no_revisions(api, member, community):
    from tests.factories import make_item

    item = make_item(member, community=community)
    api.as_(member)
    assert api.get(f"/api/v1/content/{item.pk}/revisions").status_code == 404
    assert api.post(f"/api/v1/content/{item.pk}/revert", {"revision": 1}).status_code == 404
    # Other kinds' PATCH is unchanged by the wiki fields.
    response = api.patch(f"/api/v1/content/{item.pk}", {"body": "x", "summary": "ignored"})
    assert response.status_code == 200 and response.json()["body"] == "x"


def test_private_wiki_is_404_in_the_api(api, member, outsider, staff, private_community):
    item = make_page(member, private_community)
    api.as_(outsider)
    for path in (
        f"/api/v1/content/{item.pk}",
        f"/api/v1/content/{item.pk}/revisions",
        f"/api/v1/content/{item.pk}/revisions/1",
    ):
        assert api.get(path).status_code == 404
    assert (
        api.patch(f"/api/v1/content/{item.pk}", {"body": "x", "base_revision": 1}).status_code
        == 404
    )
    assert api.post(f"/api/v1/content/{item.pk}/revert", {"revision": 1}).status_code == 404
    api.as_(staff)
    assert api.get(f"/api/v1/content/{item.pk}/revisions").status_code == 200


def test_unauthenticated_is_401(client, member, community):
    item = make_page(member, community)
    assert client.get(f"/api/v1/content/{item.pk}/revisions").status_code == 401


def test_xss_in_revision_fields_comes_back_as_text(api, member, community):
    item = make_page(member, community, title="T", body="<script>x</script>", summary="<b>s</b>")
    data = api.as_(member).get(f"/api/v1/content/{item.pk}/revisions/1").json()
    assert data["body"] == "<script>x</script>" and data["summary"] == "<b>s</b>"
    html = api.get(f"/api/v1/content/{item.pk}").json()["body_html"]
    assert "<script" not in html
