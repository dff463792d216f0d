"""Demo questions and answers (see demo/extensions.py): asked where the topic fits, answered by
the community's experts and members, voted, about two in three answered ones accepted, several
left waiting. Everything goes through the qa services, then is backdated."""

from datetime import timedelta

from guildhall.core.models import Event
from guildhall.qa.models import Answer, Question
from guildhall.qa.services import answer_accept, answer_create, answer_vote, question_create

# topic key → (title, body, tags, answers). The first answer is the one that gets accepted.
QUESTIONS: dict[str, list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]] = {
    "supply": [
        (
            "How do I set a reorder point for SealSafe kits with very lumpy demand?",
            "Some months we ship none, then forty go in one week to a single customer. The "
            "reorder point in SAP is always either far too high or far too low. How do you "
            "handle parts like this?",
            ("inventory", "planning", "demand-planning"),
            (
                "Split the demand: the big project orders are known weeks ahead from Sales, so "
                "plan those as **make-to-order** and only set the reorder point on the steady "
                "run-rate. Our XYZ segmentation flags these parts as Z; we review them monthly "
                "instead of trusting the MRP proposal.",
                "We use a min/max with a manual override for the three customers who order in "
                "bulk. Not elegant, but the stock-outs stopped.",
                "Ask Sales for the pipeline report every Monday — half of the spikes are in "
                "there a month before the order lands.",
            ),
        ),
        (
            "Has anyone moved a supplier from air freight back to sea without stocking out?",
            "Kessler Castings parts have been flying in since the spring delays. Finance wants "
            "us back on sea freight. What buffer did you build before switching?",
            ("logistics", "suppliers"),
            (
                "We did it for Polcast housings last year. Build four extra weeks of cover "
                "*before* the first sea shipment leaves, and switch one part family at a time. "
                "Keep air as the fallback for the first two months.",
                "Check the incoterms too — on FCA the insurance changes when you change mode.",
            ),
        ),
        (
            "What is the quickest way to find all open purchase orders without a confirmed date?",
            "I need a list for the weekly supplier call. Is there a saved SAP report, or does "
            "everyone build their own export?",
            ("sap", "suppliers"),
            (
                "ME2N with the selection parameter *WE101* and a filter on the confirmation "
                "category being empty. Save it as a variant and it takes ten seconds.",
                'There\'s also a Power BI page "Unconfirmed POs" in the procurement workspace, '
                "refreshed nightly.",
            ),
        ),
        (
            "Does anyone have a template for the S&OP pre-meeting with Sales?",
            "We're starting a monthly demand review in Gdańsk and I'd rather not invent the "
            "agenda from scratch.",
            ("s-and-op",),
            (),
        ),
    ],
    "data": [
        (
            "How do I share a Power BI report with a supplier without giving them the tenant?",
            "Kessler wants to see their own delivery performance. I can't add them as guests "
            "according to IT. What are the options?",
            ("power-bi", "suppliers"),
            (
                "Publish a separate workspace with row-level security and export a PDF "
                "subscription to their contact — that's what IT approved for Polcast. Guests "
                "need a security review that takes weeks.",
                "If it's only monthly numbers, a scheduled Excel export is honestly fine.",
            ),
        ),
        (
            "Why does my FlowSense data have gaps every night around 02:00?",
            "The sensor readings from Line 4 drop out for about fifteen minutes each night. "
            "The sensors themselves look fine.",
            ("iot", "data-quality"),
            (
                "That's the historian backup window. The gateway buffers for ten minutes only, "
                "so anything longer is lost. OT moved ours to a rolling backup; ask them to do "
                "the same for Line 4.",
                "Same on Line 2. The gap also shows up in the OEE dashboard as unplanned stop, "
                "so it's worth fixing.",
                "You can backfill from the gateway's local log if you catch it within a week.",
            ),
        ),
        (
            "Which Python libraries are we allowed to use on the analytics server?",
            "I'd like to try a forecasting package for spare parts. Is there an approved list "
            "somewhere?",
            ("python", "governance"),
            (
                "There's a list on the Data & Analytics wiki under *Approved tools*. Anything "
                "on PyPI with a permissive licence is usually fine — raise a ticket and it "
                "takes two days.",
            ),
        ),
        (
            "Has anyone joined warranty claims to serial numbers from the MES?",
            "I'm trying to see whether failed HX-400 seals cluster by build week. The claim "
            "records only have the customer's serial.",
            ("warranty", "mes"),
            (),
        ),
    ],
    "lean": [
        (
            "How do you keep 5S going after the kick-off enthusiasm wears off?",
            "Our cell on Line 3 looked great for six weeks. Now the shadow boards are half "
            "empty again. What actually worked for you?",
            ("5s", "gemba"),
            (
                "Make the audit part of the shift handover, five minutes, scored by the "
                "*incoming* team. And the supervisor walks it with them once a week. It's "
                "the routine that keeps it, not the boards.",
                "We rotate the 5S owner monthly so it's not always the same person nagging.",
                "Photos of the target state at each station helped us a lot.",
            ),
        ),
        (
            "What is a realistic SMED target for changeovers on the HX-200 line?",
            "We're at 52 minutes today. The consultant said 10, which nobody believes.",
            ("smed", "changeover"),
            (
                "Leeds got from 47 to 19 minutes in three rounds. Most of it was moving tool "
                "prep outside the stop and standard clamp heights. Under 15 needs a fixture "
                "change — worth it only if you change over more than twice a shift.",
                "Film the changeover first. Everyone is surprised by how much walking there is.",
            ),
        ),
        (
            "Has anyone run a kaizen event with the night shift?",
            "Most of our improvement events happen on days. The night team feels left out and "
            "they have the best ideas about the packing line.",
            ("kaizen",),
            (
                "We did a split event: two evenings of two hours, overlapping the shift change. "
                "Pay the overtime and bring food. Results were as good as the day events.",
            ),
        ),
        (
            "Value stream map: do you draw the current state with the team or before them?",
            "I'm preparing my first VSM for the valve assembly area.",
            ("vsm",),
            (
                "With them, on brown paper, at the gemba. If you bring a finished drawing "
                "they'll correct it instead of owning it.",
                "Walk it once alone first so you know where the data is, then do it together.",
            ),
        ),
    ],
    "cx": [
        (
            "How should we answer a customer who asks for the root cause before we know it?",
            "Northern Water wants a written root cause for a leaking Aquila valve within 48 "
            "hours. The analysis will take two weeks.",
            ("complaints", "8d"),
            (
                "Send a short interim 8D: containment done, what you know, what you're "
                "testing, and a date for the full report. Customers mostly want to see that "
                "someone owns it. Never guess the cause in writing.",
                "Call them as well as writing. The tone lands better on the phone.",
            ),
        ),
        (
            "Is there a standard reply for warranty claims after the warranty has expired?",
            "We get a few every month, usually seals that failed at 26 or 27 months.",
            ("warranty",),
            (
                "There's a goodwill matrix on the Customer Service wiki: under 30 months and a "
                "good account, we offer parts free and labour charged. Over that, a discount "
                "on a SealSafe kit.",
                "Log them anyway — Quality uses the late failures to set the next warranty terms.",
            ),
        ),
        (
            "Has anyone measured NPS by product line rather than by customer?",
            "Our survey is per account, but big customers run pumps and valves from different "
            "plants.",
            ("nps", "surveys"),
            (),
        ),
    ],
    "pm": [
        (
            "How do you track customer-driven scope changes on a project without a CRM field?",
            "The Castell Chemicals skid project has had eleven small changes. None of them is "
            "in the contract and I can't see the cost.",
            ("scope", "change-control"),
            (
                "A simple change log in the project folder: date, requester, change, cost and "
                "schedule effect, and a customer signature on anything over a day's work. "
                "Review it in every steering meeting. It saved us on the Severn job.",
                "Price even the free ones in the log, so the customer sees what they got.",
            ),
        ),
        (
            "What do you put in a project closure report that someone will actually read?",
            "Ours are twelve pages and nobody opens them.",
            ("lessons-learned",),
            (
                "One page: what we promised, what we delivered, three things to repeat, three "
                "to avoid, and who to call. Link the rest.",
            ),
        ),
        (
            "Does anyone use a RACI for factory acceptance tests with customers present?",
            "Last FAT for Rhône Eaux got chaotic — three people from our side gave different "
            "answers.",
            ("fat", "customers"),
            (
                "Yes: one test lead who speaks to the customer, one engineer who runs the rig, "
                "one person writing the punch list. Everyone else stays out of the room.",
                "Send the test procedure to the customer a week before and agree it. Fewer "
                "surprises on the day.",
            ),
        ),
    ],
    "flm": [
        (
            "How do I give feedback to a team lead who is older and more experienced than me?",
            "I've just taken over the packing area. One of the leads has twenty years here "
            "and quietly ignores the new routines.",
            ("feedback", "new-managers"),
            (
                "Ask for his view first — what would he change about the routine? Then agree "
                "one thing together and follow up. Respect the experience out loud; hold the "
                "standard anyway.",
                "Talk one-to-one, never in the huddle. It took me three conversations, but he's "
                "my best ally now.",
            ),
        ),
        (
            "What do you do in a shift huddle when the numbers are bad three days in a row?",
            "The team is getting defensive and the huddle has become a blame session.",
            ("huddles",),
            (
                "Stop discussing the number, pick the single biggest loss and ask the team for "
                "one countermeasure they can try today. Then report back on that tomorrow. "
                "Small wins change the mood.",
            ),
        ),
        (
            "Has anyone set up a buddy system for agency workers?",
            "We take on a lot of agency staff in the autumn peak and the first week is rough.",
            ("onboarding",),
            (),
        ),
    ],
    "sales": [
        (
            "How do you quote a customer who wants the HX-400 with a non-standard seal?",
            "Baltic Breweries asked for an EPDM seal on the HX-400. It's not in the configurator.",
            ("quoting", "configurator"),
            (
                "Raise a special-request in Salesforce with the duty point and the fluid; "
                "Application Engineering answers within three days with a price and lead time. "
                "Don't quote the standard lead time — specials add two weeks.",
                "EPDM is on the approved list for beer, so it's usually a quick yes.",
            ),
        ),
        (
            "Is there a reference list of dairy customers I can mention to a prospect?",
            "A prospect in Denmark wants references for clean-in-place pumps.",
            ("references",),
            (
                "Marketing keeps a list of customers who agreed to be references — "
                "Brightmilk Dairies and Veldhoven Foods both are. Ask before you give out a "
                "name, every time.",
                "There's also a Brightmilk case study in the sales library, approved for "
                "external use.",
            ),
        ),
        (
            "What discount can a key account manager approve without a deal desk?",
            "I keep finding different numbers in old emails.",
            ("pricing",),
            (
                "Up to 8% on list for standard products, 5% on spares. Above that it goes to "
                "the deal desk. The pricing policy on the intranet is the current one.",
            ),
        ),
    ],
    "field": [
        (
            "How do I bleed air from an HX-200 after replacing the mechanical seal?",
            'Commissioning at a water site tomorrow. The manual says "vent the casing" and '
            "nothing else.",
            ("hx-200", "commissioning"),
            (
                "Close the discharge valve, open the vent plug on top of the casing a quarter "
                "turn and prime until water comes out clear with no bubbles. Turn the shaft "
                'by hand a few times while venting. **Never** run it dry to "help" — the new '
                "seal faces are gone in seconds.",
                "On vertical installs the vent is on the seal housing, not the casing.",
                "Bring a clear hose for the vent; easier to see the bubbles.",
                "If it still cavitates, check the suction strainer before blaming the seal.",
            ),
        ),
        (
            "What torque do you use on Aquila DN150 flange bolts?",
            "The customer's fitter and I disagreed on site today.",
            ("aquila", "torque"),
            (
                "For PN16 with the standard gasket: 180 Nm in three passes, star pattern. The "
                "table is in the Aquila installation guide, section 4.",
                "Check the gasket type — the graphite ones need less.",
            ),
        ),
        (
            "Has anyone seen a ProFlow 3 controller reboot when the VFD ramps up?",
            "Happens at Castell Chemicals on two of five units.",
            ("proflow", "electrical"),
            (
                "Classic grounding issue. The VFD cable shield wasn't bonded at the drive end "
                "on ours. Separate the control and power cables in the tray, too.",
                "Firmware 3.2 added brown-out protection — worth updating while you're there.",
            ),
        ),
        (
            "What do you carry in your van for a first visit to an unknown pump?",
            "Starting in field service next month. Looking for the list nobody writes down.",
            ("toolkit", "new-starters"),
            (
                "Vibration pen, infrared thermometer, a set of SealSafe kits for the common "
                "sizes, feeler gauges, a clamp meter and a good torch. And the customer's P&ID "
                "printed, because the site Wi-Fi never works.",
                "Spare PPE for the customer's site rules — some want arc-flash gear for "
                "anything electrical.",
                "Snacks. Serious.",
            ),
        ),
        (
            "How do you log a site visit when ServiceNow is down?",
            "Happened twice this month.",
            ("servicenow",),
            (),
        ),
    ],
    "finance": [
        (
            "How do I book a customer goodwill credit so it doesn't hit my region's margin?",
            "We gave Severn Utilities a free SealSafe kit after a late delivery.",
            ("credits", "margin"),
            (
                "Use the goodwill cost centre with reason code GW-02 and attach the approval "
                "email. It's reported centrally, not against the region.",
            ),
        ),
        (
            "When is the cut-off for accruals at quarter end?",
            "I always find out a day too late.",
            ("closing",),
            (
                "Working day 2 at noon. The closing calendar is pinned in the Finance "
                "community; subscribe to it and you get the reminders.",
                "Send the accrual even if the amount is an estimate — better than missing it.",
            ),
        ),
        (
            "Has anyone built a simple capex payback calculator for small projects?",
            "Anything under €20k, mostly energy and tooling improvements.",
            ("capex",),
            (),
        ),
    ],
    "sustainability": [
        (
            "How do we calculate the energy saving of a variable-speed drive on a customer pump?",
            "A customer wants a number for their ESG report before they approve the retrofit.",
            ("energy", "vfd"),
            (
                "Use the duty profile (hours at each flow), the pump curve and the affinity "
                "laws; our sizing tool has an energy tab that does exactly this. Be honest "
                "about the assumptions — state the hours you used.",
                "Typical savings on HX pumps with throttled control are 20 to 35%.",
            ),
        ),
        (
            "Where can I find the carbon footprint of our cast iron housings?",
            "Procurement needs it for a tender.",
            ("carbon", "suppliers"),
            (
                "Kessler gave us an EPD last year; it's in the sustainability document library. "
                "Polcast hasn't yet.",
            ),
        ),
        (
            "Has anyone got recycled packaging foam past the customer's cleanliness spec?",
            "Pharma customers reject anything that sheds particles.",
            ("packaging",),
            (),
        ),
    ],
    "safety": [
        (
            "Do we need a permit to work for changing a seal on an isolated pump?",
            "Debate in our team: the pump is isolated and locked out, so is the permit extra "
            "paperwork?",
            ("permits", "loto"),
            (
                "Yes. Lock-out is one control; the permit records the isolation points, the "
                "fluid, and the draining and flushing. Several incidents across the industry "
                "were isolated pumps with trapped pressure.",
                "And on customer sites their permit rules apply on top of ours.",
            ),
        ),
        (
            "How do I report a near miss anonymously?",
            "A colleague saw something on a customer site and doesn't want to be named.",
            ("near-miss", "reporting"),
            (
                'The near-miss form in ServiceNow has an "anonymous" box. HSE can still ask '
                "follow-up questions through the ticket without seeing the name.",
                "Or tell your HSE advisor in person — they'll log it for you.",
            ),
        ),
        (
            "What is the right glove for handling pumps that ran caustic cleaning fluid?",
            "Dairy returns often come back with CIP residue.",
            ("ppe", "chemicals"),
            (
                "Nitrile is fine for splashes; for cleaning the parts, use the long neoprene "
                "gloves and goggles. The SDS for the customer's cleaner tells you the rest — "
                "ask for it with the return.",
            ),
        ),
        (
            "Has anyone introduced a safety moment at the start of every meeting?",
            "Wondering whether it works outside the plants.",
            ("culture",),
            (),
        ),
    ],
    "running": [
        (
            "Anyone running the Leeds half marathon in October?",
            "Thinking of a Harbourline team — matching shirts optional.",
            ("leeds", "races"),
            (
                "Count me in. Training runs on Wednesdays from the car park at 17:30?",
                "I'll walk-run it, but I'm in.",
            ),
        ),
        (
            "What do you do about shin splints when training for a first 10k?",
            "Three weeks in, both shins hurt after every run.",
            ("injuries",),
            (
                "Slow down and cut the distance for a week, run on softer ground, and get "
                "proper shoes fitted. It usually settles. If it doesn't, see a physio.",
            ),
        ),
    ],
}
DEFAULT_TOPICS = ("field", "lean", "supply")


def _answerers(place, asker, rng, count: int) -> list:
    """Who answers: experts and managers first, then members, never the asker."""
    leaders = [p for p in place.experts + place.managers if p.pk != asker.pk]
    others = [p for p in place.people if p.pk != asker.pk and p not in leaders]
    rng.shuffle(leaders)
    rng.shuffle(others)
    pool = leaders[:2] + others[:6] + leaders[2:]
    chosen = []
    for person in pool:
        if person not in chosen:
            chosen.append(person)
        if len(chosen) == count:
            break
    return chosen


def load(loader) -> str:
    rng = loader.rng
    by_topic: dict[str, list] = {}
    for place in loader.places:
        if len(place.people) >= 3:
            by_topic.setdefault(place.spec.topic.key, []).append(place)
    first_event = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    answer_dt: dict[int, object] = {}
    accept_dt: dict[int, object] = {}
    question_rows = []
    asked = answers = accepted = votes = 0
    for key, bank in QUESTIONS.items():
        places = by_topic.get(key) or [
            p for k in DEFAULT_TOPICS for p in by_topic.get(k, []) if not p.community.is_private
        ]
        if not places:
            continue
        for title, body, tags, replies in bank:
            place = rng.choice(places)
            people = [p for p in place.people if place.joined_ago[p.pk] > 2]
            if len(people) < 2:
                continue
            asker = rng.choice(people)
            days = rng.uniform(1.5, min(150, place.joined_ago[asker.pk] - 0.5))
            when = loader.ago(days)
            item = question_create(
                actor=asker.user, community=place.community, title=title, body=body, tags=tags
            )
            asked += 1
            loader.item_dt[item.pk] = (when, when)
            last = when
            made = []
            helpers = _answerers(place, asker, rng, len(replies))
            for n, (text, person) in enumerate(zip(replies, helpers, strict=False)):
                answer = answer_create(actor=person.user, item=item, body=text)
                gap = rng.uniform(0.05, 1.5) if n == 0 else rng.uniform(0.1, 4)
                last = min(last + timedelta(days=gap), loader.ago(0.02))
                answer_dt[answer.pk] = last
                loader.notification_dt[("answer", item.pk, asker.pk)] = last
                made.append(answer)
                answers += 1
            voters = [p for p in place.people if p.pk != asker.pk]
            for n, answer in enumerate(made):
                up = max(0, len(made) - n + rng.randint(-1, 2))
                for voter in rng.sample(voters, min(len(voters), up)):
                    if voter.pk != answer.author_id:
                        answer_vote(actor=voter.user, answer=answer, value=1)
                        votes += 1
                if n > 1 and rng.random() < 0.3:
                    voter = rng.choice(voters)
                    if voter.pk != answer.author_id:
                        answer_vote(actor=voter.user, answer=answer, value=-1)
                        votes += 1
            accepted_at = None
            if made and rng.random() < 0.7:
                chooser = asker if rng.random() < 0.8 or not place.experts else place.experts[0]
                answer_accept(actor=chooser.user, answer=made[0])
                accepted_at = min(answer_dt[made[-1].pk] + timedelta(hours=6), loader.ago(0.01))
                accept_dt[item.pk] = accepted_at
                key = ("answer_accepted", item.pk, made[0].author_id)
                loader.notification_dt[key] = accepted_at
                accepted += 1
            loader.item_last[item.pk] = last
            first = answer_dt[made[0].pk] if made else None
            question_rows.append((item.pk, first, accepted_at))
    # Backdate what the loader does not know about: answers, the questions' state, our events.
    loader._set_times(
        Answer, ["created_at", "updated_at"], [(pk, dt, dt) for pk, dt in answer_dt.items()]
    )
    ids = dict(Question.objects.values_list("item_id", "pk"))
    loader._set_times(
        Question,
        ["first_answer_at", "accepted_at"],
        [(ids[item_pk], first, acc) for item_pk, first, acc in question_rows],
    )
    rows = []
    for pk, verb, target_id, data in Event.objects.filter(
        pk__gt=first_event, verb__in=("answer", "vote", "accept")
    ).values_list("pk", "verb", "target_id", "data"):
        when = answer_dt.get((data or {}).get("answer_id"))
        if verb == "accept":
            when = accept_dt.get(target_id, when)
        elif verb == "vote" and when is not None:
            when = min(when + timedelta(hours=rng.uniform(1, 72)), loader.ago(0.01))
        if when is not None:
            rows.append((pk, when))
    loader._set_times(Event, ["created_at"], rows)
    return (
        f"{asked} questions, {answers} answers, {votes} votes, {accepted} accepted, "
        f"{asked - len([r for r in question_rows if r[1]])} unanswered"
    )
