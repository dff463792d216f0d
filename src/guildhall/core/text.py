"""Small text helpers shared by several apps."""

from anyascii import anyascii
from django.utils.text import slugify


def unique_slug(model, value: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for `value` that no row of `model` has yet (suffixes -2, -3... when taken).

    Non-Latin scripts are transliterated ("Логистика" → "logistika"), so the slug stays an
    ASCII address every link, feed reader and `<slug:…>` URL pattern takes."""
    base = slugify(anyascii(value))[:max_length].strip("-") or "item"
    candidate, n = base, 2
    while model.objects.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return candidate
