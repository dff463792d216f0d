"""Housekeeping only: a deleted document's file leaves storage once the deletion commits."""

from functools import partial

from django.db import transaction


def delete_stored_file(sender, instance, **kwargs) -> None:
    if instance.file:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))
