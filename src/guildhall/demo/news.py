# ruff: noqa: E501 - a bank of texts reads better unwrapped
"""Demo news (see demo/extensions.py): community managers' announcements and company-wide news
from the administrators; one company-wide item has already expired (it is only in the archive)."""

from datetime import timedelta

from guildhall.news.models import NewsInfo
from guildhall.news.services import announcement_create

# (title, body, days ago, expires in days (None: never; negative: already expired))
COMPANY = [
    (
        "Leeds test rig opens to all product teams in January",
        "The new **high-flow test rig** at Leeds is commissioned. From January any product team can book it for HX-series and Aquila validation runs.\n\n- Bookings through the Engineering planner, two weeks ahead\n- Induction on the rig is mandatory (one hour, Tuesdays)\n- Questions to the Engineering Director's office",
        3,
        40,
    ),
    (
        "Annual safety stand-down: Thursday 9:00, every site",
        "All sites stop for one hour on Thursday at 9:00 for the annual safety stand-down. This year's theme is **isolation and lock-out**. Managers have the briefing pack; the Safety Incident Review community has the questions people asked last year.",
        1,
        6,
    ),
    (
        "New expenses tool goes live on 1 October",
        "Paper expense forms are retired. Use the new tool from the intranet; receipts can be photographed with your phone. Claims already submitted on paper will still be paid.",
        60,
        -20,
    ),
]

# community slug → (title, body, days ago, expires in days or None)
COMMUNITY = {
    "supply-chain-practice": (
        "S&OP review moves to the second Thursday",
        "From next month the S&OP review is on the **second Thursday**, 10:00, so the Gdańsk numbers are in. Same room, same dial-in.",
        5,
        30,
    ),
    "lean-continuous-improvement": (
        "Kaizen week at Gdańsk: volunteers wanted",
        "We're running a five-day kaizen on the Line 4 changeover. We need two people from outside Operations — fresh eyes help. Reply in the comments.",
        8,
        20,
    ),
    "field-engineers": (
        "Updated torque tables for HX-400 impellers",
        "Service bulletin SB-24-07 replaces the impeller nut torque in appendix C. Please update your van copy; the old value over-stresses the new shaft.",
        2,
        None,
    ),
    "safety-incident-review": (
        "Near-miss reporting: new form in the app",
        "Near misses can now be reported from the mobile app in under a minute. Anonymous reports are allowed. Every report gets a reply within a week.",
        12,
        45,
    ),
    "customer-experience-network": (
        "Q3 NPS results are in",
        "NPS rose from **31 to 38**. The biggest gain was in spare-parts lead time. Full results and verbatims at the next network call.",
        6,
        21,
    ),
    "data-analytics-guild": (
        "Power BI gateway maintenance on Saturday",
        "The on-premises gateway is down from 06:00 to 10:00 on Saturday. Scheduled refreshes in that window will run afterwards.",
        1,
        5,
    ),
    "running-club": (
        "Club kit order closes Friday",
        "Last call for the Harbourline running vests. Sizes S to XXL, paid by the company for anyone who ran a club event this year.",
        4,
        7,
    ),
}


def load(loader) -> str:
    rng = loader.rng
    made = expired = 0
    for title, body, days, expires_in in COMPANY:
        item = announcement_create(
            actor=loader.admin,
            community=None,
            title=title,
            body=body,
            tags=["company-news"],
            data={"expires_at": (loader.now + timedelta(days=abs(expires_in))).isoformat()},
        )
        if expires_in < 0:
            NewsInfo.objects.filter(item=item).update(expires_at=loader.ago(-expires_in))
            expired += 1
        when = loader.ago(days + rng.uniform(0, 0.5))
        loader.item_dt[item.pk] = (when, when)
        loader.item_last[item.pk] = when
        made += 1
    by_slug = {place.community.slug: place for place in loader.places}
    for slug, (title, body, days, expires_in) in COMMUNITY.items():
        place = by_slug.get(slug)
        if place is None or not place.managers:
            continue
        manager = place.managers[0]
        expires = (loader.now + timedelta(days=expires_in)).isoformat() if expires_in else None
        item = announcement_create(
            actor=manager.user,
            community=place.community,
            title=title,
            body=body,
            data={"expires_at": expires},
        )
        when = loader.ago(days + rng.uniform(0, 0.5))
        loader.item_dt[item.pk] = (when, when)
        loader.item_last[item.pk] = when
        made += 1
    return f"{made} announcements ({expired} expired)"
