from django.urls import path

from guildhall.moderation import views, views_guidelines

app_name = "moderation"
urlpatterns = [
    path("reviews/", views.review_queue_all, name="queue"),
    path("items/<int:pk>/flag/", views.item_flag, name="item_flag"),
    path("reviews/<int:pk>/<str:action>/", views.review_act, name="act"),
    path("c/<slug:slug>/reviews/", views.review_queue_community, name="community_queue"),
    path("c/<slug:slug>/quality/", views.quality_policy_edit, name="policy"),
    path("c/<slug:slug>/safety/", views.safety_page, name="safety"),
    path("audit/", views.audit_trail, name="audit"),
    path("audit/csv/", views.audit_csv, name="audit_csv"),
    path("moderation/items/<int:pk>/hide/", views.item_hide, name="item_hide"),
    path("moderation/items/<int:pk>/restore/", views.item_restore, name="item_restore"),
    path("moderation/items/<int:pk>/move/", views.item_move, name="item_move"),
    path("c/<slug:slug>/hidden/", views.hidden_items, name="hidden"),
    path("me/moderation/", views.my_history, name="my_history"),
    path(
        "c/<slug:slug>/members/<str:username>/moderate/",
        views.member_moderate,
        name="member_moderate",
    ),
    path("c/<slug:slug>/guidelines/", views_guidelines.community_guidelines, name="guidelines"),
    path("policy/", views_guidelines.company_policy, name="company_policy"),
    path("policy/edit/", views_guidelines.policy_edit, name="policy_edit"),
]
