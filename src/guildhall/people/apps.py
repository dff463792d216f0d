from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "guildhall.people"
    label = "people"

    def ready(self) -> None:
        from django.urls import reverse

        from guildhall.content import hooks
        from guildhall.notifications import registry
        from guildhall.people import services

        hooks.on_item_published(services.on_item_published)

        registry.register(
            "skill_endorsed",
            text=lambda n: f"{registry.actors(n)} endorsed your skill {n.data.get('skill', '')}",
            url=lambda n: (
                reverse("people:profile", args=[n.data.get("username", "")]) + "#skills-h"
            ),
            label="Endorsements of my skills",
            # Endorsements of different skills have no item in common: one entry each.
            group=False,
        )
        registry.register(
            "expert_invitation",
            text=lambda n: (
                f"{registry.actors(n)} asked you, as an expert, to answer “{n.item.title}”"
            ),
            url=lambda n: f"{registry.item_url(n)}#answers",
            label="Invitations to answer a question as an expert",
            default="email",
        )
