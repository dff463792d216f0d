from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    """Discussion threads: open a conversation in a community."""

    name = "guildhall.discussions"
    label = "discussions"

    def ready(self) -> None:
        from guildhall.content import kinds

        kinds.register(
            kinds.Kind(
                name="discussion",
                label="Discussion",
                label_plural="Discussions",
                description="Start a conversation with your community.",
                community_required=True,
                movable=True,
            )
        )
