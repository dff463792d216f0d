"""Demo data for documents (see demo/extensions.py): small generated PDFs, CSVs and text files
with Harbourline's procedures, scorecards and checklists, uploaded through the service (so they
are checked, stored and their text extracted like any member's upload)."""

import io

from django.core.files.base import ContentFile

from guildhall.documents.services import document_create, document_download


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a heading and lines of text (Helvetica), built by hand."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = [f"BT /F1 16 Tf 72 760 Td ({escape(title)}) Tj ET"]
    y = 730
    for line in lines:
        ops.append(f"BT /F1 11 Tf 72 {y} Td ({escape(line)}) Tj ET")
        y -= 18
    stream = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (6, xref))
    return out.getvalue()


DOCUMENTS = [
    (
        "field-engineers",
        "Seal replacement procedure rev C",
        "Seal replacement procedure rev C.pdf",
        lambda: pdf(
            "Seal replacement procedure - HL-40 / HL-60 pumps - rev C",
            [
                "1. Isolate and lock out the motor; close suction and discharge valves.",
                "2. Drain the casing; confirm zero pressure on the gauge before opening.",
                "3. Remove the coupling guard and spacer; mark the shaft position.",
                "4. Withdraw the back pull-out assembly; keep the impeller nut (reverse thread).",
                "5. Inspect the old seal faces: heat checking, chips, even wear.",
                "6. Fit the new cartridge seal; torque gland nuts to 25 Nm in a cross pattern.",
                "7. Refit, align the coupling within 0.05 mm, prime and run for 30 minutes.",
                "Change in rev C: step 6 torque was 30 Nm; reduced after field feedback.",
            ],
        ),
        "Rev C lowers the gland torque to **25 Nm** after the leaks we saw on HL-60 units. "
        "Please bin printed copies of rev B.",
        "seals, procedures, pumps",
    ),
    (
        "field-engineers",
        "VX-200 actuator commissioning checklist",
        "VX-200 commissioning checklist.md",
        lambda: (
            b"# VX-200 actuator commissioning checklist\n\n"
            b"- [ ] Supply voltage within 24 V +/- 10 %\n"
            b"- [ ] End stops set (closed, then open) from the local panel\n"
            b"- [ ] Manual stroke completed, no binding\n"
            b"- [ ] Torque limit set to the valve's data plate value\n"
            b"- [ ] Customer witness signed the hand-over sheet\n"
        ),
        "The checklist we leave with the customer. Markdown so you can paste it into the job "
        "report.",
        "commissioning, actuators, checklist",
    ),
    (
        "field-engineers",
        "HL-40 vibration limits (quick card)",
        "HL-40 vibration limits.pdf",
        lambda: pdf(
            "HL-40 end-suction pump - vibration limits at 2,900 rpm",
            [
                "Measure RMS velocity at the three marked points on the bearing housing.",
                "Below 2.8 mm/s: healthy.",
                "2.8 to 4.5 mm/s: acceptable - note it on the service report.",
                "4.5 to 7.1 mm/s: plan a bearing and alignment check within 30 days.",
                "Above 7.1 mm/s: stop the pump and call Technical Support.",
            ],
        ),
        "Laminate it and keep it in the van.",
        "vibration, condition-monitoring",
    ),
    (
        "supply-chain-practice",
        "Q3 supplier scorecard",
        "Q3 supplier scorecard.csv",
        lambda: (
            b"supplier,category,on_time_delivery_pct,quality_ppm,expedites,trend\n"
            b"Northfield Castings,castings,91.2,420,14,improving\n"
            b"Brennan Forge,forgings,96.8,150,3,stable\n"
            b"Keller Seals GmbH,seals,98.1,85,1,stable\n"
            b"Tyne Motors,motors,88.4,610,19,worse\n"
            b"Ostrava Machining,machined parts,94.0,300,6,improving\n"
        ),
        "On-time delivery, PPM and expedites for our top five suppliers. Tyne Motors is on a "
        "recovery plan from October.",
        "suppliers, scorecard, quarterly-review",
    ),
    (
        "supply-chain-practice",
        "Safety stock policy for castings",
        "Safety stock policy - castings.pdf",
        lambda: pdf(
            "Safety stock policy - castings (approved by S&OP, June)",
            [
                "Scope: pump casings and valve bodies bought as castings.",
                "A items: 3 weeks of average demand; B items: 2 weeks; C items: make to order.",
                "Review monthly against the supplier scorecard's on-time delivery.",
                "Exceptions need the Supply Chain Manager's sign-off in the planning tool.",
            ],
        ),
        "The policy we agreed at S&OP. Questions to the planning team.",
        "safety-stock, inventory, policy",
    ),
    (
        "lean-continuous-improvement",
        "CNC cell changeover study (SMED)",
        "CNC cell changeover study.csv",
        lambda: (
            b"step,minutes_before,minutes_after,internal_or_external\n"
            b"Find fixture,7,0,external\n"
            b"Fetch torque wrench and gauges,6,0,external\n"
            b"Remove old fixture,5,4,internal\n"
            b"Fit and align new fixture,12,9,internal\n"
            b"First-off inspection,11,6,internal\n"
        ),
        "The timings behind the SMED episode: 41 minutes down to 19.",
        "smed, changeover, machining",
    ),
    (
        "lean-continuous-improvement",
        "Stand-up board template",
        "Stand-up board template.txt",
        lambda: (
            b"DAILY STAND-UP - VALVE ASSEMBLY\n\n"
            b"1. Yesterday's misses (safety, quality, delivery)\n"
            b"2. Today's risks\n"
            b"3. Help needed - owner and date on a card\n\n"
            b"Keep it under five minutes. Problems go offline.\n"
        ),
        "Print on A1 for the test bay board.",
        "stand-up, visual-management, template",
    ),
    (
        "customer-experience-network",
        "Warranty call-back script",
        "Warranty call-back script.md",
        lambda: (
            b"# Warranty call-back script\n\n"
            b"1. Thank them for their patience with the claim.\n"
            b"2. Is the replacement part installed and running?\n"
            b"3. Did the installer have what they needed?\n"
            b"4. What could we have done faster?\n\n"
            b"Log the answers on the case before you close it.\n"
        ),
        "Use it within a week of the part arriving.",
        "warranty, customer-calls",
    ),
    (
        "safety-incident-review",
        "Line 3 hydraulic near-miss - investigation summary",
        "Line 3 near-miss summary.pdf",
        lambda: pdf(
            "Line 3 test rig - hydraulic near-miss - investigation summary",
            [
                "Event: test rig opened with 40 bar trapped behind a closed isolation valve.",
                "Injury: none. Potential: high (hose whip, fluid injection).",
                "Root cause: single gauge upstream of the valve read zero.",
                "Actions: second gauge downstream (done); zero-pressure check on permit (done);",
                "toolbox talk for all test bay shifts (due end of month).",
            ],
        ),
        "Shared here first so we can talk openly before the site-wide briefing.",
        "near-miss, hydraulics, investigation",
    ),
    (
        "finance-business-partners",
        "Capex request template FY25",
        "Capex request template FY25.csv",
        lambda: (
            b"field,example,notes\n"
            b"Project name,Second test rig for VX actuators,\n"
            b"Cost centre,4120 Valve Assembly,\n"
            b"Total capex (GBP),185000,including installation\n"
            b"Payback (months),26,use the standard model\n"
            b"Sponsor,Operations Director,\n"
        ),
        "Fill in this template before the monthly capex review; the payback model is in the "
        "finance wiki.",
        "capex, template, budgeting",
    ),
]


def load(loader) -> str:
    places = {place.community.slug: place for place in loader.places}
    created = downloads = 0
    for slug, title, filename, make, notes, tags in DOCUMENTS:
        place = places.get(slug)
        if place is None or not place.people:
            continue
        author = loader.rng.choice(place.managers or place.experts or place.people)
        item = document_create(
            actor=author.user,
            community=place.community,
            title=title,
            body=notes,
            tags=tags,
            file=ContentFile(make(), name=filename),
        )
        days = loader.rng.uniform(2, 150)
        loader.item_dt[item.pk] = (loader.ago(days), loader.ago(days))
        loader.item_last[item.pk] = loader.ago(days)
        created += 1
        audience = [p for p in place.people if p is not author]
        for reader in loader.rng.sample(audience, min(len(audience), loader.rng.randint(2, 15))):
            downloads += document_download(actor=reader.user, item=item)
    return f"{created} documents, {downloads} downloads"
