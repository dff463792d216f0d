# ruff: noqa: E501 - a bank of one-line texts reads better unwrapped
"""Demo resource boards (see demo/extensions.py): each community pins the standards, portals and
how-tos it keeps coming back to, a few short notes, and links to its own best items."""

from guildhall.boards.services import pin_create
from guildhall.content.models import ContentItem

# community slug → (title, url or "", note). An empty url makes a note.
PINS: dict[str, list[tuple[str, str, str]]] = {
    "supply-chain-practice": [
        (
            "Supplier portal (Coupa)",
            "https://harbourline.coupahost.com/",
            "Where suppliers confirm POs and upload ASNs. Ask Procurement for a login.",
        ),
        (
            "Incoterms 2020 explained",
            "https://iccwbo.org/business-solutions/incoterms-rules/incoterms-2020/",
            "The ICC's own summary. Check the incoterm **before** you change the freight mode.",
        ),
        (
            "APICS dictionary",
            "https://www.ascm.org/learning-development/certifications-credentials/dictionary/",
            "When someone says *DDMRP* in a meeting and you nod along.",
        ),
        (
            "Weekly supplier call: agenda",
            "",
            "1. Unconfirmed POs (ME2N variant *WE101*)\n2. Late castings\n3. Anything expedited by air — and why",
        ),
    ],
    "data-analytics-guild": [
        (
            "Power BI workspace: Operations",
            "https://app.powerbi.com/groups/me/list",
            "Shared datasets for OEE, scrap and on-time delivery. Build on these instead of new exports.",
        ),
        (
            "dbt style guide we follow",
            "https://github.com/dbt-labs/corp/blob/main/dbt_style_guide.md",
            "Naming, CTEs, one model per file.",
        ),
        (
            "Data request form",
            "",
            "Before asking the guild for a new report, fill in: the decision it supports, who reads it, how often. Saves everyone a week.",
        ),
    ],
    "lean-continuous-improvement": [
        (
            "ISO 9001:2015 — the standard",
            "https://www.iso.org/standard/62085.html",
            "Our quality management system is certified against this. Clause 10.3 is continual improvement.",
        ),
        (
            "Lean Enterprise Institute: A3 guide",
            "https://www.lean.org/lexicon-terms/a3-report/",
            "Read this before your first A3 review with the plant manager.",
        ),
        (
            "Kaizen event calendar",
            "",
            "Leeds: first week of each month. Gdańsk: third week. Book the room with the plant office.",
        ),
        (
            "SMED worked example",
            "https://www.lean.org/lexicon-terms/smed/",
            "The changeover on Line 3 went from 47 to 18 minutes using this.",
        ),
    ],
    "customer-experience-network": [
        (
            "Net Promoter System basics",
            "https://www.netpromotersystem.com/about/",
            "How we read the quarterly NPS survey, and why we call back every detractor.",
        ),
        (
            "Complaint handling: ISO 10002",
            "https://www.iso.org/standard/71580.html",
            "The guideline our complaint process is based on.",
        ),
        (
            "Call-back script for detractors",
            "",
            "Thank them, listen, don't defend. Ask: *what one thing would have changed your score?* Log it in Salesforce within 24 hours.",
        ),
    ],
    "project-management-circle": [
        (
            "PMI: project charter template",
            "https://www.pmi.org/learning/library",
            "Our charter follows the PMI structure, cut to two pages.",
        ),
        (
            "RACI before kick-off",
            "",
            "No project starts without a RACI signed by the sponsor. The template is on the PMO wiki page.",
        ),
        (
            "Stage-gate checklist",
            "https://www.prince2.com/uk/blog/prince2-processes",
            "Gates 0 to 4 as we run them for new product introductions.",
        ),
    ],
    "front-line-managers": [
        (
            "Return-to-work conversation guide",
            "",
            "Same day, private, five minutes: how are you, anything we should adjust, anything you need from me.",
        ),
        (
            "HSE: managing for health and safety",
            "https://www.hse.gov.uk/pubns/books/hsg65.htm",
            "HSG65 — the UK regulator's guidance. Plan, do, check, act.",
        ),
        (
            "Shift handover board photo",
            "",
            "Keep the whiteboard layout the same on every line so anyone can read it at 6 a.m.",
        ),
    ],
    "new-sales-reps": [
        (
            "Product catalogue (PDF download page)",
            "https://www.harbourline.example/catalogue",
            "Always send customers the current edition — the HX-400 curves changed this year.",
        ),
        (
            "Pump affinity laws, simply",
            "https://www.engineeringtoolbox.com/affinity-laws-d_408.html",
            "Flow, head and power vs. speed. Customers will ask.",
        ),
        (
            "Who to ask about what",
            "",
            "Pricing: your regional manager. Lead times: Supply Chain Practice board. Technical: ask in Field Engineers.",
        ),
    ],
    "field-engineers": [
        (
            "HX-series service manual",
            "https://www.harbourline.example/service/hx",
            "Torque tables are in appendix C.",
        ),
        (
            "LOTO — HSE guidance",
            "https://www.hse.gov.uk/work-equipment-machinery/isolation.htm",
            "Isolation of plant. No exceptions on customer sites either.",
        ),
        (
            "Van stock list",
            "",
            "Minimum: 2 SealSafe kits per pump size, FlowSense spare, ProFlow 3 display. Reorder every Friday.",
        ),
    ],
    "finance-business-partners": [
        (
            "IFRS 15 revenue recognition",
            "https://www.ifrs.org/issued-standards/list-of-standards/ifrs-15-revenue-from-contracts-with-customers/",
            "The basis for how we recognise service contracts.",
        ),
        (
            "Month-end calendar",
            "",
            "WD-2 accruals, WD+1 flash, WD+3 close, WD+5 pack to the board.",
        ),
    ],
    "sustainability-champions": [
        (
            "GHG Protocol corporate standard",
            "https://ghgprotocol.org/corporate-standard",
            "How we count scope 1, 2 and 3.",
        ),
        (
            "ISO 14001 — environmental management",
            "https://www.iso.org/standard/60857.html",
            "Leeds is certified; Gdańsk is working towards it.",
        ),
        (
            "Energy dashboard",
            "",
            "Compressed air leaks are still the biggest quick win. Tag them with the yellow cards and log them here.",
        ),
    ],
    "running-club": [
        (
            "Manchester 10k entries",
            "https://www.greatrun.org/events/great-manchester-run/",
            "Company team: register with the code from the club chat.",
        ),
        (
            "Thursday lunch loop",
            "",
            "5 km from the HQ car park along the canal and back. Meet at 12:15, showers in block B.",
        ),
    ],
    "safety-incident-review": [
        (
            "RIDDOR — what to report",
            "https://www.hse.gov.uk/riddor/",
            "Over-7-day injuries must be reported within 15 days.",
        ),
        (
            "Incident review template",
            "",
            "Facts first, then timeline, then causes (5 whys), then actions with owners. No names in the summary.",
        ),
        (
            "ISO 45001 — occupational health and safety",
            "https://www.iso.org/standard/63787.html",
            "Our OH&S system is aligned with this.",
        ),
    ],
    "leadership-forum": [
        (
            "Strategy 2027 one-pager",
            "",
            "Grow service revenue to 30 %, halve warranty cost, carbon-neutral plants. Everything else is detail.",
        ),
        (
            "HBR: what makes an effective executive",
            "https://hbr.org/2004/06/what-makes-an-effective-executive",
            "Drucker's eight practices; we discussed it at the March off-site.",
        ),
    ],
}
GENERIC = [
    (
        "Guildhall help: writing good posts",
        "",
        "A clear title, the context in two lines, then the detail. Add tags so colleagues can find it.",
    ),
    (
        "Harbourline intranet",
        "https://intranet.harbourline.example/",
        "Policies, holidays and the canteen menu.",
    ),
]


def load(loader) -> str:
    rng = loader.rng
    pins = 0
    for place in loader.places:
        people = [p for p in place.people if place.joined_ago.get(p.pk, 0) > 3]
        if not people:
            continue
        bank = (
            list(PINS.get(place.community.slug, []))
            + GENERIC[: 1 if place.community.slug in PINS else 2]
        )
        # Ties broken by age, so that every database picks the same two.
        best = list(
            ContentItem.objects.filter(
                community=place.community, status=ContentItem.Status.PUBLISHED
            )
            .exclude(kind="pin")
            .order_by("-view_count", "-comment_count", "pk")[:2]
        )
        for item in best:
            bank.append(
                (
                    f"Worth reading: {item.title}"[:200],
                    f"/content/{item.pk}/",
                    "One of the community's most useful items — start here if you're new.",
                )
            )
        for title, url, note in bank:
            author = rng.choice(
                place.managers + place.experts + people if rng.random() < 0.5 else people
            )
            if author.pk not in place.joined_ago:
                author = rng.choice(people)
            item = pin_create(
                actor=author.user,
                community=place.community,
                title=title,
                body=note,
                data={"url": url},
            )
            when = loader.ago(rng.uniform(1, max(1.5, min(120, place.joined_ago[author.pk] - 0.5))))
            loader.item_dt[item.pk] = (when, when)
            loader.item_last[item.pk] = when
            pins += 1
    return f"{pins} pins"
