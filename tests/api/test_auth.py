"""Authentication, CSRF, the token command, the health check and the OpenAPI documents."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from guildhall.accounts.models import ApiToken
from guildhall.communities.models import Community
from tests.api.conftest import bearer

# Every endpoint of the first set, with a body for the writes.
ENDPOINTS = [
    ("get", "/api/v1/me", None),
    ("get", "/api/v1/people", None),
    ("get", "/api/v1/people/mia", None),
    ("get", "/api/v1/departments", None),
    ("get", "/api/v1/communities", None),
    ("post", "/api/v1/communities", {"name": "Anonymous guild"}),
    ("get", "/api/v1/communities/supply-chain-practice", None),
    ("post", "/api/v1/communities/supply-chain-practice/join", {"accept_guidelines": True}),
    ("post", "/api/v1/communities/supply-chain-practice/leave", None),
    ("get", "/api/v1/communities/supply-chain-practice/members", None),
    ("get", "/api/v1/content", None),
    ("post", "/api/v1/content", {"kind": "post", "title": "Hello", "community": None}),
    ("get", "/api/v1/content/1", None),
    ("patch", "/api/v1/content/1", {"title": "Changed"}),
    ("delete", "/api/v1/content/1", None),
    ("get", "/api/v1/content/1/comments", None),
    ("post", "/api/v1/content/1/comments", {"body": "Hi"}),
]

PATHS = {
    "/api/v1/me",
    "/api/v1/people",
    "/api/v1/people/{username}",
    "/api/v1/departments",
    "/api/v1/communities",
    "/api/v1/communities/{slug}",
    "/api/v1/communities/{slug}/join",
    "/api/v1/communities/{slug}/leave",
    "/api/v1/communities/{slug}/members",
    "/api/v1/content",
    "/api/v1/content/{id}",
    "/api/v1/content/{id}/comments",
    "/api/v1/health",
}


def _send(client, method, path, body, **extra):
    if method in {"post", "patch"}:
        return getattr(client, method)(
            path, json.dumps(body or {}), content_type="application/json", **extra
        )
    return getattr(client, method)(path, **extra)


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_every_endpoint_answers_401_without_auth(client, community, method, path, body):
    count_before = Community.objects.count()
    response = _send(client, method, path, body)
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required: sign in or send a bearer token."}
    assert Community.objects.count() == count_before


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_every_endpoint_answers_401_to_a_bad_token_even_with_csrf_enforced(db, method, path, body):
    client = Client(enforce_csrf_checks=True)
    response = _send(client, method, path, body, HTTP_AUTHORIZATION="Bearer gh_not-a-token")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_bearer_token_authenticates(client, member):
    response = client.get("/api/v1/me", **bearer(member))
    assert response.status_code == 200
    assert response.json()["username"] == "mia"
    token = ApiToken.objects.get(user=member)
    assert token.last_used_at is not None


def test_token_of_an_inactive_member_is_refused(client, member):
    headers = bearer(member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert client.get("/api/v1/me", **headers).status_code == 401


def test_session_post_without_csrf_token_is_rejected(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(
        "/api/v1/communities", {"name": "Sneaky guild"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check Failed"}
    assert not Community.objects.filter(name="Sneaky guild").exists()


def test_session_post_with_csrf_token_works(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    response = client.post(
        "/api/v1/communities",
        {"name": "Careful guild"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=secret,
    )
    assert response.status_code == 201, response.content
    assert Community.objects.filter(name="Careful guild", created_by=member).exists()


def test_bearer_post_needs_no_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/communities",
        {"name": "Scripted guild"},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "scripted-guild"
    assert Community.objects.get(slug="scripted-guild").created_by == member


def test_session_get_needs_no_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.get("/api/v1/me").json()["username"] == "mia"


def test_token_command_prints_only_the_token_and_it_works(client, member):
    out = StringIO()
    call_command("token", "MIA@example.com", "--name", "ci script", stdout=out)
    printed = out.getvalue()
    token = printed.strip()
    assert printed == token + "\n"
    assert token.startswith("gh_") and " " not in token
    stored = ApiToken.objects.get(user=member)
    assert stored.name == "ci script"
    assert token not in {stored.key_hash, stored.prefix}  # only the hash is stored
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["email"] == "mia@example.com"


def test_token_command_refuses_an_unknown_email(db):
    with pytest.raises(CommandError, match=r"nobody@example\.com"):
        call_command("token", "nobody@example.com", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_health_needs_no_auth(client, db):  # it checks the database
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_document_is_public_json_listing_the_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) >= PATHS
    assert set(document["paths"]["/api/v1/content/{id}"]) == {"get", "patch", "delete"}
    assert "ItemOut" in document["components"]["schemas"]
    item_fields = document["components"]["schemas"]["ItemOut"]["properties"]
    assert {"id", "kind", "body_html", "community", "author", "tags", "views"} <= set(item_fields)
    schemes = document["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_interactive_docs_render_without_sign_in(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger" in html.lower()
    assert "/api/v1/openapi.json" in html


def test_body_and_query_errors_share_one_shape(client, member):
    from tests.api.conftest import bearer

    body = client.post(
        "/api/v1/content", {"kind": "post"}, content_type="application/json", **bearer(member)
    )
    query = client.get("/api/v1/content?limit=abc", **bearer(member))
    service = client.get("/api/v1/content?limit=1000", **bearer(member))
    for response, field in ((body, "title"), (query, "limit"), (service, "limit")):
        assert response.status_code == 422
        data = response.json()
        assert field in data["detail"]
        assert isinstance(data["errors"][field], list) and data["errors"][field]
        assert all(isinstance(message, str) for message in data["errors"][field])


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("put", "/api/v1/me/notification-preferences", [None, None]),
        ("post", "/api/v1/content", ["post", "Title"]),
        ("patch", "/api/v1/me", "Mia"),
    ],
)
def test_a_body_that_is_not_an_object_is_refused(client, member, method, path, body):
    from tests.api.conftest import bearer

    send = getattr(client, method)
    response = send(path, body, content_type="application/json", **bearer(member))
    assert response.status_code in (400, 422), response.content
    assert "JSON object" in response.json()["detail"] or "parse" in response.json()["detail"]
