from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "guildhall.boards"
    label = "boards"

    def ready(self) -> None:
        from guildhall.boards import permissions, selectors, services
        from guildhall.content import kinds

        kinds.register(
            kinds.Kind(
                name="pin",
                label="Pin",
                label_plural="Pins",
                description="A link or a short note on the community's resource board.",
                community_required=True,
                create_url="boards:pin_new",
                create=services.pin_create,
                can_create=permissions.can_create_pin,
                detail_template="boards/partials/pin_detail.html",
                detail_context=_detail_context,
                api_fields=selectors.pins_api_fields,
                api_schema={"url": (str, "the link it pins")},
            )
        )


def _detail_context(request, item) -> dict:
    from guildhall.boards.selectors import pin_get

    return {"pin": pin_get(viewer=request.user, item=item)}
