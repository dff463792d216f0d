from django.conf import settings
from django.db import models
from django.urls import reverse


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)
    slug = models.SlugField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContentItem(models.Model):
    """The one core of every kind of member content (see ARCHITECTURE.md, "The content core")."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PENDING_REVIEW = "pending_review", "Pending review"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"
        REMOVED = "removed", "Removed"

    class Visibility(models.TextChoices):
        # Copied from the community so the visibility filter needs no join.
        COMPANY = "company", "Everyone in the company"
        COMMUNITY = "community", "Members of the community"

    kind = models.CharField(max_length=20)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="items"
    )
    community = models.ForeignKey(
        "communities.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.COMPANY
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="items")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    rating_count = models.PositiveIntegerField(default=0)
    favourite_count = models.PositiveIntegerField(default=0)
    score = models.FloatField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["status", "visibility", "-published_at"]),
            # Feeds mixing several sources (what's new: my communities, people, tags) walk the
            # newest published items in order and stop at a page, instead of sorting them all.
            models.Index(fields=["status", "-published_at", "-id"]),
            models.Index(fields=["community", "status", "-published_at"]),
            models.Index(fields=["author", "status", "-published_at"]),
            models.Index(fields=["kind", "status", "-published_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.slug:
            return reverse("content:detail_slug", args=[self.pk, self.slug])
        return reverse("content:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED
