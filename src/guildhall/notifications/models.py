from django.conf import settings
from django.db import models


class Delivery(models.TextChoices):
    APP = "app", "In the app only"
    EMAIL = "email", "Email at once"
    DIGEST = "digest", "In the digest"
    OFF = "off", "Off"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    NEVER = "never", "Never"


class Notification(models.Model):
    """Data about something that concerns a member; the verb's renderer turns it into words.

    Repeats are collapsed at delivery: while a member has not read it, one row stands for every
    act of the verb on the same item (or community): `count` acts by `actor_count` members, the
    latest `MAX_ACTORS` of them in `actor_ids` (latest first; `actor` is the latest). So each row
    is one entry everywhere, and the unread count is a count of rows.
    """

    # Enough to name people; a busy item's entry must not carry every commenter's id.
    MAX_ACTORS = 50

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=40)
    item = models.ForeignKey(
        "content.ContentItem", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    community = models.ForeignKey(
        "communities.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    data = models.JSONField(default=dict, blank=True)
    count = models.PositiveIntegerField(default=1)
    actor_ids = models.JSONField(default=list, blank=True)
    actor_count = models.PositiveIntegerField(default=1)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verb} → {self.recipient_id}"


class NotificationPreference(models.Model):
    """A member's choice for one notification type; without a row the verb's default holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    verb = models.CharField(max_length=40)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "verb"], name="notification_preference_unique")
        ]
        indexes = [models.Index(fields=["verb", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.verb}: {self.delivery}"


class DigestSubscription(models.Model):
    """A member's digest email: how often, and up to when the last one covered.

    Without a row a member gets the weekly digest, counted from when they joined.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="digest"
    )
    frequency = models.CharField(
        max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    # The end of the period the last digest covered, sent or skipped because it was empty.
    covered_until = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["frequency", "covered_until"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"
