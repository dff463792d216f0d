"""Hand-written banks per community topic (titles, paragraphs, steps, lessons, comments).

Slots in braces ({plant}, {product}, {supplier}...) are filled per item from texts.SLOT_POOLS;
{author}, {colleague} and {mention} come from the members involved.
"""

from dataclasses import dataclass

from guildhall.demo.organisation import CEO_TITLE
from guildhall.demo.texts import Topic

SUPPLY = Topic(
    key="supply",
    tags=("supply-chain", "planning", "s-and-op", "inventory", "suppliers", "logistics", "sap"),
    posts=(
        ("howto", "How we set safety stock for the {range} range without a PhD in statistics"),
        ("lessons", "What the {supplier} delay taught us about single sourcing"),
        ("howto", "Running a monthly S&OP meeting people actually want to attend"),
        ("checklist", "Checklist: onboarding a new supplier in {weeks} weeks, not six months"),
        ("lessons", "Lessons from moving {count} pallets out of Rotterdam in one week"),
        ("howto", "Forecast accuracy: how we measure it, and why we stopped using MAPE alone"),
        ("reflection", "Why our planners now spend Fridays on the shop floor in {plant}"),
        ("howto", "Using ABC/XYZ segmentation to stop treating every part the same"),
        ("lessons", "Post-mortem: the {quarter} stock-out on {product} spares"),
        (
            "full",
            "Month-end inventory count: the checklist we use at {plant}",
            """Our month-end count at {plant} used to take a whole Saturday. With this list it's
done by lunchtime, and the adjustments are smaller.

## The week before

- Agree the count date with Finance and the production planner.
- Post all goods receipts and issues in {system} by the cut-off.
- Tidy the locations: one part per bin, labels facing out.

## On the day

- Freeze movements in the areas being counted.
- Count in pairs: one counts, one records. Blind counts — no expected quantity on the sheet.
- Recount anything with a difference over {pct2}% or {money}.

## Afterwards

- Investigate the top ten differences by value before posting adjustments.
- Share the root causes with the planners and the warehouse team.""",
        ),
        ("howto", "Reading the {system} MRP exception list without drowning in it"),
        ("reflection", "Three things I learned in my first year as a demand planner"),
        ("howto", "How we agreed Incoterms with {customer} — and what we'd change"),
        ("lessons", "Dual-sourcing castings from {supplier}: {n} months in"),
        ("howto", "Cutting expediting costs by {pct}% with a simple freeze window"),
        ("checklist", "Before you raise a purchase order for a new part"),
        ("reflection", "What a week in the Rotterdam warehouse taught me as a buyer"),
        ("lessons", "Container prices fell — our lead times didn't. Here's why"),
        ("howto", "A one-page supplier scorecard that suppliers don't hate"),
        ("lessons", "Consolidating {n2} hauliers into three: what happened to service levels"),
    ),
    discussions=(
        ("question", "How do you handle forecast overrides from Sales?"),
        ("question", "Safety stock for slow movers: rule of thumb or calculation?"),
        ("open", "What should be on the agenda of our next S&OP review?"),
        ("question", "Anyone got a good template for supplier business reviews?"),
        ("question", "{supplier} is quoting {weeks} weeks lead time — how are others coping?"),
        ("open", "What's the one report from {system} you couldn't live without?"),
        ("question", "Best way to explain minimum order quantities to non-planners?"),
        ("question", "Do we still need a paper pick list at {plant}?"),
        ("open", "Near-shoring: which parts would you bring closer to home first?"),
        ("question", "How often do you review reorder points?"),
        ("question", "Who decides when we expedite — planner, buyer or customer service?"),
        ("open", "Ideas for reducing obsolete stock before the year-end count"),
        ("question", "Has anyone automated delivery-note matching in {system}?"),
        ("question", "Cycle counting or annual stocktake — what does your site do?"),
    ),
    intros=(
        "Planning has changed a lot here in the last year, and a few people asked how we now "
        "do this at {plant}.",
        "This started as a note to my own team and grew into something the wider community "
        "might use.",
        "Our {quarter} numbers prompted a lot of questions, so here is the short version of "
        "what we learned.",
        "If you buy, plan or move anything for the {range} range, this one is for you.",
        "Most of this was worked out over coffee with the planners at {site}, so credit to them.",
        "I've been asked about this three times this month, so I'm writing it down once.",
        "A quick one from the Rotterdam distribution centre, where we've been experimenting for "
        "{weeks} weeks.",
        "I'm fairly new to supply chain, so treat this as a question as much as an answer.",
    ),
    paragraphs=(
        "Our lead times from {supplier} had crept up from four to {weeks} weeks without anyone "
        "updating the planning parameters in {system}. MRP kept telling us everything was fine "
        "right up to the moment the line at {plant} stopped.",
        "We split the {range} range into fast, steady and lumpy demand. Fast movers get a "
        "statistical forecast and a safety stock based on service level; the lumpy ones get a "
        "manual review every two weeks with Sales in the room.",
        "The biggest change wasn't the maths, it was agreeing one number. Sales, Finance and "
        "Operations each had their own forecast; now we argue about one forecast for half an "
        "hour every month and leave with actions.",
        "Expediting felt heroic but it was costing us about {money} a quarter in premium "
        "freight, and most of it was caused by changes inside our own freeze window.",
        "We mapped every hand-off between order entry and dispatch on a wall at {site}. There "
        "were {n2} of them, and at least three added nothing the customer would pay for.",
        "Suppliers told us the same thing in every review: they'd rather have an honest, rough "
        "forecast early than a precise one late. Sharing a rolling 13-week view changed the "
        "conversation with {supplier} completely.",
        "Inventory is not the enemy; the wrong inventory is. We were carrying {money} of spares "
        "for products we stopped selling years ago while running out of seal kits every month.",
        "Forecast accuracy improved by {pct}% over two quarters, but the thing people noticed "
        "was fewer panicked calls on {weekday} afternoons.",
        "The warehouse team at Rotterdam pointed out that half our 'urgent' orders could have "
        "shipped on the normal weekly truck if we'd asked the customer. So now we ask.",
        "We ran the new parameters in parallel with the old ones for {weeks} weeks before "
        "switching. It was tedious, but it meant nobody had to take the change on faith.",
        "Customer service were getting blamed for promise dates they had no control over. "
        "Giving them read access to the supply plan in {system} cut the back-and-forth emails "
        "noticeably.",
        "A lot of our stock problems were really data problems: wrong units of measure, "
        "duplicated part numbers, lead times nobody had reviewed since the part was set up.",
    ),
    steps=(
        "Pull the last 12 months of demand for the range out of {system} and remove one-off "
        "project orders.",
        "Segment the parts by value (ABC) and by variability (XYZ) — a pivot table is enough.",
        "Agree a target service level per segment with Sales and Finance, and write it down.",
        "Set safety stock for the steady movers from the formula; review the lumpy ones by hand.",
        "Check lead times with the supplier rather than trusting the master data.",
        "Freeze the schedule for the next {days} working days and log every change request.",
        "Review exceptions daily for the first {weeks} weeks, then weekly.",
        "Share the rolling forecast with the top five suppliers every month.",
        "Walk the warehouse with the planner once a month and look at what's on the shelves.",
        "Flag anything with no movement in 12 months and decide: keep, sell back or scrap.",
        "Put the promise-date rules on one page and give it to customer service.",
        "Book a 30-minute review after the first month and change what isn't working.",
    ),
    lessons=(
        "Agreeing one forecast mattered more than improving the statistical model.",
        "Sharing our forecast with {supplier} earned us better allocation when capacity got tight.",
        "A short, fixed freeze window cut premium freight almost immediately.",
        "Walking the process with the people who do it found problems no report showed.",
        "Running old and new parameters in parallel built trust with the schedulers.",
        "Publishing the exceptions list made ownership obvious.",
        "Customer service with sight of the plan made fewer promises we couldn't keep.",
        "Small, regular clean-ups of master data beat one big project.",
    ),
    pitfalls=(
        "Don't trust lead times in {system} until someone has checked them with the supplier.",
        "Safety stock formulas assume steady demand; our spares are anything but.",
        "If Sales aren't in the room, the forecast gets overridden the day after the meeting.",
        "Watch the units of measure — boxes of ten versus single pieces caught us out twice.",
        "A freeze window only works if senior managers respect it too.",
        "Don't cut inventory across the board; cut the wrong inventory.",
        "We underestimated how long supplier onboarding paperwork takes.",
        "Dashboards nobody looks at are worse than none: they create false comfort.",
    ),
    questions=(
        "How are other sites deciding which forecast overrides to accept?",
        "What service level do you target for spares, and who signed it off?",
        "Has anyone found a way to get reliable lead times from smaller suppliers?",
        "Do you review the freeze window rules with Sales every quarter?",
        "What's worked for you when a key supplier misses dates again and again?",
        "How do you stop the forecast meeting turning into a blame session?",
        "Would a shared glossary of planning terms help, or is that just more admin?",
        "What would you measure first if you were starting from scratch?",
    ),
    comments=(
        "[lead time] We had the same lead-time drift with {supplier}. A quarterly check of the top"
        " 50 parts "
        "fixed most of it.",
        "[freeze] The freeze window is the bit I'd copy first. Ours is five days at {plant} and it"
        " helped.",
        "[segment] Did you include the Gdańsk spares in the segmentation, or only finished goods?",
        "From the Rotterdam side: please tell us earlier when a big order is coming, even if "
        "it's rough.",
        "[accuracy] Forecast accuracy at part level or family level? We see very different "
        "numbers.",
        "[count] We moved to cycle counting last year and haven't looked back.",
        "What helped us: the planner owns the parameters, the buyer owns the supplier "
        "relationship. Clear split.",
        "[stock|inventory] Our obsolete stock clean-up freed about {money}. Finance were very "
        "happy.",
        "[sharing|share] Careful with sharing forecasts externally — check the NDA with "
        "Procurement first.",
        "[S&OP] Nice to see the S&OP meeting getting some love. Ours still runs two hours.",
        "[Incoterms] Does anyone have the Incoterms cheat-sheet that was going round last year?",
        "[units of measure] The units of measure point made me laugh. Boxes versus pieces cost us "
        "a week in {month}.",
    ),
)

DATA = Topic(
    key="data",
    tags=("data", "analytics", "power-bi", "sql", "python", "dashboards", "data-quality"),
    posts=(
        ("howto", "Building a {system} report that answers one question well"),
        ("howto", "From spreadsheet to Power BI: moving the {plant} scrap report"),
        ("lessons", "Our first predictive maintenance model: what worked and what didn't"),
        ("checklist", "Before you publish a dashboard: a checklist"),
        ("howto", "SQL for people who live in Excel: the five queries I use every week"),
        ("lessons", "Why our OEE numbers didn't match — and how we fixed the definitions"),
        ("reflection", "Data literacy isn't about tools, it's about asking better questions"),
        ("howto", "Cleaning {count} customer records without losing your mind"),
        ("howto", "How we version our Python notebooks so others can rerun them"),
        ("lessons", "A dashboard nobody used: a post-mortem"),
        ("checklist", "Data-quality checks we run on the weekly sales extract"),
        ("howto", "Forecasting spares demand with a simple Python model"),
        ("reflection", "What I learned teaching SQL to {n2} planners over lunch"),
        ("howto", "Using Power Query to stop copy-pasting the {weekday} numbers"),
        ("lessons", "Sensor data from the {pump}: {n} months of lessons"),
        ("howto", "Writing metric definitions people can agree on"),
        ("reflection", "Why I stopped building dashboards for people who didn't ask for them"),
        ("howto", "A gentle introduction to control charts for process data"),
        ("lessons", "Joining SAP and Salesforce data: the traps we fell into"),
        ("checklist", "Handing over a report when you change role"),
    ),
    discussions=(
        ("question", "Where is the single source of truth for customer master data?"),
        ("question", "Python or Power BI for a quick one-off analysis?"),
        ("open", "Which metrics should every site report the same way?"),
        ("question", "Anyone have a good way to share Power BI reports outside the company?"),
        ("question", "How do you document the logic behind a measure?"),
        ("open", "Data book club: what should we read next?"),
        ("question", "Is anyone using the FlowSense sensor data yet?"),
        ("question", "How do you handle people exporting dashboards back into Excel?"),
        ("open", "What analysis would you do if you had a free week?"),
        ("question", "Refresh failing every {weekday} at 6am — any ideas?"),
        ("question", "Row-level security in Power BI: per site or per region?"),
        ("open", "Ideas for the next Data & Analytics lunch-and-learn"),
        ("question", "How long should we keep raw machine data?"),
    ),
    intros=(
        "A few people in the guild asked how we built this, so here's the write-up.",
        "This came out of a request from the {plant} plant that turned into a bigger piece of "
        "work.",
        "Sharing because I wish someone had told me this when I started with {system}.",
        "Short version: simple beat clever. Longer version below.",
        "I'm not a data scientist — I'm a planner who got curious — so this is the practical view.",
        "We've been running this for {weeks} weeks now, long enough to have opinions.",
        "Here's a write-up of the lunch-and-learn from {weekday}, for anyone who missed it.",
        "This one is a bit technical, but the lessons apply to any report.",
    ),
    paragraphs=(
        "The original report had {n2} tabs and nobody could say which number was the real one. "
        "We started again from a single question the site manager asked every Monday.",
        "Most of the work wasn't modelling; it was agreeing definitions. 'Scrap' meant three "
        "different things at Leeds and Gdańsk, and the dashboards faithfully reported all three.",
        "We kept the model deliberately simple — a moving average with seasonality — because "
        "the planners needed to understand it well enough to overrule it.",
        "Refresh times dropped from {minutes} minutes to under two once we pushed the joins "
        "back into the database instead of doing them in Power Query.",
        "The FlowSense sensors on the {pump} give us vibration and temperature every minute. "
        "That's a lot of data, and most of it is boring, which is exactly what you want.",
        "We published the definitions alongside the dashboard, in plain English, with an owner "
        "for each. Questions dropped by half in the first month.",
        "Nobody asked for the first version, which is why nobody used it. The second version "
        "started with three people from {site} telling us what decisions they make each week.",
        "We found {count} duplicate customer accounts in {system}, some with different payment "
        "terms. That explained a few odd conversations with Finance.",
        "Notebooks are great for exploring and terrible for handing over. We now move anything "
        "we rerun into a small script with a README.",
        "The control chart made the conversation calmer. Instead of reacting to every bad day, "
        "the team reacted only when the process actually shifted.",
        "Teaching SQL over lunch worked better than any course. People brought their own "
        "questions, and the answers stuck because they needed them the next day.",
    ),
    steps=(
        "Write down the one question the report must answer, and who asks it.",
        "List the decisions that will change because of the answer.",
        "Agree the definition of each measure with the people who own the process.",
        "Build the smallest version that answers the question, with real data.",
        "Show it to three users and watch them use it without helping.",
        "Move heavy joins and filters into the source query, not the report.",
        "Add a 'how this is calculated' page with an owner for each number.",
        "Set up a refresh failure alert that goes to a person, not a shared inbox.",
        "Check totals against the finance ledger before publishing.",
        "Schedule a review after {weeks} weeks and retire anything unused.",
        "Save the logic in version control with a short README.",
        "Ask for permission before combining personal data from different systems.",
    ),
    lessons=(
        "Starting from a decision, not a dataset, kept the scope small.",
        "Plain-English definitions did more for trust than any visual polish.",
        "Simple models that people understand get used; black boxes get ignored.",
        "Pairing an analyst with someone from the floor found data issues quickly.",
        "Retiring old reports was as valuable as building new ones.",
        "Version control saved us when a colleague changed role mid-project.",
        "Control charts reduced knee-jerk reactions to normal variation.",
        "Short lunch sessions beat long courses for learning SQL.",
    ),
    pitfalls=(
        "Don't trust a number until you've reconciled it with the finance ledger.",
        "Beware of averages across sites with very different product mixes.",
        "A refresh that fails silently is worse than no refresh at all.",
        "Exporting to Excel 'just this once' becomes the real process within a month.",
        "Sensor data needs timestamps in one time zone — ours didn't.",
        "More tabs do not mean more insight.",
        "Personal data needs a reason and a retention period before it goes into a report.",
        "Don't promise real-time when daily is all anyone needs.",
    ),
    questions=(
        "Who should own the definition of a metric — the analyst or the process owner?",
        "How do you decide when a report should be retired?",
        "What's your approach to documenting measures so others can maintain them?",
        "Has anyone found a good way to teach statistics without the maths anxiety?",
        "How do you stop dashboards multiplying?",
        "Where do you keep reusable SQL so others can find it?",
        "Would a shared data dictionary help, and who would keep it current?",
        "How much history is enough for a useful forecast?",
    ),
    comments=(
        "[definition] The definitions page is such a good idea. Stealing it for the customer "
        "service "
        "dashboards.",
        "[scrap] We had the same scrap-definition argument in Gdańsk. Took three meetings to "
        "agree.",
        "[duplicate] Could you share the SQL for the duplicate check? We have the same problem in "
        "{system}.",
        "[refresh] Refresh times under two minutes — how big is the dataset?",
        "[model] Agree on keeping the model simple. The planners trust it because they can explain"
        " it.",
        "[FlowSense|sensor] Is the FlowSense data available to Field Service yet? It would help "
        "with diagnostics.",
        "[SQL] Lunch-and-learn SQL was the best hour of my month. More please!",
        "We retired {n2} reports last quarter and nobody noticed. Says it all.",
        "[join|personal data] Careful with personal data in that join — worth a quick chat with "
        "the data protection "
        "lead.",
        "[control chart] Control charts changed how our supervisors talk about performance. Highly"
        " recommend.",
        "[version control|notebook] What did you use for version control — the company Git server "
        "or SharePoint?",
        "[three users] Lovely write-up. The 'watch three users' step is the one everyone skips.",
    ),
)

LEAN = Topic(
    key="lean",
    tags=("lean", "continuous-improvement", "kaizen", "5s", "smed", "tpm", "problem-solving"),
    posts=(
        ("lessons", "How we cut changeover time on Line {line} at {plant} from 50 to 20 minutes"),
        ("howto", "Running a five-day kaizen event: what the week actually looks like"),
        (
            "full",
            "5S audit checklist for the {plant} assembly cell",
            """This is the weekly 5S check for the assembly cell at {plant}. It takes ten
minutes; the owner rotates every month, and the score goes on the cell's board.

## Sort

- Only tools and parts for the current jobs are in the cell.
- Red-tag area cleared within the week.

## Set in order

- Every tool has a marked place on the shadow board, and is in it.
- Kanban cards are in the right slots; no empty bins without a card.

## Shine

- Benches, floor and machine guards clean; no oil or coolant leaks.
- Leaks and damage found during cleaning are tagged for maintenance.

## Standardise

- The standard work sheet at each station is the current version.

## Sustain

- Last week's actions are closed or have a date.""",
        ),
        ("howto", "A3 problem solving on one page: a worked example"),
        ("lessons", "Our first year of total productive maintenance at {plant}"),
        ("howto", "Daily stand-up boards that teams actually update"),
        ("reflection", "Why 'go and see' beats any report I've ever built"),
        ("lessons", "Kaizen on the {product} test bay: {pct}% less waiting"),
        ("howto", "Five whys without the blame: how we run them now"),
        (
            "full",
            "Before your first gemba walk: a checklist for managers",
            """A gemba walk is going to where the work happens to learn, not to inspect. New
managers at {plant} asked for a short list, so here's ours.

## Before

- Pick **one** question to explore (e.g. "why does Line {line} wait for materials?").
- Tell the team leader you're coming and why. Surprise visits feel like audits.
- Wear the right PPE and check the area's safety rules.

## During

- Ask open questions: "Show me how this works", "What gets in your way?"
- Watch one cycle of the work from start to finish before you say anything.
- Write down what you see, not what you think about it.
- Don't fix anything on the spot — unless it's a safety issue.

## After

- Thank the people you spoke to, and tell them what you'll do with what you learned.
- Follow up within a week, even if the answer is "not yet".""",
        ),
        ("lessons", "What happened when we let operators design the new cell"),
        ("howto", "Value stream mapping the order-to-cash process in the office"),
        ("reflection", "Lean isn't headcount reduction, and we need to say so louder"),
        ("howto", "Standard work for a job nobody thinks is standard"),
        ("lessons", "The shadow board that nobody used — and the one that works"),
        ("howto", "Using SMED outside the factory: month-end close"),
        ("checklist", "Sustaining a 5S: the weekly checks that keep it alive"),
        ("reflection", "{n} things a Japanese supplier visit taught me about flow"),
        ("lessons", "Scrap on Line {line}: a Pareto chart and {weeks} weeks of small fixes"),
        ("howto", "Visual management for a maintenance team"),
    ),
    discussions=(
        ("question", "How do you keep a kaizen going once the consultant leaves?"),
        ("question", "What's a realistic OEE target for a mixed-model line?"),
        ("open", "Best improvement idea from your team this month?"),
        ("question", "Anyone using digital andon instead of lights and cords?"),
        ("question", "How do you make time for improvement when the line is flat out?"),
        ("open", "Which lean book would you give a new supervisor?"),
        ("question", "5S in an office — worth it or a distraction?"),
        ("question", "How do you count savings from improvement ideas without gaming it?"),
        ("open", "Ideas board: what should the {plant} CI team tackle next?"),
        ("question", "Gemba walks with senior leaders: how often, and what do they look at?"),
        ("question", "Has anyone tied improvement ideas to a small reward scheme?"),
        ("question", "Is SMED worth it for a line with only {n2} changeovers a week?"),
    ),
    intros=(
        "This is a write-up of the improvement work we finished on Line {line} last month.",
        "Several people asked for the detail behind the numbers on the {plant} CI board, so "
        "here it is.",
        "A short one, but it's the most useful thing we've changed this year.",
        "I ran my first kaizen week in {month}. Here's what I'd tell myself beforehand.",
        "Credit for this goes to the operators on B shift, who did most of the thinking.",
        "We've had a few false starts with this, so here's the honest version.",
        "If you're starting a continuous improvement programme, maybe this saves you a few months.",
        "Lean gets a bad name when it's done to people. This is about doing it with them.",
    ),
    paragraphs=(
        "We filmed three changeovers and watched them back with the team. Nearly half the time "
        "was spent looking for tools, fetching the next job's parts and waiting for the first-off "
        "inspection.",
        "Moving the internal steps to external ones was the easy win: kit the parts and tools "
        "for the next job while the current one is still running.",
        "The team designed their own board: three numbers, three problems, three owners. It "
        "takes ten minutes at the start of the shift and replaced two meetings.",
        "Our TPM pilot started with cleaning. Not glamorous, but cleaning is inspection, and "
        "we found {n2} small leaks and loose guards in the first week.",
        "Five whys turned into a blame game the first few times. What fixed it was asking "
        "'why did the process allow this?' instead of 'why did you do this?'.",
        "The value stream map of the order process covered a whole wall at {site}. Total lead "
        "time was {days} days; actual work time was under two hours.",
        "Operators know where the waste is. Our job as engineers was mostly to listen, remove "
        "obstacles and get spare parts signed off quickly.",
        "We measured waiting time on the {product} test bay for two weeks with a clipboard. "
        "The data wasn't perfect, but it was good enough to show where the queue built up.",
        "Sustaining is the hard part. The 5S scores dropped back within {weeks} weeks the first "
        "time because nobody owned the weekly check.",
        "Savings were about {money} a year, but the bigger change was the team's confidence "
        "that their ideas would actually be acted on.",
        "Standard work isn't a cage. It's the current best way, written down, so that "
        "improving it is possible at all.",
    ),
    steps=(
        "Film the current process and watch it back with the people who do it.",
        "Separate internal steps (machine stopped) from external ones (machine running).",
        "Move everything you can to external: kits, tools, paperwork, pre-heating.",
        "Standardise fixings so one tool does the job.",
        "Run the new method for a week and time every changeover.",
        "Put the new standard work on one page at the machine, with photos.",
        "Review results at the daily stand-up and log every problem on the board.",
        "Agree an owner for the weekly 5S check and rotate it monthly.",
        "Share the before and after with the other shift and ask for their ideas.",
        "Celebrate the team, not the consultant.",
        "Pick the next constraint using data, not opinion.",
        "Check the safety implications of every change with the H&S advisor.",
    ),
    lessons=(
        "The people who do the work found most of the improvements.",
        "Filming the process ended arguments about what really happens.",
        "Small daily fixes added up faster than one big project.",
        "A visible board made problems everybody's business.",
        "Cleaning the machines was the best inspection we've done.",
        "Asking 'why did the process allow it' removed the blame.",
        "Involving the second shift from day one avoided 'not invented here'.",
        "Quick sign-off for small spend kept momentum going.",
    ),
    pitfalls=(
        "Don't run a kaizen week without maintenance in the room.",
        "A board nobody updates is just wallpaper.",
        "Savings claims invite gaming — agree how to count them up front.",
        "We launched too many pilots at once and finished none of them properly.",
        "If managers don't turn up to the gemba walk, nobody else will.",
        "5S without an owner decays in weeks.",
        "Never use improvement savings to justify headcount cuts, or the ideas stop.",
        "Forgetting the night shift meant two ways of working within a month.",
    ),
    questions=(
        "How do you keep improvement going when volumes are high and people are tired?",
        "What does a good gemba walk look like at your site?",
        "How do you recognise ideas without turning it into a points race?",
        "Who owns standard work documents at your plant?",
        "Is anyone measuring how long ideas wait before they're implemented?",
        "How do you bring the office teams into continuous improvement?",
        "What's the smallest improvement that made the biggest difference for you?",
        "How do you make sure the night shift gets a voice?",
    ),
    comments=(
        "[film] Filming the changeover is such a good tip. Our team was surprised how much walking "
        "they did.",
        "[changeover|SMED] We tried SMED on Line {line} at {plant} too. The kits made the biggest "
        "difference.",
        "[board] Could you share a photo of the board? We're redesigning ours.",
        "[five whys] The point about blame in five whys is spot on.",
        "[TPM|total productive] How did you get maintenance time allocated for TPM? That's where "
        "we're stuck.",
        "[50 to 20] 50 to 20 minutes is impressive. Did quality hold up on the first-off parts?",
        "[5S] Our 5S scores dropped too. A rotating owner fixed it.",
        "[operators] Love that the operators designed the cell. That's how it should be.",
        "[value stream] Value stream mapping the office was an eye-opener for us in Finance as "
        "well.",
        "We've been using the A3 template from the CI team — works well for non-engineers too.",
        "[saving] Great to see savings reported honestly rather than inflated.",
        "Would you run a session for the Gdańsk team? Happy to host.",
    ),
)

CX = Topic(
    key="cx",
    tags=("customer-experience", "nps", "complaints", "service", "voice-of-customer"),
    posts=(
        ("lessons", "What {customer} told us in their annual review — and what we changed"),
        ("howto", "Closing the loop on detractors within 48 hours"),
        ("checklist", "Handling a complaint call: the checklist on our desks"),
        ("howto", "Writing knowledge articles customers can actually follow"),
        ("lessons", "Our NPS went up {pct2} points. Here's what we think caused it"),
        ("reflection", "The best complaint we ever received"),
        ("howto", "Mapping the customer journey for a {product} order"),
        ("lessons", "Late deliveries: the three causes we found and fixed"),
        ("howto", "Running a voice-of-the-customer session with Engineering"),
        ("checklist", "Before you promise a delivery date"),
        ("reflection", "Why every engineer should spend a day on the service desk"),
        ("lessons", "Fixing the order confirmation email nobody understood"),
        ("howto", "How we triage tickets in {system} now"),
        ("lessons", "What {count} survey comments taught us about our invoices"),
        ("howto", "Saying no to a customer without losing them"),
        ("reflection", "Empathy isn't soft — it's how we keep accounts"),
        ("checklist", "Preparing for a customer site visit"),
        ("howto", "Using customer quotes in product reviews"),
    ),
    discussions=(
        ("question", "How do you respond to a detractor who won't pick up the phone?"),
        ("question", "Should Field Service see NPS comments for their visits?"),
        ("open", "What's the most common question customers ask you this month?"),
        ("question", "Anyone have a good template for service recovery letters?"),
        ("question", "How do we stop quoting lead times we can't meet?"),
        ("open", "Share a customer compliment from this week"),
        ("question", "Is a chatbot worth trying for order status?"),
        ("question", "How do you handle customers who email five people at once?"),
        ("open", "Ideas for making our invoices easier to read"),
        ("question", "What do you say when the honest answer is 'we don't know yet'?"),
        ("question", "Who should own the customer journey map?"),
    ),
    intros=(
        "Customers have been telling us the same thing for a while; this is what we did about it.",
        "This is based on {count} survey responses and a lot of phone calls.",
        "A story from the service desk last {weekday} that I think we can all learn from.",
        "If you talk to customers, even occasionally, this is worth five minutes.",
        "We reviewed the last quarter's complaints as a team. Here's the summary.",
        "Our desk in {office} has been trialling this for {weeks} weeks.",
        "Sharing because Sales and Engineering asked what the service desk sees.",
    ),
    paragraphs=(
        "{customer} had a late delivery on the {product} and, worse, found out from their own "
        "goods-in team. The delay hurt; the silence hurt more.",
        "Most detractors don't want compensation. They want to know someone has read what they "
        "wrote and that something will change.",
        "We called every detractor within two working days for a quarter. About a third became "
        "promoters by the next survey, which surprised everyone, including us.",
        "Our knowledge articles were written by engineers for engineers. Rewriting the top 20 "
        "in plain language cut repeat calls about installation by {pct}%.",
        "The order confirmation email listed internal codes and a delivery 'window' of "
        "{weeks} weeks. No wonder customers phoned to ask what it meant.",
        "Spending a day on the service desk changed how our engineers talk about defects. It's "
        "different when you've heard a plant manager explain what a failed seal costs them.",
        "We now triage tickets into three queues in {system}: stopped, at risk, and question. "
        "Anything 'stopped' gets a call back within an hour.",
        "Invoices were the surprise. A quarter of survey comments mentioned billing, mostly "
        "about purchase order numbers missing from our invoices.",
        "Saying no well means saying why, offering what we can do, and following up in writing "
        "the same day.",
        "We invited {customer}'s maintenance lead to talk to Engineering for an hour. Three "
        "design changes came out of it.",
    ),
    steps=(
        "Listen to the whole story before you offer a solution.",
        "Repeat back what you heard, in the customer's words.",
        "Check the order history in {system} while you're on the call.",
        "Say what you will do and when, and only promise what you control.",
        "Log the complaint with a category and the customer's exact words.",
        "Call back at the time you promised, even if there's no news.",
        "Confirm the outcome in writing the same day.",
        "Share the lesson at the weekly team huddle.",
        "Check the promise date with planning before quoting it.",
        "Add the fix to the knowledge base so nobody has to solve it twice.",
        "Thank the customer for telling us.",
    ),
    lessons=(
        "Fast, personal follow-up mattered more than compensation.",
        "Plain-language articles reduced repeat calls.",
        "Sharing customer quotes with Engineering got defects fixed faster.",
        "A simple three-queue triage kept urgent cases visible.",
        "Calling back on time, even without news, built trust.",
        "Customers forgive problems; they don't forgive surprises.",
        "Fixing the invoice layout removed a whole category of complaints.",
    ),
    pitfalls=(
        "Don't quote a lead time you haven't checked with planning.",
        "Avoid internal codes and jargon in anything a customer reads.",
        "A survey without follow-up tells customers we don't listen.",
        "Escalating everything means nothing gets escalated.",
        "Don't let the loudest customer set the priorities for everyone.",
        "Knowledge articles go stale quickly without an owner.",
    ),
    questions=(
        "How do you decide which complaints to escalate to a manager?",
        "What's your best phrase for calming an angry caller?",
        "Should customers see our internal lead-time rules?",
        "How do you share customer feedback with teams who never meet customers?",
        "What would make our order confirmations clearer?",
        "How quickly should we call back a detractor?",
        "Who should own the knowledge base?",
    ),
    comments=(
        "[silence] The point about silence hurting more than the delay is so true.",
        "We should share these quotes at the Engineering all-hands.",
        "[detractor] Calling detractors within two days — how did you find the time with the queue"
        " as it is?",
        "[invoice] The invoice issue comes up on our calls too. PO numbers please!",
        "[service desk] I did a day on the service desk last year. Every engineer should.",
        "[triage|queue] Can we get the three-queue triage set up for Lyon as well?",
        "We had exactly this with {customer} in {month}. Honesty early saved the account.",
        "Lovely story. This is why I like working here.",
        "[article] Plain-language rewrite of the articles: count me in, I can take five of them.",
        "From Sales: thank you. This makes renewals so much easier.",
        "[repeat back] The 'repeat back in their words' step works on the phone and in meetings.",
    ),
)

PM = Topic(
    key="pm",
    tags=("project-management", "planning", "risk", "stakeholders", "agile", "lessons-learned"),
    posts=(
        ("howto", "A one-page project charter that gets signed in a week"),
        ("lessons", "Lessons learned from the {plant} warehouse extension project"),
        ("checklist", "Project kick-off checklist"),
        ("howto", "Running a RAID log people read"),
        ("lessons", "What went wrong with the {system} upgrade — a blameless review"),
        ("howto", "Estimating when you have no idea: ranges, not dates"),
        ("reflection", "Why I stopped using Gantt charts for small projects"),
        ("howto", "Stakeholder mapping in 30 minutes"),
        ("lessons", "Delivering the {customer} commissioning project {days} days early"),
        ("checklist", "Closing a project properly"),
        ("howto", "Weekly status updates in five lines"),
        ("lessons", "Agile in an engineering project: what translated and what didn't"),
        ("reflection", "The accidental project manager: notes for engineers"),
        ("howto", "Running a pre-mortem before a big launch"),
        ("lessons", "Scope creep on the new test rig: {n} warning signs we missed"),
        ("howto", "Getting decisions out of a steering committee"),
        ("checklist", "Handing a project over to operations"),
    ),
    discussions=(
        ("question", "What tool do you use for small project plans?"),
        ("question", "How do you handle a sponsor who changes priorities every month?"),
        ("open", "Share your favourite lessons-learned question"),
        ("question", "Is anyone using Kanban boards outside software?"),
        ("question", "How much contingency do you put on capital projects?"),
        ("question", "Should project managers sit in the business or in a central PMO?"),
        ("open", "What should a new project manager read first?"),
        ("question", "How do you say a project is red without starting a panic?"),
        ("question", "Anyone done PRINCE2 Agile? Worth the time?"),
        ("open", "Which project from last year should we all learn from?"),
    ),
    intros=(
        "We closed this project last month and I promised the team a proper write-up.",
        "Most of our projects are run by people whose job title doesn't say 'project manager'. "
        "This is for them.",
        "A short guide that started as notes for a new colleague.",
        "Here's the honest review of a project that did not go to plan.",
        "I've run {n2} projects at Harbourline now, and this is the thing I'd keep.",
        "We tried this on the {site} project and it worked better than expected.",
    ),
    paragraphs=(
        "The charter fits on one page: the problem, what done looks like, what's out of scope, "
        "the budget, the sponsor and the date of the first decision. If it doesn't fit, the "
        "project isn't clear yet.",
        "Our RAID log had {count} rows and nobody read it. Now it has the top ten, reviewed "
        "every {weekday}, and the rest are archived.",
        "The {system} upgrade slipped {weeks} weeks because testing started late and the "
        "business testers were never actually released from their day jobs.",
        "Estimating in ranges felt uncomfortable at first, but sponsors preferred an honest "
        "'six to ten weeks' over a date we all knew was wrong.",
        "The pre-mortem took 45 minutes. We imagined the launch had failed and listed why. "
        "Two of the reasons we came up with would have happened.",
        "Handover to operations started on day one, not in the last week. The maintenance "
        "team reviewed the design of the rig, which saved us a rework later.",
        "Steering committees stall when they're asked to discuss. Ours moved faster once every "
        "paper ended with a clear decision, options, and a recommendation.",
        "The {customer} commissioning went early because the field team and the project team "
        "shared one plan, one chat channel and one morning call.",
        "Scope creep rarely arrives as one big request. It's a dozen 'while you're at it' "
        "changes, each of which sounds reasonable.",
    ),
    steps=(
        "Write a one-page charter and get the sponsor to sign it.",
        "Map stakeholders by influence and interest, and plan how to involve each group.",
        "Agree how decisions will be made and by whom.",
        "Estimate in ranges and show your assumptions.",
        "Run a pre-mortem before committing to dates.",
        "Keep the RAID log to the top ten and review it weekly.",
        "Send a five-line status update every Friday: done, next, risks, decisions, help needed.",
        "Release testers from their day job, in writing.",
        "Involve operations in the design, not just the handover.",
        "Hold a blameless lessons-learned session within two weeks of closing.",
        "Archive the documents where the next project manager will find them.",
    ),
    lessons=(
        "A one-page charter forced clarity early.",
        "Ranges, honestly explained, built more trust than precise dates.",
        "A weekly five-line update kept sponsors informed without meetings.",
        "Involving operations early avoided rework at handover.",
        "The pre-mortem surfaced real risks in under an hour.",
        "One shared plan across teams removed most of the friction.",
    ),
    pitfalls=(
        "Testers who are 'available' alongside their day job aren't available.",
        "A RAID log with hundreds of rows is a place where risks go to hide.",
        "Steering committee papers without a recommendation lead to no decision.",
        "Small changes add up; log every one, however reasonable.",
        "Don't skip the lessons-learned meeting because the project went well.",
    ),
    questions=(
        "How do you protect testers' time on business projects?",
        "What's your approach to contingency on small projects?",
        "How do you get an honest status from a team that's behind?",
        "What's the best lessons-learned question you've been asked?",
        "How do you close a project that has drifted into business as usual?",
        "When is a Gantt chart worth the effort?",
    ),
    comments=(
        "[charter] The one-page charter is gold. Using it for the Lyon office move.",
        "[five-line] Five-line Friday updates — our sponsor loves them.",
        "[tester] The point about testers not being available is the story of every project I've "
        "run.",
        "[pre-mortem] We ran a pre-mortem on the ERP rollout. Wish we'd listened to it more.",
        "[range] Ranges instead of dates: how did Finance react?",
        "Great honest review. More of these please.",
        "[RAID] Would you share the RAID template?",
        "[while you're at it] 'While you're at it' — I'm going to start counting these.",
        "[handover|hand over] Handover from day one is the key. Maintenance will thank you.",
        "Could we get this into the project management course for new engineers?",
    ),
)

FLM = Topic(
    key="flm",
    tags=("leadership", "one-to-ones", "feedback", "coaching", "team-leads", "shift-handover"),
    posts=(
        ("howto", "One-to-ones on a production shift: 15 minutes that matter"),
        ("lessons", "My first {n} months as a team leader"),
        ("checklist", "Shift handover checklist we use at {plant}"),
        ("howto", "Giving feedback that lands: the model I actually use"),
        ("reflection", "Going from colleague to manager of your friends"),
        ("howto", "Running a team huddle in ten minutes"),
        ("lessons", "Handling a difficult conversation about attendance"),
        ("checklist", "A new starter's first week: the team leader's checklist"),
        ("howto", "Delegating when everything feels urgent"),
        ("reflection", "What I wish I'd known before my first appraisal round"),
        ("howto", "Recognising good work without making it awkward"),
        ("lessons", "Coaching, not telling: a month-long experiment"),
        ("howto", "Setting goals with a team that's never had them"),
        ("reflection", "Looking after yourself as a new manager"),
        ("checklist", "Preparing for a return-to-work conversation"),
        ("howto", "Managing a team across two sites"),
        ("lessons", "What my team said when I asked for feedback on me"),
    ),
    discussions=(
        ("question", "How do you fit one-to-ones into a 12-hour shift pattern?"),
        ("question", "Tips for managing people who used to be your peers?"),
        ("open", "What's the best advice you got as a new manager?"),
        ("question", "How do you handle someone who's great at the job but hard on colleagues?"),
        ("question", "Anyone using a skills matrix for their team? Template?"),
        ("open", "Books or podcasts for front-line managers?"),
        ("question", "How do you say no to overtime requests fairly?"),
        ("question", "How do you give feedback to someone more experienced than you?"),
        ("open", "What do you do in your first week with a new team?"),
        ("question", "How do you support someone going through a hard time at home?"),
        ("question", "Remote team members: how do you keep them included?"),
        ("question", "How often do you update your team's training records?"),
    ),
    intros=(
        "I've been a team leader at {plant} for a while now, and new leads keep asking me this.",
        "Writing this for the new team leaders who joined the community this month — welcome!",
        "This is the approach our shift managers agreed at the last leadership day.",
        "Honest reflection time. This one didn't come easily to me.",
        "A practical one, from the floor rather than a textbook.",
        "HR ran a session on this in {month}; these are my notes plus what I tried afterwards.",
        "I got this wrong for years, so maybe my mistakes save you some.",
    ),
    paragraphs=(
        "On a production shift there's never a quiet hour, so I book 15 minutes with each "
        "person every fortnight, at the start of the shift before the line is up to speed.",
        "The hardest part of going from colleague to manager wasn't the work; it was the first "
        "time I had to challenge someone I used to have lunch with every day.",
        "Feedback works when it's specific, soon, and about the work. 'You did well' is nice; "
        "'the way you set up the kit for Line {line} saved us ten minutes' gets repeated.",
        "Our handover used to be a chat by the coffee machine. Now it's five minutes at the "
        "board with three things: safety, quality, and what the next shift needs to know.",
        "Delegating felt slower at first because I had to explain everything. Within "
        "{weeks} weeks the team was solving problems I used to handle myself.",
        "I asked my team what I should start, stop and continue doing. The answers were kinder "
        "than I feared and more useful than any training course.",
        "A skills matrix on the wall showed us that only two people could set up the "
        "{product} test. One holiday and we'd have been stuck.",
        "New starters remember their first week for years. A buddy, a proper induction and a "
        "check-in on day three make a huge difference.",
        "Attendance conversations go better when they start with 'how are you?' and mean it. "
        "Most of the time there's something going on you don't know about.",
        "Looking after yourself isn't selfish. A tired, stressed team leader makes the whole "
        "shift tense.",
    ),
    steps=(
        "Book the one-to-ones in advance and protect them.",
        "Start with how the person is, not with the numbers.",
        "Ask what's getting in their way and what you can remove.",
        "Give one piece of specific feedback, good or developmental.",
        "Agree one action each, and write it down.",
        "Follow up at the next one-to-one, every time.",
        "Hand over at the board: safety, quality, what the next shift needs.",
        "Keep a skills matrix and plan cross-training from it.",
        "Pair every new starter with a buddy for the first month.",
        "Ask your own team for feedback on you twice a year.",
        "Talk to HR early when a situation feels complicated.",
    ),
    lessons=(
        "Short, regular one-to-ones beat long, rare ones.",
        "Specific feedback got repeated; general praise didn't.",
        "A structured handover cut the number of 'nobody told me' moments.",
        "Asking for feedback on myself built trust quickly.",
        "Cross-training from the skills matrix made holidays less stressful.",
        "Starting conversations with 'how are you?' changed their tone.",
    ),
    pitfalls=(
        "Cancelling one-to-ones when it gets busy tells people they come last.",
        "Don't save feedback for the appraisal.",
        "Avoid having the difficult conversation in front of the team.",
        "Don't try to stay 'one of the lads' — be fair instead.",
        "Doing everything yourself feels efficient until you're off sick.",
    ),
    questions=(
        "How do you find time for one-to-ones when the line is short-staffed?",
        "What's your opening question in a one-to-one?",
        "How do you handle a team member who disagrees with every change?",
        "What support would help new team leaders most in their first three months?",
        "How do you keep your own development going while running a shift?",
        "How do you balance fairness and flexibility on shift swaps?",
    ),
    comments=(
        "[15 minutes] 15 minutes at the start of the shift — going to try that next week.",
        "[colleague to manager|from colleague] The colleague-to-manager bit hit home. It took me a"
        " year to get comfortable.",
        "[handover] We use the same handover board at {plant}. Safety first, every time.",
        "[feedback] Specific feedback is the best tip here. Thanks {author}.",
        "[feedback] Asking my team for feedback on me was terrifying and completely worth it.",
        "[skills matrix] Skills matrix template please! Ours is a mess.",
        "[day three] Day-three check-in for new starters is something I'll add straight away.",
        "Really appreciate you sharing this so openly.",
        "Would be great to have a new team leaders' meet-up at {site}.",
        "[attendance] HR are happy to help with attendance conversations — don't do them alone.",
        "This should be part of the team leader induction.",
    ),
)

SALES = Topic(
    key="sales",
    tags=("sales", "discovery", "negotiation", "salesforce", "pipeline", "new-starters"),
    posts=(
        ("howto", "Discovery questions that work with plant maintenance managers"),
        ("lessons", "How we won {customer} back after losing the framework tender"),
        ("checklist", "Before your first customer meeting: a checklist for new reps"),
        ("howto", "Explaining total cost of ownership for the {product}"),
        ("lessons", "My first {n} months in sales: what I got wrong"),
        ("howto", "Keeping Salesforce up to date in ten minutes a day"),
        ("reflection", "Why I ask Field Service before I visit a customer"),
        ("howto", "Handling the 'your price is too high' conversation"),
        ("lessons", "A tender we lost: {n} lessons from the debrief"),
        ("checklist", "Preparing a quote for a {product} retrofit"),
        ("howto", "Writing follow-up emails customers reply to"),
        ("reflection", "Technical selling when you're not an engineer"),
        ("howto", "Qualifying an opportunity: the questions I use"),
        ("lessons", "Shadowing a senior key account manager for a week"),
        ("howto", "Building an account plan for a water utility"),
        ("checklist", "Trade show follow-up in the first five days"),
        ("reflection", "Rejection is data: staying motivated in your first year"),
    ),
    discussions=(
        ("question", "How do you get past procurement to the engineer who actually decides?"),
        ("question", "What's a good first question on a cold call to a food plant?"),
        ("open", "Share your best objection-handling line"),
        ("question", "How many opportunities should a new rep have in the pipeline?"),
        ("question", "Anyone have the latest competitor comparison for the {product}?"),
        ("question", "How do you prepare for a customer who's had a bad service experience?"),
        ("open", "What do you wish you'd learned in your first month?"),
        ("question", "Discounting: when is it right to walk away?"),
        ("question", "Is LinkedIn outreach worth it for our kind of customer?"),
        ("question", "How do you keep in touch with customers between orders?"),
        ("open", "Which product training helped you most?"),
    ),
    intros=(
        "For the new reps who joined this quarter: here's something I wish I'd had.",
        "I've been in sales at Harbourline for a while, and this is the conversation I have "
        "most often with new colleagues.",
        "Debrief time. We lost this one, and it's worth learning from.",
        "Short tips from a week of customer visits around {site}.",
        "Our sales meeting on {weekday} turned into a great discussion about this.",
        "This one is a bit of a confession.",
    ),
    paragraphs=(
        "Maintenance managers don't care about our brochure. They care about unplanned "
        "downtime, spares on the shelf and how quickly an engineer turns up when it goes wrong.",
        "We lost the {customer} framework on price, or so we thought. The debrief told a "
        "different story: they didn't believe our delivery times.",
        "Total cost of ownership wins against cheaper competitors. A {pump} that lasts three "
        "years longer and needs half the seal changes pays for the difference quickly.",
        "Ten minutes at the end of each day in Salesforce saves an hour on Friday and means the "
        "forecast Finance sees is real.",
        "Before visiting any account I call the field service engineer who covers it. They "
        "know which pump keeps failing and who on site is unhappy.",
        "'Your price is too high' usually means 'I don't see the value yet'. The answer is a "
        "question, not a discount.",
        "Shadowing {colleague} taught me that preparation is most of the meeting. They knew "
        "the customer's last three orders, their open tickets and their annual report.",
        "Tenders are won months before they're published, in the conversations that shape the "
        "specification.",
        "Rejection is part of the job. Tracking what I learned from each 'no' made it feel "
        "like progress instead of failure.",
        "Follow-up emails get answered when they are short, recap the customer's words, and "
        "end with one clear next step.",
    ),
    steps=(
        "Read the account history in Salesforce and the open tickets in ServiceNow.",
        "Call the field service engineer who covers the site.",
        "Write three questions about the customer's problems, not our products.",
        "Agree the meeting's purpose with the customer in advance.",
        "Listen twice as much as you talk.",
        "Recap what you heard before you propose anything.",
        "Agree one next step with a date before you leave.",
        "Send the follow-up email the same day.",
        "Update the opportunity and next step in Salesforce.",
        "Ask your manager for feedback on one thing you could do better.",
        "Check the delivery date with planning before promising it.",
    ),
    lessons=(
        "Preparation with Field Service made meetings far more useful.",
        "Questions about downtime opened doors that product features never did.",
        "Honest delivery dates won more trust than aggressive ones.",
        "Short, same-day follow-ups got replies.",
        "Shadowing experienced colleagues was the fastest way to learn.",
        "Tracking lessons from lost deals improved our win rate.",
    ),
    pitfalls=(
        "Don't discount before you understand the objection.",
        "Never promise a delivery date without checking with planning.",
        "An out-of-date pipeline makes the whole forecast wrong.",
        "Talking about features too early loses the room.",
        "Avoid going around procurement — work with them.",
    ),
    questions=(
        "What's your go-to question to open a discovery meeting?",
        "How do you handle a customer who only talks about price?",
        "How do you split your week between new business and existing accounts?",
        "What helped you most in your first six months?",
        "How do you work with Field Service on account planning?",
        "How do you know when to walk away from a deal?",
    ),
    comments=(
        "[field service] Calling Field Service before a visit is the best tip I've had since "
        "joining.",
        "[lost] We lost to the same competitor at {customer}. Price wasn't the whole story there "
        "either.",
        "[total cost] Total cost of ownership slide — can you share it?",
        "[Salesforce] Ten minutes a day in Salesforce. Guilty. Starting tomorrow.",
        "[debrief|lost] Great debrief. Takes courage to write up a loss.",
        "[field service] As a field engineer: please do call us! We're happy to help.",
        "[discount] 'The answer is a question, not a discount' — writing that on a sticky note.",
        "Would love to shadow you for a day, {author}.",
        "This is so helpful for us new reps. Thank you.",
        "[follow-up] Follow-up on the same day makes a massive difference. Agree.",
    ),
)

FIELD = Topic(
    key="field",
    tags=("field-service", "commissioning", "diagnostics", "hydraulics", "seals", "safety"),
    posts=(
        ("howto", "Diagnosing cavitation on the {pump} in ten minutes"),
        ("lessons", "Commissioning at {customer}: what went wrong on day one"),
        (
            "full",
            "Van stock checklist for {product} call-outs",
            """What we carry in every van for {product} work, agreed by the field team last
quarter. Check it on a {weekday} and reorder the same day.

## Parts

- Two SealSafe seal kits per pump size we cover in the area.
- Bearings and O-ring kits for the HX range.
- A spare FlowSense sensor and cable.

## Tools

- Torque wrench (calibrated, in date), laser alignment kit, vibration pen.
- Lockout kit with your own locks and tags.

## Paperwork and safety

- Permit-to-work forms for the sites that don't issue their own.
- Chemical-resistant gloves, face shield, spill kit.
- Charged phone and the lone-working check-in number.""",
        ),
        ("howto", "Replacing a SealSafe seal kit without pulling the whole pump"),
        ("lessons", "A repeat failure at {customer} and the {n} visits it took to find it"),
        ("howto", "Reading the ProFlow 3 fault log on site"),
        ("reflection", "Lone working: what keeps me safe on remote sites"),
        ("howto", "Vibration readings with the FlowSense app: a quick guide"),
        ("checklist", "Before you leave a customer site"),
        ("lessons", "Alignment matters: a coupling failure we could have prevented"),
        ("howto", "Writing a service report the customer will read"),
        ("reflection", "What I've learned from {n2} years on the road"),
        ("howto", "Talking to an angry plant manager at 3am"),
        ("lessons", "Training a new field engineer: the first month"),
        ("checklist", "Permit-to-work essentials on chemical sites"),
        ("howto", "Setting up the HX-60 dosing pump for a new process"),
    ),
    discussions=(
        ("question", "Anyone seen bearing noise on the HX-400 after about 2,000 hours?"),
        ("question", "Best torque wrench for the seal housings?"),
        ("open", "Weirdest fault you've found this year?"),
        ("question", "How do you handle a customer who insists on running a damaged pump?"),
        ("question", "ProFlow 3 firmware {n2}.1 — anyone updated in the field yet?"),
        ("question", "Is there an updated exploded drawing for the Aquila valve actuator?"),
        ("open", "What should be in every van, no matter the job?"),
        ("question", "Parts not arriving in time for planned maintenance — tips?"),
        ("question", "How do you log time when a job spans two days?"),
        ("question", "Laser alignment tool or dial gauges?"),
        ("open", "Questions for Engineering before the design review on {weekday}"),
    ),
    intros=(
        "Writing this up after a long week on the road, while it's fresh.",
        "This has come up on three call-outs this month, so here's what I do.",
        "For the newer engineers in the team — and a reminder for the rest of us.",
        "A job at {customer} that taught me something worth passing on.",
        "Quick field tip from the {site} area.",
        "Engineering asked us to share what we see in the field. Here's one.",
    ),
    paragraphs=(
        "Cavitation sounds like gravel going through the pump. Nine times out of ten it's the "
        "suction side: a blocked strainer, a half-closed valve or a tank running too low.",
        "The commissioning at {customer} went wrong because the site's power supply didn't "
        "match the drawings. An hour of checking on arrival would have saved a day.",
        "The repeat failure turned out to be pipe strain. Each time we replaced the seal, the "
        "misaligned pipework pulled the pump out of line again within weeks.",
        "Most of what we do on site is listening. The operators usually know what changed; "
        "they just weren't asked.",
        "Lone working on remote sites means checking in on time, every time, and never "
        "starting work on something you can't isolate properly.",
        "A good service report says what we found, what we did, what the customer should do "
        "next, and what it will cost if they don't.",
        "The FlowSense app shows vibration trends from the last {weeks} weeks. Looking at the "
        "trend before opening anything saves a lot of guesswork.",
        "Van stock is a balance: enough seal kits and bearings for most jobs, not so much that "
        "the van becomes a warehouse nobody counts.",
        "Training a new engineer is mostly about explaining why, not how. The how they pick up "
        "in a week; the why takes years.",
        "Permit-to-work on chemical sites is not paperwork. It's the conversation that makes "
        "sure the line is drained, isolated and proven dead before we touch it.",
    ),
    steps=(
        "Check in with site security and read the local safety rules.",
        "Agree the permit to work and walk the isolation with the site's engineer.",
        "Ask the operators what changed before the fault started.",
        "Check the suction side first: strainer, valves, tank level.",
        "Take vibration readings before and after the work.",
        "Check alignment after any seal or bearing change.",
        "Record serial numbers and parts used in ServiceNow before leaving site.",
        "Explain what you found to the customer in plain language.",
        "Leave the area clean and hand the permit back.",
        "Send the service report within 24 hours.",
        "Order replacement van stock the same day.",
        "Share anything unusual with Engineering through the community.",
    ),
    lessons=(
        "Checking site conditions on arrival avoided a wasted day.",
        "Asking operators what changed found the cause faster than the manual.",
        "Trend data from the FlowSense app cut diagnosis time.",
        "Checking alignment after every seal change stopped repeat failures.",
        "Clear service reports led to more follow-on work.",
        "Sharing field findings with Engineering got a design change made.",
    ),
    pitfalls=(
        "Never assume the site matches the drawings.",
        "Replacing the failed part without finding the cause means you'll be back.",
        "Don't let a customer pressure you into skipping isolation.",
        "A van full of unlisted stock is stock nobody can find.",
        "Missing serial numbers make warranty claims a nightmare.",
    ),
    questions=(
        "How do others handle customers who push back on isolation times?",
        "What's your first check when a pump is noisy?",
        "How do you pass knowledge to new engineers when you're always on the road?",
        "What would make the service report template better?",
        "How can Engineering make field diagnostics easier?",
        "What's your routine for checking in when lone working?",
    ),
    comments=(
        "[suction] Suction side first — every time. Good reminder.",
        "[pipe strain|pipework] Pipe strain got us at {customer} too. Took four visits before we "
        "spotted it.",
        "[seal] Could we get the seal kit procedure as a laminated card for the vans?",
        "[FlowSense] The FlowSense trend view has saved me hours this year.",
        "[pipe] From Engineering: thanks for this, we're looking at the pipework guidance in the "
        "manual.",
        "[lone] Lone working check-ins — please nobody skip them.",
        "[report] Great report template. Customers in the Benelux area like the cost-of-not-acting"
        " line.",
        "[bearing] We've seen the same bearing noise on an HX-400. Logged it in ServiceNow last "
        "{month}.",
        "[permit] Permit-to-work point should be read by every new starter.",
        "[alignment] Laser alignment, no contest. Happy to show anyone how.",
    ),
)

FINANCE = Topic(
    key="finance",
    tags=("finance", "business-partnering", "budgeting", "forecasting", "cost", "working-capital"),
    posts=(
        ("howto", "Explaining a variance to a plant manager in three sentences"),
        ("lessons", "What we learned from the {quarter} forecast miss"),
        ("checklist", "Month-end close checklist for business partners"),
        ("howto", "Building a driver-based forecast for the {plant} plant"),
        ("reflection", "Business partnering means leaving your desk"),
        ("howto", "Standard costing for the {product}: a plain-English guide"),
        ("lessons", "Cutting debtor days by {days} with the customer service team"),
        ("howto", "Capital requests that get approved"),
        ("reflection", "From accountant to partner: what changed for me"),
        ("checklist", "Preparing for the budget round"),
        ("howto", "A one-page P&L pack that managers read"),
        ("lessons", "Moving the management accounts into Power BI"),
        ("howto", "Working capital basics for non-finance managers"),
        ("lessons", "Pricing a long-term service contract: {n} things we got wrong"),
        ("howto", "Scenario planning with three numbers, not thirty"),
    ),
    discussions=(
        ("question", "How do you get budget holders to look at their reports?"),
        ("question", "Driver-based forecasting — which drivers matter most for a plant?"),
        ("open", "What's the one thing non-finance managers most often misunderstand?"),
        ("question", "How do we treat the Rotterdam warehouse costs in product margins?"),
        ("question", "Month-end in four days: is it realistic for us?"),
        ("question", "How do you present bad news to the leadership team?"),
        ("open", "Share a Power BI measure you're proud of"),
        ("question", "Should business partners sit with their departments?"),
        ("question", "How do you review a capital request from Engineering?"),
        ("open", "Topics for the next 'finance for non-finance' session"),
    ),
    intros=(
        "This is for my fellow business partners, and anyone who has to explain numbers to "
        "people who'd rather be doing something else.",
        "We changed how we do this at {plant} this year. Here's what happened.",
        "A short guide I wrote for the budget holders I support.",
        "Not every lesson in finance is technical; this one is about people.",
        "Following the {quarter} results, a few people asked for the detail.",
    ),
    paragraphs=(
        "A variance explanation needs three things: what happened, why, and what we're doing "
        "about it. Anything else belongs in an appendix nobody reads.",
        "Our {quarter} forecast missed by {pct2}% because we assumed volumes recovered evenly. "
        "They didn't: one customer's plant shutdown shifted most of the demand into the next "
        "quarter.",
        "Driver-based forecasting means modelling what actually moves the numbers — volumes, "
        "mix, energy prices, headcount — instead of rolling last year forward.",
        "Business partnering started to work when I spent Tuesdays at {plant} instead of in "
        "the finance office. The questions got better on both sides.",
        "Debtor days came down once customer service and credit control looked at the same "
        "list every week. Half the late payments were caused by invoices without PO numbers.",
        "Capital requests get approved faster when they show the problem, the options "
        "considered, the payback and the risk of doing nothing.",
        "The P&L pack went from {n2} pages to one, with a short commentary written by the "
        "budget holder, not by us.",
        "Standard costs are estimates. Explaining that openly made the conversations about "
        "variances much calmer.",
        "Scenario planning doesn't need thirty variables. Three scenarios on volume, price and "
        "energy cover most of what the leadership team wants to discuss.",
    ),
    steps=(
        "Start with the question the manager needs answered.",
        "Agree the three drivers that matter most for the area.",
        "Reconcile the numbers to the ledger before sharing them.",
        "Write the commentary with the budget holder.",
        "Show the trend, not just the month.",
        "Flag risks and opportunities with a rough value.",
        "Agree actions and owners in the review meeting.",
        "Send a one-page summary the same day.",
        "Spend one day a week with the department you support.",
        "Review the forecast assumptions every month.",
    ),
    lessons=(
        "Fewer, clearer numbers got more attention.",
        "Being on site changed the quality of the questions.",
        "Shared lists between teams cut debtor days.",
        "Writing commentary with budget holders built ownership.",
        "Driver-based forecasts were easier to explain.",
    ),
    pitfalls=(
        "Don't assume recovery happens evenly across customers.",
        "Jargon in a pack means the pack doesn't get read.",
        "A forecast nobody owns is nobody's problem.",
        "Capital requests without options look like wish lists.",
    ),
    questions=(
        "How do you make finance packs useful for operational managers?",
        "What's a realistic month-end timetable for a company our size?",
        "How much time should a business partner spend on site?",
        "How do you explain standard costing to engineers?",
        "Which drivers would you model first for a plant?",
    ),
    comments=(
        "[variance] Three-sentence variance explanations — our plant manager will love this.",
        "[PO number|invoice] The PO number problem on invoices keeps coming up. Can we fix it at "
        "source?",
        "[Tuesdays] Tuesdays on site made a huge difference for me too.",
        "[P&L] Could you share the one-page P&L template?",
        "[driver] Driver-based forecasting for Gdańsk would be a great next step.",
        "Great to see finance explained without jargon.",
        "[pages] As a budget holder: yes please to fewer pages.",
        "We should run this as a session for the team leaders.",
    ),
)

SUSTAINABILITY = Topic(
    key="sustainability",
    tags=("sustainability", "energy", "waste", "net-zero", "recycling", "green-team"),
    posts=(
        ("lessons", "Compressed-air leak hunt at {plant}: {money} a year saved"),
        ("howto", "Running a lights-off audit in your area"),
        ("checklist", "Green team starter kit for a new site"),
        ("lessons", "Switching to reusable pallets with {supplier}"),
        ("howto", "Measuring the energy use of one machine with a clamp meter"),
        ("reflection", "Why sustainability belongs in every job description"),
        ("lessons", "Our first year of recycling data: what the bins told us"),
        ("howto", "Cutting packaging on the {product} without more damage in transit"),
        ("howto", "Cycle-to-work at {site}: how we got {n2} new cyclists"),
        ("lessons", "Heat recovery from the test bay: the business case"),
        ("reflection", "Small actions, big numbers: a year of the green team"),
        ("checklist", "Planning a low-waste team event"),
    ),
    discussions=(
        ("question", "Can we get EV charging at {site}?"),
        ("open", "Ideas for Earth Day at our sites"),
        ("question", "How do we recycle the old seal kits?"),
        ("question", "Anyone measured the carbon footprint of our shipping lanes?"),
        ("open", "What's one thing your team could switch off every night?"),
        ("question", "Do our customers ask about product carbon data yet?"),
        ("question", "Reusable cups in the canteen — has it worked anywhere?"),
        ("open", "Volunteers wanted: litter pick around the {plant} site"),
    ),
    intros=(
        "The green team at {plant} has been busy, and we want to share what worked.",
        "Sustainability ideas come from everywhere; this one came from a maintenance technician.",
        "A quick update on the energy project we started in {month}.",
        "If you've ever wondered whether the small stuff adds up, read on.",
        "Our site manager asked for the numbers behind this, so here they are.",
    ),
    paragraphs=(
        "We walked the plant on a quiet Sunday with an ultrasonic leak detector and tagged "
        "{count} compressed-air leaks. Fixing them cut the compressors' running time noticeably.",
        "Lights and machines left on overnight were costing about {money} a year. A "
        "switch-off checklist at the end of the last shift fixed most of it.",
        "Reusable pallets cost more up front but pay back within a year on the {supplier} "
        "lane, and the warehouse team prefers them.",
        "The bins told us a lot: most of our general waste was cardboard and plastic film "
        "that could have been recycled with better labelling.",
        "Customers are starting to ask for product carbon data in tenders. It's coming up in "
        "Sales conversations more every quarter.",
        "The cycle-to-work scheme took off once we sorted secure bike storage and showers. "
        "Infrastructure first, campaigns second.",
        "Heat from the test bay used to go straight out of the roof. Recovering it to warm the "
        "assembly hall paid back in under three years on paper.",
        "Less packaging didn't mean more damage. Redesigning the inserts made the {product} "
        "travel better, not worse.",
    ),
    steps=(
        "Walk the area at the end of the last shift and note what's still running.",
        "Agree a switch-off list with the team leader and put it by the door.",
        "Tag every compressed-air leak and log it for maintenance.",
        "Label the bins with pictures of what goes where.",
        "Measure before and after, even roughly.",
        "Share the result with the team that made it happen.",
        "Ask suppliers about returnable packaging at the next review.",
        "Bring reusable cups and cutlery to team events.",
        "Check the safety implications with the H&S advisor before switching anything off.",
    ),
    lessons=(
        "The people on the floor knew where the waste was.",
        "Measuring before and after made the savings credible.",
        "Infrastructure changes beat awareness campaigns.",
        "Clear bin labels improved recycling more than reminders did.",
        "Suppliers were more open to returnable packaging than we expected.",
    ),
    pitfalls=(
        "Don't switch off equipment that needs a controlled shutdown.",
        "Savings claims without measurements get ignored.",
        "A green team that only talks to itself runs out of energy.",
        "Avoid guilt-tripping — make the right option the easy one.",
    ),
    questions=(
        "What sustainability question are customers asking you?",
        "Which site should we do the next leak hunt at?",
        "How do we get more people from the office involved?",
        "Should we set a target for each site, or one for the company?",
    ),
    comments=(
        "[leak] The leak hunt was a great morning. Count me in for the next one.",
        "[bike|cycl] Bike storage at {site} is full most days now — good problem to have.",
        "[carbon] Sales here: customers really are asking for carbon data. Thanks for pushing "
        "this.",
        "[bin] Could we do the bin labels in Polish for Gdańsk too?",
        "Love this. Small actions, real numbers.",
        "[switch] Maintenance are happy to help with the switch-off list.",
        "[heat] Heat recovery payback looks good. Has Finance seen the case?",
        "Great to see the green team so active.",
    ),
)

RUNNING = Topic(
    key="running",
    tags=("running", "wellbeing", "parkrun", "charity", "club"),
    posts=(
        (
            "event",
            "Wednesday lunchtime 5k from {site} reception — all paces welcome",
            "The Running Club's lunchtime 5k runs every Wednesday from {site} reception. It's a "
            "flat loop, and we regroup at the halfway point so nobody runs alone.",
        ),
        (
            "reflection",
            "From couch to 10k in {weeks} weeks, with a lot of help",
            "A year ago I couldn't run for a bus. Last month I finished my first 10k, thanks in "
            "large part to this club.",
        ),
        (
            "event",
            "Charity relay in {month}: teams of four wanted",
            "The charity relay is on a Saturday in {month}: four legs of 5k each, fancy dress "
            "optional but strongly encouraged.",
        ),
        (
            "reflection",
            "Running in the dark: kit that keeps you seen",
            "Now the evenings are drawing in, a quick word about being seen. Drivers really can't "
            "see a runner in dark clothes until it's too late. A head torch, a bright top and "
            "something reflective on your ankles make all the difference.",
        ),
        (
            "reflection",
            "Why I run at lunchtime (and what it does for my afternoons)",
            "I started running at lunchtime to get away from my screen for half an hour. It turned"
            " into the best part of my working day.",
        ),
        (
            "reflection",
            "A beginner's plan for your first parkrun",
            "Parkrun is a free, timed 5k every Saturday morning, and you're allowed to walk. "
            "Register once online, print your barcode, and turn up ten minutes early for the "
            "first-timers' briefing.",
        ),
        (
            "event",
            "Saturday long run along the canal: three pace groups",
            "This Saturday we're running along the canal towpath — about 12 km, with three pace "
            "groups and a coffee stop at the halfway bridge.",
        ),
        (
            "lessons",
            "My first half marathon: {n} things I'd do differently",
            "I ran my first half marathon last month. I finished, smiling for most of it, but "
            "there's plenty I'd change.",
        ),
        (
            "reflection",
            "Running as a team leader: the best one-to-ones happen on the move",
            "Two of my team run with the club, and some of our best conversations have happened at"
            " a steady jog, side by side, with nobody looking at a screen.",
        ),
        (
            "reflection",
            "Stretching routine for people who sit all day",
            "If you spend most of the day at a desk, your hips and hamstrings will tell you about "
            "it on your first run. Ten minutes before and after helps: hip flexor lunges, calf "
            "stretches against a wall, and slow leg swings.",
        ),
    ),
    discussions=(
        ("question", "Anyone running the {site} 10k next month?"),
        ("open", "Favourite routes near {site}?"),
        ("question", "Shin splints — any tips from experienced runners?"),
        ("question", "Could we get a shower rota at the plant?"),
        ("open", "Post your parkrun time this weekend!"),
        ("question", "Club T-shirts — who's in?"),
        ("question", "Running shoes: road or trail for the canal path?"),
    ),
    intros=(
        "Calling all runners, joggers and people who fancy trying!",
        "The Running Club is growing, and we want to keep it friendly for every pace.",
        "A personal one, but maybe it'll encourage someone.",
        "Short post from a very muddy weekend.",
        "Plenty of people asked about this after the last club run.",
    ),
    paragraphs=(
        "We meet at reception at 12:15, run for about 30 minutes, and nobody gets left behind. "
        "If you've never run before, come and walk-run with us.",
        "Running at lunchtime clears my head. Afternoons are calmer, and I sleep better.",
        "The relay raises money for the hospice near the Leeds plant. Last year we raised over "
        "{money}, mostly through very silly fancy dress.",
        "I started with one minute running, one minute walking. {weeks} weeks later I finished "
        "my first 10k, slowly and very happily.",
        "In winter, lights and a bright top are non-negotiable. The canal path has no street "
        "lighting after the bridge.",
        "Some of my best conversations with colleagues have happened at a steady jog, with "
        "nobody looking at a screen.",
        "Parkrun is free, friendly and every Saturday. There's one a short drive from most of "
        "our sites.",
    ),
    steps=(
        "Meet at reception at 12:15 on {weekday}.",
        "Bring water and a layer you can tie round your waist.",
        "Three pace groups: chatty, steady and quick.",
        "Back by 12:50 so everyone makes their afternoon meetings.",
        "Showers are in the changing rooms by the goods-in door.",
        "Sign up in the comments so we know numbers.",
        "Wear something bright if it's getting dark.",
        "Tell a run leader if you're injured or want to stop early.",
    ),
    lessons=(
        "Starting slowly meant I kept going.",
        "Running with others made it much easier to turn up.",
        "Proper shoes fixed my knee problems.",
        "Rest days are part of training, not a failure.",
    ),
    pitfalls=(
        "Don't increase your distance too fast.",
        "Don't run through pain — rest or see someone.",
        "Don't forget lights in winter.",
    ),
    questions=(
        "Who's in this week?",
        "Would a Thursday run work better for people on shifts?",
        "Should we enter a team for the charity relay?",
    ),
    comments=(
        "I'm in! Chatty pace please.",
        "Great run today, thanks everyone.",
        "[relay] Count me in for the relay.",
        "First time last week and everyone was so welcoming.",
        "[route|run] Can someone share the route map?",
        "I'll bring the cake for after.",
        "Thursday would work much better for me on shifts.",
        "Well done {author}, brilliant effort!",
        "See you at reception.",
    ),
    closings=(
        "See you out there!",
        "Questions? Ask in the comments.",
        "All paces welcome — really.",
        "",
    ),
    casual=True,
)

SAFETY = Topic(
    key="safety",
    tags=("safety", "near-miss", "incident-review", "loto", "risk-assessment", "lessons-learned"),
    posts=(
        (
            "incident",
            "Near miss: forklift and pedestrian at the {plant} goods-in door",
            """At around 14:20 a forklift reversing out of the goods-in bay at {plant} came within
a metre of a colleague walking to the office. The pedestrian walkway had been blocked by a
delivery of {product} crates, so they walked round it — straight into the forklift's path.

## Why it happened

- The delivery was dropped on the walkway because the marked bay was full.
- Walking round the obstacle was the only way through; nobody thought to stop.
- The forklift's reversing alarm is hard to hear over the compressors in that area.

## What we changed

- Deliveries now wait in the yard when the bay is full; goods-in calls the team leader.
- A physical barrier now protects the walkway by the door, not just paint.
- Blue-spot reversing lights are being fitted to all forklifts on site.""",
        ),
        (
            "incident",
            "Hand injury during a seal change on the {pump}",
            """During a seal change on the {pump} the technician's hand was caught when the
coupling moved. The pump had been isolated electrically, but the residual pressure in the line
was not vented, and it turned the shaft as the seal came free. First aid on site for a cut and
bruised hand; back at work the next day.

## Why it happened

- Our isolation procedure focuses on electrical energy and says little about stored pressure.
- The job was done single-handed at the end of a long shift.
- The pressure gauge on that line had been removed for calibration and not replaced.

## What we changed

- Residual pressure is now vented and proven at zero before any pump is opened.
- The isolation checklist has a separate line for stored energy, signed by the technician.
- Gauges removed for calibration are replaced with a temporary one the same day.""",
        ),
        (
            "incident",
            "Stored pressure released during maintenance on Line {line}",
            """A maintenance technician loosened a flange on Line {line} to replace a gasket.
The line had been drained, but a closed valve downstream had trapped pressure, and water
sprayed out at head height. Nobody was hurt; safety glasses did their job.

## Why it happened

- The drain point was upstream of the closed valve, so only half the line drained.
- The P&ID on the wall did not show the valve added during last year's modification.
- "Drained" was confirmed by looking at the drain, not by checking for pressure.

## What we changed

- Both sides of every valve in the section are now vented before breaking a joint.
- Engineering has updated the drawings for Line {line}; other lines are being checked.
- Flanges are cracked open on the far side first, away from the face, as standard.""",
        ),
        (
            "incident",
            "Chemical splash at {customer}: field service review",
            """One of our field service engineers was splashed on the forearm while
disconnecting a dosing line at {customer}. The site's permit said the line was drained; it
wasn't fully. Gloves and sleeves limited the harm, and the site's first aiders were excellent.

## Why it happened

- We relied on the customer's permit instead of checking for ourselves.
- The engineer was under time pressure to finish before the site restarted production.
- Our field procedure did not say what to do when the permit and reality disagree.

## What we changed

- Field engineers verify draining themselves, whatever the permit says.
- The procedure now says clearly: if in doubt, stop and call the field service manager.
- We briefed the customer's team; they have changed their own draining procedure too.""",
        ),
        (
            "incident",
            "Slip on the mezzanine stairs at {plant}",
            """A colleague slipped on the mezzanine stairs at {plant} while carrying a box of
paperwork with both hands. The stairs had been mopped twenty minutes earlier and there was no
sign out. Bruised wrist, no time lost.

## Why it happened

- Cleaning was scheduled in the middle of the shift, when the stairs are busiest.
- The wet-floor signs were kept in a cupboard at the other end of the building.
- Carrying a box with both hands meant no hand on the rail.

## What we changed

- The stairs are now cleaned before the shift starts.
- Signs are stored at the bottom of each staircase.
- Paperwork goes up in the goods lift; a reminder to keep a hand on the rail is posted.""",
        ),
        (
            "incident",
            "Lockout/tagout missed on the test bay — what we found",
            """The lockout point on the test bay was shared by two jobs. When the first job
finished, its lock was removed while the second job was still in progress, and the bay was
re-energised for a test. The second technician had stepped out for parts. Nobody was hurt,
but it was far too close.

## Why it happened

- One lock covered two jobs, so removing it looked like the end of all work.
- The test schedule was on a whiteboard that only the first team could see.
- Nobody walked the bay before re-energising it.

## What we changed

- Every person working on a job applies their own lock — no shared locks.
- A walk of the bay is now part of the start-up checklist, signed by the test engineer.
- The test schedule is visible at the bay entrance.""",
        ),
        (
            "lessons",
            "Six months of near-miss reporting: patterns and actions",
            """We've had {count} near-miss reports in the last six months, up {pct}% on the
half-year before. That's good news: it means people trust the process. The patterns matter
more than the count, so here's what the reports tell us.""",
        ),
        (
            "full",
            "How we run a learning review without blame",
            """A learning review is not an investigation. It's an hour with the people who were
there, a whiteboard, and one rule: we ask what made it possible, never who is to blame.

## The hour, step by step

1. **Set the tone** (5 minutes). The facilitator says out loud that nobody is in trouble.
2. **The story** (15 minutes). The people involved describe what happened in their own words.
   Nobody interrupts.
3. **The timeline** (10 minutes). We put the events on the board in order, with times.
4. **What made it possible** (20 minutes). For each step: what made this the reasonable thing
   to do at the time? Workload, tools, layout, procedures, habits.
5. **Actions** (10 minutes). One to three changes, each with an owner and a date.

## What we write up

A short post here: what happened, why it made sense at the time, and what we changed. No names
unless the person wants to be named.""",
        ),
        (
            "full",
            "Isolation checklist for pump maintenance",
            """This is the checklist we now use at {plant} for any work that opens a pump or
breaks a joint. It's laminated and kept with the lockout kit.

## Before you start

- Permit to work agreed and signed with the area owner.
- Electrical isolation applied at the local isolator **and** the MCC; **your own lock** on both.
- Suction and discharge valves closed, locked and tagged.
- Line vented and drained on **both sides** of every closed valve.
- Pressure proven at zero on a gauge you trust — not assumed from the drain.
- Coupling guard removed only after the above; shaft checked for free rotation.

## Before you hand back

- All tools and rags accounted for.
- Guards refitted and checked.
- Your locks removed last, by you, and the permit handed back in person.""",
        ),
        (
            "incident",
            "Manual handling strain unloading {product} crates",
            """A warehouse colleague strained their back lifting {product} crates from the back
of a container at Rotterdam. The crates weigh 28 kg and were stacked above shoulder height
because the load had shifted in transit. Two weeks of light duties.

## Why it happened

- The container was loaded by the supplier with heavy crates on top.
- The team tried to unload by hand rather than wait for the forklift, which was in use.
- Nobody had done a manual handling assessment for that supplier's loads.

## What we changed

- Loads stacked above shoulder height are unloaded with the forklift, no exceptions.
- Procurement has agreed a loading plan with the supplier: heavy crates at the bottom.
- Manual handling refreshers for the goods-in team this quarter.""",
        ),
        (
            "incident",
            "Working at height: unsecured ladder in the Rotterdam racking",
            """A colleague used a leaning ladder to reach the top level of the racking in
Rotterdam because the order picker was out of charge. The ladder wasn't footed or tied. A team
leader spotted it and stopped the job before anyone was hurt.

## Why it happened

- The order picker wasn't put on charge at the end of the previous shift.
- The order was urgent, and the ladder was close by.
- Ladders were not controlled — anyone could take one.

## What we changed

- Charging the order picker is on the end-of-shift checklist.
- Ladders are kept in a locked cage; team leaders hold the key.
- Urgent orders that need the top levels now go through the team leader.""",
        ),
        (
            "full",
            "What the {quarter} safety walk found across the sites",
            """The {quarter} safety walk covered all five sites, with a team leader from another
site on each walk to bring fresh eyes.

## What was good

- Housekeeping on the production floors was the best we've seen.
- Lockout kits were complete and in date everywhere.
- People stopped us to point out hazards — a great sign.

## What needs work

- Blocked walkways and fire exits during busy periods, at three of the five sites.
- Ladders not controlled at Rotterdam and Lyon.
- First-aid kits out of date in two offices.

## Actions

Each site has its list and an owner. We'll review progress in this community in {weeks} weeks.""",
        ),
        (
            "incident",
            "Driver fatigue on a long field service trip",
            """An engineer drove {hours} hours home after a twelve-hour commissioning day at
{customer}. Nothing happened, but they told us afterwards that they had nodded off briefly at
the wheel on the motorway. They were brave to tell us.

## Why it happened

- The commissioning overran and the engineer wanted to get home for the weekend.
- Our travel policy allowed an overnight stay but nobody had ever been encouraged to use it.
- Jobs were scheduled back to back, so staying over would have meant a late start elsewhere.

## What we changed

- More than {hours} hours' driving after a full working day means an overnight stay — booked
  by the office, not left to the engineer.
- Field schedules now leave a buffer after commissioning jobs.
- The field service manager calls the engineer at the end of long days.""",
        ),
        (
            "full",
            "Writing a near-miss report that helps others learn",
            """A good near-miss report lets someone at another site check their own area in
five minutes. Most of ours don't, because they say *who* and not *what*.

## What to include

1. **What happened**, in plain words, with the time and the place.
2. **What could have happened.** Be honest; this is what makes people read it.
3. **What made it possible**: layout, equipment, procedure, time pressure, habit.
4. **What you changed**, or what you think should change.
5. **A photo** of the area (no people in it) if you can.

## What to leave out

Names, blame, and the word "carelessness". If someone was careless, ask what made it easy
to be.""",
        ),
    ),
    discussions=(
        ("question", "Should near misses be anonymous?"),
        ("question", "How do we get more near-miss reports from night shift?"),
        ("open", "Actions from last month's review: status check"),
        ("question", "Is a two-person rule realistic for test bay isolations?"),
        ("question", "How do other sites handle contractors' permits to work?"),
        ("open", "What should be on the agenda for the next review meeting?"),
    ),
    intros=(
        "This review is shared in this private community so we can talk openly. Please don't "
        "forward names outside it.",
        "Nobody was seriously hurt, but it could easily have been different.",
        "Sharing the learning review from {plant} so other sites can check their own areas.",
        "We review every significant near miss here. This one is worth everyone's attention.",
        "Summary of the review held on {weekday} with the people involved.",
    ),
    paragraphs=(
        "Near-miss reports went up by {pct}% after we stopped asking 'who' and started asking "
        "'what made this possible'. That is good news, even if the graph looks worse.",
        "Most of our incidents share a pattern: a workaround that became normal because the "
        "proper way was slower or harder. The fix is usually to make the safe way the easy way.",
        "A learning review takes about an hour. The people involved describe what happened in "
        "their own words, and the group asks 'why' until we reach something we can change.",
        "Isolation is about every kind of energy — electrical, hydraulic, pneumatic, stored "
        "pressure, gravity. Most of our near misses involve the ones people forget.",
        "The safety walk in {quarter} covered all five sites. Housekeeping was good; the "
        "recurring issue was blocked walkways and fire exits during busy periods.",
        "A near-miss report is useful when someone on another site can read it and check their "
        "own area: what happened, where, what made it possible, and what we changed.",
    ),
    steps=(
        "Thank the person who reported it, publicly if they're happy with that.",
        "Hold the review within a week, while memories are fresh.",
        "Share the write-up here so other sites can check their own areas.",
        "Give every action an owner and a date.",
        "Close actions visibly at the team huddle.",
        "Check after a month that the change has stuck.",
        "Look for the same hazard at the other sites.",
    ),
    lessons=(
        "Asking 'what made this possible' instead of 'who' brought in more reports.",
        "Sharing reviews across sites meant the same hazard was fixed everywhere.",
        "Short reviews within a week kept the detail.",
        "Team leaders closing actions at the huddle showed that reports lead somewhere.",
        "Thanking people who report, every time, built trust.",
    ),
    pitfalls=(
        "Don't close an action just because a sign has been put up.",
        "Blame stops reporting.",
        "Actions without an owner and a date don't happen.",
        "Reviews that drag on for months lose the detail and the goodwill.",
    ),
    questions=(
        "Could this happen in your area? What would you check first?",
        "Are these actions enough, or are we missing something?",
        "Has anyone seen a similar situation at another site?",
        "What would make it easier to report near misses like this?",
    ),
    comments=(
        "[walkway] Checked our goods-in walkway at {plant} this morning — same issue, now fixed.",
        "Thanks for sharing this so openly. It helps.",
        "[pressure] The stored-pressure point needs to go into the maintenance training.",
        "[drain] We should add 'verify draining yourself' to the field service procedure.",
        "[lock] Personal locks for everyone — agree completely.",
        "[driv|travel] Can we review the travel policy with HR on the back of this?",
        "Good that near-miss reports are up. Let's keep it that way.",
        "[isolat] I'll take the action to update the isolation checklist.",
        "Similar near miss at Rotterdam last {month}. Let's compare notes.",
    ),
)

LEADERSHIP = Topic(
    key="leadership",
    tags=("leadership", "strategy", "change", "engagement", "talent", "culture"),
    posts=(
        ("reflection", "What the engagement survey is really telling us"),
        ("howto", "Communicating the {site} reorganisation: our plan"),
        ("lessons", "Succession planning: lessons from the last two years"),
        ("reflection", "Leading through a difficult {quarter}"),
        ("howto", "Running a skip-level meeting that people find useful"),
        ("lessons", "Hiring for the {plant} expansion: what worked"),
        ("reflection", "Learning in the flow of work — and what it asks of us as leaders"),
        ("howto", "Setting team objectives that connect to the strategy"),
        ("lessons", "What we learned from the leadership offsite"),
        ("reflection", "Making it safe to say 'I don't know'"),
    ),
    discussions=(
        ("question", "How are you talking to your teams about the cost pressures?"),
        ("open", "Priorities for the next leadership development programme"),
        ("question", "Hybrid working at {site}: what's working and what isn't?"),
        ("question", "How do we recognise community contributions in appraisals?"),
        ("open", "What should we stop doing next year?"),
        ("question", "How do we grow more internal candidates for senior roles?"),
    ),
    intros=(
        "Sharing this in the Leadership Forum first, before it goes wider.",
        "Some reflections after the leadership meeting on {weekday}.",
        "This is a draft of our thinking; challenge it.",
        "A few of you asked me to write this down after our conversation.",
    ),
    paragraphs=(
        "Engagement scores are up overall, but the comments from the plants say that people "
        "don't feel heard when decisions are made at head office.",
        "Our succession plans named the same {n2} people for most senior roles. That's a risk "
        "for them and for us.",
        "Communities of practice are doing what courses never did: people at different sites "
        "solving each other's problems in days, not months.",
        "If we want people to learn from each other, we have to model it — ask questions in "
        "public, admit what we don't know, and thank people for sharing.",
        "The reorganisation is the right decision, but how we communicate it will decide "
        "whether we keep the trust of the teams affected.",
        "Skip-level meetings work when the senior person mostly listens and the team leader "
        "gets the notes afterwards, without surprises.",
        "Hiring for the expansion went better once team leaders joined the interviews. "
        "Candidates could see who they would actually work with.",
    ),
    steps=(
        "Tell the affected teams first, in person.",
        "Explain the reasons and what stays the same.",
        "Give team leaders the facts before their teams ask.",
        "Hold open Q&A sessions at every site.",
        "Publish the answers to common questions on the intranet.",
        "Check back in after {weeks} weeks and ask what we missed.",
    ),
    lessons=(
        "Telling people early, even with gaps, built more trust than waiting.",
        "Team leaders were the most credible messengers.",
        "Naming more successors widened the pool of talent.",
        "Visible thanks for sharing encouraged more of it.",
    ),
    pitfalls=(
        "Don't let the rumour mill get there first.",
        "Don't ask for feedback you have no intention of acting on.",
    ),
    questions=(
        "What are your teams asking you that we haven't answered?",
        "How do we make sure the plants feel heard?",
        "What would you add to this plan?",
    ),
    comments=(
        "Agree. The plants need to see decisions made with them, not about them.",
        "I'd add a session for the night shift — they always miss the town halls.",
        "Thanks for sharing the draft early.",
        "[skip-level] Happy to pilot the skip-levels in my area.",
        "[succession] The succession point is uncomfortable but right.",
        "Recognising community contributions in appraisals would send a strong signal.",
    ),
)

PERSONAL = Topic(
    key="personal",
    tags=("working-out-loud", "learning", "career", "mentoring", "reflection", "books"),
    posts=(
        (
            "reflection",
            "What I learned in my first 90 days at Harbourline",
            "Ninety days ago I walked into {site} knowing nobody. Here's what I've learned since —"
            " mostly about people rather than processes.",
        ),
        (
            "reflection",
            "Working out loud: why I'm posting my half-finished thinking here",
            "For years I only shared work when it was finished and polished. This year I'm trying "
            "something different: posting what I'm working on while I'm still working it out, so "
            "others can point out what I've missed.",
        ),
        (
            "howto",
            "How I keep a learning log (and why it helps at appraisal time)",
            "Every Friday I spend five minutes writing down what I learned that week: one line per"
            " item, in a plain note. Nothing clever, but it has changed how I think about my own "
            "development.",
        ),
        (
            "reflection",
            "Notes from the {month} industry conference",
            "I spent two days at the industry conference in {month}. The talks were mixed; the "
            "conversations in between were excellent. A few notes for anyone who couldn't go.",
        ),
        (
            "reflection",
            "{n} podcasts that changed how I work",
            "My commute to {site} is long enough for a podcast episode each way. A few of them "
            "have genuinely changed how I work, mostly by making me ask better questions.",
        ),
        (
            "lessons",
            "A year of reverse mentoring with a graduate engineer",
            "A year ago I signed up for the reverse mentoring pilot, expecting to do most of the "
            "teaching. I was wrong, and I'm glad I was.",
        ),
        (
            "reflection",
            "Book notes: what I took from 'The Goal' twenty years on",
            "I first read The Goal as a graduate. Rereading it this summer, different things "
            "jumped out — less about bottlenecks, more about how people change their minds.",
        ),
        (
            "howto",
            "Asking for help at work without feeling like a burden",
            "I used to spend hours stuck on problems a colleague could have solved in five "
            "minutes, because I didn't want to bother anyone. Here's what changed my mind.",
        ),
        (
            "reflection",
            "Moving from {plant} to head office: what surprised me",
            "After {n2} years at the {plant} plant I moved to a role at head office in {month}. "
            "Same company, very different world.",
        ),
        (
            "reflection",
            "Why I joined three communities this month",
            "I'd been reading Guildhall quietly for months. This month I finally joined three "
            "communities and started asking questions instead of just reading the answers.",
        ),
        (
            "howto",
            "How I prepare for a presentation to the leadership team",
            "Presenting to the leadership team used to give me sleepless nights. I now have a "
            "routine that makes it manageable, and I'm sharing it in case it helps someone else.",
        ),
        (
            "lessons",
            "Returning to work after parental leave: what helped",
            "I came back from parental leave in {month} after nine months away. A lot had changed,"
            " including me.",
        ),
        (
            "reflection",
            "The best thing a manager ever did for my development",
            "Early in my career, a manager asked me a question I still think about: what do you "
            "want to be doing in three years, and how can I help you get there?",
        ),
        (
            "howto",
            "Building a personal development plan you'll actually use",
            "Most development plans I've written were filed and forgotten. The one I use now fits "
            "on half a page and I look at it every month.",
        ),
        (
            "reflection",
            "Learning Polish for the Gdańsk project: week {weeks}",
            "I'm working with the Gdańsk team on the new line, so I've started learning Polish. "
            "Progress is slow, but the goodwill it creates is enormous.",
        ),
        (
            "lessons",
            "Secondment to {office}: {n} months, many lessons",
            "I've just come back from a secondment to our {office} office. Here's what I'm "
            "bringing back with me.",
        ),
        (
            "reflection",
            "What our apprentices taught me this year",
            "We had {n} apprentices in our area this year. I was supposed to be teaching them; it "
            "often felt the other way round.",
        ),
        (
            "howto",
            "Taking notes in meetings that are useful a month later",
            "I used to take pages of notes in meetings and never read them again. Now I write down"
            " three things only: decisions, actions and open questions.",
        ),
        (
            "reflection",
            "Saying yes to a stretch assignment",
            "In {month} I was asked to lead a project well outside my comfort zone. I nearly said "
            "no.",
        ),
        (
            "lessons",
            "My first time leading a lunch-and-learn",
            "Last {weekday} I ran my first lunch-and-learn, for about {n2} colleagues. I was more "
            "nervous than I expected, and it went better than I feared.",
        ),
    ),
    discussions=(),
    intros=(
        "A personal post rather than a work one, but it's been on my mind.",
        "I've been meaning to write this for weeks. Here goes.",
        "Trying to work out loud more, so here's some half-finished thinking.",
        "Someone asked me about this in the canteen, and the answer got long.",
        "A reflective one for a {weekday} afternoon.",
        "I was nervous about posting this, but colleagues encouraged me.",
    ),
    paragraphs=(
        "The most useful thing in my first weeks wasn't the induction programme; it was the "
        "people who said 'ask me anything' and meant it.",
        "Writing down what I learn each week takes five minutes. When appraisal time comes, "
        "I have real examples instead of vague memories.",
        "I used to think asking for help looked weak. Then I noticed that the people I admire "
        "most here ask questions all the time.",
        "Reverse mentoring was humbling. My mentee showed me how they find answers in minutes "
        "that would take me an afternoon of emails.",
        "Conferences are useful mostly for the corridor conversations. I came back with three "
        "contacts and one idea we could try at {site}.",
        "Moving sites taught me how differently the same process can run in two places — and "
        "how much each site could learn from the other.",
        "A stretch assignment felt terrifying for the first month and then became the thing "
        "I'm proudest of this year.",
        "The communities here have changed how I learn. I find answers from people I'd never "
        "have met otherwise, in departments I barely knew existed.",
        "My manager asked me what I wanted to be doing in three years, then actually helped "
        "me get there. I try to do the same for my team now.",
        "Coming back from leave, a phased return and a buddy who kept me in the loop made all "
        "the difference.",
        "Teaching something is the best way to find out you don't fully understand it yet.",
    ),
    steps=(
        "Keep a running note with one line per thing you learned each week.",
        "Tag each line with a skill you want to build.",
        "Review it monthly and share one item with your team.",
        "Ask a colleague you admire for 20 minutes of their time.",
        "Pick one stretch goal per quarter and tell your manager.",
        "Say yes to presenting, even when it's uncomfortable.",
        "Write up what you learned from every project, however small.",
    ),
    lessons=(
        "Asking for help got me further than working things out alone.",
        "Small, regular reflection beat big annual reviews.",
        "Teaching others deepened my own understanding.",
        "Saying yes to stretch opportunities built my confidence.",
        "Building relationships across sites paid off again and again.",
    ),
    pitfalls=(
        "Don't wait until appraisal time to think about development.",
        "Avoid signing up for every course — pick one and finish it.",
        "Don't assume people are too busy to help; ask.",
    ),
    questions=(
        "How do you keep learning when work is busy?",
        "Who has helped your development most, and how?",
    ),
    comments=(
        "Really enjoyed this, {author}. Thanks for sharing.",
        "[learning log] The learning log idea is great. Starting one today.",
        "This resonates. Asking for help is a strength.",
        "Lovely post. Made my afternoon.",
        "[moved|moving] I had the same experience moving sites.",
        "[reverse mentoring] Reverse mentoring sounds brilliant — how did you set it up?",
        "More posts like this please.",
        "Thanks for being so open about this.",
        "Saving this for my next one-to-one.",
    ),
    closings=(
        "I'd love to hear how others approach this.",
        "Thanks for reading — comments very welcome.",
        "If any of this resonates, say hello.",
        "More soon, probably.",
        "",
    ),
)


# --- the communities -------------------------------------------------------------------------
@dataclass(frozen=True)
class CommunitySpec:
    slug: str
    name: str
    kind: str  # horizontal / vertical / interest
    visibility: str  # public / private
    topic: Topic
    weight: int  # share of the items
    purpose: str
    guidelines: str
    # Who belongs: the core audience joins with `core_rate`, everyone else with `others_rate`.
    core_departments: tuple[str, ...] = ()
    core_roles: tuple[str, ...] = ()
    core_titles: tuple[str, ...] = ()  # substrings of job titles
    core_rate: float = 0.7
    others_rate: float = 0.05
    role_rates: tuple[tuple[str, float], ...] = ()  # e.g. (("lead", 0.4),): by org role
    manager_titles: tuple[str, ...] = ()  # substrings, in order of preference


COMMON_GUIDELINES = """
- **Be kind and assume good intent.** Everyone here is learning, including the experts.
- **Share what you know**, even if it's half-finished — working out loud helps others.
- **No customer-confidential data** (prices, contracts, personal details) in posts or files.
- **Credit others** for their ideas and link to the original when you build on something.
- Questions are welcome. There is no such thing as a silly one here.
"""

COMMUNITIES: tuple[CommunitySpec, ...] = (
    CommunitySpec(
        slug="supply-chain-practice",
        name="Supply Chain Practice",
        kind="horizontal",
        visibility="public",
        topic=SUPPLY,
        weight=30,
        purpose="""A community of practice for everyone who plans, buys, stores or moves
things at Harbourline — from the planners in Manchester to the warehouse team in Rotterdam.

We share **how-tos, lessons learned and questions** about demand and supply planning, S&OP,
inventory, suppliers and logistics, so that a problem solved at one site is solved everywhere.""",
        guidelines="""## Community guidelines
"""
        + COMMON_GUIDELINES
        + """- Supplier names are fine; supplier **prices and contract terms are not**.
- Tag posts with the part of the process they cover (`planning`, `inventory`, `logistics`...).
""",
        core_departments=("supply-chain",),
        core_titles=("Planner", "Buyer", "Logistics", "Scheduler", "Order Management"),
        core_rate=0.8,
        others_rate=0.07,
        manager_titles=("Planning Manager", "Supply Chain Director", "Procurement Manager"),
    ),
    CommunitySpec(
        slug="data-analytics-guild",
        name="Data & Analytics Guild",
        kind="horizontal",
        visibility="public",
        topic=DATA,
        weight=26,
        purpose="""For anyone who works with data — whether you write Python, build Power BI
reports or just want your spreadsheet to stop breaking.

We run a monthly **lunch-and-learn**, keep shared definitions of our key metrics, and help each
other turn data into decisions.""",
        guidelines="""## Guild guidelines
"""
        + COMMON_GUIDELINES
        + """- **No personal data** in screenshots or shared files; ask the data protection lead
  when in doubt.
- Share code and queries in fenced code blocks so others can reuse them.
""",
        core_departments=("engineering",),
        core_titles=("Data", "Analyst", "Software", "FP&A", "Sales Operations"),
        core_rate=0.75,
        others_rate=0.08,
        manager_titles=("Engineering Manager (Software & Data)", "Data Engineer", "Data Analyst"),
    ),
    CommunitySpec(
        slug="lean-continuous-improvement",
        name="Lean & Continuous Improvement",
        kind="horizontal",
        visibility="public",
        topic=LEAN,
        weight=28,
        purpose="""Continuous improvement is everybody's job. This community connects the
improvement teams at Leeds and Gdańsk with everyone who wants to make their work a little
better every day — on the shop floor and in the office.

Share kaizen results, A3s, standard work, 5S and TPM experience, and the honest stories of what
didn't stick.""",
        guidelines="""## How we work here
"""
        + COMMON_GUIDELINES
        + """- Improvement is **never** a reason for headcount cuts — say so if you see it used
  that way.
- Check safety implications of any change with a Health & Safety advisor before trying it.
""",
        core_departments=("operations",),
        core_titles=("Improvement", "Process Engineer", "Production", "Quality"),
        core_rate=0.6,
        others_rate=0.07,
        manager_titles=("Continuous Improvement Manager", "Continuous Improvement Engineer"),
    ),
    CommunitySpec(
        slug="customer-experience-network",
        name="Customer Experience Network",
        kind="horizontal",
        visibility="public",
        topic=CX,
        weight=22,
        purpose="""Everyone who talks to customers — service desk, field service, sales,
credit control — comparing notes on what customers tell us and what we do about it.

We share customer feedback (anonymised), complaint learnings and good practice for every touch
point from quote to invoice.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES
        + """- Quote customers **without names or contact details** unless they agreed to it.
""",
        core_departments=("customer-service",),
        core_titles=("Account", "Customer", "Credit Controller"),
        core_rate=0.65,
        others_rate=0.06,
        manager_titles=("Customer Service Manager", "Customer Service Director"),
    ),
    CommunitySpec(
        slug="project-management-circle",
        name="Project Management Circle",
        kind="horizontal",
        visibility="public",
        topic=PM,
        weight=18,
        purpose="""For the accidental and the professional project managers alike. Most of our
projects are run by engineers, planners and team leaders alongside their day job; this is the
place to share templates, lessons learned and honest project reviews.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES
        + """- Lessons-learned posts are **blameless**: describe what happened, not who failed.
""",
        core_titles=("Manager", "Bid", "Product Engineer", "Lead", "Scheduler"),
        core_rate=0.3,
        others_rate=0.05,
        manager_titles=("Sales Operations Manager", "Engineering Manager (Product Design)"),
    ),
    CommunitySpec(
        slug="front-line-managers",
        name="Front-line Managers",
        kind="vertical",
        visibility="public",
        topic=FLM,
        weight=22,
        purpose="""A peer community for team leaders, supervisors and shift managers — the
people who lead the teams that do the work.

Ask the questions you'd rather not ask your own manager, share what works in one-to-ones,
feedback, handovers and difficult conversations, and help new team leaders find their feet.""",
        guidelines="""## Our agreement
"""
        + COMMON_GUIDELINES
        + """- **Never name or identify** a team member in a post about a people issue.
- What's shared here stays here; talk to HR for anything that needs formal action.
""",
        core_roles=("lead",),
        core_titles=("Supervisor", "Team Leader", "HR Business Partner"),
        core_rate=0.85,
        others_rate=0.01,
        manager_titles=("HR Business Partner Lead", "Talent & Learning Manager"),
    ),
    CommunitySpec(
        slug="new-sales-reps",
        name="New Sales Reps",
        kind="vertical",
        visibility="public",
        topic=SALES,
        weight=18,
        purpose="""Welcome to sales at Harbourline! This community helps new account executives
and sales development reps get up to speed fast, with experienced colleagues on hand as
experts: discovery, objections, pricing, Salesforce and product knowledge.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES
        + """- Never post customer prices or discounts — discuss those with your manager.
""",
        core_departments=("sales",),
        core_titles=("Field Service Engineer",),
        core_rate=0.75,
        others_rate=0.01,
        manager_titles=("Inside Sales Manager", "Regional Sales Manager"),
    ),
    CommunitySpec(
        slug="field-engineers",
        name="Field Engineers",
        kind="vertical",
        visibility="public",
        topic=FIELD,
        weight=22,
        purpose="""For the field service and technical support engineers who commission and
repair our equipment on customer sites — and the engineers in the office who back them up.

Share fault-finding tips, repeat failures, procedures and the things the manual doesn't tell
you. Product Engineering reads along and takes design feedback from here.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES
        + """- **Safety first:** never post a shortcut that skips isolation or a permit to work.
- Include the product, serial range and firmware version when reporting a fault.
""",
        core_titles=(
            "Field Service",
            "Technical Support",
            "Reliability",
            "Product Engineer",
            "Test Engineer",
            "Controls",
        ),
        core_rate=0.85,
        others_rate=0.02,
        manager_titles=("Field Service Manager", "Senior Field Service Engineer"),
    ),
    CommunitySpec(
        slug="finance-business-partners",
        name="Finance Business Partners",
        kind="vertical",
        visibility="public",
        topic=FINANCE,
        weight=14,
        purpose="""For finance business partners, FP&A and management accountants — and for
the budget holders we work with. Share how to explain the numbers, forecasting practice,
month-end tips and 'finance for non-finance' material.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES
        + """- Unpublished results and forecasts **stay out** of this community until released.
""",
        core_departments=("finance",),
        core_roles=("head",),
        core_rate=0.85,
        others_rate=0.04,
        manager_titles=("FP&A Manager", "Finance Business Partner", "Finance Director"),
    ),
    CommunitySpec(
        slug="sustainability-champions",
        name="Sustainability Champions",
        kind="interest",
        visibility="public",
        topic=SUSTAINABILITY,
        weight=12,
        purpose="""The green teams from every site. We hunt compressed-air leaks, sort out the
recycling, push for bike storage and EV chargers, and share the numbers that show small actions
add up.""",
        guidelines="""## Guidelines
"""
        + COMMON_GUIDELINES,
        core_titles=("Health & Safety", "Improvement", "Maintenance"),
        core_rate=0.35,
        others_rate=0.13,
        manager_titles=("Continuous Improvement Engineer", "Health & Safety Advisor"),
    ),
    CommunitySpec(
        slug="running-club",
        name="Running Club",
        kind="interest",
        visibility="public",
        topic=RUNNING,
        weight=8,
        purpose="""Lunchtime runs, weekend parkruns and the odd charity relay. Every pace is
welcome — including walking.""",
        guidelines="""## Club rules
- Nobody gets left behind.
- Tell a run leader if you're injured or want to stop.
- Lights and something bright after dark.
""",
        others_rate=0.11,
        core_rate=0.11,
    ),
    CommunitySpec(
        slug="safety-incident-review",
        name="Safety Incident Review",
        kind="horizontal",
        visibility="private",
        topic=SAFETY,
        weight=14,
        purpose="""A **private** community where team leaders, health & safety advisors and
maintenance and field engineers review incidents and near misses openly, so that every site
learns from each one.

Reviews here are blameless. Membership is by request, approved by the community managers.""",
        guidelines="""## Confidentiality and conduct
- **Blameless:** we ask what made an incident possible, never who is to blame.
- **Do not forward** names, photos or reports outside this community.
- Formal incident reports still go through the incident system; this is for learning.
- Actions need an owner and a date; say when you have closed yours.
""",
        core_titles=(
            "Health & Safety",
            "Maintenance",
            "Production",
            "Field Service Manager",
            "Operations Director",
            "Quality Manager",
            "Warehouse",
        ),
        core_rate=0.7,
        others_rate=0.0,
        manager_titles=("Health & Safety Manager", "Health & Safety Advisor"),
    ),
    CommunitySpec(
        slug="leadership-forum",
        name="Leadership Forum",
        kind="vertical",
        visibility="private",
        topic=LEADERSHIP,
        weight=8,
        purpose="""A **private** space for the leadership team and senior managers to think out
loud before decisions are made: strategy, organisation, talent and culture.""",
        guidelines="""## Guidelines
- What is shared here is **confidential** until it is announced.
- Challenge ideas, not people.
- Bring drafts early — that is what this forum is for.
""",
        core_roles=("ceo", "head"),
        core_rate=1.0,
        role_rates=(("lead", 0.3),),
        others_rate=0.0,
        manager_titles=("HR Director", CEO_TITLE),
    ),
)
