"""Business plan 2014-17 (the board's first three-year plan), transcribed from it."""

PLAN = {"title": "Business Plan 2014-17", "first_year": 2014, "last_year": 2017}

THEMES = [
    (1, "Leadership and Governance"),
    (2, "Quality Assurance and Performance Management"),
    (3, "Early Help"),
    (4, "Developing the workforce"),
    (5, "Learning from Case Reviews"),
    (6, "Learning from Child Deaths"),
    (7, "Child Sexual Exploitation and Missing from Home"),
    (8, "Neglect"),
    (9, "Health and Wellbeing of Children"),
]

# Transcribed from the plan's table (theme, ref, action, who, when, what we are
# trying to achieve), whose columns came out of the PDF out of order; each row was
# rebuilt from the order of the cells on each page. The refs run 1.1-1.15, 2.1-2.6,
# 3.1-3.3, 4.1-4.3, 5.1-5.5, 6.1-6.2, 7.1-7.5, 8.1-8.2 and 9.1-9.3 with no repeats
# or gaps. Where the plan leaves an outcome cell blank (a merged cell), the previous
# action's outcome in the theme is repeated: 1.3-1.7 (1.2's), 1.9 (1.8's), 1.14,
# 2.4, 2.5, 5.2 and 5.4. Which of 1.7 (second lay member) or 1.8 begins "The Board
# is effective at challenging..." cannot be told from the text; 1.7 is given 1.2's.
# The plan names no source for any single action (the whole plan draws on the
# February 2014 self-assessment and the July 2013 review), so "source" is "".
# "LSCB Triage Programme Board" (3.3) is left in owner_role: the plan does not say
# it is the later Safeguarding Hub Programme Board.
ACTIONS = [
    {
        "theme": 1,
        "ref": "1.1",
        "text": (
            "Governance arrangements to be agreed between boards with clearly "
            "defined reporting structures (Health and Wellbeing Board, Children's "
            "Trust Board and Adult Safeguarding Board) in order to scrutinise "
            "local arrangements to safeguard and promote the welfare of children "
            "and to ensure strategies are effectively coordinated."
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "April 2014",
        "outcome": (
            "Improved relationships with other partnership groups, boards and forum"
        ),
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.2",
        "text": (
            "New member induction process to be introduced including buddy system "
            "and the production of a LSCB induction pack that defines roles and "
            "responsibilities in relation to the LSCB"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "June 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.3",
        "text": (
            "Develop a programme to review the learning and development needs of "
            "LSCB members and systematically address these through annual "
            "appraisal"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "July 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.4",
        "text": (
            "Review the membership of the Board to ensure that it fully meets the "
            "requirements of Working Together 2013"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "May 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.5",
        "text": (
            "Establish regular meetings between the Chair, the Chief Executive and"
            " key Members of the council to ensure the Chair is held to account"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "May 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.6",
        "text": (
            "Establish a programme of one to one meetings between members of the "
            "LSCB and the Chair"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "May 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.7",
        "text": (
            "Secure the appointment of a second lay member, with a remit for "
            "Children and Young People"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "July 2014",
        "outcome": "Members of the Board are clear about their roles",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.8",
        "text": (
            "Develop a mechanism for ensuring that appropriate challenge takes "
            "place and is logged so that it can be evidenced"
        ),
        "subgroups": [],
        "owner_role": "Chair",
        "when": "May 2014",
        "outcome": (
            "The Board is effective at challenging and scrutinising to protect "
            "and promote the welfare of Children"
        ),
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.9",
        "text": (
            "Hold 2 six-monthly development sessions in order to ensure that "
            "members are working together to scrutinise and challenge local "
            "arrangements for safeguarding children (consider links to HWB and "
            "CTB)"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "March 2015",
        "outcome": (
            "The Board is effective at challenging and scrutinising to protect "
            "and promote the welfare of Children"
        ),
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.10",
        "text": "Implement the LSCB Communication and Engagement Strategy",
        "subgroups": ["Communications, Engagement and Participation Subgroup"],
        "owner_role": "",
        "when": "May 2014",
        "outcome": "Improved LSCB visibility and influence",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.11",
        "text": (
            "Further develop the Communications and Engagement Strategy to include"
            " the use of the views of Children and Young People to inform service "
            "improvement and training"
        ),
        "subgroups": ["Communications, Engagement and Participation Subgroup"],
        "owner_role": "",
        "when": "May 2014",
        "outcome": "Improved LSCB services based on the views of CYP",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.12",
        "text": (
            "Commission third party supplier to provide the LSCB with all "
            "multi-agency policies and procedures"
        ),
        "subgroups": ["Policy and Procedures Subgroup"],
        "owner_role": "",
        "when": "Oct 2014",
        "outcome": (
            "Policies and procedures reflect current good practice and Working "
            "Together 2013"
        ),
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.13",
        "text": (
            "Use established audit tool to undertake an annual internal review of "
            "the Board"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "Annually",
        "outcome": "The Board is assured of its own effectiveness",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.14",
        "text": (
            "Commission a further review of the effectiveness of the LSCB and use "
            "this to review this Business Plan"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "June 2014",
        "outcome": "The Board is assured of its own effectiveness",
        "source": "",
    },
    {
        "theme": 1,
        "ref": "1.15",
        "text": (
            "Align the support to the LSCB to the needs of the business of the "
            "Partnership"
        ),
        "subgroups": ["Business Group"],
        "owner_role": "",
        "when": "Sept 2014",
        "outcome": (
            "The Board and the work of the Partnership is adequately and "
            "sustainably supported to work effectively"
        ),
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.1",
        "text": (
            "Review the Multi-Agency Performance Management and Quality Assurance "
            "Framework which is directly led by this plan and describes a review "
            "of the relevance of indicators annually"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "May 2014",
        "outcome": (
            "Improved Performance Management and Quality Assurance process "
            "across the partnership"
        ),
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.2",
        "text": (
            "Agree and deliver a prioritised audit programme based on clearly "
            "defined factors, and implement an audit tool that measures practice "
            "and impact, not just process, in conjunction with frontline workers "
            "and service users"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "March 2015",
        "outcome": "Improved Safeguarding Practice based on Quality Audit information",
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.3",
        "text": (
            "Continue to undertake S11 audits on an annual basis, to be "
            "scrutinised by the LSCB and feedback to agencies and wider LSCB about"
            " themes, actions and issues"
        ),
        "subgroups": ["Policy and Procedures Subgroup"],
        "owner_role": "",
        "when": "Annually",
        "outcome": (
            "The Board is assured of the compliance of all agencies with their "
            "duties in relation to Section 11 of the Children Act 2004"
        ),
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.4",
        "text": (
            "Establish a system for monitoring the implementation of "
            "recommendations from the section 11 audits"
        ),
        "subgroups": ["Policy and Procedures Subgroup"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": (
            "The Board is assured of the compliance of all agencies with their "
            "duties in relation to Section 11 of the Children Act 2004"
        ),
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.5",
        "text": (
            "Establish web based S11 survey to enable greater engagement and "
            "compliance for the audits in 2015"
        ),
        "subgroups": ["Policy and Procedures Subgroup"],
        "owner_role": "",
        "when": "Feb 2015",
        "outcome": (
            "The Board is assured of the compliance of all agencies with their "
            "duties in relation to Section 11 of the Children Act 2004"
        ),
        "source": "",
    },
    {
        "theme": 2,
        "ref": "2.6",
        "text": (
            "Develop the final version of the LSCB self-assessment against the "
            "Ofsted Framework, together with the actions required for improvement."
            " Establish management mechanisms through the LSCB PMQAG"
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "May 2015",
        "outcome": "The LSCB is ready for inspection",
        "source": "",
    },
    {
        "theme": 3,
        "ref": "3.1",
        "text": (
            "Review and refresh the Threshold Framework document in line with the "
            "Early Help Strategy with the various levels of intervention clearly "
            "described and the types of services available outlined"
        ),
        "subgroups": ["Early Help Subgroup"],
        "owner_role": "",
        "when": "June 2014",
        "outcome": "Thresholds are understood and used across the partnership",
        "source": "",
    },
    {
        "theme": 3,
        "ref": "3.2",
        "text": (
            "Implement the Early Help Strategy with success measures reported to "
            "assure Board of its impact"
        ),
        "subgroups": ["Early Help Subgroup"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": "Early Help offer is appropriate and aligned to needs",
        "source": "",
    },
    {
        "theme": 3,
        "ref": "3.3",
        "text": (
            "Develop the Cumbria Triage service, owned through the LSCB, into a "
            "Multi-Agency Safeguarding Hub (MASH)"
        ),
        "subgroups": [],
        "owner_role": "LSCB Triage Programme Board",
        "when": "October 2014",
        "outcome": (
            "Multi-Agency Safeguarding Hub is operating effectively resulting "
            "the identification of children who would benefit from early help"
        ),
        "source": "",
    },
    {
        "theme": 4,
        "ref": "4.1",
        "text": (
            "Review and refresh the local learning and improvement framework "
            "including a review of the current training programme"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": (
            "Framework results in a workforce that is well informed and "
            "appropriately skilled"
        ),
        "source": "",
    },
    {
        "theme": 4,
        "ref": "4.2",
        "text": (
            "Refresh/rebuild the repository of good practice on LSCB website, to "
            "include national learning, based on best practice from other LSCBs"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": "Improved practice based on good practice exemplars",
        "source": "",
    },
    {
        "theme": 4,
        "ref": "4.3",
        "text": (
            "Develop and implement a shared training evaluation methodology to "
            "assess the impact of training on practice and quality assure LSCB "
            "training delivery"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": (
            "Training is evaluated and the results used to continually improve "
            "the offer"
        ),
        "source": "",
    },
    {
        "theme": 5,
        "ref": "5.1",
        "text": (
            "Review the framework to which reviews are conducted to ensure it is "
            "fit for purpose."
        ),
        "subgroups": ["Case Review Subgroup"],
        "owner_role": "",
        "when": "May 2014",
        "outcome": "Case reviews are conducted in line with statutory requirements",
        "source": "",
    },
    {
        "theme": 5,
        "ref": "5.2",
        "text": (
            "Implement a model to carry out Serious Case Reviews (SCR) consistent "
            "with the principles of Working Together 2013, including participation"
            " from front-line practitioners"
        ),
        "subgroups": ["Case Review Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": "Case reviews are conducted in line with statutory requirements",
        "source": "",
    },
    {
        "theme": 5,
        "ref": "5.3",
        "text": (
            "Review and implement process to manage the actions from all case and "
            "practice reviews."
        ),
        "subgroups": [],
        "owner_role": "LSCB Senior Manager",
        "when": "June 2014",
        "outcome": "Case reviews result in changes in practice",
        "source": "",
    },
    {
        "theme": 5,
        "ref": "5.4",
        "text": (
            "SMART action plans to be produced from practice reviews, case reviews"
            " and SCRs and the implementation of these plans to be monitored by "
            "the Business Group"
        ),
        "subgroups": ["Case Review Subgroup", "Business Group"],
        "owner_role": "",
        "when": "Ongoing – following a review",
        "outcome": "Case reviews result in changes in practice",
        "source": "",
    },
    {
        "theme": 5,
        "ref": "5.5",
        "text": (
            "Ensure that the lessons from SCRs are communicated to front-line "
            "managers and practitioners, through effective dissemination and "
            "on-going re-enforcement"
        ),
        "subgroups": ["Case Review Subgroup"],
        "owner_role": "",
        "when": "Ongoing – following a review",
        "outcome": "Lessons are learned and practice improves",
        "source": "",
    },
    {
        "theme": 6,
        "ref": "6.1",
        "text": (
            "Annual data/report for 2011, 2012 and 2013 to be provided to the "
            "LSCB, including an analysis of themes. 2011 annual report to be "
            "presented to the Board July 2014, 2012 annual report to be presented "
            "to the Board December 2014 and the 2013 annual report to be presented"
            " to the Board in March 2015"
        ),
        "subgroups": ["Child Death Overview Panel"],
        "owner_role": "",
        "when": "Annually from 2014",
        "outcome": (
            "Themes from all child deaths in Cumbria area identified and acted upon"
        ),
        "source": "",
    },
    {
        "theme": 6,
        "ref": "6.2",
        "text": (
            "Monitor learning and actions through exception reporting to ensure "
            "there is a clear audit trail evidencing that the lessons from child "
            "deaths are translated into measurable actions"
        ),
        "subgroups": ["Child Death Overview Panel"],
        "owner_role": "",
        "when": "Following each Annual Report",
        "outcome": (
            "Themes from all child deaths in Cumbria area identified and acted upon"
        ),
        "source": "",
    },
    {
        "theme": 7,
        "ref": "7.1",
        "text": (
            "Implement the new Chapter 12 (Child Sexual Exploitation) across the "
            "partnership"
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "May 2014",
        "outcome": "Chapter 12 is used and impacts begin to emerge",
        "source": "",
    },
    {
        "theme": 7,
        "ref": "7.2",
        "text": (
            "Develop a Child Sexual Exploitation (CSE) Strategy (including risks "
            "to children placed in Cumbria from other LA) and Implementation Plan"
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": "A strategy that articulates Cumbria's commitment to CSE",
        "source": "",
    },
    {
        "theme": 7,
        "ref": "7.3",
        "text": (
            "Develop the CSE/Missing from Home dataset based on the strategy – "
            "showing contextual, strategic and operational indicators"
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": (
            "The LSCB is assured of the work to protect children at risk of "
            "going missing and of sexual exploitation"
        ),
        "source": "",
    },
    {
        "theme": 7,
        "ref": "7.4",
        "text": (
            "Review Chapter 12 and related procedures to ensure multi-agency "
            "involvement in CSE"
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "May 2015",
        "outcome": "Chapter 12 is fit for purpose, based on 12 months use",
        "source": "",
    },
    {
        "theme": 7,
        "ref": "7.5",
        "text": (
            "Deliver the CSE strategy including a dataset to measure success, a "
            "communications and training strategy"
        ),
        "subgroups": ["CSE/MFH Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": "Increased awareness of CSE across the workforce",
        "source": "",
    },
    {
        "theme": 8,
        "ref": "8.1",
        "text": (
            "Develop practice guidance based on the Practitioner workshop and "
            "national best practice"
        ),
        "subgroups": ["Neglect Task and Finish Group"],
        "owner_role": "",
        "when": "July 2014",
        "outcome": (
            "LSCB workforce has a shared understanding of the issues "
            "surrounding neglect"
        ),
        "source": "",
    },
    {
        "theme": 8,
        "ref": "8.2",
        "text": (
            "Review training offer to include identifying and working with "
            "children and families in which neglect is a factor"
        ),
        "subgroups": ["Learning and Improvement Subgroup"],
        "owner_role": "",
        "when": "Sept 2014",
        "outcome": (
            "Working with children and families in which neglect is a factor is"
            " reflected in all training offered through LSCB"
        ),
        "source": "",
    },
    {
        "theme": 9,
        "ref": "9.1",
        "text": (
            "Review and evaluate the effectiveness of the Cumbria suicide "
            "prevention strategy with its progress to date"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": (
            "Recognition of the response to young people at risk of suicide and"
            " self-harm and the high risk indicators that may present. "
            "(Risks/facts/myths)"
        ),
        "source": "",
    },
    {
        "theme": 9,
        "ref": "9.2",
        "text": (
            "Review best practice regarding professionals keeping up to date with "
            "the changing environment that teenagers' operate within and publicise"
            " the results across the partnership"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "September 2014",
        "outcome": (
            "Improved knowledge base of partners regarding the environment "
            "teenagers operate within"
        ),
        "source": "",
    },
    {
        "theme": 9,
        "ref": "9.3",
        "text": (
            "Evaluate the arrangements for safeguarding children and young people "
            "within drug and alcohol treatment services in Cumbria"
        ),
        "subgroups": ["Performance Management and Quality Assurance Subgroup"],
        "owner_role": "",
        "when": "January 2015",
        "outcome": "LSCB is assured that services for CYP is appropriate",
        "source": "",
    },
]
