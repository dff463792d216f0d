from django.contrib import admin
from django.urls import include, path

from guildhall.api import api

urlpatterns = [
    path("", include("guildhall.home.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("guildhall.accounts.urls")),
    path("api/v1/", api.urls),
    path("", include("guildhall.people.urls")),
    path("", include("guildhall.communities.urls")),
    # Before content's catch-all /content/<id>/<slug>/, so /content/<id>/comments/ and the kinds'
    # own pages under /content/<id>/ are reachable.
    path("", include("guildhall.interactions.urls")),
    path("", include("guildhall.qa.urls")),
    path("", include("guildhall.wiki.urls")),
    path("", include("guildhall.podcasts.urls")),
    path("", include("guildhall.documents.urls")),
    path("", include("guildhall.boards.urls")),
    path("", include("guildhall.news.urls")),
    path("", include("guildhall.interviews.urls")),
    path("", include("guildhall.content.urls")),
    path("", include("guildhall.notifications.urls")),
    path("", include("guildhall.search.urls")),
    path("", include("guildhall.moderation.urls")),
]

handler404 = "guildhall.core.views.not_found"
handler403 = "guildhall.core.views.forbidden"
handler429 = "guildhall.core.views.too_many_requests"  # read by allauth's rate limits
