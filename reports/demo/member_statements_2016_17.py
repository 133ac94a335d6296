"""Section 6 of the Cumbria LSCB annual report 2016-17, "A brief word from the
LSCB Members", for the demo's statements. The report prints the members' answers
to two of the chair's questions (strengths and areas to develop; the state of
safeguarding) without saying who gave which; the demo gives each answer to one
member agency, illustratively, as that agency's statement. The words are the
report's; only the attribution is the demo's."""

# (agency name, statement)
STATEMENTS = (
    (
        "Cumbria County Council, Children's Services",
        "Increasingly improving with a genuine collective commitment to "
        "consistently delivering good outcomes for children; we need to work on "
        "consistency across the geography.\n\n"
        "- Real improvements in Early Help\n"
        "- Early Help panels: a great initiative to bring into Cumbria, but there "
        "is variable effectiveness of the Panels across the County at present",
    ),
    (
        "Cumbria Constabulary",
        "Concerted commitment to considerable improvement: Cumbria knows itself "
        "well.\n\n"
        "- Partnership working has improved significantly and is genuine with good "
        "constructive challenge in the system\n"
        "- More to do on single agency responsibility for managing lower risk",
    ),
    (
        "Cumbria Clinical Commissioning Group",
        "The direction is good and positive.\n\n"
        "- CDOP process has improved significantly over the past 2 years\n"
        "- Understanding the implications of the CCG boundary changes and "
        "implementing required modifications",
    ),
    (
        "Cumbria Partnership NHS Foundation Trust",
        "Ensuring the impact on frontline staff consistency remains a challenge, "
        "but staff are more confident.\n\n"
        "- Implementation of the 0-19 service: we need to ensure that the newly "
        "commissioned service strengthens rather than weakens the safeguarding "
        "system\n"
        "- Further promote Emotional Health and Wellbeing",
    ),
    (
        "Secondary Head teachers Association",
        "Good and developing.\n\n"
        "- Continued engagement with the education sector\n"
        "- Consistent understanding of thresholds",
    ),
    (
        "Barnardo's",
        "Much improved. The safeguarding audit was extremely helpful.\n\n"
        "- Voice of children and young people is more evident in the work of the "
        "LSCB\n"
        "- Further development of multi-agency training",
    ),
    (
        "National Probation Service",
        "Partners are working together; this has developed significantly.\n\n"
        "- Feels like a 'one team' approach\n"
        "- Capacity to manage the system remains a challenge, despite the LSCB "
        "team working so hard",
    ),
)
