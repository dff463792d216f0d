from datetime import timedelta

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "guildhall.core"
    label = "core"

    def ready(self) -> None:
        from guildhall.core.housekeeping import housekeeping_prune
        from guildhall.core.schedule import register_periodic

        register_periodic(housekeeping_prune, every=timedelta(days=1), name="core.housekeeping")
