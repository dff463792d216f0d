from django.apps import AppConfig


def _create(**kwargs):
    from guildhall.wiki.services import wiki_page_create

    return wiki_page_create(**kwargs)


def _update(*, actor, item, data: dict):
    """PATCH /api/v1/content/{id} for a wiki page (see wiki.services.wiki_patch for the rules)."""
    from guildhall.wiki.services import wiki_patch

    return wiki_patch(actor=actor, item=item, data=data)


def _can_create(user, community) -> bool:
    from guildhall.wiki.permissions import can_edit_wiki

    return can_edit_wiki(user, community)


def _render(body, item) -> str:
    from guildhall.wiki.rendering import render_for_item

    return render_for_item(body, item)


def _api_fields(items):
    from guildhall.wiki.selectors import wiki_api_fields

    return wiki_api_fields(items)


def _detail_context(request, item) -> dict:
    from guildhall.wiki.views import page_context

    return page_context(request, item)


class WikiConfig(AppConfig):
    """Each community's wiki: pages with revisions, diffs, reverts and [[links]]."""

    name = "guildhall.wiki"
    label = "wiki"

    def ready(self) -> None:
        from guildhall.content import kinds
        from guildhall.wiki.suggestions import register_target

        register_target()

        kinds.register(
            kinds.Kind(
                name="wiki",
                label="Wiki page",
                label_plural="Wiki pages",
                description="Write down what the community knows; anyone allowed can improve it, "
                "and every version is kept.",
                community_required=True,
                create_url="wiki:create",
                create=_create,
                can_create=_can_create,
                detail_template="wiki/partials/page_detail.html",
                detail_context=_detail_context,
                api_fields=_api_fields,
                api_schema={"revision": (int, "the latest revision's number")},
                render=_render,
                edit_url="wiki:edit",
                update=_update,
            )
        )
