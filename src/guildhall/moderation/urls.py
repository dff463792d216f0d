from django.urls import path

from guildhall.moderation import views, views_guidelines

app_name = "moderation"
urlpatterns = [
    path("reviews/", views.review_queue_all, name="queue"),
    path("reviews/<int:pk>/<str:action>/", views.review_act, name="act"),
    path("c/<slug:slug>/reviews/", views.review_queue_community, name="community_queue"),
    path("c/<slug:slug>/quality/", views.quality_policy_edit, name="policy"),
    path("c/<slug:slug>/guidelines/", views_guidelines.community_guidelines, name="guidelines"),
    path("policy/", views_guidelines.company_policy, name="company_policy"),
    path("policy/edit/", views_guidelines.policy_edit, name="policy_edit"),
]
