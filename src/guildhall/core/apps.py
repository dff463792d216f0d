from datetime import timedelta

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "guildhall.core"
    label = "core"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from guildhall.core.generations import (
            forget_read_generations,
            remember_read_generations,
        )
        from guildhall.core.housekeeping import housekeeping_prune
        from guildhall.core.schedule import register_periodic

        register_periodic(housekeeping_prune, every=timedelta(days=1), name="core.housekeeping")
        request_started.connect(remember_read_generations, dispatch_uid="read-generations-on")
        request_finished.connect(forget_read_generations, dispatch_uid="read-generations-off")
