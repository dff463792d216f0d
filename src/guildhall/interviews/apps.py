from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "guildhall.interviews"
    label = "interviews"

    def ready(self) -> None:
        from guildhall.content import kinds
        from guildhall.home.contributions import contributions as home
        from guildhall.interviews import selectors, services
        from guildhall.people.contributions import contributions as people

        home.provide("featured_members")(selectors.latest_interviews)
        people.provide("featured_in")(selectors.interviews_featuring)
        from guildhall.notifications import registry

        kinds.register(
            kinds.Kind(
                name="interview",
                label="Member interview",
                label_plural="Interviews",
                description="A conversation with a colleague, linked to their profile.",
                community_required=False,
                create_url="interviews:create",
                create=services.interview_create,
                detail_template="interviews/partials/interview_detail.html",
                detail_context=_detail_context,
            )
        )
        registry.register(
            "interviewed",
            text=lambda n: (
                f"{registry.actors(n)} published an interview with you: “{n.item.title}”"
            ),
            url=registry.item_url,
            label="Interviews with me",
            default="email",
        )


def _detail_context(request, item) -> dict:
    from guildhall.interviews.selectors import interview_get

    return {"interview": interview_get(item=item)}
