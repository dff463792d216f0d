from datetime import timedelta

from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "guildhall.moderation"
    label = "moderation"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import hooks
        from guildhall.content.contributions import contributions as content
        from guildhall.core.schedule import register_periodic
        from guildhall.moderation import (
            acts,
            flags,
            selectors,
            services,
            tasks,
            verification,
            views,
        )

        flags.register_verbs()
        hooks.on_publication_gate(services.publication_gate)
        hooks.on_item_held(services.review_open_for_held_item)
        hooks.on_item_published(services.review_open_for_first_contribution)
        hooks.on_api_fields(selectors.quality_fields)
        content.provide("item_quality_panel")(views.item_quality_panel)
        communities.provide("reviewer_links")(views.reviewer_links)
        # The verification cycle: obsolete knowledge drops out of popular and search ranking,
        # cards and results show the quality status, due items return to the queue hourly.
        hooks.on_demoted_items(verification.obsolete_item_ids)
        hooks.on_item_badges(verification.item_badges)
        register_periodic(
            tasks.reverify_due, every=timedelta(hours=1), name="moderation.reverify_due"
        )
        communities.provide("posting_refusal")(acts.posting_refusal)
