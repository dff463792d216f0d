"""Each notification verb registers how it reads, where it leads, and how members get it.

`label` names the type on the preferences page; `default` is the delivery a member gets until
they choose ("app", "email", "digest" or "off"); `group` merges repeats of the verb on the same
item (or community) into the member's unread entry ("Mia and 2 others commented on …");
`pending` marks verbs about items awaiting review, shown to recipients who can see the item's
community although the item is not published yet; `available(viewer)` says whether the verb can
happen to that member at all, so the preferences list no type that never reaches them;
`outsiders` marks verbs about a community that reach people who are (now) outside it, so they
see them even where the community is private.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DELIVERIES = ("app", "email", "digest", "off")


@dataclass(frozen=True)
class Verb:
    name: str
    text: Callable  # (notification) -> str
    url: Callable  # (notification) -> str
    label: str
    default: str = "app"
    group: bool = True
    pending: bool = False
    available: Callable | None = None  # (viewer) -> bool; None: it can happen to anyone
    outsiders: bool = False

    def offered_to(self, viewer) -> bool:
        return self.available is None or self.available(viewer)


_verbs: dict[str, Verb] = {}


def register(
    name: str,
    *,
    text: Callable,
    url: Callable,
    label: str | None = None,
    default: str = "app",
    group: bool = True,
    pending: bool = False,
    available: Callable | None = None,
    outsiders: bool = False,
) -> None:
    if default not in DELIVERIES:
        raise ValueError(f"default must be one of {DELIVERIES}")
    _verbs[name] = Verb(
        name=name,
        text=text,
        url=url,
        label=label or name.replace("_", " ").capitalize(),
        default=default,
        group=group,
        pending=pending,
        available=available,
        outsiders=outsiders,
    )


def verb(name: str) -> Verb:
    # A row whose verb is no longer registered (an app removed) still reads as something.
    return _verbs.get(name) or Verb(
        name=name, text=lambda n: "Something happened", url=lambda n: "/", label=name
    )


def verbs() -> list[Verb]:
    """Every registered verb, in the order the preferences page lists them."""
    return sorted(_verbs.values(), key=lambda v: v.label.lower())


def verbs_offered_to(viewer) -> list[Verb]:
    """The verbs that can happen to `viewer`: the types their preferences page offers."""
    return [v for v in verbs() if v.offered_to(viewer)]


def pending_verbs() -> list[str]:
    return [v.name for v in _verbs.values() if v.pending]


def outsider_verbs() -> list[str]:
    return [v.name for v in _verbs.values() if v.outsiders]


def actors(n) -> str:
    """Who did it: "Mia Member", or "Mia Member and 2 others" for a grouped notification."""
    name = n.actor.name if n.actor else "Someone"
    others = n.actor_count - 1
    if others > 0:
        return f"{name} and {others} other{'s' if others > 1 else ''}"
    return name


def item_url(n) -> str:
    return n.item.get_absolute_url() if n.item else reverse("home")


def comment_url(n) -> str:
    return f"{item_url(n)}#comment-{(n.data or {}).get('comment_id', '')}"


def _community_url(n) -> str:
    return reverse("communities:detail", args=[n.community.slug]) if n.community else "/"


def _manages_a_private_community(viewer) -> bool:
    """Join requests exist only for private communities, and reach their managers."""
    from guildhall.communities.selectors import memberships_of  # communities imports us

    return (
        memberships_of(viewer=viewer, member=viewer)
        .filter(role="manager", community__visibility="private")
        .exists()
    )


def _moderation_installed(viewer) -> bool:
    """Work waits for review only where a community has a quality policy (the moderation app)."""
    return apps.is_installed("guildhall.moderation")


def _reviews_somewhere(viewer) -> bool:
    """Reviews reach a community's experts and managers, and staff."""
    from guildhall.communities.selectors import reviewer_community_ids  # communities imports us

    return _moderation_installed(viewer) and (
        viewer.is_staff or bool(reviewer_community_ids(viewer))
    )


register(
    "join_request",
    text=lambda n: f"{actors(n)} asked to join {n.community}",
    url=lambda n: reverse("communities:requests", args=[n.community.slug]),
    label="Requests to join a community I manage",
    default="email",
    available=_manages_a_private_community,
)
register(
    "join_request_approved",
    text=lambda n: f"You are now a member of {n.community}",
    url=_community_url,
    label="My request to join was approved",
    default="email",
    group=False,
)
register(
    "join_request_declined",
    text=lambda n: f"Your request to join {n.community} was declined",
    url=lambda n: reverse("communities:list"),
    label="My request to join was declined",
    default="email",
    group=False,
    outsiders=True,
)
register(
    "membership_removed",
    text=lambda n: (
        _("%(who)s removed you from %(community)s") % {"who": actors(n), "community": n.community}
    ),
    url=lambda n: reverse("communities:list"),
    label=gettext_lazy("I was removed from a community"),
    default="email",
    group=False,
    outsiders=True,
)
register(
    "guidelines_changed",
    text=lambda n: (
        _("The guidelines of %(community)s changed: please read them again")
        % {"community": n.community}
    ),
    url=lambda n: reverse("communities:detail", args=[n.community.slug]) + "#guidelines",
    label=gettext_lazy("The guidelines of my communities changed"),
    group=False,
)


def _item_removed_text(n) -> str:
    values = {
        "who": actors(n),
        "title": (n.data or {}).get("title", ""),
        "reason": (n.data or {}).get("reason", ""),
        "community": n.community,
    }
    if n.community:
        return _("%(who)s deleted your “%(title)s” from %(community)s: “%(reason)s”") % values
    return _("%(who)s deleted your “%(title)s”: “%(reason)s”") % values


register(
    "item_removed",
    text=lambda n: _item_removed_text(n),
    url=_community_url,
    label=gettext_lazy("A manager deleted one of my items"),
    default="email",
    group=False,
)
register(
    "comment",
    text=lambda n: f"{actors(n)} commented on “{n.item.title}”",
    url=comment_url,
    label="Comments on my items",
    default="digest",
)
register(
    "reply",
    text=lambda n: f"{actors(n)} replied to your comment on “{n.item.title}”",
    url=comment_url,
    label="Replies to my comments",
    default="digest",
)
register(
    "followed_author_published",
    text=lambda n: f"{actors(n)}, whom you follow, published “{n.item.title}”",
    url=item_url,
    label="New items by people I follow",
    default="digest",
    group=False,
)
register(
    "review_pending",
    text=lambda n: f"“{n.item.title}” by {actors(n)} is waiting for review",
    url=item_url,
    label="Items waiting for my review",
    default="email",
    pending=True,
    available=_reviews_somewhere,
)
register(
    "review_result",
    text=lambda n: (
        f"{actors(n)} {'approved' if (n.data or {}).get('approved') else 'did not approve'} "
        f"“{n.item.title}”" + (f": “{n.data['note']}”" if (n.data or {}).get("note") else "")
    ),
    url=item_url,
    label="Review results of my items",
    default="email",
    group=False,
    available=_moderation_installed,
)


register(
    "reverification_due",
    text=lambda n: (
        _("“%(title)s” is due for re-verification: check it is still right")
        % {"title": n.item.title}
    ),
    url=item_url,
    label=gettext_lazy("Knowledge I verified (or my community's) is due for re-verification"),
    default="email",
    group=False,
    available=_reviews_somewhere,  # verifiers are experts (or staff)
)


def _moderation_act_text(n) -> str:
    data = n.data or {}
    values = {
        "who": actors(n),
        "community": n.community,
        "reason": data.get("reason", ""),
        "until": (data.get("until") or "")[:10],
    }
    act = data.get("act")
    if act == "warn":
        return _("%(who)s warned you in %(community)s: “%(reason)s”") % values
    if act == "suspend":
        return (
            _("%(who)s suspended you from posting in %(community)s until %(until)s: “%(reason)s”")
            % values
        )
    if act == "hide":
        return _("%(who)s hid your “%(title)s” in %(community)s: “%(reason)s”") % {
            **values,
            "title": data.get("title", ""),
        }
    if act == "move":
        text = _("%(who)s moved your “%(title)s” from %(source)s to %(community)s") % {
            **values,
            "title": data.get("title", ""),
            "source": data.get("from", ""),
        }
        return text + (f": “{values['reason']}”" if values["reason"] else "")
    if act == "restore":
        return _("%(who)s restored your “%(title)s”") % {**values, "title": data.get("title", "")}
    if act == "lift":
        return _("%(who)s lifted your suspension: you can post in %(community)s again") % values
    return _("%(who)s moderated your contribution in %(community)s") % values


register(
    "moderation_act",
    text=_moderation_act_text,
    url=lambda n: item_url(n) if n.item else _community_url(n),
    label=gettext_lazy("A manager's moderation of my contributions (warnings, suspensions)"),
    default="email",
    group=False,
    available=_moderation_installed,
)
