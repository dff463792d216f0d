"""The home page's rollups (trending items, helpful members), welcomes, and its section settings.

`ItemTrend` and `MemberHelpfulness` are rewritten by `home.tasks.home_rollup` (a periodic task), so
the page reads ready scores instead of aggregating the event log per request.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models

SECTIONS_CACHE_KEY = "home:sections:v1"


class ItemTrend(models.Model):
    """How much an item is trending over the last `window` days (time-decayed engagement)."""

    item = models.ForeignKey("content.ContentItem", on_delete=models.CASCADE, related_name="trends")
    window = models.PositiveSmallIntegerField()  # 7 or 30 (days)
    score = models.FloatField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "window"], name="item_trend_once_per_window")
        ]
        indexes = [models.Index(fields=["window", "-score"])]

    def __str__(self) -> str:
        return f"{self.item_id} trending {self.score:.1f} over {self.window} days"


class MemberHelpfulness(models.Model):
    """A member's helpfulness in one community (or company-wide when `community` is null):
    accepted answers, good ratings and expert picks their items received — never raw volume."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helpfulness"
    )
    community = models.ForeignKey(
        "communities.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="helpfulness",
    )
    score = models.FloatField()
    accepted_answers = models.PositiveIntegerField(default=0)
    good_ratings = models.PositiveIntegerField(default=0)
    expert_picks = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"], name="helpfulness_once_per_community"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(community__isnull=True),
                name="helpfulness_once_company_wide",
            ),
        ]
        # The rankings are read in index order (user breaks ties); the company-wide one needs its
        # own partial index: PostgreSQL orders by an index's later columns after `=`, not `IS NULL`.
        indexes = [
            models.Index(fields=["community", "-score", "user"]),
            models.Index(
                fields=["-score", "user"],
                condition=models.Q(community__isnull=True),
                name="helpfulness_company_ranking",
            ),
        ]
        verbose_name_plural = "member helpfulness"

    def __str__(self) -> str:
        return f"{self.user_id} helpfulness {self.score:.0f} in {self.community_id or 'company'}"

    @property
    def evidence(self) -> list[str]:
        """What the score is made of, in words ("2 accepted answers")."""
        parts = [
            (self.accepted_answers, "accepted answer"),
            (self.good_ratings, "good rating"),
            (self.expert_picks, "expert pick"),
        ]
        return [f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts if n]


class Welcome(models.Model):
    """A one-click welcome from a member to a newcomer: once per pair."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="welcomes_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="welcomes_received"
    )
    message = models.CharField(max_length=280)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="welcome_once_per_pair")
        ]
        indexes = [models.Index(fields=["recipient", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.sender_id} welcomed {self.recipient_id}"


class HomeSection(models.Model):
    """Which home sections show, in which order: one row per section, edited by staff in the
    admin (rows are seeded by a migration; keys are fixed)."""

    class Key(models.TextChoices):
        LATEST_NEWS = "latest_news", "Latest news"
        WHATS_NEW = "whats_new", "What's new"
        WHATS_POPULAR = "whats_popular", "What's popular"
        WHOS_NEW = "whos_new", "Who's new"
        WHOS_POPULAR = "whos_popular", "Who's popular"
        FOR_YOU = "for_you", "For you"

    key = models.CharField(max_length=20, choices=Key.choices, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return self.get_key_display()

    # The page reads the settings from the cache; a staff change must show at once.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(SECTIONS_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(SECTIONS_CACHE_KEY)
        return result
