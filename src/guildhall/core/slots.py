"""Named slots through which an upper app contributes to a lower one (a kind to home or people).

A lower app declares its slots once (`contributions = Slots("home", ["latest_news", ...])`) and
asks `contributions.call("latest_news", default=[], viewer=...)`; the upper app fills a slot in its
`AppConfig.ready()` with `@contributions.provide("latest_news")`. The lower app imports nothing
of the upper one, and shows the default when no installed app fills the slot.
"""

from collections.abc import Callable, Iterable
from typing import Any


class Slots:
    def __init__(self, owner: str, names: Iterable[str]) -> None:
        self._owner = owner
        self._names = frozenset(names)
        self._providers: dict[str, Callable] = {}

    def provide(self, name: str) -> Callable[[Callable], Callable]:
        if name not in self._names:
            raise LookupError(f"{self._owner} has no slot {name!r}")

        def register(func: Callable) -> Callable:
            if self._providers.setdefault(name, func) is not func:
                raise ValueError(f"{self._owner}'s slot {name!r} is already provided")
            return func

        return register

    def call(self, name: str, *, default: Any, **kwargs) -> Any:
        if name not in self._names:
            raise LookupError(f"{self._owner} has no slot {name!r}")
        func = self._providers.get(name)
        return default if func is None else func(**kwargs)
