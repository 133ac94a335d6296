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
# Terms of reference: the numbered responsibilities each group lists in the annual
# report 2016-17, section 11, in order and without their numbers.
# - Headings are mapped onto the names above ("Policy and Procedures", "Case Review
#   Group", "Performance Management/Quality Assurance", "Child Sexual Exploitation
#   (CSE)/Missing From Home (MFH)" and so on).
# - The Business Group's section describes the group but has no numbered list, and
#   the section does not cover the Suicide and Self Harm Group, the Quality
#   Assurance Groups or the Practitioner Forums: none of these has an entry.
# - Sub-bullets are appended to the responsibility above them, after a colon and
#   separated by semicolons (Health 3; Neglect 1-3). Neglect 3's last sub-bullet is
#   the "Voice of the Child" responsibility the other groups number separately; it
#   stays where the seed puts it.
# - Cleaned: curly quotes and apostrophes as ASCII; in Neglect 1c the stray ";"
#   after "shared audit" is dropped and the bracket closed ("(Performance Group
#   (PMQA lead))"); in Neglect 3c "Practitioner For a" is "Practitioner Fora" and
#   the unopened bracket before "Communications and Engagement lead" is opened.
#   Trailing full stops are kept where the seed has them.
TERMS_OF_REFERENCE = {
    "Policy and Procedures Subgroup": [
        (
            "Revision of Policies in Line with Working Together 2015 reporting of "
            'major revisions and points of "tension" or disagreement to the Board'
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Communications, Engagement and Participation Subgroup": [
        "Raise the profile of the LSCB in Cumbria with key stakeholders and the public",
        (
            "To provide timely and relevant information about the work of the LSCB to "
            "key stakeholders"
        ),
        (
            "Provide engagement opportunities for effective communication with, and "
            "between, stakeholders"
        ),
        (
            "Create opportunities for children and young people to influence and "
            "inform the work of the LSCB and its decision making structures"
        ),
        (
            "To communicate key messages across the LSCB to influence and improve best "
            "practice and to ensure consistency"
        ),
    ],
    "Case Review Subgroup": [
        (
            "Examine individual cases referred to the LSCB and decide if they meet the "
            "criteria for Serious Case Review (SCR) and make recommendations to the "
            "Chair of the LSCB"
        ),
        "Commission and contribute to such SCR",
        "Oversee Cumbria's contribution to the SCR held in other LSCBs.",
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Child Death Overview Panel": [
        (
            "Critically examine all child deaths and ensure that significant cases are "
            "identified and the LSCB is able to take forward learning"
        ),
        "Publish an Annual Report of themes and learning from child deaths.",
        "Collate and oversee the national returns",
        (
            "Ensure full analysis of all Child Deaths to ensure learning from these "
            "cases is captured and absorbed"
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Learning and Improvement Subgroup": [
        (
            "To develop and review a multi-agency learning and development programme "
            "within the context of local and national policies, research and practice "
            "developments"
        ),
        (
            "To ensure standards are set for single agency basic training/learning and "
            "evaluate and review single agency provision"
        ),
        (
            "To commission the design, planning, organisation and implementation of "
            "the training/learning programme based on LSCB priorities, learning from "
            "SCRs and reviews of child deaths"
        ),
        (
            "Monitor and evaluate the quality and effectiveness of the LSCB learning "
            "programme"
        ),
        "Support, develop and monitor the LSCB trainers pool",
        (
            "To ensure oversight and information about individual agency training that "
            "links to the LSCB priorities and to consider which could be accessed by "
            "partner agencies."
        ),
        (
            "To ensure that the learning from serious case reviews is communicated in "
            "single and multi-agency training."
        ),
        (
            "To ensure that individual agencies focus on how staff in their "
            "organisations are achieving and maintaining their competencies in "
            "safeguarding using a range of learning opportunities"
        ),
    ],
    "Performance Management and Quality Assurance Subgroup": [
        (
            "Collect, collate and analyse multi-agency performance data and report "
            "exceptions and areas of concern to the Board"
        ),
        (
            "Commission and analyse Section 11 Audits to ensure that agencies and "
            "organisations are operating in safe arrangements"
        ),
        (
            "Oversee and collate the findings from the LSCB staff Surveys – "
            "identifying areas of learning to incorporate into communications, "
            "learning and policies"
        ),
        (
            "Alongside the Board commission multi-agency Quality Assurance audits "
            "around areas of particular interest or concern"
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
        (
            "Ensure data sets are fit for purpose and reviewed regularly to ensure "
            "they meet the LSCB priorities and outcomes are evidenced."
        ),
    ],
    "Education Subgroup": [
        (
            "Provide advice, information and support for schools, Education services "
            "Colleges, Work Based Learning providers and other educational "
            "establishments"
        ),
        (
            "Monitor the safeguarding arrangements for Children in Our Care and "
            "Children that are home schooled"
        ),
        (
            "Ensure appropriate lines of communication and contributing to "
            "establishment based work relating to policy, practices, curriculum, "
            "recruitment and selection of staff, materials and resources"
        ),
        (
            "Monitor Governing Body responsibilities and involvement in safeguarding "
            "arrangements"
        ),
        "To identify and disseminate good practice",
        "To support the work of designated persons in educational establishments.",
        (
            "Collation of training figures and other key data to feed into the "
            "Learning and Improvement Sub Group and/or other Sub Groups as appropriate"
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Health Subgroup": [
        (
            "Delivery against the shared objectives of the multi-agency safeguarding "
            "arrangements outlined by the LSCB"
        ),
        (
            "Ensure the delivery of the agreed priorities that form the programme of "
            "work for the health economy including setting targets, looking at "
            "outcomes and monitoring performance including reporting to the Cumbria "
            "Local Safeguarding Children's Board"
        ),
        (
            "Ensure the effectiveness and resilience of the NHS Safeguarding system, "
            "through: Monitoring training adherence; Ensuring that lessons from "
            "incidents and case reviews are learnt and implemented; Facilitating joint "
            "audit activities; Ensuring mutual support at times of stress (vacancies "
            "etc.); Learning from all relevant audits including section 11; Identify "
            "key safeguarding issues for executive action relevant to the Health "
            "Safeguarding Executive Group and the LSCB"
        ),
        (
            "Lead on health aspects of inspection reviews; ensure inspection readiness "
            "(including self-assessment) across the health economy"
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Safeguarding Hub Programme Board": [
        (
            "Set the strategic vision, operation model, deliverables and direction for "
            "the Safeguarding Hub."
        ),
        (
            "Manage peer reviewing of single parts of the system to ensure 'whole "
            "system approach'"
        ),
        "Use national guidelines, best practice while developing the service.",
    ],
    "Early Help Subgroup": [
        (
            "Oversee the work required to embed an integrated multi agency approach "
            "for all partners working with children and families which focuses on "
            "early identification and early support and is based on the needs of the "
            "child in order to prevent escalation of need."
        ),
        (
            "Coordinate the work of statutory partners in helping, protecting and "
            "caring for children in our local area and that there are mechanisms in "
            "place to monitor the effectiveness of those local arrangements."
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "CSE/MFH Subgroup": [
        (
            "Identify and monitor performance data in relevant areas, making "
            "intelligent use of performance"
        ),
        (
            "Monitor the effectiveness of multi-agency working, including monitoring "
            "practices of agencies to ensure procedures are followed"
        ),
        (
            "Establish and maintain effective links with other strategic and service "
            "plans to prevent duplication"
        ),
        (
            "Identify relevant partnerships tackling associated issues and where there "
            "are gaps in provision in order to inform commissioning of services"
        ),
        (
            "Provide the LSCB with all information necessary for them to provide the "
            "annual report on the work of the child sexual exploitation sub group "
            "including information on how the work of this group has directly impacted "
            "on children"
        ),
        (
            "Establish and maintain links with the North West lead on child sexual "
            "exploitation"
        ),
        (
            "Identify creative ways to bring the Voice of the Child into the work of "
            "the sub-group and the wider Board"
        ),
    ],
    "Neglect Task and Finish Group": [
        (
            "Develop a Shared understanding: Raising awareness of strategy and "
            "guidance (Practitioner Forums, newsletter, conference etc.) "
            "(Communications and Engagement lead); Learning and Improvement Workshops "
            "(Learning and Development lead); Use of data/indicators and shared audit "
            "(Performance Group (PMQA lead))"
        ),
        (
            "Develop shared assessment: Use of tools (Neglect Practice Guidance); "
            "Assessment of disguised compliance/non-compliance (Policy and "
            "Procedures/learning and Development leads)"
        ),
        (
            "Develop shared way of working: Use of tools (Neglect Practice Guidance); "
            "Learning and Improvement Workshops (Learning and Development lead); "
            "Sharing good practice (Practitioner Fora/LSCB newsletter) (Communications "
            "and Engagement lead); Identify creative ways to bring the Voice of the "
            "Child into the work of the sub-group and the wider Board"
        ),
    ],
    "Domestic Abuse Task and Finish Group": [
        "Maintain a strategic overview of performance issues across the county.",
        "Provide analysis and challenge performance across the county.",
        (
            "Report highlights and exception to the LSCB business group and the Safer "
            "Cumbria DA Ops Group."
        ),
        (
            "Monitor the effectiveness of multi-agency working, including monitoring "
            "practices of agencies to ensure procedures are followed."
        ),
        (
            "Coordinate the work of statutory partners in helping, protecting and "
            "caring for children in our local area and that there are mechanisms in "
            "place to monitor the effectiveness of those local arrangements."
        ),
        (
            "Provide the LSCB with all the information necessary for them to provide "
            "an annual report on the work of the Domestic Abuse sub group including "
            "information on how the work of this group has directly impacted on "
            "children."
        ),
    ],
}
# Purpose: the group's own description in the annual report 2016-17, section 11.
# Only four sections have one. The Business Group's section opens with its
# membership (its chair is the Chair of the LSCB), so the two sentences after it
# are used; the Education subgroup's paragraph gives only its chairs and
# membership, so it has no entry. The Domestic Abuse group's paragraph records
# that in 2017 it became a subgroup renamed "Children and Young People's Domestic
# Abuse Sub Group"; the name above is kept.
SUBGROUP_PURPOSE = {
    "Business Group": (
        "The Business Group links the work of all the subgroups to ensure momentum and "
        "delivery of the work programmes – providing mutual support covering the "
        "operational processes and coordinates the work of sub-groups to deliver the "
        "Business Plan. The group also oversees the development of the "
        "Self-Assessment, Annual Report and the delivery of the actions associated "
        "with any Serious Case Reviews."
    ),
    "Communications, Engagement and Participation Subgroup": (
        "The Communications, Engagement and Participation group provides a cohesive "
        "voice for the partnership. It exists to provide the support, guidance, "
        "planning and delivery of communications and engagement activity for the LSCB "
        "sub groups and their stakeholders."
    ),
    "Safeguarding Hub Programme Board": (
        "The Safeguarding Hub Programme Board has the leading role in the development "
        "and performance of the Multi-agency Safeguarding Hub."
    ),
    "Domestic Abuse Task and Finish Group": (
        "As Domestic abuse remains a key priority for the LSCB, in 2017 it was agreed "
        "that the task group become a sub group of the LSCB and was renamed the "
        "Children and Young People's Domestic Abuse Sub Group. The group will work "
        "with the CLSCB and the Safer Cumbria Partnership to set the strategic "
        "direction for Domestic Abuse, with specific attention to the needs of "
        "children and young people in Cumbria living with, witnessing, or being "
        "perpetrators of Domestic Abuse to ensure that they are safeguarded."
    ),
}
# Chairs' agencies (names as in boards.demo.data.AGENCIES), as the annual report
# 2016-17 states them:
# - Education: "chaired by a Primary Head teacher" (section 11).
# - CSE/MFH: "chaired by the Local Authority Lead Senior Manager for CSE" (section
#   15); the county council's entry in AGENCIES is its Children's Services.
# - Quality Assurance Groups: "North & Eden: Police; South: Children's Services;
#   West: NCUHT" (section 13).
# The Business Group is chaired by the Chair of the LSCB (the Independent Chair,
# no agency); no other group's chair is stated.
SUBGROUP_CHAIRS = {
    "Education Subgroup": "Primary Head teachers Association",
    "CSE/MFH Subgroup": "Cumbria County Council, Children's Services",
    "Quality Assurance Group North": "Cumbria Constabulary",
    "Quality Assurance Group West": "North Cumbria University Hospitals",
    "Quality Assurance Group South": "Cumbria County Council, Children's Services",
}
# The chairs' names: invented and plainly fictitious, like boards.demo.data.NAMES
# (the report names no chair).
CHAIR_NAMES = {
    "Education Subgroup": "Terry Example-Nash",
    "CSE/MFH Subgroup": "Ali Demo-Carver",
    "Quality Assurance Group North": "Mel Sample-Gore",
    "Quality Assurance Group West": "Nico Example-Shaw",
    "Quality Assurance Group South": "Ash Demo-Bell",
}
# The Reporting Planner, the last pages of the business plan 2014-17. The PDF text
# scrambles the table's columns; rows were rebuilt from the order of the cells in
# each column. One dict per destination (and per frequency, where a row has two).
# "subgroup" is the group the "Subgroup activity" column names; "as_written" is the
# "When reported" cell (the part that applies to that dict).
# Judgement calls:
# - "Serious Case Review" covers two rows. "Bi-monthly to LSCB" is read as the Case
#   Review Group's report on its work; the four "Update to ... as a standing
#   (agenda) item" lines as the SCR action plan updates. No producer is named for
#   the action plan updates: the Case Review Subgroup, whose row it is, is used.
#   The updates also go as standing items to the L&I group, the Policy and
#   Procedures Group and the Communications and Engagement Group; there is no
#   destination for a subgroup, so only the board's is kept.
# - Practice reviews have no "When" cell of their own: their activity cell ("managed
#   through the Business Planning Group - exceptions reported the LSCB") is kept as
#   as_written, the Business Group as producer, every meeting of the board.
# - S.11 Audit: "Rolling annual programme ... over 3 year cycle" -> rolling.
# - Single Agency Data: the activity cell "PMQA as agenda items" is read as a
#   standing item at PMQAG (every_meeting), beside the "standing item" at the LSCB.
#   The producer is "single agency", as the "When" cell says.
# - Multi Agency Audits: "Reported to PMQA from each QAG" has no frequency; read as
#   each QAG's standing report to PMQAG (every_meeting), one dict per QAG. The
#   "Exceptions reported to the LSCB" (no frequency) are folded into the annual
#   July report to the board, produced by PMQAG (it commissions and monitors them).
# - LSCB Business Plan and Risk Log is split into its two reports; the Risk Log is
#   "available to every LSCB subgroup and Board Meeting" -> every_meeting (board).
# - Indicators: the activity cell's quarterly scorecard to the PMQA (producer
#   "Agencies": the reports give "action being taken by the Agency"); "3 monthly
#   progress and annual report to LSCB" -> quarterly and annually; "Annual report to
#   Children's Trust and Health and Wellbeing Board" -> one dict per board.
# - Other subgroups reports: one dict, producer "All subgroups", every meeting.
# - "kind" is ours, not the seed's: what the meeting pack prints for the report.
# - Annual reports without a month in the seed (Indicators to the LSCB, the
#   Children's Trust Board and the Health and Wellbeing Board; the CDOP's full
#   report) have month None: only the multi-agency audit report names one (July).
REPORTING_PLANNER = [
    {
        "what": "Serious Case Review: Case Review Group report on work of the group",
        "kind": "other",
        "subgroup": "Case Review Subgroup",
        "producer": "",
        "tells": (
            "To assure the LSCB that cases are appropriately dealt with – SCR, "
            "Practice Review etc."
        ),
        "frequency": "bi_monthly",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "Bi-monthly to LSCB",
    },
    {
        "what": "Serious Case Review: SCR action plan updates",
        "kind": "review_action_plans",
        "subgroup": "Case Review Subgroup",
        "producer": "",
        "tells": (
            "That recommendations arising from the lessons learned from Serious Case "
            "Reviews are implemented and positively impact on the improvement of "
            "safeguarding and promoting the welfare of children"
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "Update to LSCB as a standing agenda item",
    },
    {
        "what": "Practice reviews",
        "kind": "review_action_plans",
        "subgroup": "Business Group",
        "producer": "",
        "tells": (
            "To assure the Board that recommendations arising from the lessons learned "
            "from practice reviews are implemented and impact on the improvement of "
            "safeguarding of children"
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Actions from practice reviews are managed through the Business Planning "
            "Group – exceptions reported the LSCB."
        ),
    },
    {
        "what": "S.11 Audit",
        "kind": "section_11",
        "subgroup": "Policy and Procedures Subgroup",
        "producer": "",
        "tells": (
            "To assure the Board that partner agencies are fulfilling their "
            "safeguarding children duties under Section 11 of the Children Act 2004"
        ),
        "frequency": "rolling",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Rolling annual programme of reports on Action Plans to LSCB by partner "
            "agencies over 3 year cycle"
        ),
    },
    {
        "what": "Single Agency Data",
        "kind": "other",
        "subgroup": None,
        "producer": "Single agency",
        "tells": (
            "To assure the Board that members are monitoring their own Safeguarding "
            "practice effectively, this function provides independent scrutiny of "
            "targets and performance."
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "pmqag",
        "destination_other": "",
        "as_written": "PMQA as agenda items",
    },
    {
        "what": "Single Agency Data",
        "kind": "other",
        "subgroup": None,
        "producer": "Single agency",
        "tells": (
            "To assure the Board that members are monitoring their own Safeguarding "
            "practice effectively, this function provides independent scrutiny of "
            "targets and performance."
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Reports to LSCB by single agency as standing item and as and when "
            "requested"
        ),
    },
    {
        "what": "Multi Agency Audits",
        "kind": "multi_agency_audits",
        "subgroup": "Quality Assurance Group North",
        "producer": "",
        "tells": (
            "To assure the Board that key multi-agency child protection systems are "
            "functioning safely."
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "pmqag",
        "destination_other": "",
        "as_written": "Reported to PMQA from each QAG.",
    },
    {
        "what": "Multi Agency Audits",
        "kind": "multi_agency_audits",
        "subgroup": "Quality Assurance Group West",
        "producer": "",
        "tells": (
            "To assure the Board that key multi-agency child protection systems are "
            "functioning safely."
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "pmqag",
        "destination_other": "",
        "as_written": "Reported to PMQA from each QAG.",
    },
    {
        "what": "Multi Agency Audits",
        "kind": "multi_agency_audits",
        "subgroup": "Quality Assurance Group South",
        "producer": "",
        "tells": (
            "To assure the Board that key multi-agency child protection systems are "
            "functioning safely."
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "pmqag",
        "destination_other": "",
        "as_written": "Reported to PMQA from each QAG.",
    },
    {
        "what": "Multi Agency Audits",
        "kind": "multi_agency_audits",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To assure the Board that key multi-agency child protection systems are "
            "functioning safely."
        ),
        "frequency": "annually",
        "month": 7,
        "destination": "board",
        "destination_other": "",
        "as_written": "Exceptions reported to the LSCB. Annual report to LSCB (July).",
    },
    {
        "what": "LSCB Business Plan",
        "kind": "business_plan",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To update the Board regarding progress towards the delivery of the LSCB "
            "Business Plan actions."
        ),
        "frequency": "quarterly",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Quarterly monitoring report of Business Plan – on exceptions and "
            "highlights basis."
        ),
    },
    {
        "what": "LSCB Risk Log",
        "kind": "risk_log",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To raise issues with the Board at the earliest opportunity so that the "
            "Board can challenge and hold partners to account"
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Risk Log to be available to every LSCB subgroup and Board Meeting."
        ),
    },
    {
        "what": "Indicators",
        "kind": "indicators",
        "subgroup": None,
        "producer": "Agencies",
        "tells": (
            "To update the board quarterly, on areas of performance which the Board "
            "has identified as priorities for the year. Reports to the PMQA will "
            "identify any performance area which might be of concern to the Board, "
            "together with action being taken by the Agency."
        ),
        "frequency": "quarterly",
        "month": None,
        "destination": "pmqag",
        "destination_other": "",
        "as_written": (
            "Quarterly report through scorecard and indicator set to the PMQA"
        ),
    },
    {
        "what": "Indicators",
        "kind": "indicators",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To update the board quarterly, on areas of performance which the Board "
            "has identified as priorities for the year. Reports to the PMQA will "
            "identify any performance area which might be of concern to the Board, "
            "together with action being taken by the Agency."
        ),
        "frequency": "quarterly",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "3 monthly progress and annual report to LSCB.",
    },
    {
        "what": "Indicators",
        "kind": "indicators",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To update the board quarterly, on areas of performance which the Board "
            "has identified as priorities for the year. Reports to the PMQA will "
            "identify any performance area which might be of concern to the Board, "
            "together with action being taken by the Agency."
        ),
        "frequency": "annually",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "3 monthly progress and annual report to LSCB.",
    },
    {
        "what": "Indicators",
        "kind": "indicators",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To update the board quarterly, on areas of performance which the Board "
            "has identified as priorities for the year. Reports to the PMQA will "
            "identify any performance area which might be of concern to the Board, "
            "together with action being taken by the Agency."
        ),
        "frequency": "annually",
        "month": None,
        "destination": "other_board",
        "destination_other": "Children's Trust Board",
        "as_written": (
            "Annual report to Children's Trust and Health and Wellbeing Board."
        ),
    },
    {
        "what": "Indicators",
        "kind": "indicators",
        "subgroup": "Performance Management and Quality Assurance Subgroup",
        "producer": "",
        "tells": (
            "To update the board quarterly, on areas of performance which the Board "
            "has identified as priorities for the year. Reports to the PMQA will "
            "identify any performance area which might be of concern to the Board, "
            "together with action being taken by the Agency."
        ),
        "frequency": "annually",
        "month": None,
        "destination": "other_board",
        "destination_other": "Health and Wellbeing Board",
        "as_written": (
            "Annual report to Children's Trust and Health and Wellbeing Board."
        ),
    },
    {
        "what": "Other subgroups reports",
        "kind": "subgroup_return",
        "subgroup": None,
        "producer": "All subgroups",
        "tells": (
            "To assure the Board on areas of particular concern identified by the "
            "Board from activity within the subgroups"
        ),
        "frequency": "every_meeting",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": (
            "Progress reported at each LSCB meeting to drive forward planning"
        ),
    },
    {
        "what": "Child Death Review Data",
        "kind": "child_deaths",
        "subgroup": "Child Death Overview Panel",
        "producer": "",
        "tells": (
            "To regularly update the Board on numbers of preventable deaths of "
            "children and identify recommendations for action to reduce the number of "
            "preventable deaths"
        ),
        "frequency": "annually",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "Annual full report to LSCB.",
    },
    {
        "what": "Child Death Review Data",
        "kind": "child_deaths",
        "subgroup": "Child Death Overview Panel",
        "producer": "",
        "tells": (
            "To regularly update the Board on numbers of preventable deaths of "
            "children and identify recommendations for action to reduce the number of "
            "preventable deaths"
        ),
        "frequency": "bi_monthly",
        "month": None,
        "destination": "board",
        "destination_other": "",
        "as_written": "Bi-monthly updates via CDOP sub group report to LSCB",
    },
]

# ---------------------------------------------------------------------------
# Submitted 2016-17 returns: their highlights and exceptions, from what the annual
# report 2016-17 says of each group's year (section 11, and the work section 12
# and section 23 credit to a group). {(group, quarter): (highlights, exceptions)}.
# The quarter is the one the report dates the work to (September 2016 is Q2,
# October to December Q3, January to March Q4). The Learning and Improvement
# Subgroup's Q4 return is the demo chair's draft (see __init__.py): not here.
# ---------------------------------------------------------------------------
RETURNS_2016_17 = {
    ("Early Help Subgroup", "2016-17 Q2"): (
        "Commissioned a data cleansing exercise with partners to ensure that Early "
        "Help Assessments are closed and that reasons for closure are detailed.",
        "Early Help Assessments were not being closed appropriately: in September "
        "2016, 180 were initiated and 61 closed, and only 45% were closed because "
        "of a satisfactory outcome being achieved.",
    ),
    ("CSE/MFH Subgroup", "2016-17 Q3"): (
        "A new CSE/MFH scorecard has been in place since October 2016; with a "
        "revised CSE self-assessment it provides improved oversight of CSE within "
        "Cumbria. A Task and Finish group was established in late 2016 for the "
        "dedicated work needed on MFH, especially Return Home Interviews.",
        "",
    ),
    ("Education Subgroup", "2016-17 Q3"): (
        "The Forum for Independent Schools and Children's Homes now reports "
        "through this subgroup. The subgroup has taken a particular interest in "
        "Private Fostering this year, promoted through all links into education "
        "settings.",
        "",
    ),
    ("CSE/MFH Subgroup", "2016-17 Q4"): (
        "A 12 month fixed term MFH Coordinator post was recruited to in February "
        "2017. Through the CSE Oversight Group there has been some successful work "
        "to identify 'hot spots' and repeat perpetrators, and appropriate action "
        "has been taken where necessary.",
        "Return Home Interviews within the 72 hour timescale: 29.5% for the full "
        "year 2016-17 (46.5% the year before), with 1138 MFH episodes.",
    ),
    ("Performance Management and Quality Assurance Subgroup", "2016-17 Q4"): (
        "Undertook a piece of work with Children's Services on the rise in child "
        "protection numbers, developing and testing out hypotheses via data "
        "analysis and a case file audit; its findings and recommendations are an "
        "action plan now being delivered. Re-referrals remain within target.",
        "Children subject of a child protection plan have risen from 325 to 525 "
        "in the two years April 2015 to March 2017: a rate of 56.6 per 10,000 "
        "against a target of 40.0.",
    ),
    ("Domestic Abuse Task and Finish Group", "2016-17 Q4"): (
        "As domestic abuse remains a key priority for the LSCB, it was agreed that "
        "the task group become a sub group of the LSCB, renamed the Children and "
        "Young People's Domestic Abuse Sub Group.",
        "",
    ),
}

# ---------------------------------------------------------------------------
# How many times a group meets in a quarter, where the annual report 2016-17 says
# how often it meets: "The Cumbrian Child Death Overview Panel (CDOP) meets
# bimonthly" (section 27) -> 2 a quarter. The demo's submitted 2016-17 returns of
# these groups record it as their meetings held (the governance section adds
# them up). The report gives no frequency for any other group: the single PMQAG
# meeting it dates (28 March 2017) is one meeting, not the quarter's count, and
# the quarterly meetings of FISCH (reporting through the Education Subgroup) are
# the forum's, not the subgroup's. Their returns leave meetings held blank.
# ---------------------------------------------------------------------------
MEETINGS_PER_QUARTER = {"Child Death Overview Panel": 2}
