from django.urls import path

from guildhall.moderation import views

app_name = "moderation"
urlpatterns = [
    path("reviews/", views.review_queue_all, name="queue"),
    path("items/<int:pk>/flag/", views.item_flag, name="item_flag"),
    path("reviews/<int:pk>/<str:action>/", views.review_act, name="act"),
    path("c/<slug:slug>/reviews/", views.review_queue_community, name="community_queue"),
    path("c/<slug:slug>/quality/", views.quality_policy_edit, name="policy"),
    path("c/<slug:slug>/safety/", views.safety_page, name="safety"),
]
