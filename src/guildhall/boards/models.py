from django.db import models


class Pin(models.Model):
    """A pin on a community's resource board: a link (outside, or to an item) or a short note.

    The title and the note (Markdown) are the ContentItem's; `url` is blank for a note, and
    `linked_item` is set when the link is an internal /content/<id>/ address.
    """

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, primary_key=True, related_name="pin"
    )
    url = models.CharField(max_length=2000, blank=True)
    linked_item = models.ForeignKey(
        "content.ContentItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pinned_in",
    )

    def __str__(self) -> str:
        return self.url or f"Note {self.item_id}"
