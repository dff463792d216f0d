from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "guildhall.communities"
    label = "communities"
