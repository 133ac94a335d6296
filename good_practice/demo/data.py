"""Good practice examples of the annual report 2016-17, transcribed.

Section 14 of the report describes the catalogue but prints no example; the
examples below are the good practice the report records elsewhere, each with the
place it comes from. Dates are those of the audits (as the audits demo loads
them); where the report gives no date (the CDOP and LADO sections), an invented
date in 2016-17, the report's year. Where the report names no
agency for the practice, the agency is the board's agency that does that work,
marked "agency assigned". No child, family or practitioner is named: the report's
quotation from a young person is given without the social worker's name.

Each row: (title, agency name as in boards.demo.data.AGENCIES, date, what was
done, outcome for the child, the learning, learning theme slugs).
"""

from datetime import date

CHILDRENS_SERVICES = "Cumbria County Council, Children's Services"
POLICE = "Cumbria Constabulary"

EXAMPLES = [
    # Section 13, Missing from Home audit (North & Eden QAG), agency assigned.
    (
        "Timely information sharing in the Safeguarding Hub on missing episodes",
        CHILDRENS_SERVICES,
        date(2016, 7, 14),
        "Improved processes within the Hub meant information about children "
        "missing from home was shared between agencies in a more timely way, "
        "with effective multi-agency working and good information sharing.",
        "Agencies responded appropriately to the children's missing episodes.",
        "Good information sharing through the Hub is what makes the response to "
        "a missing episode timely; the same audit found return interviews were "
        "not always held within 72 hours, often because of late notifications.",
        ["information-sharing"],
    ),
    # Section 13, Parental Substance Misuse audit (South QAG), agency assigned.
    (
        "Multi-agency working with families affected by parental substance misuse",
        CHILDRENS_SERVICES,
        date(2016, 10, 13),
        "In a number of the cases audited, agencies worked together around "
        "families where a parent misused substances.",
        "Improvements for the child were seen in these cases.",
        "Multi-agency working improves children's lives where parents misuse "
        "substances; plans need to be SMART, with defined outcomes and "
        "timescales, to avoid drift.",
        ["substance-misuse-and-mental-health"],
    ),
    # Section 13, Children with Disabilities audit (West QAG), agency assigned.
    (
        "Hearing the voice of non-verbal children with disabilities",
        CHILDRENS_SERVICES,
        date(2017, 2, 9),
        "Practitioners assessed, recorded and acted upon the views and "
        "experiences of non-verbal disabled children.",
        "The children's own wishes and feelings shaped the plans made for them.",
        "A child who does not speak can still be heard: the audit found good "
        "examples of how to assess and record their voice and act on it.",
        ["voice-of-the-child"],
    ),
    # Section 13, Children with Disabilities audit (West QAG), agency assigned.
    (
        "Early planning for transition to adult services and between schools",
        "Cumbria Partnership NHS Foundation Trust",
        date(2017, 2, 9),
        "Agencies shared information well and planned early for disabled young "
        "people's transition to adult services and from school to school.",
        "Young people moved between services and schools with plans in place "
        "ahead of the move.",
        "Planning transitions early, with information shared between agencies, "
        "avoids gaps in support at the points of change.",
        ["transitions-and-transfers", "information-sharing"],
    ),
    # Section 16, Domestic Abuse deep dive audit (5 cases).
    (
        "Timely response to domestic abuse using the DASH risk assessment",
        POLICE,
        date(2017, 1, 9),
        "Incidents were reported in time and practitioners responded in a "
        "timely, effective way, using risk assessments such as the SafeLives "
        "DASH Risk Assessment.",
        "Risks to the children living with domestic abuse were identified and "
        "responded to promptly.",
        "Structured risk assessment supports a timely, effective response; the "
        "audit also found chances to share information with schools and school "
        "nurses were missed.",
        ["domestic-abuse", "risk"],
    ),
    # Section 16, Domestic Abuse deep dive audit, agency assigned.
    (
        "Agencies working together to lower the risk of sexual exploitation",
        CHILDRENS_SERVICES,
        date(2017, 1, 9),
        "Child sexual exploitation was identified appropriately in a case of "
        "domestic abuse, and agencies worked together in response.",
        "The risk to the young person was lowered.",
        "Recognising exploitation alongside domestic abuse, and responding "
        "together, reduces the risk to the child.",
        ["child-sexual-exploitation", "domestic-abuse"],
    ),
    # Section 16, Domestic Abuse deep dive audit: a young person's words.
    (
        "Direct work that let a young person be honest about keeping safe",
        CHILDRENS_SERVICES,
        date(2017, 1, 9),
        "Her social worker talked things through with a young person living "
        "with domestic abuse, using a worksheet about the things she likes, "
        "what would happen and how she could make herself safe in the future.",
        "The young person said she could be really honest and that someone "
        "would listen to her; she had thought through how to keep herself safe.",
        "Simple, structured direct work gives children the space to be honest "
        "and to plan their own safety.",
        ["voice-of-the-child", "domestic-abuse"],
    ),
    # Section 27, Child Death Overview Panel: improvements in the process.
    (
        "A leaflet for bereaved families on the child death review process",
        "Barnardo's",
        date(2016, 11, 1),
        "The Child Death Overview Panel developed a Cumbria leaflet explaining "
        "the process to families, with comments and amendments from bereaved "
        "families, among them families from Barnardo's.",
        "Families whose child has died are told in plain words what the review "
        "process involves.",
        "Writing with the families who use a service makes its information "
        "clearer to those who need it.",
        [],
    ),
    # Section 27, Child Death Overview Panel: improvements in the process.
    (
        "Rapid response and end of case meetings after sudden unexpected deaths",
        POLICE,
        date(2016, 9, 1),
        "Police and health consistently held rapid response and end of case "
        "meetings following sudden unexpected deaths of children.",
        "Working together and understanding between police and health improved "
        "significantly, for the families of children who died unexpectedly.",
        "Holding the meetings every time builds the joint understanding that a "
        "response to a child's death depends on.",
        ["information-sharing"],
    ),
    # Section 22, LADO: the duty system.
    (
        "A duty LADO system that keeps allegations moving",
        CHILDRENS_SERVICES,
        date(2016, 4, 1),
        "A duty Local Authority Designated Officer system continued through the "
        "year, progressing and monitoring allegations against people who work "
        "with children.",
        "Cases were recorded and concluded in a timely manner, so children were "
        "protected without delay.",
        "A duty rota keeps allegations progressing even when the service's "
        "staffing is reduced.",
        ["risk"],
    ),
]
