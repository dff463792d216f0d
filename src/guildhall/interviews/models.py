from django.conf import settings
from django.db import models


class Interview(models.Model):
    """A member interview: the item's text is the interview; it features one member."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, primary_key=True, related_name="interview"
    )
    featured_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews_featuring"
    )

    def __str__(self) -> str:
        return f"Interview {self.item_id}"
