"""Housekeeping only: a deleted episode's audio file leaves storage once the deletion commits."""

from functools import partial

from django.db import transaction


def delete_audio_file(sender, instance, **kwargs) -> None:
    if instance.audio:
        transaction.on_commit(partial(instance.audio.storage.delete, instance.audio.name))
