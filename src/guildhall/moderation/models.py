"""Quality control: a community's policy, the review queue and its history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QualityPolicy(models.Model):
    """How a community's contributions are checked; a community without one is open."""

    class Policy(models.TextChoices):
        OPEN = "open", _("Open: published at once, members can flag")
        POST_MODERATED = (
            "post_moderated",
            _("Post-moderated: published at once, a newcomer's first contributions reviewed"),
        )
        PRE_MODERATED = "pre_moderated", _("Pre-moderated: nothing shows until a reviewer approves")

    community = models.OneToOneField(
        "communities.Community", on_delete=models.CASCADE, related_name="quality_policy"
    )
    policy = models.CharField(max_length=20, choices=Policy.choices, default=Policy.OPEN)
    # Safety-critical implies pre-moderation, and approved knowledge carries its verification.
    safety_critical = models.BooleanField(default=False)
    first_contributions_reviewed = models.PositiveSmallIntegerField(default=3)
    reverify_days = models.PositiveSmallIntegerField(default=180)
    flags_to_hide = models.PositiveSmallIntegerField(default=3)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.community} · {self.policy}"

    @property
    def effective_policy(self) -> str:
        return self.Policy.PRE_MODERATED if self.safety_critical else self.policy


class TrustedMember(models.Model):
    """A member whose posts skip pre-moderation in a community that is not safety-critical."""

    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    trusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="trusted_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} trusted in {self.community}"


class Review(models.Model):
    """One piece of work waiting for (or given) a reviewer's decision."""

    class Target(models.TextChoices):
        ITEM = "item", _("Item")
        WIKI_EDIT = "wiki_edit", _("Suggested wiki edit")

    class Reason(models.TextChoices):
        PRE_MODERATION = "pre_moderation", _("Pre-moderated community")
        FIRST_CONTRIBUTIONS = "first_contributions", _("A newcomer's first contributions")
        FLAGGED = "flagged", _("Flagged")
        REVERIFICATION = "reverification", _("Due for re-verification")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    target_type = models.CharField(max_length=20, choices=Target.choices, default=Target.ITEM)
    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="reviews"
    )
    # The reviewed thing when it is not the item itself (a suggested wiki edit: its revision's
    # id); the item is then the one it belongs to. Kinds decide it through moderation.targets.
    target_id = models.PositiveIntegerField(null=True, blank=True)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=30, choices=Reason.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    escalated = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=30, blank=True)
    decision_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["community", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["item", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "item"],
                condition=Q(status="pending", target_id__isnull=True),
                name="one_open_review_per_target",
            ),
            models.UniqueConstraint(
                fields=["target_type", "target_id"],
                condition=Q(status="pending", target_id__isnull=False),
                name="one_open_review_per_target_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.item} ({self.status})"


class ReviewEvent(models.Model):
    """The history shown on a review: who did what, when, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        CLAIMED = "claimed", _("Claimed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CHANGES_REQUESTED = "changes_requested", _("Asked for changes")
        ESCALATED = "escalated", _("Escalated to staff")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.CharField(max_length=30, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor}"


class Verification(models.Model):
    """Safety-critical knowledge checked by an expert, and when it is due to be checked again."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="verification"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verified_at = models.DateTimeField()
    due_at = models.DateTimeField()
    # This item's own re-verification interval; None: the community's (QualityPolicy).
    interval_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["due_at"])]

    def __str__(self) -> str:
        return f"{self.item} verified {self.verified_at:%Y-%m-%d}"

    @property
    def is_due(self) -> bool:
        return self.due_at <= timezone.now()


class Flag(models.Model):
    """A member's flag on an item or a comment: seen by reviewers only, never shown publicly."""

    class Target(models.TextChoices):
        ITEM = "item", _("Item")
        COMMENT = "comment", _("Comment")

    class Reason(models.TextChoices):
        INACCURATE = "inaccurate", _("Inaccurate")
        UNSAFE = "unsafe", _("Unsafe practice")
        OUTDATED = "outdated", _("Outdated")
        OFF_TOPIC = "off_topic", _("Off-topic for this community")
        SPAM = "spam", _("Spam")
        HARASSMENT = "harassment", _("Harassment")
        CONFIDENTIAL = "confidential", _("Confidential information")
        OTHER = "other", _("Other (say why in the note)")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    target_type = models.CharField(max_length=10, choices=Target.choices, default=Target.ITEM)
    # The flagged item, or the item of the flagged comment.
    item = models.ForeignKey("content.ContentItem", on_delete=models.CASCADE, related_name="flags")
    comment = models.ForeignKey(
        "interactions.Comment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
    )
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # 1, or 0 for a member whose last flags were all dismissed (they no longer hide anything).
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(fields=["item", "status"]),
            models.Index(fields=["flagger", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["flagger", "target_type", "item", "comment"],
                name="flag_once_per_member_and_target",
            ),
            # NULLs are distinct in a unique constraint: an item's flags need their own.
            models.UniqueConstraint(
                fields=["flagger", "item"],
                condition=Q(target_type="item"),
                name="flag_item_once_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} flag by {self.flagger} ({self.status})"


class Obsolescence(models.Model):
    """Knowledge an expert marked obsolete, and what replaces it: it stays readable with a
    banner, and drops out of what's popular and of search ranking (`content.hooks`)."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="obsolescence"
    )
    replacement = models.ForeignKey(
        "content.ContentItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    obsolete_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.item} obsolete since {self.obsolete_at:%Y-%m-%d}"


class PostingSuspension(models.Model):
    """A member may not post (nor comment) in a community until `until` (moderation.acts)."""

    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posting_suspensions"
    )
    until = models.DateTimeField()
    reason = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["community", "user", "until"])]

    def __str__(self) -> str:
        return f"{self.user} suspended in {self.community} until {self.until:%Y-%m-%d}"


class ItemHiding(models.Model):
    """A published item a manager hid (content status `removed`), and why; gone on restore."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="hiding"
    )
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField()
    hidden_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["community", "hidden_at"])]

    def __str__(self) -> str:
        return f"{self.item} hidden by {self.by}"


class GuidelineVersion(models.Model):
    """One version of a community's guidelines; a material one must be accepted again."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="guideline_versions"
    )
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    material = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="guideline_version_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.community} guidelines v{self.number}"


class GuidelineAcceptance(models.Model):
    """A member accepted one version of a community's guidelines."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(
        GuidelineVersion, on_delete=models.CASCADE, related_name="acceptances"
    )
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="guideline_accepted_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} accepted {self.version}"


class ParticipationPolicy(models.Model):
    """One version of the company-wide participation policy (staff edit it)."""

    number = models.PositiveIntegerField(unique=True)
    text = models.TextField()
    material = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name_plural = "participation policies"

    def __str__(self) -> str:
        return f"Participation policy v{self.number}"


class PolicyAcceptance(models.Model):
    """A member accepted one version of the participation policy."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    policy = models.ForeignKey(
        ParticipationPolicy, on_delete=models.CASCADE, related_name="acceptances"
    )
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "policy"], name="policy_accepted_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} accepted {self.policy}"
