from guildhall.moderation.selectors import waiting_review_count


def waiting_reviews(request) -> dict:
    """The top bar's count of reviews waiting for the viewer, read only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"waiting_reviews": lambda: waiting_review_count(viewer=user)}
