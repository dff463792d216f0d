from django.urls import path

from guildhall.accounts import views

app_name = "accounts"
urlpatterns = [path("invite/<str:token>/", views.invitation, name="invitation")]
