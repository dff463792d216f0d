from django.db import models


class NewsInfo(models.Model):
    """What makes an item an announcement: until when it stays on top."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, primary_key=True, related_name="news"
    )
    expires_at = models.DateTimeField(null=True, blank=True)
    is_pinned = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["is_pinned", "expires_at"])]

    def __str__(self) -> str:
        return f"News {self.item_id}"
