from django.urls import path

from guildhall.documents import views

app_name = "documents"
urlpatterns = [
    path("documents/new/", views.document_create, name="create"),
    path("content/<int:pk>/file/", views.document_file, name="file"),
    path("content/<int:pk>/preview/", views.document_preview, name="preview"),
]
