"""Literal texts of the Section 11 demo, from section 18 of the annual report
2016-17 (seed 004). Standard texts are the report's bullets verbatim; titles are
the rows of its year-on-year table. Question texts are the report's wording where
its statutory partners' findings name a question, and illustrative otherwise."""

from datetime import date

# (number, title, text, [question texts]); the question numbers are 1, 2, 3.
STANDARDS = [
    (
        1,
        "A clear line of accountability for provision and/or commissioning of "
        "services designed to safeguard and promote the welfare of children",
        "A clear line of accountability for the commissioning and/or provision of "
        "services designed to safeguard and promote the welfare of children",
        [
            "There is a clear line of accountability within your organisation for "
            "the provision of services designed to safeguard and promote the welfare "
            "of children.",
            # The commissioning question (seed: 'The commissioning process included
            # a requirement upon your organisation to safeguard children').
            "Arrangements are in place to ensure that organisations commissioned to "
            "provide services on your behalf have regard to the requirements of "
            "section 11 of the Children Act 2004: the commissioning process "
            "included a requirement upon your organisation to safeguard children.",
        ],
    ),
    (
        2,
        "A named person responsible at a senior level",
        "A senior board level lead to take leadership responsibility for the "
        "organisation's safeguarding arrangements",
        [
            "A named person at senior board level takes leadership responsibility "
            "for the organisation's safeguarding arrangements.",
        ],
    ),
    (
        3,
        "A culture of listening and engaging in dialogue with children",
        "A culture of listening to children and taking account of their wishes and "
        "feelings, both in individual decisions and the development of services",
        [
            "There is a culture of listening and engaging in dialogue with children "
            "and their families.",
            "Children's wishes and feelings are taken into account in the "
            "development of services.",
        ],
    ),
    (
        4,
        "Had a 'whistle-blowing' procedure for all staff/volunteers who have "
        "concerns about poor practice",
        "Clear whistleblowing procedures, which reflect the principles in Sir Robert "
        "Francis's Freedom to Speak Up review and are suitably referenced in staff "
        "training and codes of conduct, and a culture that enables issues about "
        "safeguarding and promoting the welfare of children to be addressed",
        [
            "There is a whistle-blowing procedure for all staff and volunteers who "
            "have concerns about poor practice, referenced in training and codes of "
            "conduct.",
        ],
    ),
    (
        5,
        "Arrangements in place for sharing information with other professionals "
        "and the LSCB",
        "Arrangements which set out clearly the processes for sharing information, "
        "with other professionals and with the LSCB",
        [
            "There is effective guidance on sharing information about a child and "
            "their family, and staff know how to access and use it.",
            "Staff are confident about how to obtain consent for information sharing "
            "and when information may be shared even though consent has not been "
            "obtained.",
        ],
    ),
    (
        6,
        "Had a designated professional lead",
        "A designated professional lead (or, for health provider organisations, "
        "named professionals) for safeguarding. Their role is to support other "
        "professionals in their agencies to recognise the needs of children, "
        "including rescue from possible abuse or neglect. Designated professional "
        "roles should always be explicitly defined in job descriptions. "
        "Professionals should be given sufficient time, funding, supervision and "
        "support to fulfil their child welfare and safeguarding responsibilities "
        "effectively",
        [
            "There is a designated professional lead for safeguarding, the role "
            "defined in their job description.",
            "The designated lead has sufficient time, funding, supervision and "
            "support to fulfil the role.",
        ],
    ),
    (
        7,
        "Had safe recruitment processes",
        "Safe recruitment practices for individuals whom the organisation will "
        "permit to work regularly with children, including policies on when to "
        "obtain a criminal record check",
        [
            "There are robust procedures for the regular review of staff checks and "
            "records.",
            "Staff involved in recruitment are suitably trained.",
            "There is a policy on when to obtain a criminal record check.",
        ],
    ),
    (
        8,
        "Appropriate supervision and support available for staff",
        "Appropriate supervision and support for staff, including undertaking "
        "safeguarding training.",
        [
            "Relevant staff who have contact with children and families have access "
            "to further advice, support and supervision.",
            "Staff undertake safeguarding training appropriate to their role.",
        ],
    ),
    (
        9,
        "Had clear policies in line with those from LSCB for dealing with "
        "allegations against people working with children",
        "Clear policies in line with those from the LSCB for dealing with "
        "allegations against people who work with children.",
        [
            "There is a clear policy and procedure for dealing with allegations "
            "against staff and volunteers, in line with the LSCB's.",
        ],
    ),
]

# year: (opens_on, closes_on). 2016-17 is the seed's; 2015-16's dates are
# illustrative (the report gives only its responses).
CYCLES = {
    2015: (date(2015, 12, 7), date(2016, 3, 11)),
    2016: (date(2016, 12, 8), date(2017, 3, 13)),
}

# The seed's year-on-year table, "fully met" % per standard 1-9.
COMPLIANCE = {
    2015: [98, 97, 96, 95, 95, 95, 94, 94, 96],
    2016: [97, 98, 97, 95, 96, 93, 93, 94, 97],
}

# Statutory partners not on the board's agency list (the seed names "District
# Councils" among the 15): invented, so that 15 statutory agencies respond.
EXTRA_STATUTORY = [
    "Cumbria District/Borough Councils – Allerdale",
    "Cumbria District/Borough Councils – Carlisle",
]

PARTIAL_REASON = (
    "Partial response: the survey was left after the first standards and never "
    "completed."
)
DUPLICATE_REASON = (
    "Duplicate response: the organisation answered twice; its complete response "
    "is the one counted."
)
