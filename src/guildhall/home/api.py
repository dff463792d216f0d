"""/api/v1/home: the caller's home page sections; /api/v1/home/welcome/{username}: welcome a
newcomer."""

from ninja import Query, Router, Status

from guildhall.content.api import _check_kind
from guildhall.core.api_support import MAX_LIMIT
from guildhall.core.api_types import Text, errors
from guildhall.core.exceptions import ValidationError
from guildhall.home import selectors, services
from guildhall.home.schemas import HomeOut, HomeQuery, WelcomeIn, WelcomeOut
from guildhall.people.selectors import person_get

router = Router(tags=["home"])


@router.get("/home", response={200: HomeOut, **errors(401, 422)}, summary="Home page sections")
def home(request, params: Query[HomeQuery]):
    """Every home section for the caller, each a list; a section staff disabled is an empty
    list, and `sections` names the enabled ones in their order. `kind` filters what's new and
    what's popular, `window` (7 or 30) picks the trending period, `limit` sizes what's new."""
    _check_kind(params.kind)
    if params.window not in selectors.WINDOWS:
        raise ValidationError({"window": "window must be 7 or 30 (days)."})
    if not 1 <= params.limit <= MAX_LIMIT:
        raise ValidationError({"limit": f"limit must be between 1 and {MAX_LIMIT}."})
    return selectors.home_sections(
        viewer=request.auth, kind=params.kind, days=params.window, limit=params.limit
    )


@router.post(
    "/home/welcome/{username}",
    response={201: WelcomeOut, **errors(401, 403, 404, 409, 422)},
    summary="Welcome a newcomer",
)
def welcome(request, username: Text, payload: WelcomeIn):
    """Send a newcomer a short welcome (they are notified); once per pair: 409 the second
    time."""
    person = person_get(viewer=request.auth, username=username)
    return Status(
        201, services.welcome_send(actor=request.auth, recipient=person, message=payload.message)
    )
