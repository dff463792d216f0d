"""Helpers for API tests: JSON requests as a signed-in member or with a bearer token."""

from guildhall.accounts.services import api_token_create


def bearer(user) -> dict:
    """Request headers carrying a fresh personal API token of `user`."""
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


class Api:
    """A thin wrapper over Django's test client that speaks JSON."""

    def __init__(self, client):
        self.client = client

    def as_(self, user):
        self.client.force_login(user)
        return self

    def get(self, path, data=None, **extra):
        return self.client.get(path, data or {}, **extra)

    def post(self, path, data=None, **extra):
        return self.client.post(path, data or {}, content_type="application/json", **extra)

    def patch(self, path, data=None, **extra):
        return self.client.patch(path, data or {}, content_type="application/json", **extra)

    def delete(self, path, **extra):
        return self.client.delete(path, **extra)


def field_error(response, field: str) -> str:
    """Assert a 422 that names `field`; return its detail."""
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in body["detail"], body
    return body["detail"]
