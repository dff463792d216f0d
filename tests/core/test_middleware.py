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
