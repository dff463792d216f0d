"""/api/v1/content: list, create, detail, change, delete."""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.communities.models import Community
from guildhall.content.models import ContentItem
from guildhall.core.models import AuditEntry
from tests.api.conftest import bearer, field_error
from tests.factories import make_comment, make_item

XSS = (
    'Hello <script>alert("x")</script> <img src="x" onerror="alert(1)"> '
    '[click](javascript:alert(2)) ![pic](javascript:alert(3)) <a href="#" onclick="steal()">a</a>'
    "\n\n<div><script>alert(4)</script></div>\n\n![ok](https://example.com/a.png)"
)


class _Tags(HTMLParser):
    """Collects the real elements and attributes of some HTML (not escaped text)."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((name, value or "") for name, value in attrs)


def assert_safe(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
    assert not [v for _, v in parser.attrs if v.strip().lower().startswith("javascript:")]
    assert "<script" not in html.lower()


@pytest.fixture
def items(member, expert, community, private_community):
    """A public item, a private one, a personal post and a draft."""
    return {
        "public": make_item(
            expert,
            community=community,
            kind="discussion",
            title="Pallets",
            tags=["logistics", "pallets"],
        ),
        "private": make_item(
            member, community=private_community, title="Outage review", tags=["incident"]
        ),
        "personal": make_item(member, title="My first post", tags=["logistics"]),
        "draft": make_item(member, community=community, title="Unfinished", publish=False),
    }


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [i["title"] for i in response.json()["items"]]


# --- list ---------------------------------------------------------------------------------


def test_list_hides_private_items_from_outsiders(api, member, outsider, staff, items):
    everything = ["My first post", "Outage review", "Pallets"]
    assert sorted(_titles(api.as_(member).get("/api/v1/content"))) == everything
    assert sorted(_titles(api.as_(staff).get("/api/v1/content"))) == everything
    outsider_view = api.as_(outsider).get("/api/v1/content").json()
    assert sorted(i["title"] for i in outsider_view["items"]) == ["My first post", "Pallets"]
    assert outsider_view["count"] == 2


def test_list_item_fields(api, outsider, items):
    body = api.as_(outsider).get("/api/v1/content", {"kind": "discussion"}).json()
    assert body["count"] == 1
    item = body["items"][0]
    pallets = items["public"]
    assert item["id"] == pallets.pk
    assert item["kind"] == "discussion"
    assert item["title"] == "Pallets"
    assert item["body"] == "Some **useful** text."
    assert item["body_html"] == "<p>Some <strong>useful</strong> text.</p>\n"
    assert item["status"] == "published"
    assert item["community"] == "supply-chain-practice"
    assert item["author"] == "eric"
    assert item["tags"] == ["logistics", "pallets"]
    assert item["views"] == 0 and item["comments"] == 0
    assert item["published_at"].startswith(str(pallets.published_at.year))
    assert item["created_at"].endswith("Z") or "+" in item["created_at"]
    assert item["html_url"] == f"/content/{pallets.pk}/pallets/"


def test_list_filters(api, member, items):
    api.as_(member)
    assert _titles(api.get("/api/v1/content", {"community": "supply-chain-practice"})) == [
        "Pallets"
    ]
    assert _titles(api.get("/api/v1/content", {"community": "incident-review-board"})) == [
        "Outage review"
    ]
    assert _titles(api.get("/api/v1/content", {"author": "eric"})) == ["Pallets"]
    assert _titles(api.get("/api/v1/content", {"kind": "discussion"})) == ["Pallets"]
    assert sorted(_titles(api.get("/api/v1/content", {"tag": "logistics"}))) == [
        "My first post",
        "Pallets",
    ]
    assert _titles(api.get("/api/v1/content", {"tag": "#Incident"})) == ["Outage review"]
    assert _titles(api.get("/api/v1/content", {"tag": "logistics", "author": "mia"})) == [
        "My first post"
    ]


def test_list_never_shows_drafts(api, member, items):
    assert "Unfinished" not in _titles(api.as_(member).get("/api/v1/content"))


def test_filtering_by_a_hidden_community_answers_like_a_missing_one(api, outsider, items):
    api.as_(outsider)
    hidden = field_error(
        api.get("/api/v1/content", {"community": "incident-review-board"}), "community"
    )
    missing = field_error(api.get("/api/v1/content", {"community": "nope"}), "community")
    assert hidden == missing == "community: No such community."


def test_list_rejects_bad_filters(api, member, items):
    api.as_(member)
    field_error(api.get("/api/v1/content", {"author": "nobody"}), "author")
    field_error(api.get("/api/v1/content", {"kind": "poem"}), "kind")
    field_error(api.get("/api/v1/content", {"limit": 101}), "limit")
    field_error(api.get("/api/v1/content", {"offset": -5}), "offset")
    field_error(api.get("/api/v1/content", {"tag": "\x00"}), "tag")


def test_list_pagination(api, member):
    made = [make_item(member, title=f"Note {n}") for n in range(7)]
    api.as_(member)
    first = api.get("/api/v1/content", {"limit": 3}).json()
    middle = api.get("/api/v1/content", {"limit": 3, "offset": 3}).json()
    last = api.get("/api/v1/content", {"limit": 3, "offset": 6}).json()
    assert first["count"] == middle["count"] == last["count"] == 7
    ids = [i["id"] for page in (first, middle, last) for i in page["items"]]
    assert ids == [item.pk for item in reversed(made)]  # newest first, each once


def test_list_runs_a_fixed_number_of_queries(
    api, member, community, private_community, django_assert_max_num_queries
):
    for n in range(30):
        make_item(
            member,
            community=private_community if n % 2 else community,
            tags=[f"tag{n % 3}", "shared"],
        )
    api.as_(member)
    with CaptureQueriesContext(connection) as few:
        api.get("/api/v1/content", {"limit": 1})
    with django_assert_max_num_queries(len(few)):
        body = api.get("/api/v1/content", {"limit": 100}).json()
    assert body["count"] == len(body["items"]) == 30
    assert len(few) <= 7  # session, user, page, tags, count, expert picks, quality
    with django_assert_max_num_queries(len(few) + 1):  # + the community lookup
        api.get("/api/v1/content", {"limit": 100, "community": "supply-chain-practice"})


# --- create -------------------------------------------------------------------------------


def test_create_in_a_community(api, member, community):
    response = api.as_(member).post(
        "/api/v1/content",
        {
            "kind": "discussion",
            "community": "supply-chain-practice",
            "title": "Cross-docking tips",
            "body": "Use **zones**.",
            "tags": ["Warehousing", "#cross-docking", "warehousing"],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    item = ContentItem.objects.get(pk=body["id"])
    assert item.author == member and item.community == community
    assert item.kind == "discussion" and item.status == "published"
    assert item.published_at is not None
    assert sorted(t.slug for t in item.tags.all()) == ["cross-docking", "warehousing"]
    assert body["title"] == "Cross-docking tips"
    assert body["body_html"] == "<p>Use <strong>zones</strong>.</p>\n"
    assert body["status"] == "published"
    assert body["community"] == "supply-chain-practice"
    assert body["author"] == "mia"
    assert body["tags"] == ["cross-docking", "warehousing"]  # by name
    community.refresh_from_db()
    assert community.item_count == 1


def test_create_personal_post_by_token_with_tags_as_text(client, member):
    response = client.post(
        "/api/v1/content",
        {"kind": "post", "community": None, "title": "Hello", "tags": "one, two three"},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 201, response.content
    assert response.json()["community"] is None
    assert response.json()["tags"] == ["one", "three", "two"]
    assert ContentItem.objects.get(title="Hello").community is None


def test_create_draft(api, member, outsider, community):
    response = api.as_(member).post(
        "/api/v1/content",
        {"kind": "post", "community": "supply-chain-practice", "title": "WIP", "status": "draft"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft" and body["published_at"] is None
    item = ContentItem.objects.get(pk=body["id"])
    assert item.status == ContentItem.Status.DRAFT
    community.refresh_from_db()
    assert community.item_count == 0
    assert api.get(f"/api/v1/content/{item.pk}").status_code == 200  # the author sees it
    assert api.as_(outsider).get(f"/api/v1/content/{item.pk}").status_code == 404


def test_body_html_is_sanitised(api, member):
    response = api.as_(member).post(
        "/api/v1/content", {"kind": "post", "title": "XSS", "body": XSS}
    )
    assert response.status_code == 201
    body = response.json()
    assert_safe(body["body_html"])
    # An image from a host the admin has not allowed is a link, never fetched by readers.
    assert (
        '<a href="https://example.com/a.png" rel="noopener noreferrer nofollow">ok</a>'
        in (body["body_html"])
    )
    assert body["body"] == XSS  # the member's text is kept as written
    assert_safe(ContentItem.objects.get(pk=body["id"]).body_html)
    again = api.get(f"/api/v1/content/{body['id']}").json()
    assert again["body_html"] == body["body_html"]


def test_create_in_a_hidden_community_answers_like_a_missing_one(api, outsider, private_community):
    api.as_(outsider)
    base = {"kind": "post", "title": "Let me in"}
    hidden = field_error(
        api.post("/api/v1/content", {**base, "community": "incident-review-board"}), "community"
    )
    missing = field_error(api.post("/api/v1/content", {**base, "community": "nope"}), "community")
    assert hidden == missing == "community: No such community."
    assert not ContentItem.objects.exists()


def test_create_in_private_community_as_member(api, member, private_community):
    response = api.as_(member).post(
        "/api/v1/content",
        {"kind": "post", "title": "Postmortem", "community": "incident-review-board"},
    )
    assert response.status_code == 201
    item = ContentItem.objects.get(title="Postmortem")
    assert item.visibility == ContentItem.Visibility.COMMUNITY


def test_create_needs_membership_of_a_public_community(api, outsider, community):
    response = api.as_(outsider).post(
        "/api/v1/content",
        {"kind": "discussion", "title": "Hi", "community": "supply-chain-practice"},
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Join this community to post and comment in it."}
    assert not ContentItem.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "No kind"}, "kind"),
        ({"kind": "poem", "title": "Roses"}, "kind"),
        ({"kind": "post"}, "title"),
        ({"kind": "post", "title": "   "}, "title"),
        ({"kind": "post", "title": "T" * 201}, "title"),
        ({"kind": "post", "title": ["a"]}, "title"),
        ({"kind": "post", "title": "Ok", "body": 12}, "body"),
        ({"kind": "post", "title": "Ok", "body": "x" * 100_001}, "body"),
        ({"kind": "post", "title": "Ok", "tags": [f"t{n}" for n in range(11)]}, "tags"),
        ({"kind": "post", "title": "Ok", "tags": {"a": 1}}, "tags"),
        ({"kind": "post", "title": "Ok", "status": "removed"}, "status"),
        ({"kind": "discussion", "title": "Needs a home"}, "community"),
        ({"kind": "post", "title": "Ok", "community": 7}, "community"),
        ({"kind": "post", "title": "nul\x00"}, "title"),
    ],
)
def test_create_rejects_bad_input_naming_the_field(api, member, community, payload, field):
    field_error(api.as_(member).post("/api/v1/content", payload), field)
    assert not ContentItem.objects.exists()


# --- detail -------------------------------------------------------------------------------


def test_detail(api, outsider, items):
    pallets = items["public"]
    make_comment(outsider if False else items["public"].author, pallets)
    response = api.as_(outsider).get(f"/api/v1/content/{pallets.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == pallets.pk and body["title"] == "Pallets"
    assert body["comments"] == 1


def test_private_and_draft_items_are_404_to_others(api, member, outsider, staff, items):
    private, draft = items["private"].pk, items["draft"].pk
    api.as_(outsider)
    for pk in (private, draft, 999_999):
        response = api.get(f"/api/v1/content/{pk}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    assert api.as_(member).get(f"/api/v1/content/{private}").json()["title"] == "Outage review"
    assert api.as_(staff).get(f"/api/v1/content/{private}").status_code == 200


def test_detail_rejects_a_bad_id(api, member):
    api.as_(member)
    field_error(api.get("/api/v1/content/abc"), "id")
    field_error(api.get(f"/api/v1/content/{10**30}"), "id")
    field_error(api.get("/api/v1/content/0"), "id")


# --- patch --------------------------------------------------------------------------------


def test_author_patches_only_the_fields_sent(api, expert, items):
    pallets = items["public"]
    response = api.as_(expert).patch(
        f"/api/v1/content/{pallets.pk}", {"title": "Pallets, revised", "tags": ["euro-pallets"]}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Pallets, revised"
    assert body["tags"] == ["euro-pallets"]
    assert body["body"] == "Some **useful** text."
    pallets.refresh_from_db()
    assert pallets.title == "Pallets, revised"
    assert pallets.slug == "pallets-revised"
    assert pallets.body == "Some **useful** text."
    assert [t.slug for t in pallets.tags.all()] == ["euro-pallets"]


def test_patch_body_is_rendered_and_sanitised(api, expert, items):
    pallets = items["public"]
    body = api.as_(expert).patch(f"/api/v1/content/{pallets.pk}", {"body": XSS}).json()
    assert_safe(body["body_html"])
    pallets.refresh_from_db()
    assert pallets.body == XSS
    assert_safe(pallets.body_html)


def test_patch_publishes_a_draft(api, member, community, items):
    draft = items["draft"]
    response = api.as_(member).patch(
        f"/api/v1/content/{draft.pk}", {"status": "published", "title": "Finished"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    assert response.json()["published_at"] is not None
    draft.refresh_from_db()
    assert draft.status == ContentItem.Status.PUBLISHED and draft.title == "Finished"
    community.refresh_from_db()
    assert community.item_count == 2  # Pallets and this one


def test_community_manager_may_patch(api, community_manager, items):
    pallets = items["public"]
    response = api.as_(community_manager).patch(
        f"/api/v1/content/{pallets.pk}", {"title": "Moderated"}
    )
    assert response.status_code == 200
    pallets.refresh_from_db()
    assert pallets.title == "Moderated"


def test_patch_by_someone_else_is_403(api, member, outsider, items):
    pallets = items["public"]
    for user in (member, outsider):
        response = api.as_(user).patch(f"/api/v1/content/{pallets.pk}", {"title": "Mine now"})
        assert response.status_code == 403
        assert "author" in response.json()["detail"]
    assert api.as_(member).patch(f"/api/v1/content/{pallets.pk}", {}).status_code == 403
    pallets.refresh_from_db()
    assert pallets.title == "Pallets"


def test_patch_private_item_by_outsider_is_404(api, outsider, items):
    private = items["private"]
    response = api.as_(outsider).patch(f"/api/v1/content/{private.pk}", {"title": "Leaked"})
    assert response.status_code == 404
    private.refresh_from_db()
    assert private.title == "Outage review"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": ["no"]}, "body"),
        ({"status": "draft"}, "status"),
        ({"tags": [str(n) for n in range(11)]}, "tags"),
    ],
)
def test_patch_rejects_bad_input(api, expert, items, payload, field):
    pallets = items["public"]
    field_error(api.as_(expert).patch(f"/api/v1/content/{pallets.pk}", payload), field)
    pallets.refresh_from_db()
    assert pallets.title == "Pallets" and pallets.status == "published"


def test_patch_needs_auth(client, items):
    response = client.patch(
        f"/api/v1/content/{items['public'].pk}", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 401


# --- delete -------------------------------------------------------------------------------


def test_author_deletes(api, expert, community, items):
    pallets = items["public"]
    response = api.as_(expert).delete(f"/api/v1/content/{pallets.pk}")
    assert response.status_code == 204
    assert response.content == b""
    assert not ContentItem.objects.filter(pk=pallets.pk).exists()
    assert Community.objects.get(pk=community.pk).item_count == 0
    assert api.get(f"/api/v1/content/{pallets.pk}").status_code == 404


def test_delete_by_non_author_is_403(api, member, items):
    pallets = items["public"]
    response = api.as_(member).delete(f"/api/v1/content/{pallets.pk}")
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Only the author or a community manager can change this item."
    )
    assert ContentItem.objects.filter(pk=pallets.pk).exists()


def test_delete_private_item_by_outsider_is_404(api, outsider, items):
    private = items["private"]
    assert api.as_(outsider).delete(f"/api/v1/content/{private.pk}").status_code == 404
    assert ContentItem.objects.filter(pk=private.pk).exists()


def test_staff_deletes_anothers_item_only_with_a_reason(client, staff, items):
    private = items["private"]
    url = f"/api/v1/content/{private.pk}"
    field_error(client.delete(url, **bearer(staff)), "reason")
    field_error(client.delete(f"{url}?reason=%20", **bearer(staff)), "reason")
    assert ContentItem.objects.filter(pk=private.pk).exists()
    assert client.delete(f"{url}?reason=Duplicate", **bearer(staff)).status_code == 204
    assert not ContentItem.objects.filter(pk=private.pk).exists()


def test_the_reason_may_come_in_a_json_body(client, staff, items):
    public = items["public"]
    url = f"/api/v1/content/{public.pk}"
    bad = client.delete(url, {"reason": 5}, content_type="application/json", **bearer(staff))
    field_error(bad, "reason")
    response = client.delete(
        url, {"reason": "Posted twice"}, content_type="application/json", **bearer(staff)
    )
    assert response.status_code == 204
    assert AuditEntry.objects.get(action="item_delete").data["reason"] == "Posted twice"


def test_delete_needs_auth(client, items):
    assert client.delete(f"/api/v1/content/{items['public'].pk}").status_code == 401
    assert ContentItem.objects.filter(pk=items["public"].pk).exists()
