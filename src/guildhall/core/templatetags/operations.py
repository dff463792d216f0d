"""What staff see of the installation's health on the admin's index page."""

from django import template

from guildhall.core.health import pending_tasks

register = template.Library()


@register.simple_tag
def background_tasks_waiting() -> int | None:
    return pending_tasks()
