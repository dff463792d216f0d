from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The `guildhall demo` command and the data it loads; no models of its own."""

    name = "guildhall.demo"
    label = "demo"
