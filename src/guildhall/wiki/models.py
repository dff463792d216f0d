"""A community's wiki: pages (one per item), their revisions, the links between them and who may
edit. A wiki page is a ContentItem of kind "wiki" plus a `WikiPage` row; every save adds a
`WikiRevision`; `WikiLink` rows record each page's [[links]] for "what links here"."""

from django.conf import settings
from django.db import models
from django.utils import timezone


def title_key(title: str) -> str:
    """The normalised form titles are compared by: case, spaces and underscores don't matter."""
    return " ".join((title or "").replace("_", " ").split()).casefold()[:200]


class WikiSettings(models.Model):
    """A community's wiki settings; a community without a row uses the defaults."""

    class Editors(models.TextChoices):
        MEMBERS = "members", "Every member"
        EXPERTS = "experts", "Experts and managers only"

    community = models.OneToOneField(
        "communities.Community", on_delete=models.CASCADE, related_name="wiki_settings"
    )
    editors = models.CharField(max_length=8, choices=Editors.choices, default=Editors.MEMBERS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "wiki settings"

    def __str__(self) -> str:
        return f"Wiki settings of {self.community_id}"


class WikiPage(models.Model):
    """What a wiki page adds to its item: its place in the community's wiki and the latest
    revision's number (kept by the services)."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="wiki_page"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="wiki_pages"
    )
    title_key = models.CharField(max_length=200)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "title_key"], name="wiki_title_unique")
        ]

    def __str__(self) -> str:
        return f"Wiki page {self.item_id} (r{self.revision})"


class WikiRevision(models.Model):
    """A saved version of a page (`number` set), or a suggested edit waiting for review in a
    pre-moderated community (`state` "suggested", no number until approved, `base_number` the
    revision it started from); a suggestion turned down keeps its `state` and `review_note`."""

    class State(models.TextChoices):
        LIVE = "", "Saved"
        SUGGESTED = "suggested", "Suggested, awaiting review"
        DECLINED = "declined", "Suggested, turned down"

    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="wiki_revisions"
    )
    number = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default="", blank=True)
    base_number = models.PositiveIntegerField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    summary = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reverted_to = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="wiki_revision_unique")
        ]
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.item_id}"


class WikiLink(models.Model):
    """A [[link]] from one page to a title in the same community's wiki (to_item: the page with
    that title, null while it does not exist)."""

    from_item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="wiki_links"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    to_title = models.CharField(max_length=200)  # as first written on the page
    to_key = models.CharField(max_length=200)  # title_key(to_title)
    to_item = models.ForeignKey(
        "content.ContentItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wiki_backlinks",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_item", "to_key"], name="wiki_link_unique")
        ]
        indexes = [models.Index(fields=["community", "to_key"])]

    def __str__(self) -> str:
        return f"{self.from_item_id} → {self.to_title}"
