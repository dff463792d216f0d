"""Writes of the home page: the periodic rollups behind "what's popular" and "who's popular",
and the one-click welcome."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.db.models.functions import TruncDate
from django.utils import timezone

from guildhall.content.hooks import without_demoted
from guildhall.content.models import ContentItem
from guildhall.core.events import record
from guildhall.core.exceptions import Conflict, ValidationError
from guildhall.core.models import Event
from guildhall.core.ratelimit import check_write_rate
from guildhall.home.contributions import contributions
from guildhall.home.models import ItemTrend, MemberHelpfulness, Welcome
from guildhall.home.permissions import check_welcome_member
from guildhall.home.selectors import WINDOWS
from guildhall.interactions.models import ExpertPick, Rating
from guildhall.notifications.services import notify

# What one act on an item adds to its trend, before decay: acts that show an item helped
# (a favourite, an expert pick) weigh more than a glance (a view).
TREND_WEIGHTS = {
    "view": 1.0,
    "listen": 2.0,
    "download": 2.0,
    "rate": 3.0,
    "favourite": 4.0,
    "comment": 3.0,
    "answer": 3.0,
    "expert_pick": 10.0,
}
# An act's weight halves every HALF_LIFE days: the 7-day tab favours this week's buzz, the
# 30-day tab the month's lasting favourites.
HALF_LIFE_DAYS = {7: 2.0, 30: 7.0}

# Helpfulness counts only what others recognised in a member's work, never how much they posted
# or how often it was viewed.
HELPFULNESS_WEIGHTS = {"accepted_answers": 10.0, "good_ratings": 2.0, "expert_picks": 6.0}
HELPFULNESS_DAYS = 90
GOOD_RATING = 4  # stars

PUBLISHED = ContentItem.Status.PUBLISHED
DEFAULT_WELCOME = "Welcome aboard, {name}! Glad you're here — shout if you need a hand."
MAX_WELCOME = 280


def _trend_scores(window: int, now: datetime) -> dict[int, float]:
    """Time-decayed engagement per published item over the window, from the event log grouped
    by item, verb and day (one query, however many events). Each member counts once per item,
    act and day: favouriting and unfavouriting in a loop, or reloading a page, lifts nothing."""
    rows = (
        Event.objects.filter(
            target_type=ContentType.objects.get_for_model(ContentItem),
            # Demoted items (obsolete knowledge: content.hooks) trend no more.
            target_id__in=without_demoted(ContentItem.objects.filter(status=PUBLISHED)).values(
                "pk"
            ),
            verb__in=list(TREND_WEIGHTS),
            created_at__gte=now - timedelta(days=window),
        )
        .annotate(day=TruncDate("created_at"))
        .values("target_id", "verb", "day")
        .annotate(n=Count("actor_id", distinct=True))
        .values_list("target_id", "verb", "day", "n")
    )
    today = timezone.localdate(now)
    scores: dict[int, float] = defaultdict(float)
    for item_id, verb, day, n in rows:
        age = (today - day).days + 0.5  # the middle of that day
        scores[item_id] += TREND_WEIGHTS[verb] * n * 0.5 ** (age / HALF_LIFE_DAYS[window])
    return scores


def _helpfulness(now: datetime) -> dict[tuple[int, int | None], dict[str, int]]:
    """Per (member, community) and per (member, None) company-wide: accepted answers, good
    ratings and expert picks received recently. Company-wide counts only items everyone can see,
    so a private community's work never shows outside it."""
    since = now - timedelta(days=HELPFULNESS_DAYS)
    sources = {
        "accepted_answers": contributions.call("accepted_answers", default=None, since=since),
        "good_ratings": Rating.objects.filter(
            stars__gte=GOOD_RATING, created_at__gte=since, item__status=PUBLISHED
        ).values_list("item__author_id", "item__community_id", "item__visibility"),
        "expert_picks": ExpertPick.objects.filter(created_at__gte=since, item__status=PUBLISHED)
        .exclude(picked_by_id=F("item__author_id"))
        .values_list("item__author_id", "item__community_id", "item__visibility"),
    }
    counts: dict[tuple[int, int | None], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(HELPFULNESS_WEIGHTS, 0)
    )
    for measure, rows in sources.items():
        if rows is None:  # no installed app provides this measure
            continue
        for user_id, community_id, visibility, n in rows.annotate(n=Count("id")).order_by():
            if community_id is not None:
                counts[(user_id, community_id)][measure] += n
            if visibility == ContentItem.Visibility.COMPANY:
                counts[(user_id, None)][measure] += n
    return counts


@transaction.atomic
def home_rollup_refresh(*, now: datetime | None = None) -> dict[str, int]:
    """Recompute the trending scores (7 and 30 days) and the helpfulness rankings."""
    now = now or timezone.now()
    trends = [
        ItemTrend(item_id=item_id, window=window, score=round(score, 3), computed_at=now)
        for window in WINDOWS
        for item_id, score in _trend_scores(window, now).items()
    ]
    ItemTrend.objects.all().delete()
    ItemTrend.objects.bulk_create(trends, batch_size=1000)
    helpful = [
        MemberHelpfulness(
            user_id=user_id,
            community_id=community_id,
            score=sum(HELPFULNESS_WEIGHTS[m] * n for m, n in measures.items()),
            computed_at=now,
            **measures,
        )
        for (user_id, community_id), measures in _helpfulness(now).items()
    ]
    MemberHelpfulness.objects.all().delete()
    MemberHelpfulness.objects.bulk_create(helpful, batch_size=1000)
    return {"trends": len(trends), "helpfulness": len(helpful)}


def welcome_send(*, actor, recipient, message: str = "") -> Welcome:
    """Welcome a newcomer with a short message (notifies them): once per pair."""
    check_welcome_member(actor, recipient)
    check_write_rate(actor)
    message = " ".join(message.split())
    if len(message) > MAX_WELCOME:
        raise ValidationError({"message": f"Keep the welcome under {MAX_WELCOME} characters."})
    message = message or DEFAULT_WELCOME.format(name=recipient.first_name or recipient.username)
    duplicate = Conflict(f"You already welcomed {recipient.name}.")
    if Welcome.objects.filter(sender=actor, recipient=recipient).exists():
        raise duplicate
    try:
        with transaction.atomic():
            welcome = Welcome.objects.create(sender=actor, recipient=recipient, message=message)
            record(actor, "welcome", recipient, data={"message": message})
            notify(
                recipient_ids=[recipient.pk],
                verb="welcome",
                actor=actor,
                data={"message": message, "username": actor.username},
            )
    except IntegrityError:
        raise duplicate from None
    return welcome
