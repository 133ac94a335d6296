"""Demo budget, inspection, glossary and links with other strategic boards, transcribed
from the Annual Report 2016-17 (seed 004):

- Budget (section 10): the 2016-17 contributions by agency and spend by heading,
  £212,588 in and £212,588 out. The report gives no 2015-16 figures, so only 2016-17
  is loaded. Its contributors are named by short names; each is mapped to the board's
  agency (AGENCIES in data.py) that is the same body. "Probation" is mapped to
  the National Probation Service, the probation body the report lists as represented
  at the Board (the CRC is listed separately and is not named as a contributor).
- Inspection (section 17): Ofsted's inspection of 3 to 25 March 2015, which reviewed
  the LSCB and judged it "requires improvement": that is the overall judgement
  recorded. The judgements on the local authority's children's services from the same
  inspection (report published 13 May 2015) are its judgements by area. The seven
  recommendations for the LSCB are verbatim, with HTML tags stripped; each has its
  2016-17 update, dated 31 March 2017 (the end of the year it reports on: the report
  gives no date). What Ofsted said about the LSCB is its findings: the six strengths
  verbatim (list punctuation dropped) and the area where further work was needed.
  The training tables of recommendations 1 and 6 are not typed here: they are
  printed from the training data (training/demo, RecommendationTraining).
- Glossary (section 31): every acronym, verbatim.
- Links with other strategic boards (section 7): each board's responsibilities and
  how it links with the LSCB, verbatim; the report gives no web addresses.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from ..models import (
    Agency,
    Contribution,
    FindingKind,
    GlossaryTerm,
    Inspection,
    InspectionFinding,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    Spend,
    StrategicLink,
    SubJudgement,
)

BUDGET_YEAR = 2016

# (as the report names the contributor, the board's agency, amount in £)
CONTRIBUTIONS_2016 = [
    (
        "Children's Services (staffing/board support)",
        "Cumbria County Council, Children's Services",
        96814,
    ),
    ("CCG", "Cumbria Clinical Commissioning Group", 61079),
    ("CPFT", "Cumbria Partnership NHS Foundation Trust", 7800),
    ("NCUH", "North Cumbria University Hospitals", 7800),
    ("UHMB", "University Hospitals of Morecambe Bay", 3000),
    ("Probation", "National Probation Service", 1734),
    ("Police", "Cumbria Constabulary", 13811),
    ("CAFCASS", "CAFCASS, Cumbria", 550),
    ("NHS England", "NHS England", 20000),
]
CONTRIBUTIONS_TOTAL_2016 = 212588

# (heading, amount in £). The report marks Virtual College: "three years membership
# paid in 2015-16".
SPEND_2016 = [
    ("Office Costs", 95931),
    ("Independent Chair", 23640),
    ("Fees", 2919),
    ("Vice Chair (Barnardo's)", 3000),
    ("SCR", 49226),
    ("LSCB meeting expenses", 3200),
    ("Young People's Forums", 1081),
    ("MA Training for LSCB Agencies (including venues)", 8496),
    ("Better Together Roadshows", 926),
    ("SCR Conference (Neglect Conference)", 1081),
    ("Virtual College (online training)", 12333),
    ("MA procedures manual (Tri X)", 9660),
    ("Survey Monkey (annual subscription)", 249),
    ("SCIE (SCR AQ Consultancy)", 660),
    ("Practitioner Forums (venues)", 186),
]
SPEND_TOTAL_2016 = 212588

INSPECTION = {
    "body": "Ofsted",
    "title": (
        "Services for children in need of help and protection; children looked "
        "after and care leavers, and review of the effectiveness of the Local "
        "Safeguarding Children Board"
    ),
    "start_date": date(2015, 3, 3),
    "end_date": date(2015, 3, 25),
    "published_on": date(2015, 5, 13),
    "overall": Judgement.REQUIRES_IMPROVEMENT,
}

SUB_JUDGEMENTS = [
    (
        "Review of the effectiveness of the Local Safeguarding Children Board",
        Judgement.REQUIRES_IMPROVEMENT,
    ),
    ("Children's services: overall", Judgement.INADEQUATE),
    (
        "Children's services: children who need help and protection",
        Judgement.REQUIRES_IMPROVEMENT,
    ),
    (
        "Children's services: children looked after and achieving permanence",
        Judgement.INADEQUATE,
    ),
    ("Children's services: adoption performance", Judgement.REQUIRES_IMPROVEMENT),
    (
        "Children's services: experiences and progress of care leavers",
        Judgement.REQUIRES_IMPROVEMENT,
    ),
    (
        "Children's services: leadership, management and governance",
        Judgement.INADEQUATE,
    ),
]

# (kind, text): what Ofsted said about the LSCB, in the report's order.
FINDINGS = [
    (
        FindingKind.STRENGTH,
        "The positive impact of the new independent Chair, appointed by Cumbria "
        "County Council in April last year (2014)",
    ),
    (
        FindingKind.STRENGTH,
        "The greatly strengthened governance arrangements which are ensuring the "
        "LSCB is functioning properly",
    ),
    (
        FindingKind.STRENGTH,
        "The improved understanding across partners of their roles and "
        "responsibilities",
    ),
    (
        FindingKind.STRENGTH,
        "The strong relationship with other multi-agency boards which oversee "
        "related service areas, such as the HWB",
    ),
    (
        FindingKind.STRENGTH,
        "The increasing effectiveness of its challenge to the performance of member "
        "organisations",
    ),
    (
        FindingKind.STRENGTH,
        "The key role the LSCB has played in the development of the county's "
        "Safeguarding Hub, the first point of contact for anyone with concerns "
        "about a child",
    ),
    (
        FindingKind.IMPROVEMENT,
        "The need to strengthen the way partners respond to children at risk of "
        "sexual exploitation and those living in households where domestic abuse "
        "occurs",
    ),
]

UPDATE_YEAR = 2016
UPDATE_DATE = date(2017, 3, 31)

# (number, recommendation, the 2016-17 update's paragraphs)
RECOMMENDATIONS = [
    (
        1,
        (
            "Ensure that clear governance arrangements are in place so that the LSCB "
            "can evaluate the effectiveness of services provided to children who live "
            "in households where domestic abuse occurs."
        ),
        (
            (
                "The LSCB has worked across the partnership to improve understanding "
                "and identification of Domestic Abuse that affects children. There are "
                "new tools in use, more relevant training available and commissioned "
                "services providing support to both victims and children. The LSCB "
                "utilised the learning from a service mapping exercise to "
                "inform/influence future commissioning. A Domestic abuse audit was "
                "undertaken in January 2017. The group audited a total of 4 cases and "
                "the overall grading's of the cases were as follows:"
            ),
            ("• Requires Improvement: 3 cases\n• Good: 1 cases"),
            "Learning from the audit has been used to further inform practice.",
            (
                "Training has been improved with a number of specialist courses on "
                "offer and the numbers for 2016-17 are shown in the table below:"
            ),
            (
                'The commissioning process has been undertaken to "Train professionals '
                "to aid a consistent understanding of how Domestic Abuse affects "
                "children and to give practitioners the confidence to work with "
                "domestic abuse\". This was awarded to Barnardo's, roll out of the "
                "training is planned to commence in June 2017."
            ),
            (
                "An advanced DA & SV course has been developed and dates are in place "
                "for 2017. A task group has been established to review the DA training "
                "offer and will link across to L & I group."
            ),
        ),
    ),
    (
        2,
        (
            "Deliver the Child Sexual Exploitation Action Plan as developed from the "
            "LSCB self-assessment of child sexual exploitation. Develop robust "
            "measures to improve the Board's oversight of children and young people "
            "who go missing and who are vulnerable to child sexual exploitation."
        ),
        (
            (
                "Development day held in July 2015 and review of TOR, data and "
                "self-assessment were all completed. Since the development day and in "
                "light of feedback the terms of reference and self-assessment have "
                "been updated and the performance indicators have been agreed. Data "
                "set is now reported to the CSE Strategic group on a quarterly basis."
            ),
            (
                "Risk assessment tools and disruption statement developed by small "
                "task and finish group. Task and finish group also reviewed the LSCB "
                "Child Sexual Exploitation procedure – and the revised procedure went "
                "live on 29 February 2016. Ongoing review of the procedure aligned "
                "with Tri-X deadlines."
            ),
            (
                "Online training now live. Six face to face sessions were delivered to "
                "210 practitioners in November 2015 - March 2016. Online training must "
                "be completed by all delegates before they are able to attend face to "
                "face training. SARC became operational in December."
            ),
            (
                "2016-17 has seen further developments in this area. Individual agency "
                "self-assessments were undertaken and these were reviewed as part of "
                "the 2016-17 CSE/MFH Development day. The CSE self-assessment has been "
                "rewritten. The March 2017 CSE Strategic Group discussed the process "
                "for an annual update from agencies and an Annual Report was presented "
                "to the LSCB."
            ),
        ),
    ),
    (
        3,
        (
            "Evaluate the outcomes for those children who receive early help services, "
            "including those who experience step-down arrangements when child "
            "protection or child in need plans end."
        ),
        (
            (
                "Completed an audit of step down cases and the actions to address "
                "themes were completed."
            ),
            (
                "Maturity Matrix is complete. And the action plan was completed in "
                "October 2015 and was monitored through the Early Help subgroup, and "
                "was fully reviewed at the June 2016 Development Day."
            ),
            (
                "The LSCB has now implemented Early Help Panels in each of the six "
                "districts. They have full attendance from across the partnership, "
                "including social care – to ensure step ups and step downs are managed "
                "appropriately. This is a forum for “stuck” cases and is increasing "
                "confidence with Early Help across all professionals and practitioners."
            ),
        ),
    ),
    (
        4,
        (
            "Monitor the effectiveness of all partners in promoting the welfare of "
            "looked after children."
        ),
        (
            (
                "CLA strategy is in place and delivery is monitored through the "
                "strengthened Corporate Parenting Board is a standing item on the LSCB "
                "agenda. Full report on CLA presented to the LSCB in every 6 months "
                "including those children who are placed out of county."
            ),
            (
                "Performance for CLA reviews and CLA Health Assessments has been "
                "monitored through the Performance Management and Quality Assurance "
                "Group and this has improved significantly over the last 12 months, "
                "with the Independent Reviewing Service becoming increasingly "
                "effective."
            ),
            (
                "The LSCB has undertaken audits of CLA children with a specific focus "
                "on care leavers as parents as this was an issue that was highlighted "
                "in recent serious case reviews."
            ),
        ),
    ),
    (
        5,
        (
            "Ensure that the annual report contains a rigorous and transparent "
            "assessment of the performance and effectiveness of local services, "
            "identifies areas of weakness and the causes of those weaknesses, and "
            "evaluates and where necessary challenges the action being taken."
        ),
        (
            (
                "Annual Report contained all of the requirements in the Ofsted report. "
                "This Annual report builds on that."
            ),
            (
                "The 2014-15 and 2015-16 reports were presented to the LSCB Business "
                "Group and signed off by LSCB. They have been commended by the DfE "
                "Advisor and Chair of ChIB. They were also presented to PCC, HWB, "
                "County Council Chief Executive and the Leader in line with statutory "
                "requirements. Business Plan, SCR Action plans and self-assessments "
                "agreed."
            ),
        ),
    ),
    (
        6,
        (
            "Develop a range of training opportunities which reflect the Board's "
            "current priorities, including children who are missing and vulnerable to "
            "child sexual exploitation, domestic abuse and early help practice. "
            "Evaluate the effectiveness of this training, including through feedback "
            "and audit activity."
        ),
        (
            (
                "Training opportunities and the quality of face to face training have "
                "been a focus for the past 2 years for the LSCB. This Annual Report "
                "contains a comprehensive update of training, learning and evaluation. "
                "The figures for 2016-17 are impressive as can be seen in the table "
                "below:"
            ),
            (
                "E-Learning is also available and is well-received in terms of raising "
                "awareness."
            ),
            (
                "This year, the LSCB has developed an accreditation system for "
                "external training providers – this is ensuring that high-quality and "
                "relevant training courses that are delivered in a multi-agency "
                "setting – are on offer across the County. The first training courses "
                "are now available, with evaluation and quality assurance processes in "
                "place."
            ),
        ),
    ),
    (
        7,
        (
            "Monitor and evaluate the consistent use of local multi-agency procedures "
            "by all agencies, including the application of thresholds."
        ),
        (
            (
                "Procedure manual refreshed every six months by a multi-agency group. "
                "Tri-x – the provider of the software for the policies and procedures "
                "have been impressed with the Cumbria LSCB processes and engagement "
                "which is resulting in excellent buy-in from across the partnership."
            ),
            (
                "Policies and procedures subgroup members have attended the "
                "Practitioner Forums twice this year (12 Practitioner Forums in total) "
                "to raise the profile of the policies and use a policy to help to "
                "raise awareness, this includes using a case study and applying a "
                "particular policy, this is also benefitting the usability of the "
                "policy and in some cases has resulted in further awareness raising or "
                "amendments to the policy based on feedback from the practitioners."
            ),
            (
                "Google analytics available and being monitored by the Policy & "
                "Procedures Group for measuring/monitoring the use and impact of the "
                "Tri.x manual."
            ),
            (
                "57% of respondents in the 2017 Practitioner Survey had accessed the "
                "Tri-x manual, this is an increase of 10% from 2016. The most popular "
                "were Reporting Concerns and Child Sexual Exploitation. Further "
                "analysis of these responses will be done through the Communications, "
                "Participation & Engagement Subgroup of the LSCB to identify any ways "
                "to increase the number of professionals accessing the manual. The "
                "newsletter will continue to be utilised to further raise awareness "
                "and the Policy & Procedures Sub Group attend the Practitioner Forums "
                "twice a year. Pleasingly, 94% of those who had accessed the manual "
                "found the manual useful and it supported their practice. The findings "
                "from this question, including additional comments, will be shared "
                "with the Policy & Procedures Sub Group."
            ),
            (
                "69% of professionals have read and understood the revised "
                "multi-agency Thresholds Guidance. 78% of respondents from schools "
                "said that they had read and understood the guidance. 89% of "
                "respondents answered that they do know how to escalate concerns "
                "appropriately when they have intelligence that a child or young "
                "person is misusing substances, this would suggest people understand "
                "and apply the thresholds guidance. The Policy & Procedures Sub Group "
                "have written a procedure to support practitioners working with "
                "children and young people who misuse substances, this will be on the "
                "procedures manual from August 2017."
            ),
        ),
    ),
]

# Section 31, in the report's order.
GLOSSARY = [
    ("ABE", "Achieving Best Evidence"),
    ("CAMHS", "Children & Adolescent Mental Health Service"),
    ("CCG", "Clinical Commissioning Group"),
    ("CDOP", "Child Death Overview Panel"),
    ("ChIB", "Children's Improvement Board"),
    ("CHOC", "Cumbria Health on Call"),
    ("CiCC", "Children in Care Council"),
    ("CLA", "Children Looked After"),
    ("CP", "Child Protection"),
    ("CSAB", "Cumbria Safeguarding Adults Board"),
    ("CSE", "Child Sexual Exploitation"),
    ("CTB", "Cumbria Children's Trust Board"),
    ("CQC", "Care Quality Commission"),
    ("CYP", "Children and Young People"),
    ("DA", "Domestic Abuse"),
    ("DBS", "Disclosure and Barring Service"),
    ("DfE", "Department for Education"),
    ("EHA", "Early Help Assessment (Common Assessment Framework – CAF)"),
    ("FGM", "Female Genital Mutilation"),
    ("HWB", "Health and Well-being Board"),
    ("ICS", "Integrated Children's System"),
    ("JSNA", "Joint Strategic Needs Analysis"),
    ("LA", "Local Authority"),
    ("LADO", "Local Authority Designated Officer"),
    ("L&I", "Learning and Improvement"),
    ("LSCB", "Cumbria Local Safeguarding Children Board"),
    ("MARAC", "Multi Agency Risk Assessment Conference"),
    ("MFH", "Missing from Home"),
    ("NHSE", "National Health Service England"),
    ("PCC", "Police & Crime Commissioner"),
    ("PMQAG", "Performance Management & Quality Assurance Group"),
    ("PMQAF", "Performance Management & Quality Assurance Framework"),
    ("PPU", "Public Protection Unit"),
    ("PVP", "Protecting Vulnerable People"),
    ("QAG", "Quality Assurance Group"),
    ("RHI", "Return Home Interview"),
    ("SA", "Cumbria Strategic Assessment"),
    ("SARC", "Sexual Assault Referral Centre"),
    ("SCP", "Safer Cumbria Partnership"),
    ("SCR", "Serious Case Review"),
    ("ToR", "Terms of Reference"),
    ("WT", "Working Together 2015"),
    ("YOT", "Youth Offending Team"),
]

FORMAL_LINKS = (
    "In order to make formal links there are members of each Board that sit on the "
    "other Boards. These dual roles ensure that Children and Young People are at the "
    "forefront of decision making across all of these Boards.\n\n"
    'There are standing agenda items on all Boards to ensure "key messages" are '
    "shared across all meetings."
)

# (name, how it works with the LSCB: the report's bullets, one paragraph each)
STRATEGIC_LINKS = [
    (
        "Cumbria Health and Well-being Board",
        (
            "HWB is responsible for producing the Joint Strategic Needs Assessment "
            "(JSNA), which will identify and set the commissioning priorities for our "
            "vulnerable population.",
            "The Business Plans and Annual Reports from both Safeguarding Boards will "
            "be presented to the HWB.",
            "The HWB takes a lead in Cumbria for Suicide Prevention, which includes "
            "Suicide in Children",
            FORMAL_LINKS,
        ),
    ),
    (
        "Cumbria Children's Trust Board",
        (
            "CTB sets out the strategic priorities for children and young people in "
            "Cumbria and oversees the delivery of the Children and Young People's "
            "Plan.",
            "This will influence the priorities set by LSCB and their published "
            "levels of need.",
            "The LSCB has a role in influencing the priorities of the CTB.",
            "The LSCB Annual Report and Business Plan will be scrutinised and "
            "challenged by the CTB.",
            "The CTB takes a lead for Emotional Well-being and Mental Health of "
            "Children, Children with a Disability and Child Poverty.",
            FORMAL_LINKS,
        ),
    ),
    (
        "Cumbria Safeguarding Adults Board",
        (
            "The key accountability and responsibility for safeguarding lies with the "
            "two Safeguarding Boards (LSCB and CSAB);",
            "LSCB in relation to children and young people up to their 18th birthday",
            "CSAB in relation to safeguarding adults 18 years and over",
            "However the other bodies referenced in this document all have "
            "significant roles in safeguarding.",
            "The two Safeguarding Boards are independent of each other but need to "
            "ensure that they take a whole family approach to setting their "
            "priorities and reporting performance.",
            FORMAL_LINKS,
        ),
    ),
    (
        "Safer Cumbria Partnership",
        (
            "This partnership combines the work of the Domestic Violence Board, the "
            "Safer and Stronger Thematic Partnership and the Criminal Justice Board.",
            "The SCP is responsible for producing the annual Community Safety "
            "Agreement which is based on the findings of the Cumbria Strategic "
            "Assessment (SA) and the SA's from the four Community Safety "
            "Partnerships. Building on previous successes in crime reduction the "
            "focus remains firmly on Anti-Social Behaviour, Reducing Reoffending and "
            "addressing Domestic and Sexual Abuse/Violence.",
            "The key accountability and responsibility for Domestic Abuse (DA) rests "
            "with this group, and takes account of the impact on Children living "
            "with Domestic Abuse.",
            FORMAL_LINKS,
        ),
    ),
    (
        "Children's Improvement Board",
        (
            "Cumbria Children's Services is rated as inadequate, and as such the work "
            "to improve is overseen by the Children's Improvement Board (ChIB) which "
            "is chaired by the Local Authorities Department for Education appointed "
            "Advisor. The LSCB Independent Chair attends this Board and is held to "
            "account by this body. This is a temporary arrangement until services in "
            "Cumbria are judged to have improved sufficiently.",
        ),
    ),
]


@transaction.atomic
def load(board) -> None:
    """The budget, inspection, glossary and strategic links; safe to run again."""
    _load_budget(board)
    _load_inspection(board)
    for acronym, meaning in GLOSSARY:
        GlossaryTerm.objects.update_or_create(
            board=board, acronym=acronym, defaults={"meaning": meaning}
        )
    for name, paragraphs in STRATEGIC_LINKS:
        StrategicLink.objects.update_or_create(
            board=board,
            name=name,
            defaults={"relationship": "\n\n".join(paragraphs)},
        )


def _load_budget(board) -> None:
    assert sum(a for _, _, a in CONTRIBUTIONS_2016) == CONTRIBUTIONS_TOTAL_2016
    assert sum(a for _, a in SPEND_2016) == SPEND_TOTAL_2016
    for _, agency_name, amount in CONTRIBUTIONS_2016:
        Contribution.objects.update_or_create(
            board=board,
            year=BUDGET_YEAR,
            agency=Agency.objects.get(board=board, name=agency_name),
            defaults={"amount": Decimal(amount)},
        )
    for heading, amount in SPEND_2016:
        Spend.objects.update_or_create(
            board=board,
            year=BUDGET_YEAR,
            heading=heading,
            defaults={"amount": Decimal(amount)},
        )


def _load_inspection(board) -> None:
    inspection, _ = Inspection.objects.update_or_create(
        board=board,
        body=INSPECTION["body"],
        start_date=INSPECTION["start_date"],
        defaults={
            k: v for k, v in INSPECTION.items() if k not in ("body", "start_date")
        },
    )
    for area, judgement in SUB_JUDGEMENTS:
        SubJudgement.objects.update_or_create(
            inspection=inspection, area=area, defaults={"judgement": judgement}
        )
    for kind, text in FINDINGS:
        InspectionFinding.objects.get_or_create(
            inspection=inspection, kind=kind, text=text
        )
    for number, text, update in RECOMMENDATIONS:
        recommendation, _ = Recommendation.objects.update_or_create(
            inspection=inspection, number=number, defaults={"text": text}
        )
        RecommendationUpdate.objects.update_or_create(
            recommendation=recommendation,
            year=UPDATE_YEAR,
            defaults={"date": UPDATE_DATE, "text": "\n\n".join(update)},
        )
