from django.urls import path

from guildhall.content import views

app_name = "content"
urlpatterns = [
    path("content/new/", views.item_create, name="create"),
    path("content/preview/", views.preview, name="preview"),
    path("content/<int:pk>/", views.item_detail, name="detail"),
    path("content/<int:pk>/edit/", views.item_edit, name="edit"),
    path("content/<int:pk>/delete/", views.item_delete, name="delete"),
    path("content/<int:pk>/publish/", views.item_publish, name="publish"),
    path("content/<int:pk>/<str:slug>/", views.item_detail, name="detail_slug"),
    path("me/drafts/", views.drafts, name="drafts"),
]
