from django.apps import AppConfig


class QaConfig(AppConfig):
    """Questions & answers: ask a community, answer, vote, accept the answer that helped."""

    name = "guildhall.qa"
    label = "qa"

    def ready(self) -> None:
        from guildhall.content import kinds
        from guildhall.home.contributions import contributions as home
        from guildhall.notifications import registry
        from guildhall.people.contributions import contributions as people
        from guildhall.qa import kind, selectors, services

        home.provide("accepted_answers")(selectors.accepted_answers_since)
        people.provide("accepted_answers")(selectors.accepted_answer_counts)
        people.provide("is_answered")(selectors.question_is_answered)

        kinds.register(
            kinds.Kind(
                name="question",
                label="Question",
                label_plural="Questions",
                description="Get answers to issues on the job from your community.",
                community_required=True,
                movable=True,
                create_url="qa:ask",
                create=services.question_create,
                detail_template="qa/partials/answers.html",
                detail_context=kind.detail_context,
                api_fields=kind.api_fields,
                api_schema={
                    "answer_count": (int, "how many answers"),
                    "accepted_answer": (int, "the accepted answer's id"),
                    "first_answer_seconds": (int, "time from asking to the first answer"),
                },
            )
        )

        def _answer_url(n) -> str:
            return f"{n.item.get_absolute_url()}#answer-{n.data.get('answer_id', '')}"

        registry.register(
            "answer",
            text=lambda n: f"{registry.actors(n)} answered your question “{n.item.title}”",
            url=_answer_url,
            label="Answers to my questions",
            default="email",
        )
        registry.register(
            "answer_accepted",
            text=lambda n: f"{registry.actors(n)} accepted your answer to “{n.item.title}”",
            url=_answer_url,
            label="My answer accepted",
            default="email",
        )
