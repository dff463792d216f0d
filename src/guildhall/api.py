"""The one REST API at /api/v1/: each app adds its Router; errors answer {"detail": ...}."""

from ninja import NinjaAPI, Schema, Status

from guildhall.accounts.api_auth import session_or_token
from guildhall.core.api_support import install_error_handlers
from guildhall.core.health import health_report

api = NinjaAPI(
    title="Guildhall API",
    version="1",
    description="Communities, people and items of a Guildhall social learning platform.",
    auth=session_or_token,
    urls_namespace="api",
)
install_error_handlers(api)

api.add_router("", "guildhall.people.api.router")
api.add_router("/communities", "guildhall.communities.api.router")
api.add_router("/join-requests", "guildhall.communities.api.join_requests_router")
api.add_router("/content", "guildhall.content.api.router")
api.add_router("", "guildhall.interactions.api.router")
api.add_router("", "guildhall.moderation.api.router")
api.add_router("", "guildhall.moderation.api_flags.router")
api.add_router("", "guildhall.moderation.api_verification.router")
api.add_router("", "guildhall.moderation.api_audit.router")
api.add_router("", "guildhall.moderation.api_guidelines.router")
_KIND_AND_DISCOVERY_APPS = (
    "qa",
    "wiki",
    "podcasts",
    "documents",
    "boards",
    "news",
    "interviews",
    "notifications",
    "home",
    "search",
)
for _app in _KIND_AND_DISCOVERY_APPS:
    api.add_router("", f"guildhall.{_app}.api.router")


class QueueOut(Schema):
    pending: int


class HealthOut(Schema):
    status: str
    service: str
    version: str
    checks: dict[str, str]
    queue: QueueOut | None = None


@api.get(
    "/health",
    auth=None,
    tags=["meta"],
    response={200: HealthOut, 503: HealthOut},
    exclude_none=True,
    summary="Whether Guildhall can serve",
    description="200 with `status: ok` when the database (and Redis, when configured) answer; "
    "503 with `status: unavailable` and `checks` naming what failed. `queue.pending` counts "
    "background tasks waiting for a worker (with the database task queue).",
)
def health(request):
    healthy, body = health_report()
    return Status(200 if healthy else 503, body)
