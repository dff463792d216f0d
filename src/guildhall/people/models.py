from django.conf import settings
from django.db import models


class Department(models.Model):
    """A unit of the company; departments nest (parent) and have a head."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """What a member shows colleagues: role, place in the organisation, expertise."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    title = models.CharField(max_length=120, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="profiles"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_report_profiles",
    )
    location = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True)
    bio_html = models.TextField(blank=True)
    skills = models.ManyToManyField(Skill, through="ProfileSkill", related_name="profiles")
    # Set by staff (people.services.profile_leader_set): their blog posts form the leadership blog.
    is_leader = models.BooleanField(default=False)
    # Kept by people.services.person_follow/person_unfollow, so profiles and lists show them free.
    follower_count = models.PositiveIntegerField(default=0)
    following_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["department", "title"])]

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class ProfileSkill(models.Model):
    class Level(models.IntegerChoices):
        LEARNING = 1, "Learning"
        WORKING = 2, "Working knowledge"
        PRACTITIONER = 3, "Practitioner"
        ADVANCED = 4, "Advanced"
        EXPERT = 5, "Expert"

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.WORKING)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="profile_skill_unique")
        ]
        ordering = ["-level", "skill__name"]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"


class PersonFollow(models.Model):
    """A member follows a colleague: their new items reach the follower's home and bell."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person_follows"
    )
    followed = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="person_follow_unique"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followed")), name="person_follow_not_self"
            ),
        ]
        indexes = [models.Index(fields=["followed", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followed_id}"


class TagFollow(models.Model):
    """A member follows a tag: new items with it reach their home."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_follows"
    )
    tag = models.ForeignKey("content.Tag", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "tag"], name="tag_follow_unique"),
        ]
        indexes = [models.Index(fields=["tag"])]

    def __str__(self) -> str:
        return f"{self.follower_id} follows tag {self.tag_id}"


class SkillEndorsement(models.Model):
    """A colleague vouches for a member's declared skill, once each."""

    endorser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_given"
    )
    profile_skill = models.ForeignKey(
        ProfileSkill, on_delete=models.CASCADE, related_name="endorsements"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["endorser", "profile_skill"], name="skill_endorsement_unique"
            ),
        ]
        indexes = [models.Index(fields=["profile_skill", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.endorser_id} endorses {self.profile_skill_id}"


class ExpertInvitation(models.Model):
    """The asker of an unanswered question invites a suggested expert to answer it."""

    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="expert_invitations"
    )
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_invitations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "expert"], name="expert_invitation_unique"),
        ]
        # The weekly cap counts an expert's recent invitations.
        indexes = [models.Index(fields=["expert", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.inviter_id} invites {self.expert_id} to {self.item_id}"
