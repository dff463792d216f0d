from django.urls import path

from guildhall.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/bell/", views.bell, name="bell"),
    path("notifications/latest/", views.dropdown, name="dropdown"),
    path("notifications/read/", views.mark_read, name="read"),
    path("notifications/<int:pk>/open/", views.open_notification, name="open"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("settings/notifications/", views.preferences, name="preferences"),
]
