from django.urls import path

from guildhall.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.directory, name="directory"),
    path("u/<str:username>/", views.profile, name="profile"),
    path("u/<str:username>/blog/", views.blog, name="blog"),
    path("u/<str:username>/follow/", views.follow, name="follow"),
    path("u/<str:username>/skills/<slug:skill>/endorse/", views.endorse, name="endorse"),
    path("tags/<slug:slug>/follow/", views.follow_tag, name="follow_tag"),
    path("me/following/", views.following, name="following"),
    path("experts/", views.experts, name="experts"),
    path("content/<int:pk>/invite-experts/", views.invite_experts, name="invite_experts"),
    path("settings/profile/", views.edit, name="edit"),
    path("settings/profile/skills/", views.skill_add, name="skill_add"),
    path("settings/profile/skills/<int:skill_id>/remove/", views.skill_remove, name="skill_remove"),
    path("departments/", views.departments, name="departments"),
    path("departments/<slug:slug>/", views.department, name="department"),
]
