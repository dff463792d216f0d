"""How API clients authenticate: a personal bearer token, or the browser session."""

from ninja.security import HttpBearer, SessionAuth

from guildhall.accounts.services import api_token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class BrowserSession(SessionAuth):
    """The signed-in browser session, CSRF checked. A request with no session is simply not
    authenticated (401), rather than failing the CSRF check first (403)."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


# A bearer token first (no CSRF: not a cookie), else the browser session (CSRF checked).
session_or_token = [BearerToken(), BrowserSession()]


def session_or_bearer_user(request):
    """For file URLs outside the API (audio, documents): the signed-in member, else the member an
    `Authorization: Bearer` token names, else None."""
    if request.user.is_authenticated:
        return request.user
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return api_token_authenticate(token.strip()) if scheme.lower() == "bearer" else None
