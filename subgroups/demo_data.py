"""Cumbria LSCB's subgroups, from the annual report 2016-17 (section 11) and the
business plan 2014-17 (governance chart)."""

# (name, kind, parent name or None)
SUBGROUPS = [
    ("Business Group", "subgroup", None),
    ("Policy and Procedures Subgroup", "subgroup", None),
    ("Communications, Engagement and Participation Subgroup", "subgroup", None),
    ("Case Review Subgroup", "subgroup", None),
    ("Child Death Overview Panel", "subgroup", None),
    ("Learning and Improvement Subgroup", "subgroup", None),
    ("Performance Management and Quality Assurance Subgroup", "subgroup", None),
    ("Education Subgroup", "subgroup", None),
    ("Health Subgroup", "subgroup", None),
    ("Safeguarding Hub Programme Board", "subgroup", None),
    ("Early Help Subgroup", "subgroup", None),
    ("CSE/MFH Subgroup", "subgroup", None),
    ("Suicide and Self Harm Group", "task_and_finish", None),
    ("Neglect Task and Finish Group", "task_and_finish", None),
    ("Domestic Abuse Task and Finish Group", "task_and_finish", None),
    (
        "Quality Assurance Group North",
        "locality",
        "Performance Management and Quality Assurance Subgroup",
    ),
    (
        "Quality Assurance Group West",
        "locality",
        "Performance Management and Quality Assurance Subgroup",
    ),
    (
        "Quality Assurance Group South",
        "locality",
        "Performance Management and Quality Assurance Subgroup",
    ),
] + [
    (
        f"{district} Practitioner Forum",
        "locality",
        "Communications, Engagement and Participation Subgroup",
    )
    for district in (
        "Allerdale",
        "Barrow",
        "Carlisle",
        "Copeland",
        "Eden",
        "South Lakeland",
    )
]
