from django.apps import AppConfig


class BlogsConfig(AppConfig):
    """Blog posts: a member's personal blog, or posts inside a community."""

    name = "guildhall.blogs"
    label = "blogs"

    def ready(self) -> None:
        from guildhall.content import kinds

        kinds.register(
            kinds.Kind(
                name="post",
                label="Blog post",
                label_plural="Blog posts",
                description="Share a how-to, a lesson learned or an idea.",
                community_required=False,
                movable=True,
            )
        )
