"""Questions and their answers. A question is a ContentItem of kind "question" plus this row."""

from django.conf import settings
from django.db import models


class Question(models.Model):
    """What a question adds to its item: the accepted answer and its answered state.

    `answer_count`, `answered` and `first_answer_at` are kept by the services (analytics reads
    the time to the first answer and the answered/unanswered state from here).
    """

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, related_name="question"
    )
    accepted_answer = models.ForeignKey(
        "qa.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer_count = models.PositiveIntegerField(default=0)
    answered = models.BooleanField(default=False)  # has at least one answer
    first_answer_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["answered"])]

    def __str__(self) -> str:
        return f"Question {self.item_id}"


class Answer(models.Model):
    item = models.ForeignKey(
        "content.ContentItem", on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers"
    )
    body = models.TextField()
    body_html = models.TextField(blank=True)
    score = models.IntegerField(default=0)  # sum of the votes
    is_accepted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["item", "-is_accepted", "-score", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(is_accepted=True), name="qa_one_accepted"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.item_id}"

    def get_absolute_url(self) -> str:
        return f"{self.item.get_absolute_url()}#answer-{self.pk}"


class AnswerVote(models.Model):
    class Value(models.IntegerChoices):
        UP = 1, "Up"
        DOWN = -1, "Down"

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answer_votes"
    )
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "voter"], name="qa_one_vote_per_member"),
            models.CheckConstraint(condition=models.Q(value__in=[1, -1]), name="qa_vote_value"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} {self.value:+d} on {self.answer_id}"
