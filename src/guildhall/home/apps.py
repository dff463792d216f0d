from datetime import timedelta

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "guildhall.home"
    label = "home"

    def ready(self) -> None:
        from django.urls import reverse

        from guildhall.core.schedule import register_periodic
        from guildhall.home import tasks
        from guildhall.home.selectors import digest_highlights
        from guildhall.notifications import registry
        from guildhall.notifications.contributions import contributions as notifications

        notifications.provide("digest_highlights")(digest_highlights)

        registry.register(
            "welcome",
            text=lambda n: (
                f"{n.actor.name if n.actor else 'Someone'} welcomed you: "
                f"“{(n.data or {}).get('message', '')}”"
            ),
            url=lambda n: (
                reverse("people:profile", args=[n.actor.username]) if n.actor else reverse("home")
            ),
            label="Welcomes from colleagues",
            group=False,  # each welcome is its own message
        )
        # Trends decay by the hour; an hourly rollup keeps "what's popular" current.
        register_periodic(tasks.home_rollup, every=timedelta(hours=1), name="home.rollup")
