from django.apps import AppConfig


def _item_page_context(*, request, item) -> dict:
    from guildhall.interactions.views import item_page_context

    return item_page_context(request, item)


class InteractionsConfig(AppConfig):
    name = "guildhall.interactions"
    label = "interactions"

    def ready(self) -> None:
        from guildhall.content import hooks
        from guildhall.content.contributions import contributions as content
        from guildhall.core.markdown import register_postprocessor
        from guildhall.interactions import markup, selectors, services
        from guildhall.notifications import registry

        register_postprocessor(markup.link_mentions)
        hooks.on_item_saved(services.on_item_saved)
        hooks.on_api_fields(selectors.expert_pick_fields)
        content.provide("item_page_context")(_item_page_context)

        def note(n) -> str:
            text = (n.data or {}).get("note") or ""
            return f": “{text}”" if text else ""

        registry.register(
            "recommendation",
            text=lambda n: f"{registry.actors(n)} recommends “{n.item.title}” to you{note(n)}",
            url=registry.item_url,
            label="Recommendations to me",
            default="email",
        )
        registry.register(
            "mention",
            text=lambda n: f"{registry.actors(n)} mentioned you in “{n.item.title}”",
            url=lambda n: (
                registry.comment_url(n)
                if (n.data or {}).get("comment_id")
                else registry.item_url(n)
            ),
            label="Mentions of me",
            default="email",
        )
        registry.register(
            "expert_pick",
            text=lambda n: f"{registry.actors(n)} made “{n.item.title}” an expert pick",
            url=registry.item_url,
            label="Expert picks of my items",
            default="digest",
        )
