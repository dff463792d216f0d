from django.urls import path

from guildhall.news import views

app_name = "news"
urlpatterns = [
    path("news/", views.news_list, name="list"),
    path("news/new/", views.announcement_new, name="create"),
]
