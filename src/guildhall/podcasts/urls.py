from django.urls import path

from guildhall.podcasts import views

app_name = "podcasts"
urlpatterns = [
    path("podcasts/new/", views.episode_create, name="create"),
    path("c/<slug:slug>/episodes/", views.community_episodes, name="community"),
    path("c/<slug:slug>/podcast.xml", views.podcast_feed, name="feed"),
    path("content/<int:pk>/audio/", views.episode_audio, name="audio"),
    # The same file under a name ending in its extension, for the feed's enclosures.
    path("content/<int:pk>/audio/<str:filename>", views.episode_audio, name="audio_file"),
]
