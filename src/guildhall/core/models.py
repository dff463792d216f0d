"""The shared kernel's tables: the append-only event log and the audit trail."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Event(models.Model):
    """One meaningful act by one member: the raw material of feeds, analytics and xAPI.

    The community is kept as a plain id so the kernel depends on no app.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=40)
    target_type = models.ForeignKey(
        ContentType, null=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.BigIntegerField(null=True)
    community_id = models.BigIntegerField(null=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["verb", "created_at"]),
            models.Index(fields=["actor", "created_at"]),
            models.Index(fields=["community_id", "created_at"]),
            models.Index(fields=["target_type", "target_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.verb} {self.target_type_id}:{self.target_id}"


class AuditEntry(models.Model):
    """A state change of roles, membership, moderation or visibility, kept for governance."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=60)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.BigIntegerField()
    community_id = models.BigIntegerField(null=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["target_type", "target_id", "created_at"]),
            models.Index(fields=["community_id", "created_at"]),
        ]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.action} {self.target_type_id}:{self.target_id}"


class PeriodicRun(models.Model):
    """One row per periodic job per time slot: the first worker to insert it runs the job.

    The unique constraint is what keeps several workers (on several machines) from queueing the
    same rollup or digest run twice.
    """

    name = models.CharField(max_length=80)
    slot = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="periodic_run_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.slot}"


class WorkerHeartbeat(models.Model):
    """A running `guildhall worker` of the database queue, and when it last said it is alive.

    A task left running by a worker silent for longer than `liveness.ALIVE_SECONDS` (killed, its
    machine lost) is put back in the queue by the other workers (core/liveness.py).
    """

    name = models.CharField(max_length=64, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
