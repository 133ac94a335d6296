"""Business plan 2016-19 as the annual report 2016-17 (section 28) gives it at
April 2017."""

PLAN = {"title": "Business Plan 2016-19", "first_year": 2016, "last_year": 2019}

THEMES = [
    (1, "Leadership and Governance"),
    (2, "Quality Assurance and Performance Management"),
    (3, "Early Help"),
    (4, "Developing the workforce"),
    (5, "Learning from Case Reviews"),
    (6, "Learning from Child Deaths"),
    (7, "Child Sexual Exploitation and Missing from Home"),
    (8, "Emotional Health and Wellbeing of Children"),
    (9, "Domestic Abuse"),
]

# Transcription notes (seed 004, section 28, lines 1863-1966):
# - The table repeats its header row at every page break; those rows are dropped.
#   No data row is repeated across a page break.
# - 1.13 runs over a page break: the next page starts with a row that has no ref,
#   no When, no update and no RAG, holding only the tails of three cells ("year –
#   LSCB Business Group to monitor", "Subgroup", "influence"). It is merged into
#   1.13's Action, Who and outcome cells, not kept as an action.
# - Two different actions are both numbered 3.2 in the seed (the Early Help and
#   Attendance Plans learning resource, and the Section 11/staff survey questions
#   on thresholds). The first keeps "3.2"; the second is given "3.2b".
# - The row under 7.2 has no ref and no Who, but its own action text ("Develop an
#   action plan based on the findings of the CSE Self-Assessment ..."), its own
#   When (Jul-17), its own update and its own RAG (G), so it is a separate action,
#   given "7.2b". Its blank Who (like its blank outcome) is read as a cell shared
#   with 7.2, so it is owned by the CSE/MFH Subgroup, as 7.2 is.
# - No ref is missing from any theme's numbering. 4.5's Who says "(linked to 5.5)"
#   but the section has no 5.5 (the linked action is 5.4, whose Who says "(linked
#   to 4.5)"); both are kept as written in owner_role.
# - 3.3 has a blank When in the seed; it is kept as "".
# - A blank outcome cell repeats the previous action's outcome within the theme
#   (1.2-1.5, 1.7, 1.11, 1.15, 1.21, 4.5, 5.4, 7.2b, 9.3, 9.4).
# - source is set where the action text says where it came from: 1.9, 1.15, 5.1
#   and 5.4 cite the LSCB Peer Review; all four get "LSCB Peer Review Report",
#   though 1.15 and 5.4 leave "Report" off.
# - "agencies" (owning agencies, names as in boards.demo.data.AGENCIES) is set where
#   the action text names the agencies that do the work: 1.17 (progress reported
#   by Children's Services, Cumbria Partnership Foundation Trust and the Police)
#   and 1.18 (Cumbria Children's Services' move to Signs of Safety). The Who
#   column names no agency.
#   No action text cites an Ofsted recommendation.
# - Curly apostrophes and quotes are written as ASCII ' and "; HTML is removed,
#   with paragraphs and bulleted items on lines of their own.
ACTIONS = [
    {
        "theme": 1,
        "ref": "1.1",
        "text": (
            "Implement a programme to review the learning and development needs of "
            "LSCB members and systematically address these through annual appraisal"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "Jul-17",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 1,
        "ref": "1.2",
        "text": (
            "Conduct a programme of one to one discussions between members of the LSCB "
            "and the Chair to ensure they are supported and are taking appropriate "
            "actions in their role on the LSCB"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "Mar-17",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
        "update": "1:1 meetings booked in for April/May 2017",
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.3",
        "text": (
            "Review all of the Terms of Reference for all of the subgroups – based on "
            "this plan and the day-to-day operational requirements of the LSCB – "
            "include roles and responsibilities for the Subgroup Chair"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Nov-16",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
        "update": "Complete",
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.4",
        "text": (
            "Refresh the LSCB Members Handbook – and develop a contract for LSCB "
            "Members to sign up to."
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Jan-17",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
        "update": (
            "This has been completed - and will be presented to the LSCB in May 2017 - "
            "for sign off."
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.5",
        "text": "All LSCB Members to sign up to the LSCB Members Handbook",
        "subgroups": [],
        "owner_role": "LSCB Chair and all LSCB Members",
        "when": "Mar-17",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
        "update": (
            "This has been completed - and will be presented to the LSCB in May - for "
            "sign off."
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.6",
        "text": (
            "Hold 2 six-monthly development sessions in order to ensure that members "
            "are working together to scrutinise and challenge local arrangements for "
            "safeguarding children (consider links to HWB and CTB)"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Jul-17",
        "outcome": (
            "The Board is effective at challenging and scrutinising to protect and "
            "promote the welfare of Children"
        ),
        "source": "",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 1,
        "ref": "1.7",
        "text": (
            "Review all of the work plans for all of the subgroups – based on this "
            "plan and the day-to-day operational requirements of the LSCB"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Nov-16",
        "outcome": (
            "The Board is effective at challenging and scrutinising to protect and "
            "promote the welfare of Children"
        ),
        "source": "",
        "update": "Complete",
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.8",
        "text": (
            "Hold at least one development day for each LSCB Subgroup to review their "
            "work plan, TOR and national policy."
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Jul-17",
        "outcome": (
            "The LSCB is well-placed to continually improve and the work of the "
            "subgroups is suitably aligned"
        ),
        "source": "",
        "update": (
            "Development days are planned in for some subgroups - other will be "
            "scheduled in the coming months"
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.9",
        "text": (
            "The LSCB will continue doing all the things it is doing well at the "
            "moment: in particular the effective partnership work and strong strategic "
            "planning (from LSCB Peer Review Report).\n"
            "• Final updates of Business Plan actions, SCR action Plans and "
            "self-assessments (LSCB and CSE) to be agreed by LSCB Business Group\n"
            "• Annual Report to be presented to the LSCB Business Group 17 August "
            "September 2016 with final sign-off by the LSCB in September."
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Sep-16",
        "outcome": (
            "The LSCB is able to demonstrate a rigorous and transparent assessment of "
            "the performance and effectiveness of local services to safeguarding and "
            "promote the welfare of children"
        ),
        "source": "LSCB Peer Review Report",
        "update": "Complete",
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.10",
        "text": (
            "The LSCB will conduct a thematic review of the CLA cohort of girls with a "
            "specific focus on: a) preventing teenage pregnancy and b) where girls do "
            "become pregnant developing and adapting new ways of working which would "
            "include consideration of therapeutic interventions, family fostering "
            "arrangements, and highly personalised gender specific and tailored "
            "support packages for mothers who have been looked after and/or "
            "experienced neglect, trauma and abuse. The results of the review will "
            "show how need, risk and parenting capacity is assessed and responded to "
            "appropriately for this most vulnerable group - so that service gaps can "
            'be identified and support tailored more specifically to "themes of need"'
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Jan-17",
        "outcome": "Children Looked After are appropriately safeguarded",
        "source": "",
        "update": "Review underway and will be presented to the LSCB in due course.",
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.11",
        "text": (
            "The LSCB will complete an audit of 3 families with a similar profile to "
            "Child N's family to see how parenting capacity is being assessed and "
            "responded to. The LSCB will ensure that single agency activity continues "
            "to be implemented."
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Oct-16",
        "outcome": "Children Looked After are appropriately safeguarded",
        "source": "",
        "update": (
            "3 families with similar profile to Child N's have been identified and "
            "audit has been undertaken with the report presented to the March PMQAG "
            "(timeframe slipped due to other auditing priorities). Report and "
            "recommendations included in May's Business Group Report to the Boards"
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.12",
        "text": (
            "Monitor the quality of work delivered in relation to children with "
            "disabilities by ensuring all multi-agency audit activity includes audit "
            "of cases of children with disabilities regardless of the theme of the "
            "audit, as appropriate, and undertaking a multi-agency themed children "
            "with disabilities audit"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Apr-17",
        "outcome": "Children with a disability are appropriately safeguarded",
        "source": "",
        "update": (
            "This audit has been completed, and the final report was presented to the "
            "PMQAG in March 2017 and reported to Business Group April 2017."
        ),
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.13",
        "text": (
            "Develop a new LSCB Communication, Engagement and Participation plan and "
            "deliver throughout the year – LSCB Business Group to monitor"
        ),
        "subgroups": ["Communications, Engagement and Participation Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": "Improved LSCB visibility and influence",
        "source": "",
        "update": "Plan has been developed. Implementation is ongoing",
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.14",
        "text": (
            "Use established audit tool to undertake an annual internal review of the "
            "Board or have a peer review"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Jul-17",
        "outcome": "The Board is assured of its own effectiveness",
        "source": "",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 1,
        "ref": "1.15",
        "text": (
            "Once the government's review is complete and guidance is being made "
            "available The Board should consider holding an away day with an external "
            "facilitator to reflect on the next stage of development (from LSCB Peer "
            "Review)"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": "The Board is assured of its own effectiveness",
        "source": "LSCB Peer Review Report",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 1,
        "ref": "1.16",
        "text": (
            "Implement the revised LSCB Neglect Strategy to ensure a shared "
            "understanding and consistent application of thresholds for neglect across "
            "the partnership. Monitor the effectiveness of the work undertaken"
        ),
        "subgroups": ["Neglect Task and Finish Group"],
        "owner_role": "",
        "when": "Nov 2016 ongoing",
        "outcome": "Timely and effective interventions to tackle neglect",
        "source": "",
        "update": (
            "Neglect Strategy was launched at the SCR conference in January 2017. "
            "Monitoring will be ongoing through the Business Group."
        ),
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.17",
        "text": (
            "The LSCB to continue to monitor the delivery of improvements for Social "
            "Care, Health and Police services for children and young people in Cumbria "
            "through robust and timely reporting to the Board of progress by "
            "Children's Services, Cumbria Partnership Foundation Trust, and the Police "
            "in response to their relevant inspections (Ofsted, CQC and HMIC)"
        ),
        "subgroups": ["Business Group"],
        "agencies": [
            "Cumbria County Council, Children's Services",
            "Cumbria Partnership NHS Foundation Trust",
            "Cumbria Constabulary",
        ],
        "owner_role": "",
        "when": "Quarterly updates to the Business Group - ongoing",
        "outcome": (
            "Assurances that improvements in services for children and young people "
            "are being delivered, appropriately managed and outcomes for CYP improve"
        ),
        "source": "",
        "update": (
            "Updates received and monitoring continues through the Health Subgroup"
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.18",
        "text": (
            'Cumbria Children\'s Services has agreed to move to the "Signs of Safety" '
            "model for Social Care. Cumbria LSCB has agreed to support this move and "
            "ensure that it's policies and procedures, training and other learning is "
            "appropriately changed to reflect this change in Practice."
        ),
        "subgroups": ["Business Group"],
        "agencies": ["Cumbria County Council, Children's Services"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "Signs of Safety methodology is reflected in all practice across services "
            "for children"
        ),
        "source": "",
        "update": (
            "Meeting held in November 2016 with partners to develop the strategic "
            "plan. Project Board to be established."
        ),
        "rag": "G",
    },
    {
        "theme": 1,
        "ref": "1.19",
        "text": (
            "The LSCB will continue to develop mechanisms to assure itself that the "
            "most vulnerable groups in Cumbria are supported and Safeguarded. "
            "Mechanisms do not currently exist for children who are Asylum Seekers; "
            "suffered from Female Genital Mutilation or have been trafficked – the "
            "LSCB will discuss these areas at their 1 st Development Day and ensure "
            "these are covered in the future."
        ),
        "subgroups": [],
        "owner_role": "LSCB",
        "when": "Mar-17",
        "outcome": (
            "All vulnerable groups are considered by the Board and these children are "
            "appropriately supported."
        ),
        "source": "",
        "update": (
            "Development day was held and was discussed, forward plan for LSCB has "
            "been updated"
        ),
        "rag": "C",
    },
    {
        "theme": 1,
        "ref": "1.20",
        "text": (
            "The LSCB will respond to the Alan Wood Review into the effectiveness of "
            "LSCBs and ensure that the LSCB continues to develop in line with "
            "Government requirements, and the needs of local children."
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "Sep-17",
        "outcome": (
            "The LSCB is fit for purpose and continues to be an effective mechanism to "
            "improve safeguarding practice in Cumbria"
        ),
        "source": "",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 1,
        "ref": "1.21",
        "text": (
            "The LSCB will continue to monitor the changing landscape for health "
            "commissioning and delivery to ensure that children in Cumbria are not "
            "disadvantaged by shifts in strategic responsibility and that services "
            "remain focused on the most vulnerable."
        ),
        "subgroups": [],
        "owner_role": "LSCB",
        "when": "Sep-17",
        "outcome": (
            "The LSCB is fit for purpose and continues to be an effective mechanism to "
            "improve safeguarding practice in Cumbria"
        ),
        "source": "",
        "update": "No update required",
        "rag": None,
    },
    {
        "theme": 2,
        "ref": "2.1",
        "text": (
            "Review the Multi-Agency Performance Management and Quality Assurance "
            "Framework to ensure fitness for purpose and to reflect recent changes to "
            "the Children's Services Framework - specifically focussed on the "
            "management of risk"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Oct-16",
        "outcome": (
            "Children are safe, that risk is managed appropriately and outcomes for "
            "CYP improve"
        ),
        "source": "",
        "update": (
            "A refreshed PMQAF was presented to the PMQAG in March - this will be "
            "signed off virtually and presented to the LSCB in May. (timescale slipped "
            "awaiting the CCC PMQAF review)"
        ),
        "rag": "G",
    },
    {
        "theme": 2,
        "ref": "2.2",
        "text": (
            "Agree and deliver a refreshed and prioritised Quality Assurance programme "
            "based on clearly defined factors, and implement an audit tool that "
            "measures practice and impact, not just process, in conjunction with "
            "frontline workers and service users"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": "Improved Safeguarding Practice based on Quality Audit information",
        "source": "",
        "update": (
            "Review of audit process to be undertaken by PMQAG following Ofsted "
            "inspection"
        ),
        "rag": "G",
    },
    {
        "theme": 2,
        "ref": "2.3",
        "text": (
            "Conduct the programme of S11 audits for 2016-17. The findings are to be "
            "scrutinised by the LSCB and feedback to agencies and wider LSCB about "
            "themes, actions and issues"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Mar-17",
        "outcome": (
            "The Board is assured of the compliance of all agencies with their duties "
            "in relation to Section 11 of the Children Act 2004"
        ),
        "source": "",
        "update": (
            "Section 11 audit complete and report will be presented to the LSCB in May."
        ),
        "rag": "G",
    },
    {
        "theme": 2,
        "ref": "2.4",
        "text": (
            "Refresh the LSCB Self-assessment and evidence catalogue to ensure the "
            "LSCB is always ready for inspection."
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "November 2016 (then ongoing)",
        "outcome": "The LSCB is ready for inspection",
        "source": "",
        "update": (
            "this is underway and will be further updated following the sign off of "
            "the CS Self-Assessment"
        ),
        "rag": "A",
    },
    {
        "theme": 2,
        "ref": "2.5",
        "text": (
            "The LSCB Young People's Perspective Group to be engaged in the next round "
            "of Audits to provide their perspective."
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Mar-17",
        "outcome": (
            "The views of CYP are reflected in the audits, improving the perspective"
        ),
        "source": "",
        "update": (
            "We include the voice of the child in our audits via interviews undertaken "
            "by the Targeted Youth Support Service with those children whose cases we "
            "audit (who wish to speak with us). Work is ongoing to tie the themes the "
            "YP's Perspective look at with those of the audit programme."
        ),
        "rag": "G",
    },
    {
        "theme": 3,
        "ref": "3.1",
        "text": (
            "Early Help Team and Education Subgroup will work together to review "
            "attendance statistics for schools and correlation with Early Help "
            "Assessment to identify any schools with high levels of absence and low "
            "take up of Early Help."
        ),
        "subgroups": ["Education Subgroup"],
        "owner_role": "",
        "when": "Dec-16",
        "outcome": (
            "Take up of Early Help in schools with high absence will increase and "
            "outcomes for children will improve."
        ),
        "source": "",
        "update": (
            "The education sub group has requested input from the inclusion officer "
            "who will be attending their next meeting in January. Currently work is "
            "ongoing to promote the use of early help in relation to attendance and "
            "early help officers are engaging schools appropriately."
        ),
        "rag": "A",
    },
    {
        "theme": 3,
        "ref": "3.2",
        "text": (
            "The Early Help Team and the Education Subgroup will work together to "
            "identify good examples of good Early Help and Attendance Plans - where "
            "there has been consideration of parents' issues and where there has been "
            "good consideration of the impact on the child and the child's voice is "
            "evident – these will be developed into a learning resource for schools "
            "through the Learning and Improvement Subgroup of the LSCB."
        ),
        "subgroups": ["Education Subgroup"],
        "owner_role": "",
        "when": "Dec-16",
        "outcome": (
            "Attendance and Early Help Plans, where there are parents or significant "
            "adults with mental health and/or substance misuse, will show good "
            "assessment and planning in terms of the child's emotional wellbeing"
        ),
        "source": "",
        "update": "",
        "rag": None,
    },
    {
        "theme": 3,
        "ref": "3.2b",
        "text": (
            "Section 11 and Staff survey to include questions about Thresholds and "
            "confidence in being lead coordinator."
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "Staff will report increased confidence in thresholds and being the lead "
            "coordinator for early help."
        ),
        "source": "",
        "update": (
            "This question was included in the 2016 staff survey and the 2016/17 "
            "Section 11 Safeguarding Audit. The 2017 audit is now underway and the "
            "questions will be repeated - hopefully we will see some improvements."
        ),
        "rag": "C",
    },
    {
        "theme": 3,
        "ref": "3.3",
        "text": "Continue to develop the Early Help Panels",
        "subgroups": ["Early Help Subgroup"],
        "owner_role": "",
        "when": "",
        "outcome": (
            "The numbers of EHAs recorded as closed, with an associated outcome, will "
            "increase"
        ),
        "source": "",
        "update": (
            "Early Help Panel development day held, facilitated by Claire Burgess. "
            "Work continues to develop the Panels"
        ),
        "rag": "G",
    },
    {
        "theme": 3,
        "ref": "3.4",
        "text": (
            "Working with learning and improvement and communications, engagement and "
            "participation sub groups deliver 6 roadshow events across the County to "
            "provide staff with clear messages about thresholds, screening and risk "
            "management and early help."
        ),
        "subgroups": ["Safeguarding Hub Programme Board"],
        "owner_role": "",
        "when": "Sep-16",
        "outcome": (
            "Multi-Agency Safeguarding Hub is operating effectively resulting the "
            "identification of children who would benefit from early help"
        ),
        "source": "",
        "update": "Complete no update required",
        "rag": "C",
    },
    {
        "theme": 3,
        "ref": "3.5",
        "text": (
            "Early help and Education groups work together to launch and promote the "
            "new thresholds document to improve schools staff confidence in applying "
            "thresholds"
        ),
        "subgroups": ["Early Help Subgroup", "Education Subgroup"],
        "owner_role": "",
        "when": "November 2016 and ongoing",
        "outcome": (
            "Early Help processes and systems are working for those who are working "
            "with children every day"
        ),
        "source": "",
        "update": (
            "Thresholds revised and live on LSCB website. Early Help Team working with "
            "the education sector to increase confidence. Feedback at the education "
            "sub group from a college setting gave very high praise for the direct "
            "work the early help team were doing with them."
        ),
        "rag": "C",
    },
    {
        "theme": 4,
        "ref": "4.1",
        "text": (
            "Refresh/rebuild the repository of good practice on LSCB website, to "
            "include national learning, based on best practice from other LSCBs"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Nov-17",
        "outcome": "Improved practice based on good practice exemplars",
        "source": "",
        "update": (
            "A catalogue of good practice case studies is on the website, local and "
            "national research is also available. Continue to develop repository on "
            "LSCB website to include further case studies and local practice learning."
        ),
        "rag": "C",
    },
    {
        "theme": 4,
        "ref": "4.2",
        "text": (
            "Refresh the Safeguarding Responsibilities, Threshold Guidance and "
            "Referral Process Safeguarding and Child Protection Working Together to "
            "Safeguard Children (formerly level 3) training packages and support the "
            "training pool to deliver them. Develop a new 'neglect' training package "
            "and support the training pool to deliver it. Develop a new training "
            'package on "Hidden" Children & Young People: Working with Invisible '
            "Families (Private Fostered, Home Educated, Traveller Families, Migrant "
            "Families, Modern Slavery)"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "January 2017 and ongoing",
        "outcome": (
            "Children and young people in Cumbria are in the right place in the system "
            "to meet their needs Staff will be more confident to support children and "
            "appropriately manage risk"
        ),
        "source": "",
        "update": (
            "The neglect package is still under development and will be signed off by "
            "L & I group. The hidden child package is also under development with "
            "commitment from CCC school inclusion team to deliver sessions. Both "
            "courses will be in the 2017 / 18 training programme."
        ),
        "rag": "C",
    },
    {
        "theme": 4,
        "ref": "4.3",
        "text": (
            "Continue to provide support to the training pool through the offer of 3 "
            "trainer development days a year. Implement the volunteer trainer "
            "agreement."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "October 2016 and ongoing",
        "outcome": (
            "All trainers will be confident to provide the training and evaluation "
            "will show increased satisfaction with training"
        ),
        "source": "",
        "update": (
            "Trainer development sessions are now planned for the second year. "
            "Feedback from the trainers on the sessions is very positive. The "
            "Volunteer trainer agreement has been implemented and the trainers are "
            "returning them."
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.4",
        "text": (
            'The Learning and Improvement Subgroup will ensure that "how to work with '
            'resistant families" is covered in training materials especially when '
            "working with assessments and the need to share relevant information. To "
            "be included in the Safeguarding L2 and L3 workshops. (with the "
            "expectation that all partner agencies also include it in their L2 and L3 "
            "training)"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Jan-16",
        "outcome": "Training is responsive to the SCR learning",
        "source": "",
        "update": "Complete no update required",
        "rag": "C",
    },
    {
        "theme": 4,
        "ref": "4.5",
        "text": (
            "The LSCB will conduct at least three workshops/conference to raise the "
            "profile of the lessons in the SCR that have been published since April "
            "2015. These will also pick up learning points from the Practitioner "
            "Survey, the Section 11 Audits and the Multi-agency Audits. One to cover "
            "families (including young people themselves) not fully engage and "
            "deteriorating in behaviour with young people and their families with "
            "agencies. The event will focus on strategic as well as front-line "
            'learning. Another conference will be a "Learning from Practice" '
            "conference in autumn 2016 – with a focus on Neglect and will take this "
            "opportunity to further disseminate thresholds for all abuse including "
            "neglect and emotional abuse as specific case studies."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "(linked to 5.5)",
        "when": "Jul-17",
        "outcome": "Training is responsive to the SCR learning",
        "source": "",
        "update": (
            "The first SCR conference in January 2017 was well attended and included "
            "learning from SCRs. L & I agreed the two SCR learning events to be "
            "incorporated into their 17 / 18 programme 1) Families who are difficult "
            "to engage including teens ... this will pull out the SCR learning on; "
            "care experienced young people who become parents; complex family history, "
            "disguised compliance. 2) Learning from practice – to cover thresholds, "
            "managing risk, outcome focussed plans, information sharing"
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.6",
        "text": (
            "The LSCB will continue to support multi-agency opportunities for Health "
            "Visitors, social workers and midwives to meet and discuss thematic and "
            "case issues through Practitioner Forums and Early Help Panels ensuring "
            "that they have access to extended/enhanced supervision and multi-agency "
            "group support.\n"
            "In particular Practitioner Forums and Early Help Panels will use the "
            "learning from the Child N serious case review to provide opportunities "
            "for frontline practitioners and their supervisors to further their "
            "understanding of need and risk in women with MCN's profile such as "
            "mothers who are care leavers, own child removed, a large number of "
            "subsequent children."
        ),
        "subgroups": [
            "Communications, Engagement and Participation Subgroup",
            "Early Help Subgroup",
        ],
        "owner_role": "",
        "when": "Aug-17",
        "outcome": (
            "Practitioners will feel supported and have opportunities to meet and "
            "discuss thematic and case issues"
        ),
        "source": "",
        "update": (
            "Multi-agency opportunities are in place through the practitioner forums, "
            "dates are set for the year and a work programme is in place."
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.7",
        "text": (
            "Develop and implement a shared training evaluation methodology to assess "
            "the impact of training on practice and quality assure LSCB training "
            "delivery reporting to the LSCB.\n"
            "Cumbria LSCB is developing the impact and evaluation of the training "
            "delivered. This includes a dip sample survey of how learning points have "
            "been incorporated into our practice and have made a difference for "
            "children. This dip sample will have a question about recognising sexual "
            "abuse."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": "Training is appropriate, well-constructed and continually improves",
        "source": "",
        "update": (
            "Learning & Improvement framework and training strategy, which includes "
            "methodology to assess impact is in place. L & I have received several "
            "impact reports from agencies. The partnership is starting to demonstrate "
            "the impact of the training. Impact of training evaluations to be "
            "published on the website."
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.8",
        "text": (
            "External trainer's agreement to be developed based on quality markers (to "
            "be established). These trainers will be able to say that their training "
            'is "compliant" with Cumbria LSCB quality markers. First trainers to be '
            "endorsed by December 2016 – with subsequent trainers online by end of "
            "July 2016."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Dec-16",
        "outcome": (
            "Cumbria LSCB is assured that there is sufficient good quality training "
            "for agencies to purchase that is compliant with the requirements of the "
            "LSCB"
        ),
        "source": "",
        "update": (
            "The endorsement self-assessment tool has been completed by one agency and "
            "L & I agreed recommendation to endorse"
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.9",
        "text": (
            "All agencies need to evidence the number of their staff and volunteers "
            "attending LSCB multi-agency training and the impact this training is "
            "having on their practice. Proportionate to the action and the outcomes."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Jan-17",
        "outcome": (
            "All practitioners have access to good quality training that improves "
            "their practice"
        ),
        "source": "",
        "update": (
            "L & I have received several impact reports from agencies. The partnership "
            "is starting to demonstrate the impact of the training."
        ),
        "rag": "G",
    },
    {
        "theme": 4,
        "ref": "4.10",
        "text": (
            "Procedures manual to be refreshed in August 2016 and February 2017. "
            "Consideration to be given to the need for a policy for children and young "
            "people who are placed in secure settings."
        ),
        "subgroups": ["Policy and Procedures Subgroup"],
        "owner_role": "",
        "when": "Feb-17",
        "outcome": (
            "All Practitioners have access to multi-agency procedures which reflect "
            "local and national serious case reviews, changes in legislation and "
            "statutory guidance and/or national and local learning."
        ),
        "source": "",
        "update": (
            "The manual has been refreshed. A decision was made by the P&P subgroup "
            "that another procedure was not required as the YOS already have P&P's in "
            "place which cover children and young people placed in secure settings."
        ),
        "rag": "G",
    },
    {
        "theme": 5,
        "ref": "5.1",
        "text": (
            "Develop an Action Plan for the period when the current burden of SCR "
            "preparation and dissemination is completed in order to take the next "
            "steps towards excellence (From the LSCB Peer Review Report):\n"
            "• Develop a joint SCR Action Plan for all of the published SCR and "
            "Practice Reviews.\n"
            "• Deliver the actions from the SCR Action Plan\n"
            "• Report progress to the LSCB and Business Group"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "As per actions in the Plan – latest September 2017",
        "outcome": (
            "Case reviews result in changes in practice and they are conducted in line "
            "with statutory requirements and the actions that are generated as a "
            "result are implemented in a timely way."
        ),
        "source": "LSCB Peer Review Report",
        "update": "Plan developed and monitored through the LSBCB Business Group",
        "rag": "G",
    },
    {
        "theme": 5,
        "ref": "5.2",
        "text": (
            "Improve the links with the Adult Case Reviews, in particular to pick up "
            "learning from Domestic Homicide Reviews (DHR) where learning for services "
            "for children are a feature."
        ),
        "subgroups": ["Case Review Subgroup"],
        "owner_role": "",
        "when": "Jan-17",
        "outcome": (
            "Improvement in services for children – as a result of DHR – are "
            "identified and acted upon"
        ),
        "source": "",
        "update": (
            "LSCB Senior manager has met with the Adult lead and have developed links "
            "between her and the Case Review Subgroup - this will include receiving "
            "appropriate information at both boards"
        ),
        "rag": "G",
    },
    {
        "theme": 5,
        "ref": "5.3",
        "text": (
            "Ensure that the lessons from SCRs are communicated to front-line managers "
            "and practitioners, through effective dissemination and on-going "
            "re-enforcement"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "Ongoing – following a review",
        "outcome": "Lessons are learned and practice improves",
        "source": "",
        "update": (
            "All lessons were communicated following the summer SCR publications. "
            "Lessons from Children P SCR are being collated and will be presented to "
            "the Board in May 2017"
        ),
        "rag": "G",
    },
    {
        "theme": 5,
        "ref": "5.4",
        "text": (
            "The Board should consider holding high profile, LCSB 'badged' one day "
            "events on key issues in order to raise awareness of the Board and improve "
            "feedback loops with the frontline (From LSCB Peer Review).\n"
            "The LSCB will conduct at least three workshops/conference to raise the "
            "profile of the lessons in the SCR that have been published since April "
            "2015. These will also pick up learning points from the Practitioner "
            "Survey, the Section 11 Audits and the Multi-agency Audits."
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "(linked to 4.5)",
        "when": "Jul-17",
        "outcome": "Lessons are learned and practice improves",
        "source": "LSCB Peer Review Report",
        "update": (
            "The first of three SCR events took place in Jan. Two SCR learning events "
            "planned for the 17/18 programme are:\n"
            "1) Families who are difficult to engage including teens ... this will "
            "pull out the SCR learning on; care experienced young people who become "
            "parents; complex family history, disguised compliance.\n"
            "2) Learning from practice – to cover thresholds, managing risk, outcome "
            "focussed plans, information sharing"
        ),
        "rag": "G",
    },
    {
        "theme": 6,
        "ref": "6.1",
        "text": (
            "The LSCB Child Death Overview Panel (CDOP) will respond to the Alan Wood "
            "Review into the effectiveness of LSCBs and CDOPs and ensure that the LSCB "
            "continues to develop in line with Government requirements, and the needs "
            "of local children."
        ),
        "subgroups": ["Child Death Overview Panel"],
        "owner_role": "",
        "when": "Sep-17",
        "outcome": (
            "The LSCB CDOP is fit for purpose and continues to be an effective "
            "mechanism to improve safeguarding practice in Cumbria"
        ),
        "source": "",
        "update": "no update required",
        "rag": None,
    },
    {
        "theme": 6,
        "ref": "6.2",
        "text": (
            "Monitor learning and actions through exception reporting to ensure there "
            "is a clear audit trail evidencing that the lessons from child deaths are "
            "translated into measurable actions"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "Following each Annual Report",
        "outcome": (
            "Themes from all child deaths in Cumbria area identified and acted upon"
        ),
        "source": "",
        "update": "no update required",
        "rag": None,
    },
    {
        "theme": 6,
        "ref": "6.3",
        "text": (
            "Complete the CDOP annual report for children who died in 2015-16 "
            "including identifying patterns or trends in local data and report this to "
            "the LSCB"
        ),
        "subgroups": ["Child Death Overview Panel"],
        "owner_role": "",
        "when": "Mar-17",
        "outcome": (
            "Themes from all child deaths in Cumbria area identified and acted upon"
        ),
        "source": "",
        "update": (
            "CDOP annual report has been completed and has been published on the LSCB "
            "website"
        ),
        "rag": "C",
    },
    {
        "theme": 7,
        "ref": "7.1",
        "text": (
            "Further develop CSE training programme Plan to have the right balance of "
            "online training and face to face opportunities to include a series of "
            "district based learning workshops."
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "Apr-17",
        "outcome": (
            "Increased awareness of CSE across the workforce and Staff survey will "
            "show increased knowledge and confidence in dealing with CSE"
        ),
        "source": "",
        "update": (
            "2016/17 training programme has been delivered, this included three half "
            "day events and 6 full day. E-learning is also available. Planning for the "
            "2017/18 training is complete, a new targeted full day learning event will "
            "be included in the new programme"
        ),
        "rag": "G",
    },
    {
        "theme": 7,
        "ref": "7.2",
        "text": (
            "Collation of the findings from individual agency self-assessment "
            "templates - the responses. Agencies have also been asked to provide an "
            "annual report with information around activity and impact in relation to "
            "CSE and where appropriate MFH to help update the self-assessment."
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "Dec-16",
        "outcome": (
            "The LSCB is assured of the work to protect children at risk of going "
            "missing and of sexual exploitation"
        ),
        "source": "",
        "update": (
            "Individual agency self-assessments were undertaken and these were "
            "reviewed as part of the CSE/MFH Development day. The CSE self-assessment "
            "has been rewritten. The March CSE Strategic Group will discuss the "
            "process for an annual update from agencies"
        ),
        "rag": "G",
    },
    {
        "theme": 7,
        "ref": "7.2b",
        "text": (
            "Develop an action plan based on the findings of the CSE Self-Assessment "
            "for the CSE Subgroups to deliver."
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "The LSCB is assured of the work to protect children at risk of going "
            "missing and of sexual exploitation"
        ),
        "source": "",
        "update": (
            "There is a strategic action plan in place. This will be refreshed for "
            "2017/18"
        ),
        "rag": "G",
    },
    {
        "theme": 7,
        "ref": "7.3",
        "text": (
            "New projects led by the LSCB CSE Subgroup and part funded via Brathay and "
            "Office of the PCC (to complement existing provision e.g. from NSPCC) will "
            "see provision of:\n"
            "• Targeted prevention work for young people most at risk\n"
            "• Group work for those waiting to receive one to one crisis intervention "
            "to ensure they don't drop off the radar whilst waiting\n"
            "• Group support for those receiving one to one crisis intervention to "
            "reduce re-referral and sustain change towards positive trajectories\n"
            "• Peer leadership training to ensure people with experience of sexual "
            "exploitation are involved in designing and developing services\n"
            "• Additional provision has been commissioned via the Office of the PCC in "
            "relation to Chelsea's Choice which is being rolled out in 2016-17."
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "Children and YP who are victims of CSE have a range of suitable Services "
            "and support to help them"
        ),
        "source": "",
        "update": (
            "Work is ongoing. Brathay are attended the December 2016 CSE/MFH Working "
            "Group to present ideas for developing the 'Be SAVY' project, which "
            "involved their peer leaders deliver CSE awareness raising in schools. Jon "
            "Owen from Brathay attended the March CSE Strategic Group to provide an "
            "update on the Brathay project. Chelsea's Choice to be shown in schools "
            "and other settings w/b 24/4/17"
        ),
        "rag": "G",
    },
    {
        "theme": 7,
        "ref": "7.4",
        "text": (
            "Re run the CSE audit activity to show progress against the plan, as part "
            "of the Missing from Home MA QAG audit and some dip sampling as part of "
            "the ongoing CSE Subgroup work"
        ),
        "subgroups": [
            "CSE/MFH Subgroup",
            "Performance Management and Quality Assurance Subgroup",
        ],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "The LSCB is assured of the work to Protect children at risk of going "
            "missing and of sexual exploitation"
        ),
        "source": "",
        "update": (
            "The CSE/MFH Sub Group have undertaken an audit deep dive, this was "
            "reported to the Board in March. A 5 minute briefing will be published to "
            "share learning. The CSE Working Group will undertake a themed audit in "
            "June 2017 and findings will be reported to the July PMQAG."
        ),
        "rag": "G",
    },
    {
        "theme": 8,
        "ref": "8.1",
        "text": (
            "CYP forum to consider a future session on impact of parental mental "
            "health and/or substance misuse."
        ),
        "subgroups": ["Communications, Engagement and Participation Subgroup"],
        "owner_role": "",
        "when": "May-17",
        "outcome": (
            "The LSCB will develop a good understanding of the impact of parental "
            "mental health/substance misuse of a CYP Emotional well-being"
        ),
        "source": "",
        "update": "Complete no update required",
        "rag": "C",
    },
    {
        "theme": 8,
        "ref": "8.2",
        "text": (
            "Through improved links with the Children's Trust Board (CTB), increase "
            'the LSCB oversight of CAMHS and the "whole system" approach to '
            "Emotional Wellbeing, specifically with regard to emotional resilience for "
            "CYP – 1/4ly reporting to be established"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "CTB",
        "when": "Jun-17",
        "outcome": (
            "The LSCB is assured of the work to improve the emotional resilience of CYP"
        ),
        "source": "",
        "update": (
            "CTB received update from EWMH Partnership. Cumbria Transformation Plan "
            "developed and available online. The LSCB will receive a further update in "
            "the May meeting."
        ),
        "rag": "G",
    },
    {
        "theme": 8,
        "ref": "8.3",
        "text": (
            "Review best practice regarding professionals keeping up to date with the "
            "changing environment that teenagers' operate within and publicise the "
            "results across the partnership and deliver a conference for schools to "
            "raise awareness"
        ),
        "subgroups": ["Education Subgroup"],
        "owner_role": "",
        "when": "Jul-17",
        "outcome": (
            "Improved knowledge base of partners regarding the environment teenagers "
            "operate within"
        ),
        "source": "",
        "update": (
            "Conference being developed. On agenda for next sub group meeting. On "
            "track for delivery by Jul 17"
        ),
        "rag": "G",
    },
    {
        "theme": 8,
        "ref": "8.4",
        "text": (
            "Evaluate the arrangements for safeguarding children and young people "
            "within drug and alcohol treatment services in Cumbria as part of the QAG "
            "Audit forward plan"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "Jul-16",
        "outcome": "LSCB is assured that services for CYP is appropriate",
        "source": "",
        "update": (
            "Substance Misuse Audit was undertaken in October 2016, this had slipped "
            "from June 2016 due to more pressing priorities. The findings were "
            "reported to the Nov 2016 PMQAG and the March Board"
        ),
        "rag": "C",
    },
    {
        "theme": 9,
        "ref": "9.1",
        "text": (
            "Utilise the learning from the service mapping exercise to "
            "inform/influence future commissioning"
        ),
        "subgroups": ["Domestic Abuse Task and Finish Group"],
        "owner_role": "",
        "when": "Sep-16 and ongoing",
        "outcome": (
            "Children who live in households where domestic abuse is a factor will be "
            "well supported through appropriate service provision"
        ),
        "source": "",
        "update": "Complete no update required",
        "rag": "C",
    },
    {
        "theme": 9,
        "ref": "9.2",
        "text": "Undertake a domestic abuse case audit",
        "subgroups": ["Domestic Abuse Task and Finish Group"],
        "owner_role": "",
        "when": "Jan-17",
        "outcome": (
            "Practitioners will understand the response expected for children where "
            "Domestic Abuse is a factor"
        ),
        "source": "",
        "update": (
            "Domestic abuse audit undertaken 9th January 2017. The Findings will be "
            "reported at Feb Business Group and a final report to the PMQAG in March "
            "2017"
        ),
        "rag": "G",
    },
    {
        "theme": 9,
        "ref": "9.3",
        "text": (
            "Embed the use of the Barnardo's Risk Assessment tool through a 'train the "
            "trainer' programme for practitioners."
        ),
        "subgroups": ["Domestic Abuse Task and Finish Group"],
        "owner_role": "",
        "when": "November 2016 and ongoing",
        "outcome": (
            "Practitioners will understand the response expected for children where "
            "Domestic Abuse is a factor"
        ),
        "source": "",
        "update": (
            "The commissioning process has been undertaken and awarded to Barnardo's, "
            "roll out of the training is planned to commence June 2017."
        ),
        "rag": "G",
    },
    {
        "theme": 9,
        "ref": "9.4",
        "text": (
            "Train professionals to aid a consistent understanding of how Domestic "
            "Abuse affects children and to give practitioners the confidence to work "
            "with domestic abuse. Update and further develop training on domestic "
            "abuse and sexual assault/ abuse for professionals within the LSCB"
        ),
        "subgroups": ["Domestic Abuse Task and Finish Group"],
        "owner_role": "",
        "when": "August 2016 and ongoing",
        "outcome": (
            "Practitioners will understand the response expected for children where "
            "Domestic Abuse is a factor"
        ),
        "source": "",
        "update": (
            "An advanced DA & SV course has been developed and dates are in place for "
            "2017. A task group has been established to review the DA training offer "
            "and will link across to L & I group"
        ),
        "rag": "G",
    },
]
