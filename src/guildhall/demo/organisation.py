"""The demo company, Harbourline Industries: departments, teams, people, offices, skills.

Everything here is plain data and a planner that turns a seeded `random.Random` into a list of
people; nothing touches the database (the loader does that through the services).
"""

import random
import unicodedata
from dataclasses import dataclass, field

COMPANY = "Harbourline"

CEO_TITLE = "Chief Executive Officer"
EXECUTIVE_DEPARTMENT = (
    "Executive Office",
    "The chief executive and the leadership team's office: strategy, communications, governance.",
)


@dataclass(frozen=True)
class Team:
    lead_title: str
    staff_titles: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    name: str
    description: str
    head_title: str
    weight: int  # share of the headcount
    teams: tuple[Team, ...]
    skills: tuple[str, ...]


HQ = "Manchester HQ"
LEEDS = "Leeds Plant"
GDANSK = "Gdańsk Plant"
ROTTERDAM = "Rotterdam Distribution Centre"
LYON = "Lyon Office"
REMOTE = "Remote (UK)"
FIELD_NORTH = "Field-based (UK North)"
FIELD_SOUTH = "Field-based (UK South)"
FIELD_BENELUX = "Field-based (Benelux)"

DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec(
        key="sales",
        name="Sales",
        description="Wins and grows customer accounts across utilities, food & beverage and "
        "chemicals, in the UK and mainland Europe.",
        head_title="Sales Director",
        weight=17,
        teams=(
            Team(
                "Regional Sales Manager (UK North)",
                ("Account Executive", "Technical Sales Engineer", "Key Account Manager"),
                (HQ, REMOTE),
            ),
            Team(
                "Inside Sales Manager",
                ("Inside Sales Representative", "Sales Development Representative"),
                (HQ,),
            ),
            Team(
                "Regional Sales Manager (Europe)",
                ("Account Executive", "Technical Sales Engineer"),
                (LYON, ROTTERDAM),
            ),
            Team(
                "Sales Operations Manager",
                ("Sales Operations Analyst", "Bid Manager"),
                (HQ,),
            ),
            Team(
                "Key Accounts Manager",
                ("Key Account Manager", "Account Executive"),
                (HQ, LYON),
            ),
        ),
        skills=(
            "Negotiation",
            "Account planning",
            "Salesforce",
            "Solution selling",
            "Pipeline management",
            "Pricing",
            "Tender writing",
            "Presenting",
            "Customer discovery",
            "Sales forecasting",
        ),
    ),
    DepartmentSpec(
        key="engineering",
        name="Engineering",
        description="Designs and improves our pumps, valves, controllers and the software "
        "around them; owns product data and test.",
        head_title="Engineering Director",
        weight=17,
        teams=(
            Team(
                "Engineering Manager (Product Design)",
                ("Mechanical Design Engineer", "Product Engineer", "CAD Technician"),
                (HQ, LEEDS),
            ),
            Team(
                "Engineering Manager (Controls)",
                ("Controls Engineer", "Embedded Software Engineer"),
                (HQ,),
            ),
            Team(
                "Engineering Manager (Software & Data)",
                ("Software Engineer", "Data Engineer", "Data Analyst"),
                (HQ, REMOTE),
            ),
            Team(
                "Test & Validation Lead",
                ("Test Engineer", "Reliability Engineer"),
                (LEEDS, GDANSK),
            ),
        ),
        skills=(
            "Python",
            "SQL",
            "SolidWorks",
            "Finite element analysis",
            "PLC programming",
            "Design for manufacture",
            "FMEA",
            "Test automation",
            "Hydraulics",
            "Root cause analysis",
            "Power BI",
            "Data modelling",
        ),
    ),
    DepartmentSpec(
        key="operations",
        name="Operations",
        description="Runs the Leeds and Gdańsk plants: production, maintenance, quality, "
        "health & safety and continuous improvement.",
        head_title="Operations Director",
        weight=22,
        teams=(
            Team(
                "Production Manager",
                ("Production Supervisor", "Machine Operator", "Assembly Technician"),
                (LEEDS, GDANSK),
            ),
            Team(
                "Maintenance Manager",
                ("Maintenance Technician", "Reliability Engineer"),
                (LEEDS, GDANSK),
            ),
            Team(
                "Quality Manager",
                ("Quality Inspector", "Quality Engineer"),
                (LEEDS, GDANSK),
            ),
            Team(
                "Continuous Improvement Manager",
                ("Continuous Improvement Engineer", "Process Engineer"),
                (LEEDS, GDANSK, HQ),
            ),
            Team(
                "Health & Safety Manager",
                ("Health & Safety Advisor",),
                (LEEDS, GDANSK),
            ),
        ),
        skills=(
            "Lean",
            "Six Sigma",
            "5S",
            "SMED",
            "Total productive maintenance",
            "Statistical process control",
            "ISO 9001",
            "Lockout/tagout",
            "Risk assessment",
            "Kaizen facilitation",
            "Root cause analysis",
        ),
    ),
    DepartmentSpec(
        key="supply-chain",
        name="Supply Chain",
        description="Plans demand and supply, buys materials, and moves finished goods from the "
        "plants through Rotterdam to customers.",
        head_title="Supply Chain Director",
        weight=14,
        teams=(
            Team(
                "Planning Manager",
                ("Demand Planner", "Supply Planner", "Master Scheduler"),
                (HQ, LEEDS),
            ),
            Team(
                "Procurement Manager",
                ("Buyer", "Category Manager", "Supplier Quality Engineer"),
                (HQ, GDANSK),
            ),
            Team(
                "Logistics Manager",
                ("Logistics Coordinator", "Warehouse Team Leader", "Transport Planner"),
                (ROTTERDAM, LEEDS),
            ),
        ),
        skills=(
            "Demand planning",
            "S&OP",
            "Inventory optimisation",
            "Supplier management",
            "Procurement",
            "Logistics",
            "Warehouse management",
            "SAP",
            "Excel modelling",
            "Incoterms",
            "Category management",
        ),
    ),
    DepartmentSpec(
        key="finance",
        name="Finance",
        description="Accounting, planning and analysis, and the finance business partners who "
        "work with every other department.",
        head_title="Finance Director",
        weight=8,
        teams=(
            Team(
                "FP&A Manager",
                ("Finance Business Partner", "FP&A Analyst"),
                (HQ,),
            ),
            Team(
                "Financial Controller",
                ("Management Accountant", "Financial Analyst"),
                (HQ, GDANSK),
            ),
            Team(
                "Accounts Manager",
                ("Accounts Payable Specialist", "Credit Controller"),
                (GDANSK,),
            ),
        ),
        skills=(
            "Financial modelling",
            "Budgeting",
            "Forecasting",
            "Cost accounting",
            "Business partnering",
            "IFRS",
            "Power BI",
            "Excel modelling",
            "Working capital",
            "Pricing analysis",
        ),
    ),
    DepartmentSpec(
        key="hr",
        name="HR",
        description="People partnering, talent, learning & development, and HR operations.",
        head_title="HR Director",
        weight=7,
        teams=(
            Team(
                "HR Business Partner Lead",
                ("HR Business Partner", "HR Advisor"),
                (HQ, LEEDS),
            ),
            Team(
                "Talent & Learning Manager",
                (
                    "Learning & Development Specialist",
                    "Talent Acquisition Partner",
                    "Learning Technologist",
                ),
                (HQ, REMOTE),
            ),
            Team(
                "HR Operations Manager",
                ("HR Administrator", "Payroll Specialist"),
                (GDANSK, HQ),
            ),
        ),
        skills=(
            "Coaching",
            "Facilitation",
            "Employment law",
            "Recruitment",
            "Learning design",
            "Change management",
            "Workforce planning",
            "Employee relations",
            "Onboarding",
            "HR analytics",
        ),
    ),
    DepartmentSpec(
        key="customer-service",
        name="Customer Service",
        description="Order management, technical support and the field service engineers who "
        "commission and repair our equipment on customer sites.",
        head_title="Customer Service Director",
        weight=15,
        teams=(
            Team(
                "Field Service Manager",
                ("Field Service Engineer", "Senior Field Service Engineer"),
                (FIELD_NORTH, FIELD_SOUTH, FIELD_BENELUX),
            ),
            Team(
                "Customer Service Manager",
                ("Customer Service Advisor", "Order Management Specialist"),
                (HQ, LYON),
            ),
            Team(
                "Technical Support Lead",
                ("Technical Support Engineer", "Knowledge Manager"),
                (HQ, REMOTE),
            ),
        ),
        skills=(
            "Complaint handling",
            "ServiceNow",
            "Field diagnostics",
            "Commissioning",
            "Technical troubleshooting",
            "Knowledge base writing",
            "Escalation management",
            "Hydraulics",
            "NPS analysis",
            "Customer empathy",
        ),
    ),
)

DEPARTMENTS_BY_KEY = {d.key: d for d in DEPARTMENTS}

# Skills anyone may list, whatever their department.
CROSS_SKILLS = (
    "Coaching",
    "Presenting",
    "Excel modelling",
    "Project management",
    "Facilitation",
    "Power BI",
    "Mentoring",
    "Root cause analysis",
)

# ---------------------------------------------------------------------------------------------
# Names: groups so that most first and last names go together; some people mix (marriage,
# heritage), as in any company.
NAME_GROUPS: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        30,
        (
            "Oliver",
            "Amelia",
            "Harry",
            "Isla",
            "George",
            "Sophie",
            "Jack",
            "Emily",
            "Tom",
            "Grace",
            "James",
            "Hannah",
            "Daniel",
            "Lucy",
            "Sam",
            "Charlotte",
            "Ben",
            "Ellie",
            "Matthew",
            "Katie",
            "Rob",
            "Laura",
            "Chris",
            "Rachel",
            "Mark",
            "Helen",
            "Alex",
            "Jo",
            "Stuart",
            "Fiona",
            "Gareth",
            "Rhian",
            "Callum",
            "Morag",
            "Owen",
            "Megan",
        ),
        (
            "Walker",
            "Thompson",
            "Wright",
            "Hughes",
            "Edwards",
            "Green",
            "Hall",
            "Wood",
            "Harris",
            "Clarke",
            "Jackson",
            "Turner",
            "Hill",
            "Cooper",
            "Ward",
            "Morris",
            "Moore",
            "Baker",
            "Price",
            "Bennett",
            "Shaw",
            "Holmes",
            "Fletcher",
            "Armstrong",
            "Davies",
            "Evans",
            "Griffiths",
            "Campbell",
            "MacLeod",
            "Fraser",
            "Pearson",
            "Booth",
        ),
    ),
    (
        8,
        ("Siobhán", "Ciarán", "Aoife", "Niamh", "Declan", "Eoin", "Orla", "Seán", "Róisín"),
        ("Murphy", "O'Brien", "Kelly", "Byrne", "Doyle", "Gallagher", "Quinn", "Brennan"),
    ),
    (
        12,
        (
            "Priya",
            "Arjun",
            "Anjali",
            "Rahul",
            "Sunita",
            "Vikram",
            "Aisha",
            "Imran",
            "Zara",
            "Hamza",
            "Fatima",
            "Sanjay",
            "Meera",
            "Ravi",
            "Nadia",
            "Kiran",
            "Amir",
            "Samina",
        ),
        (
            "Patel",
            "Sharma",
            "Khan",
            "Singh",
            "Hussain",
            "Mistry",
            "Chaudhry",
            "Iqbal",
            "Kaur",
            "Desai",
            "Ahmed",
            "Rahman",
            "Malik",
            "Gill",
            "Bhatt",
        ),
    ),
    (
        7,
        (
            "Chidi",
            "Amara",
            "Tunde",
            "Ngozi",
            "Kwame",
            "Abena",
            "Femi",
            "Adaeze",
            "Kofi",
            "Yetunde",
            "Efua",
            "Obinna",
        ),
        ("Okafor", "Adeyemi", "Mensah", "Owusu", "Nwosu", "Boateng", "Okonkwo", "Asante"),
    ),
    (
        5,
        ("Marcus", "Shanice", "Andre", "Keisha", "Tyrone", "Jade", "Darnell", "Leah"),
        ("Campbell", "Francis", "Henry", "Brown", "Williams", "Gordon", "Reid", "Grant"),
    ),
    (
        6,
        ("Wei", "Mei", "Jun", "Lin", "Hao", "Xin", "Kenji", "Yuki", "Minh", "Linh"),
        ("Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Tanaka", "Nguyen", "Tran", "Lam"),
    ),
    (
        9,
        (
            "Camille",
            "Julien",
            "Léa",
            "Mathieu",
            "Chloé",
            "Antoine",
            "Élodie",
            "Nicolas",
            "Manon",
            "Thomas",
            "Inès",
            "Hugo",
            "Margaux",
            "Bastien",
        ),
        (
            "Martin",
            "Bernard",
            "Dubois",
            "Moreau",
            "Laurent",
            "Girard",
            "Fontaine",
            "Rousseau",
            "Lefèvre",
            "Mercier",
            "Garnier",
            "Chevalier",
        ),
    ),
    (
        8,
        (
            "Daan",
            "Sanne",
            "Joris",
            "Femke",
            "Bram",
            "Lotte",
            "Ruud",
            "Eline",
            "Sven",
            "Anouk",
            "Pieter",
            "Maartje",
        ),
        (
            "de Vries",
            "Jansen",
            "van Dijk",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "van den Berg",
            "Peeters",
            "Claes",
        ),
    ),
    (
        10,
        (
            "Katarzyna",
            "Piotr",
            "Agnieszka",
            "Tomasz",
            "Magdalena",
            "Paweł",
            "Joanna",
            "Krzysztof",
            "Aleksandra",
            "Michał",
            "Zofia",
            "Wojciech",
            "Marta",
            "Łukasz",
        ),
        (
            "Kowalski",
            "Nowak",
            "Wiśniewski",
            "Lewandowski",
            "Zieliński",
            "Kamiński",
            "Wójcik",
            "Kozłowski",
            "Mazur",
            "Krawczyk",
            "Dąbrowski",
            "Pawlak",
        ),
    ),
    (
        5,
        ("Lucía", "Javier", "Carmen", "Diego", "Inês", "João", "Marco", "Giulia", "Luca"),
        ("García", "Fernández", "López", "Silva", "Costa", "Rossi", "Bianchi", "Romano"),
    ),
)

_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "ß": "ss", "'": ""})


def ascii_slug(text: str) -> str:
    """ "Łukasz Dąbrowski" → "lukasz", "dabrowski"; "de Vries" → "devries"."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    text = text.encode("ascii", "ignore").decode()
    return "".join(ch for ch in text.lower() if ch.isalnum())


# ---------------------------------------------------------------------------------------------
# Bios: a sentence about the role, one about the past, one about what to ask them.
PREVIOUS = (
    "a water utility",
    "an automotive tier-one supplier",
    "a logistics start-up",
    "the Royal Engineers",
    "a Big Four audit team",
    "a food manufacturer in the Midlands",
    "a chemicals plant on Teesside",
    "a software consultancy",
    "a third-party logistics provider",
    "a university research group",
    "a pump distributor in Lyon",
    "the family engineering business",
    "a contact centre for an energy company",
    "retail banking",
    "a brewery",
    "the NHS",
    "an offshore wind operator",
    "a packaging plant near Poznań",
)
BIO_ROLE = (
    "{title} in {department}, based {where}.",
    "I'm {a_title} in our {department} team, {where}.",
    "{title}, {department}. Usually found {where}.",
    "{department} — {title}, {where}.",
)


def _where(location: str) -> str:
    if location == REMOTE:
        return "working remotely in the UK"
    if location.startswith("Field-based"):
        return "on the road " + location.removeprefix("Field-based ").replace("(", "(covering ")
    return f"at {location}"


BIO_PAST = (
    "{years} years at Harbourline; before that I spent some time at {previous}.",
    "Joined Harbourline {years} years ago from {previous}.",
    "Came to Harbourline from {previous}, {years} years ago now.",
    "Previously at {previous}; {years} years here.",
    "New-ish: joined this year after several years at {previous}.",
)
BIO_ASK = (
    "Ask me about **{skill}** — happy to help.",
    "Happy to talk **{skill}** any time; I learn most when someone brings me a real problem.",
    "I can help with {skill} and I'm currently learning {learning}.",
    "Trying to get better at {learning}; can help with {skill} in return.",
    "If it involves {skill}, send me a message.",
)
BIO_LIFE = (
    "",
    "",
    "",
    "Outside work: fell running and slowly restoring a 1970s narrowboat.",
    "Parent of two, owner of one very loud beagle.",
    "Weekend baker; the sourdough starter is older than some of our products.",
    "Volunteer maths tutor on Thursday evenings.",
    "Part of the Running Club — come along on Wednesdays.",
    "Learning Polish, badly.",
    "Allotment, cycling, and too many podcasts.",
    "Season ticket holder; don't ask me on a Monday after a loss.",
    "I play bass in a pub band that rehearses more than it performs.",
)


@dataclass
class PersonPlan:
    username: str
    first_name: str
    last_name: str
    title: str
    department: str  # DepartmentSpec.key, or "executive"
    role: str  # "ceo", "head", "lead", "staff"
    manager: str | None  # username
    location: str
    team: int = -1  # index into the department's teams; -1 for ceo/heads
    skills: list[tuple[str, int]] = field(default_factory=list)
    bio: str = ""
    # Days before "now" the member joined the company's platform (spread, with some newcomers).
    joined_days_ago: float = 0.0

    @property
    def email(self) -> str:
        return f"{self.username}@example.com"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


POLISH = next(g for g in NAME_GROUPS if "Kowalski" in g[2])


def _pick_name(rng: random.Random) -> tuple[str, str]:
    weights = [g[0] for g in NAME_GROUPS]
    group = rng.choices(NAME_GROUPS, weights=weights)[0]
    first = rng.choice(group[1])
    last_group = group if rng.random() < 0.85 else rng.choices(NAME_GROUPS, weights=weights)[0]
    last = rng.choice(last_group[2])
    if last_group is POLISH and first in POLISH[1] and first.endswith("a"):
        last = last[:-1] + "a" if last.endswith(("ski", "cki")) else last  # Kowalski → Kowalska
    return first, last


def split(total: int, weights: list[int]) -> list[int]:
    """Split `total` by `weights` (largest remainders), each share at least 2."""
    raw = [total * w / sum(weights) for w in weights]
    shares = [max(2, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    i = 0
    while sum(shares) < total:
        shares[order[i % len(order)]] += 1
        i += 1
    while sum(shares) > total:
        j = max(range(len(shares)), key=lambda k: shares[k])
        shares[j] -= 1
    return shares


MIN_MEMBERS = 30


def plan_people(rng: random.Random, members: int) -> list[PersonPlan]:
    """`members` people: a CEO, a head per department, team leads and staff, in that order."""
    if members < MIN_MEMBERS:
        raise ValueError(f"The demo needs at least {MIN_MEMBERS} members.")
    used_names: set[tuple[str, str]] = set()
    used_usernames: set[str] = {"admin"}

    def new_person(**kwargs) -> PersonPlan:
        while True:
            first, last = _pick_name(rng)
            if (first, last) not in used_names:
                break
        used_names.add((first, last))
        base = f"{ascii_slug(first)}.{ascii_slug(last)}"
        username, n = base, 2
        while username in used_usernames:
            username, n = f"{base}{n}", n + 1
        used_usernames.add(username)
        return PersonPlan(username=username, first_name=first, last_name=last, **kwargs)

    people = [
        new_person(
            title=CEO_TITLE,
            department="executive",
            role="ceo",
            manager=None,
            location=HQ,
            joined_days_ago=rng.uniform(185, 200),
        )
    ]
    ceo = people[0]
    sizes = split(members - 1, [d.weight for d in DEPARTMENTS])
    for spec, size in zip(DEPARTMENTS, sizes, strict=True):
        head = new_person(
            title=spec.head_title,
            department=spec.key,
            role="head",
            manager=ceo.username,
            location=HQ,
            joined_days_ago=rng.uniform(180, 195),
        )
        people.append(head)
        rest = size - 1
        n_leads = max(1, min(len(spec.teams), round(rest / 7)))
        leads = []
        for t in range(n_leads):
            team = spec.teams[t]
            lead = new_person(
                title=team.lead_title,
                department=spec.key,
                role="lead",
                manager=head.username,
                location=team.locations[0],
                team=t,
                joined_days_ago=rng.uniform(170, 190),
            )
            leads.append(lead)
        people.extend(leads)
        for s in range(rest - n_leads):
            t = s % n_leads
            team = spec.teams[t]
            newcomer = rng.random() < 0.1
            people.append(
                new_person(
                    title=rng.choice(team.staff_titles),
                    department=spec.key,
                    role="staff",
                    manager=leads[t].username,
                    location=rng.choice(team.locations),
                    team=t,
                    joined_days_ago=rng.uniform(3, 40) if newcomer else rng.uniform(120, 185),
                )
            )
    for person in people:
        _give_skills(rng, person)
        person.bio = _bio(rng, person)
    return people


def department_name(key: str) -> str:
    return EXECUTIVE_DEPARTMENT[0] if key == "executive" else DEPARTMENTS_BY_KEY[key].name


def _give_skills(rng: random.Random, person: PersonPlan) -> None:
    if person.department == "executive":
        pool = ["Strategy", "Presenting", "Coaching", "Change management", "Negotiation"]
    else:
        pool = list(DEPARTMENTS_BY_KEY[person.department].skills)
    count = rng.randint(2, 5)
    names = rng.sample(pool, k=min(count, len(pool)))
    if rng.random() < 0.3:
        extra = rng.choice(CROSS_SKILLS)
        if extra not in names:
            names[-1] = extra
    senior = {"ceo": 1, "head": 1, "lead": 1}.get(person.role, 0)
    skills = []
    for i, name in enumerate(names):
        # The first skill is the one people know them for.
        low, high = (3, 5) if i == 0 else (1, 4)
        level = min(5, rng.randint(low, high) + (senior if rng.random() < 0.5 else 0))
        if person.joined_days_ago < 45:
            level = max(1, level - 1)
        skills.append((name, level))
    person.skills = skills


def _bio(rng: random.Random, person: PersonPlan) -> str:
    skills_by_level = sorted(person.skills, key=lambda s: -s[1])
    learning = min(person.skills, key=lambda s: s[1])[0]
    slots = {
        "title": person.title,
        "a_title": ("an " if person.title[0] in "AEIOU" else "a ") + person.title,
        "where": _where(person.location),
        "department": department_name(person.department),
        "location": person.location,
        "years": rng.choice(["two", "three", "four", "five", "seven", "nine", "twelve"]),
        "previous": rng.choice(PREVIOUS),
        "skill": skills_by_level[0][0],
        "learning": learning,
    }
    past = rng.choice(BIO_PAST[:-1] if person.joined_days_ago > 45 else BIO_PAST[-1:])
    parts = [rng.choice(BIO_ROLE), past, rng.choice(BIO_ASK), rng.choice(BIO_LIFE)]
    sentences = [p.format(**slots) for p in parts if p]
    return " ".join(t[:1].upper() + t[1:] for t in sentences)
