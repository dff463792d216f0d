from django.urls import path

from guildhall.wiki import views

app_name = "wiki"
urlpatterns = [
    path("c/<slug:slug>/wiki/", views.wiki_index, name="index"),
    path("c/<slug:slug>/wiki/settings/", views.wiki_settings, name="settings"),
    path("wiki/new/", views.wiki_create, name="create"),
    path("content/<int:pk>/wiki/edit/", views.wiki_edit, name="edit"),
    path("content/<int:pk>/history/", views.wiki_history, name="history"),
    path("content/<int:pk>/history/<int:number>/", views.wiki_revision, name="revision"),
    path("content/<int:pk>/history/<int:number>/revert/", views.wiki_revert, name="revert"),
    path("content/<int:pk>/diff/", views.wiki_diff, name="diff"),
    path(
        "content/<int:pk>/wiki/suggestions/<int:suggestion>/",
        views.wiki_suggestion,
        name="suggestion",
    ),
]
