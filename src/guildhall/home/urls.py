from django.urls import path

from guildhall.home import views

urlpatterns = [
    path("", views.home, name="home"),
    path("welcome/<str:username>/", views.welcome, name="home_welcome"),
]
