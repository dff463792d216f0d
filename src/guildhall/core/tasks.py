"""Fan-out work is queued only once the surrounding transaction has committed."""

from functools import partial

from django.db import transaction


def enqueue_on_commit(task, /, **kwargs) -> None:
    transaction.on_commit(partial(task.enqueue, **kwargs))
