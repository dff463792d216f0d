from django.conf import settings
from django.db import models


class Community(models.Model):
    """A community of practice: the container for members and items."""

    class Kind(models.TextChoices):
        HORIZONTAL = "horizontal", "Horizontal"
        VERTICAL = "vertical", "Vertical"
        INTEREST = "interest", "Interest"

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public — anyone in the company can read and join"
        PRIVATE = "private", "Private — only members see it; joining needs approval"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.HORIZONTAL)
    visibility = models.CharField(
        max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    purpose = models.TextField(blank=True)
    purpose_html = models.TextField(blank=True)
    guidelines = models.TextField(blank=True)
    guidelines_html = models.TextField(blank=True)
    # Managers share this link with people they want to let ask to join a private community.
    join_token = models.CharField(max_length=43, unique=True)
    member_count = models.PositiveIntegerField(default=0)
    item_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "communities"
        indexes = [
            models.Index(fields=["visibility", "name"]),
            models.Index(fields=["-member_count"]),
        ]

    def __str__(self) -> str:
        return self.name

    KIND_DESCRIPTIONS = {
        Kind.HORIZONTAL: "A practice that crosses departments, such as supply-chain management.",
        Kind.VERTICAL: "People in one job role, such as front-line managers.",
        Kind.INTEREST: "A shared interest beyond a practice or a role.",
    }

    @property
    def kind_description(self) -> str:
        return self.KIND_DESCRIPTIONS.get(self.kind, "")

    @property
    def is_private(self) -> bool:
        return self.visibility == self.Visibility.PRIVATE


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        EXPERT = "expert", "Expert"
        MANAGER = "manager", "Community manager"

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique")
        ]
        indexes = [
            models.Index(fields=["community", "role", "joined_at"]),
            models.Index(fields=["user", "community"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.community} ({self.role})"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            )
        ]
        indexes = [models.Index(fields=["community", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.community} ({self.status})"
