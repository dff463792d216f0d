"""Hostile or clumsy input gets a 4xx JSON answer, never a 500."""

import pytest

from guildhall.communities.models import Community
from guildhall.content.models import ContentItem
from tests.api.conftest import field_error


@pytest.fixture
def signed_in(api, member, community):
    return api.as_(member)


@pytest.mark.parametrize(
    "raw",
    ["{bad json", "", "null", "[1, 2]", '"a string"', "{'single': 'quotes'}", "\xff\xfe"],
)
def test_malformed_json_bodies(signed_in, raw):
    for path in ("/api/v1/content", "/api/v1/communities"):
        response = signed_in.client.post(path, raw, content_type="application/json")
        assert response.status_code in {400, 422}, (path, raw, response.content)
        assert response.json()["detail"]
    assert not ContentItem.objects.exists()
    assert Community.objects.count() == 1


def test_form_encoded_body_is_refused(signed_in):
    response = signed_in.client.post("/api/v1/content", {"kind": "post", "title": "Form"})
    assert response.status_code in {400, 422}
    assert response.json()["detail"]
    assert not ContentItem.objects.exists()


def test_a_json_body_that_is_too_large_is_refused(signed_in, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = signed_in.post(
        "/api/v1/content", {"kind": "post", "title": "Big", "body": "x" * 5000}
    )
    assert 400 <= response.status_code < 500
    assert not ContentItem.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people",
        "/api/v1/departments",
        "/api/v1/communities",
        "/api/v1/communities/supply-chain-practice/members",
        "/api/v1/content",
    ],
)
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 10**100}, "limit"),
        ({"limit": -(10**100)}, "limit"),
        ({"limit": "1e3"}, "limit"),
        ({"limit": ""}, "limit"),
        ({"offset": 10**100}, "offset"),
        ({"offset": 2**63}, "offset"),
        ({"offset": 3.5}, "offset"),
    ],
)
def test_bad_paging_parameters_name_the_field(signed_in, path, params, field):
    field_error(signed_in.get(path, params), field)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/content/-1",
        "/api/v1/content/1.5",
        "/api/v1/content/99999999999999999999999999999/comments",
        "/api/v1/content/%00",
    ],
)
def test_bad_ids_name_the_field(signed_in, path):
    field_error(signed_in.get(path), "id")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/%00",
        "/api/v1/communities/a%00b",
        "/api/v1/people?q=%00",
        "/api/v1/communities?q=x%00",
        "/api/v1/content?author=%00",
    ],
)
def test_nul_characters_are_refused(signed_in, path):
    response = signed_in.get(path)
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]


def test_unknown_paths_and_methods_answer_4xx(signed_in):
    assert signed_in.get("/api/v1/nothing-here").status_code == 404
    assert signed_in.client.put("/api/v1/content", {}).status_code == 405
    assert signed_in.delete("/api/v1/communities/supply-chain-practice").status_code == 405


def test_very_long_strings_do_not_break_anything(signed_in):
    long = "é" * 10_000
    assert signed_in.get("/api/v1/people", {"q": long}).json()["count"] == 0
    assert signed_in.get(f"/api/v1/communities/{'x' * 3000}").status_code == 404
    field_error(signed_in.post("/api/v1/communities", {"name": long}), "name")
    field_error(
        signed_in.post("/api/v1/content", {"kind": "post", "title": "Ok", "community": long}),
        "community",
    )


def test_too_many_writes_answer_429(signed_in, settings):
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 2
    for n in range(2):
        assert (
            signed_in.post("/api/v1/content", {"kind": "post", "title": f"T{n}"}).status_code == 201
        )
    response = signed_in.post("/api/v1/content", {"kind": "post", "title": "One too many"})
    assert response.status_code == 429
    assert "too often" in response.json()["detail"]
    assert ContentItem.objects.count() == 2
