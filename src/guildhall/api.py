"""The one REST API at /api/v1/: each app adds its Router; errors answer {"detail": ...}."""

from ninja import NinjaAPI

from guildhall.accounts.api_auth import session_or_token
from guildhall.core.api_support import install_error_handlers

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
api.add_router("/content", "guildhall.content.api.router")
api.add_router("", "guildhall.interactions.api.router")
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


@api.get("/health", auth=None, tags=["meta"])
def health(request):
    return {"status": "ok", "service": "guildhall", "version": "1"}
