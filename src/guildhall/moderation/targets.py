"""Review targets that are not items: kinds register how their work is described, shown,
applied and discarded, so moderation decides it without importing the kind.

A kind registers in its AppConfig.ready, e.g. the wiki's suggested edits:

    targets.register("wiki_edit", apply=..., discard=..., describe=..., diff=...)

- apply(*, review, actor): make the work live (raise core.exceptions.Conflict to refuse);
- discard(*, review, actor, note): the work was turned down or sent back (note: the reason);
- describe(target_ids) -> {id: str}: a short title per target;
- diff(target_ids) -> {id: safe HTML}: what the work changes, for reviewers;
- url(review) -> str: where its author and reviewers see it (optional).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    apply: Callable
    discard: Callable
    describe: Callable
    diff: Callable
    url: Callable | None = None


_registry: dict[str, Target] = {}


def register(name: str, **callables) -> Target:
    target = Target(name=name, **callables)
    _registry[name] = target
    return target


def get(name: str) -> Target | None:
    return _registry.get(name)


def diffs_for(reviews) -> None:
    """Attach `target_diff`, `target_title` and `target_url` to each review of a registered
    target (one call per target type, whatever the number of reviews)."""
    by_type: dict[str, list] = {}
    for review in reviews:
        review.target_diff = review.target_title = review.target_url = None
        if review.target_id is not None and get(review.target_type):
            by_type.setdefault(review.target_type, []).append(review)
    for name, group in by_type.items():
        target = _registry[name]
        ids = [r.target_id for r in group]
        diff, titles = target.diff(ids), target.describe(ids)
        for review in group:
            review.target_diff = diff.get(review.target_id)
            review.target_title = titles.get(review.target_id)
            review.target_url = target.url(review) if target.url else None
