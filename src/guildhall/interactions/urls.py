from django.urls import path

from guildhall.interactions import views

app_name = "interactions"
urlpatterns = [
    path("content/<int:pk>/comments/", views.comment_create_view, name="comment_create"),
    path("content/<int:pk>/comments/more/", views.comment_page, name="comment_page"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete_view, name="comment_delete"),
    path("content/<int:pk>/rate/", views.rate_view, name="rate"),
    path("content/<int:pk>/favourite/", views.favourite_view, name="favourite"),
    path("content/<int:pk>/share/", views.share_view, name="share"),
    path("content/<int:pk>/pick/", views.pick_view, name="pick"),
    path("me/favourites/", views.my_favourites, name="favourites"),
    path("c/<slug:slug>/picks/", views.community_picks, name="community_picks"),
    path("people/suggest/", views.people_suggest, name="people_suggest"),
]
