from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "guildhall.core"
    label = "core"
