from django import template

from guildhall.content import kinds

register = template.Library()


@register.filter
def kind_label(name: str) -> str:
    return kinds.label(name)
