"""Demo data for the wiki (see demo/extensions.py): in most communities a few pages that grew
over several revisions by different members, linking to each other with [[...]] (and to one
page nobody has written yet), backdated through the loader and on the revisions themselves."""

from guildhall.core.models import Event
from guildhall.wiki.models import WikiRevision
from guildhall.wiki.services import wiki_page_create, wiki_page_edit

# A page: its title and its sections. Revision 1 holds the first two sections; each later
# revision adds the next one with its summary. `tweak` (old, new, summary) is a last small edit.
GLOSSARY_TERMS = {
    "supply": [
        ("MOQ", "minimum order quantity a supplier will accept for one order line."),
        ("OTIF", "on time, in full: the share of order lines delivered complete on the date."),
        (
            "S&OP",
            "sales and operations planning: one monthly plan that Sales, Operations and "
            "Finance agree on.",
        ),
        ("Freeze window", "the weeks before production in which we don't change the plan."),
    ],
    "lean": [
        ("OEE", "overall equipment effectiveness: availability times performance times quality."),
        ("SMED", "single-minute exchange of die: cutting changeover time step by step."),
        (
            "Gemba",
            "where the work happens; a gemba walk means going to see, not asking for a report.",
        ),
        ("5S", "sort, set in order, shine, standardise, sustain."),
    ],
    "field": [
        ("NPSH", "net positive suction head: too little and the HX pumps cavitate."),
        ("Commissioning", "the first start at the customer's site, witnessed and signed off."),
        ("Mechanical seal", "the SealSafe kit on most HX pumps; replace as a set, never half."),
        ("FSR", "field service report, filed in the service app within 24 hours."),
    ],
    "default": [
        ("HX range", "our centrifugal pumps for water, food and chemical duty (HX-60 to HX-400)."),
        ("Aquila", "the control valve range made in Gdańsk."),
        ("ProFlow", "the controller that runs HX pumps and Aquila valves together."),
        ("NCR", "non-conformance report: raised whenever a part or process is out of spec."),
    ],
}

SPECIFIC = {
    "supply": (
        "Supplier scorecard",
        [
            (
                "",
                "The one-page scorecard we review with each key supplier every quarter. "
                "Terms are explained in the [[Glossary]].",
            ),
            (
                "",
                "## What we score\n\n| Measure | Weight | Target |\n|---|---|---|\n"
                "| OTIF | 40% | 95% |\n| Quality (ppm) | 30% | < 500 |\n"
                "| Lead time kept | 20% | 90% |\n"
                "| Responsiveness | 10% | answers within 2 days |",
            ),
            (
                "Added how we share it",
                "## Sharing it\n\nSend the scorecard a week before the "
                "business review, never on the day. Suppliers who see their numbers first come "
                "with actions, not excuses.",
            ),
            (
                "Escalation rule",
                "## When a supplier is red twice\n\nTwo red quarters in a row "
                "→ the buyer and the category lead agree a recovery plan with the supplier. "
                "See [[How we run our monthly review]] for where it is followed up.",
            ),
        ],
        (
            "send the scorecard a week before",
            "send the scorecard five working days before",
            "Five working days, as agreed with Procurement",
        ),
    ),
    "lean": (
        "SMED changeover steps",
        [
            (
                "",
                "How we cut changeovers on the HX-200 line in Leeds from 47 to 19 minutes. "
                "Words like SMED and OEE are in the [[Glossary]].",
            ),
            (
                "",
                "## 1. Film one changeover\n\nFilm it end to end. Watch it together with the "
                "operators and list every step with its time.",
            ),
            (
                "Internal vs external steps",
                "## 2. Separate internal and external work\n\n"
                "Anything that can be done while the line is still running (fetching tools, "
                "pre-heating, paperwork) moves out of the changeover.",
            ),
            (
                "Added the standard work step",
                "## 3. Standardise\n\nWrite the new sequence as "
                "standard work, post it at the line and review it at the weekly 5S audit.",
            ),
        ],
        ("from 47 to 19 minutes", "from 47 to 17 minutes", "Updated with March's result"),
    ),
    "field": (
        "Commissioning checklist for HX pumps",
        [
            (
                "",
                "Use this on every first start of an HX pump at a customer site. Terms are in "
                "the [[Glossary]].",
            ),
            (
                "",
                "## Before the start\n\n- Check the suction line: NPSH available vs required.\n"
                "- Turn the shaft by hand; it must turn freely.\n- Confirm the rotation direction "
                "with a short bump start.",
            ),
            (
                "Added the run-in checks",
                "## First hour\n\n- Log vibration and bearing "
                "temperature every 15 minutes.\n- Listen for cavitation at minimum flow.",
            ),
            (
                "Sign-off and report",
                "## Sign-off\n\nThe customer signs the commissioning sheet; "
                "file the FSR within 24 hours.",
            ),
        ],
        ("every 15 minutes", "every 10 minutes", "Tighter logging, per engineering"),
    ),
    "safety": (
        "Near-miss reporting",
        [
            (
                "",
                "A near miss is anything that could have hurt someone but didn't. Report every "
                "one: they are free lessons.",
            ),
            (
                "",
                "## How to report\n\n1. Make the area safe.\n2. Tell your shift leader.\n"
                "3. Fill in the near-miss form in the safety app the same shift.",
            ),
            (
                "What happens next",
                "## What happens next\n\nThe site safety lead reviews each "
                "report within two working days; serious ones go to the monthly review (see "
                "[[How we run our monthly review]]).",
            ),
        ],
        (
            "within two working days",
            "within one working day",
            "Faster review, agreed at the safety committee",
        ),
    ),
    "data": (
        "Data dictionary",
        [
            ("", "Where our reporting numbers come from. Business terms are in the [[Glossary]]."),
            (
                "",
                "| Field | Source | Refreshed |\n|---|---|---|\n| Order intake | SAP SD | "
                "nightly |\n| OTIF | SAP + carrier data | nightly |\n| OEE | line PLCs via MES | "
                "hourly |",
            ),
            (
                "Added owners",
                "## Owners\n\nEvery dataset has a named owner in the business "
                "who answers questions about its meaning.",
            ),
        ],
        ("| hourly |", "| every 15 minutes |", "MES feed is faster now"),
    ),
    "cx": (
        "Complaint handling steps",
        [
            ("", "How we handle a customer complaint from first call to closure."),
            (
                "",
                "## Within 24 hours\n\nAcknowledge the complaint, log it with the serial "
                "number and give the customer a named contact.",
            ),
            (
                "Added root cause step",
                "## Within 10 days\n\nQuality raises an NCR if a part is "
                "involved (see the [[Glossary]]) and we share the root cause with the customer.",
            ),
        ],
        ("Within 10 days", "Within 8 working days", "Aligned with the customer charter"),
    ),
    "finance": (
        "Month-end close calendar",
        [
            ("", "Who closes what, and when, at month end."),
            (
                "",
                "| Day | What |\n|---|---|\n| WD-2 | Accruals to Finance |\n| WD+1 | "
                "Inventory and WIP posted |\n| WD+3 | Flash results to the leadership team |",
            ),
            (
                "Added the review meeting",
                "Results are discussed at the monthly review: [[How we run our monthly review]].",
            ),
        ],
        ("| WD+3 |", "| WD+4 |", "Flash moved a day for the Gdańsk plant"),
    ),
}

GENERIC = (
    (
        "Onboarding checklist",
        [
            ("", "Welcome to {name}! Work through this list in your first two weeks."),
            (
                "",
                "## Week 1\n\n- Read the community guidelines and introduce yourself in a "
                "discussion.\n- Skim the [[Glossary]] so the abbreviations make sense.\n- Ask a "
                "community expert for a 30-minute walkthrough.",
            ),
            (
                "Added week 2",
                "## Week 2\n\n- Join the next monthly review as a listener "
                "([[How we run our monthly review]]).\n- Find out [[Who to ask]] about access and "
                "tools.",
            ),
            (
                "Added a buddy",
                "## Your buddy\n\nEvery newcomer gets a buddy from the community for "
                "the first month. Ask a manager if nobody has been in touch.",
            ),
        ],
        ("first two weeks", "first three weeks", "Three weeks is more realistic"),
    ),
    (
        "How we run our monthly review",
        [
            (
                "",
                "Our monthly review is one hour, on the first Tuesday of the month, on site or on "
                "Teams.",
            ),
            (
                "",
                "## Agenda\n\n1. Numbers: what moved and why (15 min)\n2. One deep dive (25 min)\n"
                "3. Actions: owner and date for each (15 min)\n4. What we share with the wider "
                "company (5 min)",
            ),
            (
                "Added preparation",
                "## Preparation\n\nThe owner of the deep dive sends one page two "
                "days before. No slides on the day.",
            ),
            (
                "Notes and actions",
                "## Notes\n\nNotes go in a discussion in this community the same "
                "day, so those who missed it can catch up.",
            ),
        ],
        ("first Tuesday", "first Wednesday", "Moved to Wednesdays (fewer clashes)"),
    ),
)


def _glossary(key: str) -> tuple[str, list, tuple]:
    terms = GLOSSARY_TERMS.get(key, GLOSSARY_TERMS["default"])
    sections = [("", "Words and abbreviations we use in this community. Missing one? Add it.")]
    sections.append(("", "\n".join(f"- **{t}**: {d}" for t, d in terms[:2])))
    for term, definition in terms[2:]:
        sections.append((f"Added {term}", f"- **{term}**: {definition}"))
    _, rest = terms[0]
    return (
        "Glossary",
        sections,
        (rest, rest.rstrip(".") + " (see [[Onboarding checklist]]).", "Pointer to onboarding"),
    )


def _body(sections, upto: int) -> str:
    return "\n\n".join(text for _, text in sections[:upto])


def load(loader) -> str:
    rng = loader.rng
    pages = revisions = 0
    for place in loader.places:
        key = place.spec.topic.key
        if key in ("running", "personal"):
            continue  # the running club keeps its routes in discussions
        eligible = [p for p in place.people if place.joined_ago[p.pk] > 2]
        if len(eligible) < 2:
            continue
        writers = place.managers + place.experts + eligible
        plan = [GENERIC[0], _glossary(key)]
        if key in SPECIFIC:
            plan.append(SPECIFIC[key])
        if rng.random() < 0.6 or key not in SPECIFIC:
            plan.append(GENERIC[1])
        for title, sections, tweak in plan:
            sections = [(s, t.replace("{name}", place.community.name)) for s, t in sections]
            author = rng.choice(writers[: max(3, len(place.managers + place.experts))])
            start = min(
                rng.uniform(20, 120), place.joined_ago[author.pk] - 0.5, place.created_ago - 1
            )
            start = max(start, 3.0)
            item = wiki_page_create(
                actor=author.user,
                community=place.community,
                title=title,
                body=_body(sections, 2),
                summary="First draft",
            )
            when = loader.ago(start)
            times = [(1, when)]
            count = 2
            ago = start
            steps = [(s, _body(sections, i + 1)) for i, (s, _) in enumerate(sections) if i >= 2]
            if rng.random() < 0.7:
                old, new, summary = tweak
                last = steps[-1][1] if steps else _body(sections, 2)
                if old in last:
                    steps.append((summary, last.replace(old, new, 1)))
            for summary, body in steps:
                ago = max(0.2, ago - rng.uniform(1, ago / 2))
                editors = [p for p in eligible if place.joined_ago[p.pk] > ago]
                editor = rng.choice(editors or [author])
                revision = wiki_page_edit(
                    actor=editor.user,
                    item=item,
                    body=body,
                    summary=summary,
                    base_revision=count - 1,
                )
                times.append((revision.number, loader.ago(ago)))
                count += 1
            for number, at in times:
                WikiRevision.objects.filter(item=item, number=number).update(created_at=at)
                Event.objects.filter(
                    verb="edit_wiki", target_id=item.pk, data__revision=number
                ).update(created_at=at)
            loader.item_dt[item.pk] = (when, when)
            loader.item_last[item.pk] = times[-1][1]
            pages += 1
            revisions += len(times)
    return f"{pages} pages, {revisions} revisions"
