from django.db import models


class PodcastSettings(models.Model):
    """A community's podcast rules (a row exists once a manager changed the defaults)."""

    DEFAULT_MAX_MINUTES = 10

    community = models.OneToOneField(
        "communities.Community", on_delete=models.CASCADE, related_name="podcast_settings"
    )
    max_minutes = models.PositiveIntegerField(default=DEFAULT_MAX_MINUTES)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Podcast settings of {self.community}"


class Episode(models.Model):
    """A podcast episode: the audio of one `ContentItem` of kind "episode" (show notes = body)."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, primary_key=True, related_name="episode"
    )
    audio = models.FileField(max_length=300)
    original_name = models.CharField(max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    duration_seconds = models.PositiveIntegerField()
    listen_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Episode {self.item_id}"

    @property
    def length_display(self) -> str:
        minutes, seconds = divmod(int(self.duration_seconds), 60)
        return f"{minutes}:{seconds:02d}"
