from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "guildhall.content"
    label = "content"
