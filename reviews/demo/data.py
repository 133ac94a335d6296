"""Case reviews of the annual report 2016-17 (seed 004, sections 24-26, lines
1475-1725): the five serious case reviews with their scope, story and numbered
lessons, the four practice reviews and their combined learning; and the
illustrative parts the seed does not give (lifecycle dates, reviewers, action
plans, dissemination dates, assurance summaries).

Transcription notes:
- Scope, stories and lessons are verbatim, seed typos included (Child AC's scope
  reads "from the from mid-2014"). Only page breaks are undone: a sentence the PDF
  split over a blank line ("Child N's mother had a / complex childhood") is joined,
  and the stray indents of Child R's lessons 3-5 are dropped.
- Child AC's "additional lessons" (a bulleted list after lessons 1-3) continue the
  numbering as lessons 4-10.
- Child R's lessons 1 and 2 carry nested bulleted lists; they are kept in the
  lesson's text, one "- " item a line. So is the bulleted list of the practice
  reviews' "Domestic abuse" learning.
- Child O's scope names no period: period_examined says what the scope says.
- Section 26 gives the practice reviews' learning combined, not review by review.
  Each heading and its text is stored as one lesson (title = heading) of one of
  the four reviews; which review each belongs to is illustrative (the infant's
  and the parents' learning to Child AB, family friends, neglect and the hub to
  Child AD, the young person's and CSE learning to Child MW, domestic abuse,
  challenge and transfer to Child SR).
- Lifecycle dates before publication, the decisions' wording and the reviewers
  are invented: the seed gives publication dates only. Every reviewer's name is
  fictitious ("Example", "Sample"…) so it cannot be mistaken for a real person.
- Action plans, progress updates, dissemination notes and assurance summaries
  are illustrative: the seed says only that the plans exist (its appendices A and
  B are not in the text), what the dissemination steps were and that "all core
  member organisations and many others responded".
"""

from datetime import date

PUBLICATION_URL = "http://www.cumbrialscb.com/professionals/learningscr.asp"
DECIDED_BY = "Case Review Group"

# (slug, name, description). Slugs are stable: pages and the API link by them.
THEMES = [
    ("neglect", "Neglect", "Recognising and responding to neglect."),
    (
        "domestic-abuse",
        "Domestic abuse",
        "The impact on children of domestic violence and abuse.",
    ),
    (
        "child-sexual-exploitation",
        "Child sexual exploitation",
        "Seeing exploited young people as children in need of protection.",
    ),
    (
        "vulnerable-parents",
        "Vulnerable parents",
        "Parents' own histories, care leavers who become parents, and parenting "
        "capacity.",
    ),
    (
        "information-sharing",
        "Information sharing",
        "Sharing information in time, with the right people, in a usable form.",
    ),
    (
        "professional-challenge",
        "Professional challenge",
        "Disagreeing safely and using the escalation policy.",
    ),
    (
        "quality-of-assessments",
        "Quality of assessments",
        "Timely, thorough assessments that use history and the whole family.",
    ),
    (
        "voice-of-the-child",
        "Voice of the child",
        "Seeing, hearing and keeping the focus on the child.",
    ),
    ("early-help", "Early help", "Early Help Assessments and support."),
    (
        "supervision",
        "Supervision",
        "Reflective supervision of complex and changing cases.",
    ),
    (
        "substance-misuse-and-mental-health",
        "Substance misuse and mental health",
        "Parents' and young people's substance misuse and mental health.",
    ),
    (
        "transitions-and-transfers",
        "Transitions and transfers",
        "Moves between schools, services, areas and professionals.",
    ),
    ("risk", "Risk", "Identifying, exploring and managing risk."),
]

SCR_DECISION = (
    "The criteria for a Serious Case Review are met: abuse or neglect of the child "
    "is known or suspected, the child has died, and there is cause for concern "
    "about the way agencies worked together."
)
PRACTICE_DECISION = (
    "The Case Review Group concluded that the criteria for a Serious Case Review "
    "was not met, but there could be learning for the LSCB and agencies."
)
CHILD_AD_RECATEGORISED = (
    "Completed as an SCR in 2016-17, but re-categorised to a Practice Review – the "
    "learning from this review has been implemented and the actions and "
    "recommendations managed through the LSCB Business Group."
)
PRACTICE_PUBLISHED = (
    "Completed: the combined learning of the practice reviews is shared through "
    "training, newsletters, policy and procedure updates and Practitioner Forums."
)

# The five serious case reviews, in the order of publication.
# "lifecycle": the dates of referral, decision, commission, work starting and the
# draft arriving (invented); "published": the seed's date.
# lessons: (text, theme slugs).
SERIOUS_CASE_REVIEWS = [
    {
        "child_reference": "Child N",
        "period_examined": "March 2011 to December 2012",
        "scope": (
            "Cumbria LSCB commissioned a Serious Case Review (SCR) into the death of "
            "Child N in Cumbria in 2012 – the SCR focusses specifically on how "
            "agencies worked together and individually between March 2011 and "
            "December 2012 just prior to her death."
        ),
        "story": (
            "Child N died in December 2012 aged 13 months. The post mortem x-rays "
            "carried out 2 days after Child N's death revealed healing fractures to "
            "Child N's tibia and fibula. The post mortem also revealed other "
            "possible injuries to Child N. During Child N's short life the family "
            "were only known to 'universal' services: schools and a range of health "
            "services. Child N's mother had a complex childhood and had been a "
            "looked after child herself because she was at risk of Child Sexual "
            "Exploitation."
        ),
        "referred_on": date(2013, 1, 15),
        "decided_on": date(2013, 2, 12),
        "commissioned_on": date(2013, 4, 8),
        "in_progress_on": date(2013, 5, 1),
        "draft_received_on": date(2015, 11, 30),
        "published_on": date(2016, 6, 13),
        "published_note": (
            "Publication agreed with the Crown Prosecution Service, the Coroner and "
            "the Independent Police Complaints Commission."
        ),
        "reviewer": "Alex Example, Example Review Associates (fictitious)",
        "lessons": [
            (
                "Professionals working with pregnant and new mothers need to consider "
                "the long term impact of unresolved childhood trauma and abuse on "
                "future parenting capacity.",
                ["vulnerable-parents", "risk"],
            ),
            (
                "Professionals should use family history, chronology and genealogy to "
                "identify patterns of risk.",
                ["quality-of-assessments", "risk"],
            ),
            (
                "When immobile infants are presented multiple times with what appear "
                "accidental injuries – professionals should consider further "
                "enquiries and/or a Child Protection Referral, and/or an Early Help "
                "Assessment (EHA). (It is worth noting that should an EHA be "
                "considered and parents/carers refuse to co-operate and any help and "
                "support offered that in itself may raise the level of concern).",
                ["risk", "early-help"],
            ),
            (
                "Multi-agency assessments should include understanding of the whole "
                "family and regular visitors to the home, alongside observations of "
                "multi-agency professionals who are involved with the family. A full "
                "& detailed history on fathers, partners (male and female) & other "
                "significant adults (male and female) in the family should be sought "
                "when gathering information.",
                ["quality-of-assessments", "information-sharing"],
            ),
            (
                "Complex profiles need to be discussed through supervision and "
                "reflective support. Use reflective techniques in supervision to "
                "ensure that complex and changing family dynamics are continually "
                "considered.",
                ["supervision"],
            ),
        ],
    },
    {
        "child_reference": "Child L",
        "period_examined": "October 2009 to July 2011",
        "scope": (
            "Cumbria LSCB commissioned a Serious Case Review (SCR) into the death of "
            "Child L in Cumbria in 2011 – the SCR focusses specifically on how "
            "agencies worked together and individually from the birth of the "
            "parents' first child in October 2009, until the date of Child L's "
            "death in July 2011. Due to his short life the panel also agreed to "
            "focus on Child L's sibling as part of the review."
        ),
        "story": (
            "Child L was born prematurely at 31 weeks in May 2011 and was admitted "
            "to the Special Care Baby Unit Medical. Child L died at home in July "
            "2011 only 43 days old. During his short life he had been examined "
            "several times and one examination identified a possible heart murmur. "
            "Experts concluded that he died from cardiac arrest which on balance of "
            "probabilities was secondary to some form of head injury. Child L's "
            "mother had a complex background had experienced neglect, and had been "
            "a looked after child."
        ),
        "referred_on": date(2013, 10, 1),
        "decided_on": date(2013, 11, 5),
        "commissioned_on": date(2014, 1, 13),
        "in_progress_on": date(2014, 2, 3),
        "draft_received_on": date(2016, 1, 29),
        "published_on": date(2016, 6, 17),
        "reviewer": "Sam Sample, Sample Safeguarding Reviews (fictitious)",
        "lessons": [
            (
                "Professionals need to establish that the family's actions agreed in "
                "the Child protection/ Family in Need or Early Help plan have been "
                "completed by the family.",
                ["quality-of-assessments", "early-help"],
            ),
            (
                "Initial and ongoing assessments must be thorough, timely, gather "
                "multi-agency information, inform decision-making and take account "
                "of historic context of the family. (single agency)",
                ["quality-of-assessments", "information-sharing"],
            ),
            (
                "On completion of a single agency assessment professionals must "
                "consider who else needs to know this information, and whether or "
                "not there needs to be a multi-agency response (e.g. Early Help) "
                "(single agency)",
                ["information-sharing", "early-help"],
            ),
            (
                "Care leavers are a vulnerable group who may require more support in "
                "order to parent effectively.",
                ["vulnerable-parents"],
            ),
        ],
    },
    {
        "child_reference": "Child AC",
        "period_examined": "Mid-2014 to June 2015",
        "scope": (
            "Cumbria LSCB has commissioned a Serious Case Review (SCR) into the "
            "death of Child AC in Cumbria in 2015 – the SCR focusses specifically on "
            "how agencies worked together and individually from the from mid-2014 "
            "through to the time of Child AC's death in June 2015."
        ),
        "story": (
            "Child AC was killed by 3 other youths in June 2015 aged 14 years. Child "
            "AC was permanently excluded from school in July 2014 and attended the "
            "Pupil Referral Unit (PRU) where his attendance was poor. Child AC had a "
            "history of offending, first coming to the attention of the Criminal "
            "Justice System in August 2011. He attended a secure centre in November "
            "2014 where he served two months. Upon release he was made subject to a "
            "Detention and Training Order on a licence with supervision.\n\n"
            "Following allegations against an elder sibling, Child AC and his "
            "siblings, were made subject to a Child Protection Plan in January "
            "2015. In April 2015, the younger two siblings were stepped down to a "
            "Child in Need Plan and Child AC remained on a CP Plan. His behaviour "
            "further deteriorated and there remained problems with attendance at "
            "the PRU and he was engaging in low-level criminal behaviour with "
            "episodes of him going missing overnight and a refusal to engage with "
            "professionals. The perpetrators of his murder, were tried, found "
            "guilty and are currently serving their sentences."
        ),
        "referred_on": date(2015, 7, 7),
        "decided_on": date(2015, 7, 21),
        "commissioned_on": date(2015, 9, 1),
        "in_progress_on": date(2015, 9, 14),
        "draft_received_on": date(2016, 4, 29),
        "published_on": date(2016, 7, 8),
        "reviewer": "Chris Placeholder, Placeholder Review Partnership (fictitious)",
        "lessons": [
            (
                "Professionals who are involved with a child or young person who is "
                "detained in a secure unit, should ensure their continued "
                "participation in planning, especially as the child or young person "
                "approaches resettlement.",
                ["transitions-and-transfers"],
            ),
            (
                "Professionals need to remain focussed on the needs of the children "
                "- when working with families who appear to engage with support, or "
                "engage well, but there is little evidence of progress and, with "
                "other agencies may need to consider an escalation in intervention.",
                ["voice-of-the-child", "professional-challenge"],
            ),
            (
                "Professionals, who work with children and young people, where there "
                "is suspicion of substance misuse, must use this information when "
                "considering risk.",
                ["substance-misuse-and-mental-health", "risk"],
            ),
            # The report's "additional lessons", numbered on from 4.
            (
                "Agencies with a responsibility for working with children who are "
                "placed in another area need to consider how they communicate and "
                "share information with organisations outside of their usual local "
                "partnerships or networks.",
                ["information-sharing", "transitions-and-transfers"],
            ),
            (
                "Agencies that hold a rich mix of information on children should "
                "consider how they can store that information in a format that can "
                "be shared effectively when there is an appropriate requirement.",
                ["information-sharing"],
            ),
            (
                "Where a child is subject of more than one statutory plan, it is "
                "important that the managers of each plan ensure there is effective "
                "coordination between each other and that the identified risks are "
                "being managed effectively.",
                ["information-sharing", "risk"],
            ),
            (
                "Professionals working with children who display non-compliance or "
                "passive avoidance should consider what incentive measures they may "
                "need in place to secure more effective engagement.",
                ["voice-of-the-child"],
            ),
            (
                "Where children are placed in residential or secure centres a large "
                "distance from their homes consideration should be given to using "
                "communication technology to maximise agency engagement at meetings.",
                ["transitions-and-transfers", "information-sharing"],
            ),
            (
                "Agencies working with children who demonstrate risk-taking behaviour "
                "should challenge themselves to consider the possible longer term "
                "consequences in respect of the risk-taking behaviour that is being "
                "displayed and how that behaviour may be managed.",
                ["risk", "professional-challenge"],
            ),
            (
                "Agencies engaging with families should give consideration to the "
                "local context in which the family is operating and the wider span "
                "of influences that may be impacting on the children.",
                ["quality-of-assessments", "risk"],
            ),
        ],
    },
    {
        "child_reference": "Child R",
        "period_examined": "September 2011 to October 2014",
        "scope": (
            "Cumbria LSCB commissioned an SCR into the death of Child R in Cumbria "
            "in October 2014 – the SCR focusses specifically on how agencies worked "
            "together and individually from the beginning of Child R's last year at "
            "his Primary School in September 2011 to October 2014."
        ),
        "story": (
            "Child R was aged thirteen and died at home, whilst in the care of his "
            "father. The cause of his tragic and untimely death was morphine "
            "poisoning, after being given a morphine tablet by his father who "
            "mistakenly believed it to be a suitable painkiller for his son's "
            "headache. Child R's father pleaded guilty to the manslaughter of his "
            "son and received a four year custodial sentence. Child R's school "
            "reported that he could sometimes be anxious and timid but was also a "
            "humorous and popular student who had a supportive circle of friends. "
            "His parents separated after only a few months, following their son's "
            "birth in 2001. Child R stayed with his mother until the age of three "
            "when he went to live with his father who eventually obtained a "
            "residence order in 2009.\n\n"
            "It is widely believed that Child R and his father could have "
            "benefitted from Early Help and the findings of this case are centred "
            "on that premise."
        ),
        "referred_on": date(2014, 11, 4),
        "decided_on": date(2014, 12, 2),
        "commissioned_on": date(2015, 2, 2),
        "in_progress_on": date(2015, 2, 16),
        "draft_received_on": date(2016, 3, 31),
        "published_on": date(2016, 7, 18),
        "reviewer": "Jordan Specimen, Specimen Case Reviews (fictitious)",
        "lessons": [
            (
                "Transition plans should:\n"
                "- Include well-defined success criteria\n"
                "- Include a defined timescale for completion and review\n"
                "- Record the voice of the child",
                ["transitions-and-transfers", "voice-of-the-child"],
            ),
            (
                "Attendance plans should:\n"
                "- Be child focused\n"
                "- Be robustly followed through with parents in line with school "
                "policy and practice and local authority guidance\n"
                "- Reviews are held in line with agreed policy and practice\n"
                "- Drift is avoided\n"
                "- Medical/health evidence of absence on health grounds is "
                "corroborated to inform attendance plans\n"
                "- Parents/Carers and students should be actively involved in plans "
                "around transition and attendance and have a direct voice in these "
                "processes\n"
                "- Consultation should take place with the local authority Inclusion "
                "Service in line with current policy and guidance",
                ["early-help", "voice-of-the-child"],
            ),
            (
                "School staff should consider undertaking an Early Help Assessment as "
                "part of a wider package of support when a student's absence reaches "
                "or exceeds the Department of Education (DfE) threshold for "
                "'Persistent Absence'.",
                ["early-help"],
            ),
            (
                "Where an Early Help Assessment is undertaken because of persistent "
                "absence due to health needs the School Nurse must be involved.",
                ["early-help", "information-sharing"],
            ),
            (
                "When a parent or significant family member (regardless of their "
                "level of contact with the child) has mental health and/or substance "
                "misuse issues practitioners must always consider and take account "
                "of the impact of this on the emotional wellbeing of the child.",
                ["substance-misuse-and-mental-health", "vulnerable-parents"],
            ),
        ],
    },
    {
        "child_reference": "Child O",
        "period_examined": "The years before Child O's death in 2011",
        "scope": (
            "Cumbria LSCB commissioned a Serious Case Review (SCR) into the death of "
            "Child O in 2011 – the SCR focusses specifically on services that were "
            "provided to Child O and his family and how agencies worked together and "
            "individually prior to his death."
        ),
        "story": (
            "Child O died tragically at 17 years old after hanging himself. The "
            "Coroner report concluded that he took his own life whilst suffering "
            "from mental health problems and after consuming a substantial amount "
            "of alcohol. Child O was a very vulnerable young person with complex and "
            "poorly understood needs and risk factors: he had an extremely complex "
            "history of contact with services in Cumbria and the North East. Child O "
            "was home educated from the age of ten; coupled with the parent's "
            "withdrawal of Child O and his identical twin from the community and "
            "their disengagement from services this left them very isolated in "
            "their remote home."
        ),
        "referred_on": date(2013, 6, 4),
        "decided_on": date(2013, 7, 2),
        "commissioned_on": date(2013, 9, 2),
        "in_progress_on": date(2013, 9, 16),
        "draft_received_on": date(2016, 2, 26),
        "published_on": date(2016, 8, 23),
        "reviewer": "Morgan Fictitious, Fictitious Review Services (fictitious)",
        "lessons": [
            (
                "Practitioners and supervisors should understand and respond to the "
                "needs of 'twin families' and to children and young people who are "
                "twins.",
                ["quality-of-assessments", "supervision"],
            ),
            (
                "Practitioners should recognise, assess and respond appropriately to "
                "the possible safeguarding implications for children and young "
                "people who are isolated and/or home educated.",
                ["risk", "quality-of-assessments"],
            ),
            (
                "Practitioners who visit children when they are home educated should "
                "see and speak to children and young people regularly and this "
                "should be specified and agreed as part of a child or young person's "
                "plan.",
                ["voice-of-the-child"],
            ),
            (
                "Practitioners and supervisors need to recognise, understand and "
                "respond to neglect, disguised compliance and fabricated or induced "
                "illness.",
                ["neglect", "supervision"],
            ),
            (
                "Practitioners and supervisors should proactively seek to discuss "
                "cases, share information, and give and receive support to and from "
                "multi-agency colleagues in their work with families or individuals.",
                ["information-sharing", "supervision"],
            ),
            (
                "Practitioners must ensure that children and young people who do not "
                "neatly fit service criteria do not 'bounce' between services and/or "
                "geographical areas.",
                ["transitions-and-transfers"],
            ),
        ],
    },
]

# The four practice reviews completed in 2016-17 (all dates invented). Child AD
# began as an SCR (criteria met) and was re-categorised after its draft came in;
# the others were practice reviews from the decision. lessons: (heading, text,
# theme slugs) from section 26's combined learning, attributed illustratively.
PRACTICE_REVIEWS = [
    {
        "child_reference": "Child AB",
        "referred_on": date(2016, 4, 12),
        "decided_on": date(2016, 5, 10),
        "commissioned_on": date(2016, 5, 24),
        "in_progress_on": date(2016, 6, 6),
        "draft_received_on": date(2016, 8, 26),
        "published_on": date(2016, 9, 20),
        "reviewer": "Robin Example, Example Practice Reviews (fictitious)",
        "lessons": [
            (
                "Working with vulnerable parents whilst keeping the focus on the child",
                "Adults who have been abused and neglected may experience lasting "
                "emotional effects which can impact on their ability to parent and "
                "maintain effective relationships.\n\n"
                "Although the focus of the work is often supporting parents, it is "
                "important to keep assessing whether this is leading to sufficient "
                "capacity of the parents to respond to their child's needs. Always "
                "consider background information in assessments and consider the "
                "effect on parenting capacity.",
                ["vulnerable-parents", "voice-of-the-child"],
            ),
            (
                "Vulnerable parents",
                "Parents with complex needs, toxic trio, and those who have been "
                "looked after or in receipt of services – may be more difficult to "
                "engage.",
                ["vulnerable-parents", "substance-misuse-and-mental-health"],
            ),
            (
                "Risk",
                "Risk factors were not identified or explored during the pregnancy.",
                ["risk"],
            ),
            (
                "Safeguarding Concerns",
                "There were shortcomings in the identification and management of "
                "possible safeguarding concerns at the district general hospital in "
                "relation to him being an immobile infant. When immobile infants are "
                "presented multiple times with what appear accidental injuries – "
                "professionals should consider further enquiries.",
                ["risk", "quality-of-assessments"],
            ),
            (
                "Chronologies",
                "Background info, parents own childhood.",
                ["quality-of-assessments", "vulnerable-parents"],
            ),
        ],
    },
    {
        "child_reference": "Child AD",
        "referred_on": date(2016, 4, 5),
        "decided_on": date(2016, 4, 26),
        "commissioned_on": date(2016, 5, 16),
        "in_progress_on": date(2016, 6, 1),
        "draft_received_on": date(2016, 10, 28),
        "recategorised_on": date(2016, 11, 22),
        "published_on": date(2016, 12, 6),
        "reviewer": "Taylor Sample, Sample Review Consultancy (fictitious)",
        "lessons": [
            (
                "Professional curiosity about 'family friends'",
                "Professionals sometimes rely too much on mothers to tell them about "
                "the men involved in their children's lives. If mothers are putting "
                "their own needs first they may not be honest about the risks the "
                "men pose to their children.\n\n"
                "When working with families make active enquiries about the child's "
                "father, the mother's relationships and any adults in contact with "
                "the child. Identify and carry out checks on any new adults who have "
                "significant contact with vulnerable children.",
                ["risk", "quality-of-assessments"],
            ),
            (
                "Need for increased awareness of neglect and the tools available to "
                "support professionals.",
                "There are risk assessment tools that practitioners can use to "
                "support them to give an objective measure of the care of children. "
                "The Graded Care Profile is the evidence based tool that was agreed "
                "as part of the LSCB Neglect strategy.",
                ["neglect"],
            ),
            (
                "Share information",
                "Ensure information is shared in a timely way, is of sufficient "
                "quality for the recipient to be able to respond or act upon. "
                "Remember to share or feedback any important information e.g. "
                "changes to plans, minutes of meetings, placement moves, and "
                "outcomes of inquiries.",
                ["information-sharing"],
            ),
            (
                "The Hub",
                "The multi-agency safeguarding hub did not collate all of the "
                "relevant information in the case, provide a satisfactory screening "
                "of risk or provide feedback to key professionals involved.",
                ["information-sharing", "risk"],
            ),
        ],
    },
    {
        "child_reference": "Child MW",
        "referred_on": date(2016, 6, 14),
        "decided_on": date(2016, 7, 12),
        "commissioned_on": date(2016, 7, 25),
        "in_progress_on": date(2016, 8, 8),
        "draft_received_on": date(2016, 11, 25),
        "published_on": date(2017, 1, 10),
        "reviewer": "Casey Placeholder, Placeholder Practice Learning (fictitious)",
        "lessons": [
            (
                "Quality of assessments",
                "The importance of timely, good quality and robust assessments is "
                "well recognised, and this is particularly crucial in cases where "
                "there are concerns about CSE. Working Together, 2015, states that "
                "the aims of assessment are 'to use all the information to identify "
                "difficulties and risk factors as well as developing a picture of "
                "strengths and protective factors'. It further outlines that an "
                "'assessment should be a dynamic process, which analyses and "
                "responds to the changing nature and level of need and/or risk "
                "faced by the child'.",
                ["quality-of-assessments", "child-sexual-exploitation"],
            ),
            (
                "Complexity of working with young people",
                "There is a need for professionals to listen to teenagers, but also "
                "be able to balance the young person's wishes with their best "
                "interests.",
                ["voice-of-the-child"],
            ),
            (
                "Impact of change of key professionals when working with vulnerable "
                "young people",
                "Always allow for safe handover of complex cases when lead "
                "professional/case holder changes: be sure to engage with the child "
                "and young person in that transition process.",
                ["transitions-and-transfers", "voice-of-the-child"],
            ),
            (
                "Recognition of the complexity of child sexual exploitation.",
                "When dealing with troubled young people, practitioners need to see "
                "young people as vulnerable children in need of protection rather "
                "than focussing on their challenging behaviour.\n\n"
                "Confusion around young people's rights and their capacity to "
                "consent to sexual activity means both young people and "
                "professionals often wrongly view exploitative relationships as "
                "consensual.",
                ["child-sexual-exploitation"],
            ),
            (
                "Hearing the unspoken voice of the child",
                "Professionals need to ask 'what are they trying to tell us' when "
                "analysing children's behaviour, as well as being alert to the fact "
                "that the needs of the parents can mask the needs of the young "
                "person.",
                ["voice-of-the-child"],
            ),
        ],
    },
    {
        "child_reference": "Child SR",
        "referred_on": date(2016, 8, 9),
        "decided_on": date(2016, 9, 13),
        "commissioned_on": date(2016, 9, 26),
        "in_progress_on": date(2016, 10, 10),
        "draft_received_on": date(2017, 1, 27),
        "published_on": date(2017, 2, 21),
        "reviewer": "Jamie Specimen, Specimen Learning Reviews (fictitious)",
        "lessons": [
            (
                "Professional challenge",
                "At no point should professional disagreement regarding risks "
                "detract from ensuring the child is safeguarded. Practitioners need "
                "to understand and be confident to use the escalation policy.",
                ["professional-challenge"],
            ),
            (
                "Domestic abuse",
                "Domestic violence and abuse may have a long term psychological and "
                "emotional impact in a number of ways:\n"
                "- Children may be greatly distressed by witnessing (seeing or "
                "hearing) the physical and emotional suffering of a parent, or "
                "witnessing the outcome of any assault;\n"
                "- Children may be pressurised into concealing assaults, and "
                "experience the fear and anxiety of living in an environment where "
                "abuse occurs;\n"
                "- The domestic violence and abuse may impact negatively on an adult "
                "victim's parenting capacity;\n"
                "- Children may be drawn into the violence and themselves become "
                "victims of physical abuse. Practitioners need to be aware of the "
                "impact of DA on the child.",
                ["domestic-abuse", "vulnerable-parents"],
            ),
            (
                "Transfer of the care of children to another authority.",
                "Ensuring when children transfer to the care of other authorities "
                "that the safety plan and risks have been clearly communicated and "
                "understood to ensure that there is no loss of momentum in the care "
                "and safety planning for the child.",
                ["transitions-and-transfers", "information-sharing"],
            ),
        ],
    },
]

# Agency names as in boards.demo.data.AGENCIES.
CHILDRENS_SERVICES = "Cumbria County Council, Children's Services"
CCG = "Cumbria Clinical Commissioning Group"
CPFT = "Cumbria Partnership NHS Foundation Trust"
UHMB = "University Hospitals of Morecambe Bay"
NCUH = "North Cumbria University Hospitals"
POLICE = "Cumbria Constabulary"  # the demo agency contributor's agency
SECONDARY_HEADS = "Secondary Head teachers Association"
PRIMARY_HEADS = "Primary Head teachers Association"
YOS = "Youth Offending Service"
NPS = "National Probation Service"
CRC = "Cumbria & Lancashire Community Rehabilitation Company"
DISTRICTS = "Cumbria District/Borough Councils"
BARNARDOS = "Barnardo's"
INSPIRA = "Inspira"

# Illustrative action plans. Each item: action, owner, due, measure, the lesson
# numbers it answers, the 2016-19 business plan action that carries it out (its
# ref, or None), and its progress updates (date, status, RAG, narrative,
# evidence), oldest first. At 31 March 2017 two items are open past their due
# date (Child L 3, Child O 4). The agency contributor's updates are the police's.
NS, IP, DONE = "not_started", "in_progress", "complete"
ACTION_PLANS = {
    "Child N": [
        {
            "action": "Audit three families with a profile like Child N's family to "
            "test how parenting capacity is assessed and responded to, and report "
            "the findings and recommendations to the PMQAG.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 3, 31),
            "measure": "Audit report with recommendations received by the PMQAG; "
            "single-agency actions agreed for each finding.",
            "lessons": [1, 2],
            "business_plan_ref": "1.11",
            "updates": [
                (
                    date(2016, 10, 28),
                    IP,
                    "A",
                    "Three families identified; the audit "
                    "slipped behind other audit priorities and is now booked for "
                    "January.",
                    "",
                ),
                (
                    date(2017, 3, 24),
                    DONE,
                    "C",
                    "",
                    "Audit report and recommendations "
                    "presented to the PMQAG in March 2017.",
                ),
            ],
        },
        {
            "action": "Add a prompt to emergency department and children's ward "
            "records: an immobile infant seen with an injury more than once needs a "
            "discussion about a child protection referral or an Early Help "
            "Assessment.",
            "owner": NCUH,
            "due": date(2016, 12, 31),
            "measure": "The prompt is live in both hospitals; a dip sample of 20 "
            "attendances shows it completed in at least 18.",
            "lessons": [3],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2016, 12, 16),
                    DONE,
                    "C",
                    "",
                    "Prompt live since 1 November "
                    "2016; dip sample in December found it completed in 19 of 20 "
                    "attendances.",
                ),
            ],
        },
        {
            "action": "Include the mother's own childhood, care history and "
            "unresolved trauma in midwifery booking and health visiting new-birth "
            "assessments, with the other significant adults in the household.",
            "owner": CPFT,
            "due": date(2017, 6, 30),
            "measure": "Assessment templates changed; record audit in June 2017 shows "
            "the history recorded in 80% of new-birth visits.",
            "lessons": [1, 4],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 3, 15),
                    IP,
                    "G",
                    "Templates changed in February; staff "
                    "briefings under way, audit booked for June.",
                    "",
                ),
            ],
        },
        {
            "action": "Record every adult present at police attendances where an "
            "infant lives, and check them on police systems before the Safeguarding "
            "Hub shares the referral.",
            "owner": POLICE,
            "due": date(2017, 9, 30),
            "measure": "Briefing given to all response and public protection staff; "
            "quarterly dip sample of referrals shows the checks recorded.",
            "lessons": [4],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 2, 20),
                    IP,
                    "G",
                    "Briefing delivered to public protection "
                    "unit staff; response teams to follow by June.",
                    "",
                ),
            ],
        },
        {
            "action": "Review single-agency supervision policies so that complex "
            "family profiles are discussed with reflective techniques at each "
            "supervision.",
            "owner": CCG,
            "due": date(2017, 6, 30),
            "measure": "Each health provider's supervision policy names reflective "
            "supervision of complex cases; confirmed in the Section 11 return.",
            "lessons": [5],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 1, 30),
                    IP,
                    "G",
                    "Two of the four providers have revised their policies.",
                    "",
                ),
            ],
        },
    ],
    "Child L": [
        {
            "action": "Child protection, child in need and early help plans record "
            "each action the family agreed to take, and every review checks that it "
            "has been done.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2016, 12, 31),
            "measure": "Plan templates changed; the quarterly case audit checks the "
            "family's actions in every plan it samples.",
            "lessons": [1],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2016, 11, 30),
                    DONE,
                    "C",
                    "",
                    "Templates changed in October 2016; the November audit found "
                    "family actions reviewed in 17 of 20 plans.",
                ),
            ],
        },
        {
            "action": "Pathway plans of care leavers who are, or are about to "
            "become, parents include an assessment of the support they need to "
            "parent.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 3, 31),
            "measure": "Every pregnant care leaver and care leaver parent has the "
            "assessment in their pathway plan.",
            "lessons": [4],
            "business_plan_ref": "1.10",
            "updates": [
                (
                    date(2017, 1, 18),
                    IP,
                    "G",
                    "Thematic review of looked after girls "
                    "under way; pathway plan guidance drafted.",
                    "",
                ),
                (
                    date(2017, 3, 29),
                    DONE,
                    "C",
                    "",
                    "Pathway plan guidance issued in "
                    "March 2017; all 11 care leaver parents have the assessment.",
                ),
            ],
        },
        {
            "action": "Single-agency assessments in maternity and the special care "
            "baby unit record who else has been told and whether an Early Help "
            "Assessment is needed.",
            "owner": UHMB,
            "due": date(2017, 2, 28),
            "measure": "Discharge checklist changed; audit of 30 discharges shows "
            "the question answered in each.",
            "lessons": [2, 3],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 3, 20),
                    IP,
                    "A",
                    "The checklist is agreed but the "
                    "electronic record change is waiting for the supplier; due now "
                    "June 2017.",
                    "",
                ),
            ],
        },
        {
            "action": "Safeguarding Hub police researchers include incidents at "
            "previous addresses, in other force areas too, when a referral concerns "
            "an infant.",
            "owner": POLICE,
            "due": date(2017, 6, 30),
            "measure": "Research template changed; quarterly dip sample shows "
            "previous addresses checked in every infant referral.",
            "lessons": [2],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 3, 10),
                    IP,
                    "G",
                    "Template changed; dip sample booked for "
                    "the first quarter of 2017-18.",
                    "",
                ),
            ],
        },
    ],
    "Child AC": [
        {
            "action": "Case managers of children in secure settings attend every "
            "planning meeting, by video link where distance prevents it, and agree "
            "the resettlement plan before release.",
            "owner": YOS,
            "due": date(2016, 12, 31),
            "measure": "Attendance recorded at every planning meeting of children in "
            "secure settings; each has a resettlement plan a month before release.",
            "lessons": [1, 8],
            "business_plan_ref": "4.10",
            "updates": [
                (
                    date(2016, 12, 12),
                    DONE,
                    "C",
                    "",
                    "Practice standard issued; video "
                    "links used for three placements out of county since September.",
                ),
            ],
        },
        {
            "action": "Where a child is subject to a child protection plan and a "
            "youth justice order, hold joint reviews chaired once, with one "
            "shared list of risks.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 3, 31),
            "measure": "Protocol agreed with the Youth Offending Service; every child "
            "with both plans has a joint review.",
            "lessons": [6],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 2, 27),
                    DONE,
                    "C",
                    "",
                    "Joint protocol signed in February "
                    "2017; four children with both plans reviewed jointly.",
                ),
            ],
        },
        {
            "action": "Share intelligence about substance misuse and missing "
            "episodes with the child's lead professional within 72 hours of a "
            "return interview.",
            "owner": POLICE,
            "due": date(2017, 9, 30),
            "measure": "Missing from home audit shows the information shared within "
            "72 hours in 90% of cases.",
            "lessons": [3, 9],
            "business_plan_ref": "7.4",
            "updates": [
                (
                    date(2016, 11, 14),
                    IP,
                    "G",
                    "Process agreed with the missing from home co-ordinators.",
                    "",
                ),
                (
                    date(2017, 3, 27),
                    IP,
                    "A",
                    "Sharing within 72 hours in 68% of "
                    "cases in the last quarter; weekend returns are the gap, a duty "
                    "rota is being tried.",
                    "",
                ),
            ],
        },
        {
            "action": "Pupil Referral Units agree an engagement plan, with "
            "incentives, for every pupil whose attendance falls below 80%.",
            "owner": SECONDARY_HEADS,
            "due": date(2017, 7, 31),
            "measure": "Every pupil below 80% attendance has an engagement plan; "
            "attendance reviewed each half term.",
            "lessons": [7],
            "business_plan_ref": None,
            "updates": [],
        },
    ],
    "Child R": [
        {
            "action": "Transition plans for pupils moving from primary to secondary "
            "school include success criteria, a timescale for review and the "
            "child's own views.",
            "owner": PRIMARY_HEADS,
            "due": date(2017, 3, 31),
            "measure": "The county transition template has the three sections; a "
            "sample of plans from ten schools uses them.",
            "lessons": [1],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 3, 9),
                    DONE,
                    "C",
                    "",
                    "Template reissued to all primary "
                    "schools in January 2017; ten schools sampled, all using it.",
                ),
            ],
        },
        {
            "action": "Compare schools' attendance with their take-up of Early Help "
            "Assessments, and work with the schools that have high persistent "
            "absence and low take-up.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 7, 31),
            "measure": "Schools with high absence and low take-up identified; each "
            "visited by an early help officer; take-up rising in the next term.",
            "lessons": [2, 3],
            "business_plan_ref": "3.1",
            "updates": [
                (
                    date(2017, 1, 20),
                    IP,
                    "A",
                    "Figures compared; the inclusion "
                    "officer is joining the Education Subgroup to agree the list of "
                    "schools.",
                    "",
                ),
            ],
        },
        {
            "action": "School nurses are invited to every Early Help Assessment made "
            "because of absence on health grounds.",
            "owner": CPFT,
            "due": date(2016, 12, 31),
            "measure": "School nurse involved in every such assessment in the "
            "autumn term sample.",
            "lessons": [4],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2016, 12, 20),
                    DONE,
                    "C",
                    "",
                    "Early help guidance changed in "
                    "October 2016; school nurse present in all 14 assessments sampled.",
                ),
            ],
        },
        {
            "action": "When a parent comes to police notice for drug offences or "
            "mental ill health, notify the Safeguarding Hub so the impact on the "
            "children is considered.",
            "owner": POLICE,
            "due": date(2017, 3, 31),
            "measure": "Notification built into the custody and street triage "
            "records; dip sample shows it made in every case with children.",
            "lessons": [5],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2016, 10, 3),
                    IP,
                    "G",
                    "Custody record changed; street triage to follow.",
                    "",
                ),
                (
                    date(2017, 3, 6),
                    DONE,
                    "C",
                    "",
                    "Both records changed; the "
                    "February dip sample found notifications in 23 of 23 cases.",
                ),
            ],
        },
    ],
    "Child O": [
        {
            "action": "Elective home education officers see and speak to each "
            "home-educated child at least once a year, alone where appropriate, and "
            "record the child's views.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 1, 31),
            "measure": "Every home-educated child seen in the year; the child's views "
            "in every record.",
            "lessons": [2, 3],
            "business_plan_ref": None,
            "updates": [
                (
                    date(2017, 1, 25),
                    DONE,
                    "C",
                    "",
                    "Visit standard changed; 2016 "
                    "visits completed for every home-educated child known.",
                ),
            ],
        },
        {
            "action": "Publish guidance for practitioners and supervisors on the "
            "needs of twins and twin families.",
            "owner": CCG,
            "due": date(2017, 6, 30),
            "measure": "Guidance on the LSCB website and in level 3 training.",
            "lessons": [1],
            "business_plan_ref": None,
            "updates": [
                (date(2017, 3, 1), IP, "G", "Draft guidance out for comment.", ""),
            ],
        },
        {
            "action": "Launch the revised Neglect Strategy with the Graded Care "
            "Profile, and cover disguised compliance and fabricated or induced "
            "illness in level 3 training.",
            "owner": CHILDRENS_SERVICES,
            "due": date(2017, 3, 31),
            "measure": "Strategy launched; training materials changed; practitioners "
            "trained in the Graded Care Profile.",
            "lessons": [4],
            "business_plan_ref": "1.16",
            "updates": [
                (
                    date(2017, 1, 27),
                    DONE,
                    "C",
                    "",
                    "Neglect Strategy launched at the "
                    "SCR conference in January 2017; level 3 materials changed.",
                ),
            ],
        },
        {
            "action": "Young people who fall between children's and adult mental "
            "health services' criteria are discussed at a multi-agency panel, not "
            "only signposted.",
            "owner": CPFT,
            "due": date(2017, 2, 28),
            "measure": "Panel meets monthly; every young person referred has a lead "
            "professional named.",
            "lessons": [6],
            "business_plan_ref": "8.2",
            "updates": [
                (
                    date(2017, 3, 22),
                    IP,
                    "R",
                    "Terms of reference not yet agreed "
                    "between the trusts; escalated to the Business Group.",
                    "",
                ),
            ],
        },
    ],
}

# Dissemination, as section 25's list gives its steps, with illustrative dates.
# One newsletter covered all the published SCRs; one letter from the Chair sought
# assurance on all of them; the SCR conference was in January 2017 (business plan
# 2016-19, 1.16 and 4.5).
NEWSLETTER = (date(2016, 9, 30), "SCR special newsletter covering all five reviews.")
CONFERENCE = (
    date(2017, 1, 26),
    "SCR learning conference, after practitioner-forum workshops in the autumn.",
)
ASSURANCE_LETTER = (
    date(2016, 10, 14),
    "Letter from the Independent Chair to member organisations.",
)
SCR_DISSEMINATION = {
    # review: (training materials, procedures, website) dates
    "Child N": (date(2016, 7, 29), date(2016, 8, 31), date(2016, 6, 13)),
    "Child L": (date(2016, 7, 29), date(2016, 8, 31), date(2016, 6, 17)),
    "Child AC": (date(2016, 9, 16), date(2016, 8, 31), date(2016, 7, 8)),
    "Child R": (date(2016, 9, 16), date(2016, 8, 31), date(2016, 7, 18)),
    "Child O": (date(2016, 11, 4), date(2017, 2, 28), date(2016, 8, 23)),
}
TRAINING_NOTE = "Level 2 and 3 safeguarding training materials include the lessons."
PROCEDURES_NOTE = "Procedures manual refreshed with the lessons."
WEBSITE_NOTE = "Report and the LSCB's response document published on the website."
# Section 26: the practice reviews' learning was "used in training, newsletters,
# policies and procedure updates and Practitioner Forums".
PRACTICE_DISSEMINATION = [
    ("training", date(2017, 3, 10), "Combined learning added to level 3 training."),
    ("procedures", date(2017, 2, 28), "Procedures manual refreshed."),
    ("newsletter", date(2017, 3, 17), "Spring newsletter: practice review learning."),
    ("workshops", date(2017, 3, 23), "Practitioner Forums, March 2017."),
]

# Assurance: (agency, days after the letter it answered, summary) — None for no
# answer yet. Every core member answered (as section 25 says); two others have
# not yet answered on the two latest reviews.
ASSURANCE = {
    CHILDRENS_SERVICES: (
        28,
        "Procedures updated and lessons briefed to all social work teams; case "
        "audits check them.",
    ),
    CCG: (35, "Lessons shared with GP practices; the designated nurse audits them."),
    CPFT: (
        21,
        "Health visiting and school nursing guidance updated; lessons in supervision.",
    ),
    UHMB: (42, "Maternity and paediatric staff briefed; safeguarding audit covers it."),
    NCUH: (30, "Emergency and ward staff briefed; injury prompt audited monthly."),
    POLICE: (
        26,
        "Public protection unit briefed; referral dip sampling includes the lessons.",
    ),
    NPS: (33, "Offender managers briefed on the impact on children of parents."),
    CRC: (40, "Lessons added to the safeguarding training of all staff."),
    BARNARDOS: (45, "Lessons shared with every project team and in supervision."),
    INSPIRA: (38, "Personal advisers briefed on the lessons."),
}
NOT_YET_ANSWERED = {("Child R", INSPIRA), ("Child O", BARNARDOS)}
