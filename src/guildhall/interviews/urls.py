from django.urls import path

from guildhall.interviews import views

app_name = "interviews"
urlpatterns = [
    path("interviews/new/", views.interview_new, name="create"),
    path("leadership/", views.leadership, name="leadership"),
    path("u/<str:username>/leader/", views.leader_set, name="leader_set"),
    path("leadership/feed.xml", views.LeadershipFeed(), name="leadership_feed"),
]
