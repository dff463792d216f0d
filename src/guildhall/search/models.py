from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One searchable thing (an item, a person or a community): its text, and what the
    visibility filter and the search filters need, so a search reads this table alone.

    The text columns feed the full-text index: on SQLite an FTS5 table `search_fts` kept equal
    to this table by triggers, on PostgreSQL `search_vector` (see `search.backends`). Rows are
    written only by `search.services`.
    """

    class Type(models.TextChoices):
        ITEM = "item", "Items"
        PERSON = "person", "People"
        COMMUNITY = "community", "Communities"

    class Visibility(models.TextChoices):
        EVERYONE = "company", "Everyone in the company"
        MEMBERS = "community", "Members of the community"

    type = models.CharField(max_length=10, choices=Type.choices)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, blank=True)  # items only
    # The item's community, or the community itself.
    community = models.ForeignKey(
        "communities.Community", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(max_length=16, default="published")
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.EVERYONE
    )
    date = models.DateTimeField(null=True, blank=True)  # drives the recency boost and from/to
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    comments = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["type", "object_id"], name="search_entry_unique")
        ]
        indexes = [
            models.Index(fields=["type", "status", "visibility"]),
            models.Index(fields=["community", "type"]),
            models.Index(fields=["author", "type"]),
            models.Index(fields=["kind", "type"]),
            # Newest first: ranking a very common word takes the newest matches by walking it
            # (see `selectors.NEWEST_FIRST`); it also serves the from/to filters.
            models.Index(fields=["-date", "-id"], name="search_entry_newest"),
        ]
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.type} {self.object_id}: {self.title}"
