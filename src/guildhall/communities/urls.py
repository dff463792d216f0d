from django.urls import path

from guildhall.communities import views

app_name = "communities"
urlpatterns = [
    path("communities/", views.community_list, name="list"),
    path("communities/new/", views.community_create_view, name="create"),
    path("c/join/<str:token>/", views.request_join, name="request_join"),
    path("c/<slug:slug>/", views.community_detail, name="detail"),
    path("c/<slug:slug>/join/", views.community_join, name="join"),
    path("c/<slug:slug>/leave/", views.community_leave, name="leave"),
    path("c/<slug:slug>/edit/", views.community_edit, name="edit"),
    path("c/<slug:slug>/members/", views.community_members_view, name="members"),
    path("c/<slug:slug>/members/<str:username>/role/", views.member_role, name="member_role"),
    path("c/<slug:slug>/members/<str:username>/remove/", views.member_remove, name="member_remove"),
    path("c/<slug:slug>/requests/", views.join_requests, name="requests"),
    path("c/<slug:slug>/requests/<int:pk>/", views.join_request_decision, name="request_decide"),
]
