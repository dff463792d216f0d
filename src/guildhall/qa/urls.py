from django.urls import path

from guildhall.qa import views

app_name = "qa"
urlpatterns = [
    path("questions/", views.questions, name="questions"),
    path("questions/ask/", views.ask, name="ask"),
    path("questions/similar/", views.similar, name="similar"),
    path("c/<slug:slug>/questions/", views.community_questions, name="community_questions"),
    path("content/<int:pk>/answers/", views.answer_create, name="answer_create"),
    path("answers/<int:pk>/edit/", views.answer_edit, name="answer_edit"),
    path("answers/<int:pk>/delete/", views.answer_delete, name="answer_delete"),
    path("answers/<int:pk>/vote/", views.answer_vote, name="answer_vote"),
    path("answers/<int:pk>/accept/", views.answer_accept, name="answer_accept"),
]
