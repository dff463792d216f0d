from django.conf import settings
from django.db import models


class Comment(models.Model):
    """A comment on any item; replies are one level deep (parent is always top-level)."""

    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField()
    body_html = models.TextField()
    is_deleted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["item", "created_at"]),
            # The latest change of an item's comments keys its cached pages of threads.
            models.Index(fields=["item", "updated_at"]),
            models.Index(fields=["author", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.item_id}"

    @property
    def is_edited(self) -> bool:
        return (self.updated_at - self.created_at).total_seconds() > 5


class Rating(models.Model):
    """One member's 1 to 5 stars for an item (changeable); the item keeps the sum and count."""

    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="ratings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings"
    )
    stars = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="rating_one_per_member"),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="rating_stars_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.stars}★ by {self.user_id} on {self.item_id}"


class Favourite(models.Model):
    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="favourites"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="favourite_one_per_member")
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"Favourite {self.item_id} of {self.user_id}"


class Share(models.Model):
    """An item recommended to a colleague (`to_user`) or shared into a community
    (`to_community`): exactly one of the two."""

    item = models.ForeignKey("content.ContentItem", on_delete=models.CASCADE, related_name="shares")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_made"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shares_received",
    )
    to_community = models.ForeignKey(
        "communities.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shares",
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(to_user__isnull=False, to_community__isnull=True)
                    | models.Q(to_user__isnull=True, to_community__isnull=False)
                ),
                name="share_one_target",
            ),
            models.UniqueConstraint(
                fields=["item", "to_community"],
                condition=models.Q(to_community__isnull=False),
                name="share_once_per_community",
            ),
        ]
        indexes = [
            models.Index(fields=["to_community", "-created_at"]),
            models.Index(fields=["to_user", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"Share of {self.item_id}"


class Mention(models.Model):
    """`@username` in an item's body (comment null) or in a comment; one row per place, so an
    edit never notifies the same member twice."""

    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="mentions"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "user"],
                condition=models.Q(comment__isnull=True),
                name="mention_once_per_item",
            ),
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=models.Q(comment__isnull=False),
                name="mention_once_per_comment",
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"Mention of {self.user_id} in {self.item_id}"


class Backlink(models.Model):
    """`source`'s body links to `target`: the target lists it under "Linked from"."""

    source = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="links_out"
    )
    target = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="links_in"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="backlink_once")]
        indexes = [models.Index(fields=["target", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id}"


class ExpertPick(models.Model):
    """A community expert's or manager's recommendation of an item, with a short note."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="expert_pick"
    )
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self) -> str:
        return f"Expert pick {self.item_id}"
