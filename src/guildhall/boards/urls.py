from django.urls import path

from guildhall.boards import views

app_name = "boards"
urlpatterns = [
    path("c/<slug:slug>/board/", views.board, name="board"),
    path("c/<slug:slug>/board/pin/", views.pin_new, name="pin_create"),
    path("pins/new/", views.pin_new, name="pin_new"),
]
