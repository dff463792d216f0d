from django.apps import AppConfig


def _detail_context(request, item) -> dict:
    from guildhall.podcasts.selectors import episode_of

    return {"episode": episode_of(item)}


def _create(**kwargs):
    from guildhall.podcasts.services import episode_create

    return episode_create(**kwargs)


def _api_fields(items):
    from guildhall.podcasts.selectors import episode_api_fields

    return episode_api_fields(items)


class PodcastsConfig(AppConfig):
    """Podcast episodes: short audio tips with show notes, a player and a feed per community."""

    name = "guildhall.podcasts"
    label = "podcasts"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from guildhall.content import kinds
        from guildhall.podcasts.models import Episode
        from guildhall.podcasts.signals import delete_audio_file

        kinds.register(
            kinds.Kind(
                name="episode",
                label="Podcast episode",
                label_plural="Podcast episodes",
                description="Record a short expert tip; colleagues listen here or in an app.",
                community_required=True,
                create_url="podcasts:create",
                create=_create,
                detail_template="podcasts/partials/episode_detail.html",
                detail_context=_detail_context,
                api_fields=_api_fields,
                api_schema={
                    "duration_seconds": (int, "the episode's length"),
                    "audio_url": (str, "the audio file"),
                    "listen_count": (int, "members who listened (once per member an hour)"),
                },
                accepts_file=True,
            )
        )
        post_delete.connect(delete_audio_file, sender=Episode, dispatch_uid="podcasts-audio")
