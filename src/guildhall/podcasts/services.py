"""Every write of podcasts: upload an episode, count a listen, change a community's rules."""

from django.conf import settings
from django.db import transaction

from guildhall.content.services import content_item_create, item_use_count
from guildhall.core.events import audit
from guildhall.core.exceptions import ValidationError
from guildhall.core.uploads import AUDIO_TYPES, check_upload, stored_upload
from guildhall.podcasts.audio import duration_seconds
from guildhall.podcasts.models import Episode, PodcastSettings
from guildhall.podcasts.permissions import check_change_podcast_settings, check_listen_episode

ACCEPTS = "MP3, M4A/AAC, OGG or WAV"
# A member's repeated plays of one episode within this window count once.
MAX_MINUTES_LIMIT = 180


def max_audio_bytes() -> int:
    return int(getattr(settings, "GUILDHALL_MAX_AUDIO_MB", 50) * 1024 * 1024)


def max_minutes_for(community) -> int:
    row = PodcastSettings.objects.filter(community=community).first()
    return row.max_minutes if row else PodcastSettings.DEFAULT_MAX_MINUTES


def _format_length(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def check_audio(file, *, community):
    """The upload's type, size and length, or a ValidationError saying what is wrong."""
    upload = check_upload(
        file, allowed=AUDIO_TYPES, max_bytes=max_audio_bytes(), what="audio file", accepts=ACCEPTS
    )
    length = duration_seconds(file, upload.mime_type)
    if length is None:
        raise ValidationError(
            {"file": f"We could not read this audio file. Upload a valid {ACCEPTS} file."}
        )
    if community is not None:
        limit = max_minutes_for(community)
        if length > limit * 60:
            raise ValidationError(
                {
                    "file": f"This episode is {_format_length(length)} long; episodes in "
                    f"{community.name} may be at most {limit} minutes. Trim it and try again."
                }
            )
    return upload, length


def episode_create(
    *,
    actor,
    community,
    title: str,
    body: str = "",
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
):
    """Upload an episode: the file is checked (content, size, length) before anything is saved;
    the item, its audio row and the stored file appear together or not at all."""
    if community is None:
        raise ValidationError({"community": "A podcast episode belongs to a community."})
    upload, length = check_audio(file, community=community)
    with stored_upload(file, upload, folder="podcasts") as stored:
        item = content_item_create(
            actor=actor,
            kind="episode",
            title=title,
            body=body,
            community=community,
            tags=tags,
            publish=publish,
        )
        Episode.objects.create(
            item=item,
            audio=stored,
            original_name=upload.original_name[:255],
            mime_type=upload.mime_type,
            size=upload.size,
            duration_seconds=max(1, round(length)),
        )
    return item


def episode_listen(*, actor, item) -> bool:
    """Count a listen (once per member per hour) and log it; True when it counted."""
    check_listen_episode(actor, item)
    counted = Episode.objects.filter(item_id=item.pk)
    return item_use_count(
        actor=actor, item=item, verb="listen", counted=counted, field="listen_count"
    )


@transaction.atomic
def podcast_settings_set(*, actor, community, max_minutes) -> PodcastSettings:
    check_change_podcast_settings(actor, community)
    try:
        minutes = int(max_minutes)
    except (TypeError, ValueError):
        raise ValidationError(
            {"max_minutes": "Give the maximum length in whole minutes."}
        ) from None
    if not 1 <= minutes <= MAX_MINUTES_LIMIT:
        raise ValidationError({"max_minutes": f"Choose between 1 and {MAX_MINUTES_LIMIT} minutes."})
    row, _ = PodcastSettings.objects.get_or_create(community=community)
    before = row.max_minutes
    row.max_minutes = minutes
    row.save(update_fields=["max_minutes", "updated_at"])
    audit(
        actor,
        "podcast_settings",
        community,
        community=community,
        data={"max_minutes": [before, minutes]},
    )
    return row
