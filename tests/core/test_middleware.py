"""Signed-out requests: pages redirect to sign-in; htmx fragments send the whole tab there."""

from django.test import Client


def test_a_signed_out_page_request_redirects_to_sign_in(db):
    response = Client().get("/people/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/people/"


def test_a_signed_out_htmx_request_redirects_the_whole_tab(db, community):
    response = Client().get(
        "/people/",
        headers={
            "HX-Request": "true",
            "HX-Current-URL": f"http://testserver/c/{community.slug}/?tab=wiki",
        },
    )
    assert response.status_code == 204
    assert response.content == b""
    assert response["HX-Redirect"] == f"/accounts/login/?next=/c/{community.slug}/%3Ftab%3Dwiki"


def test_an_htmx_request_never_redirects_back_to_another_site(db):
    response = Client().get(
        "/people/",
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example/phish"},
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/"


# --- a method a page does not take, and refused requests in the log ---------------------------


def test_a_get_on_a_post_only_page_shows_the_error_page(client, staff, member):
    client.force_login(staff)
    response = client.get(f"/u/{member.username}/leader/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<title>" in html
    assert "This address doesn&#x27;t take a GET request." in html


def test_the_api_answers_a_wrong_method_with_json(client, member):
    client.force_login(member)
    response = client.put("/api/v1/content", {}, content_type="application/json")
    assert response.status_code == 405
    assert response.json() == {"detail": "This address doesn't take a PUT request."}


def test_an_htmx_wrong_method_gets_no_page_to_swap_in(client, staff, member):
    client.force_login(staff)
    response = client.get(f"/u/{member.username}/leader/", headers={"HX-Request": "true"})
    assert response.status_code == 405
    assert response.content == b""


def test_a_refused_request_is_logged_as_one_line(client, member, caplog):
    client.force_login(member)  # not a manager: may not post news
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get("/news/new/").status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /news/new/"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
