"""The Cumbria LSCB annual report 2016-17's own words, as printed (sections 1, 2,
3, 4, 9, 23, 29, 30 and 32, "LSCB annual report on a page"), for the demo narrative.

Transcribed with these changes: people are named by role only (the foreword is
signed "Independent Chair, Cumbria LSCB"); the print's bold and italic marks are
dropped (the narrative is plain text); a paragraph the print split across a page
break is joined; section 4's "were looked, after a rate" reads "were looked after,
a rate"; section 23's table and its "Performance" and "Summary" headings are left
to the report, which prints the figures from the board's data; the report on a
page's achievements and members' view are bullets ("- "). Its "Performance and
data" column is not text here: the report on a page computes its figures from the
board's data for the year."""

YEAR = 2016

FOREWORD = """\
I have had the privilege to be the Independent Chair of Cumbria's Local \
Safeguarding Children Board (LSCB) for over three years. I continue to be so \
fortunate to have such committed and experienced colleagues from all agencies to \
work with me on ensuring the safety of Cumbria's children and young people.

I would wish to start by paying tribute and offering my thanks to all of the LSCB \
member agencies, the chairs of all of our sub groups, our lay members, and our \
Young Perspective Board all of whom work tirelessly to improve safeguarding in \
Cumbria. Supported by a very experienced and dedicated LSCB team - there is a \
strong collective partnership dedicated to this work. There are very many members \
of staff in all agencies and settings across Cumbria who play a part in this vital \
work. Our work has led to significant improvements in the functioning of the LSCB \
which is strongly connected to improved outcomes for children.

This report provides a detailed description of the significant work that has been \
undertaken in Cumbria from 2016 to 2017 and it provides an open and transparent \
assessment of the state of safeguarding for children and young people in Cumbria. \
I am pleased to say that it describes significant and continuous ongoing progress, \
although, of course, we can never be complacent in such challenging work.

One of the key features of the year was the publication of five Serious Case \
Reviews (SCR), undertaken when children have either died or been seriously injured \
and where abuse or neglect is a feature. These are tragic and significant reviews \
and considerable work is required to ensure the learning is translated into \
improved practice. Three of these SCR were cases from some time ago which I \
describe as "legacy" cases, when the criteria for a SCR should have been met at an \
earlier point. All of the SCR are described in detail in the report.

The year has seen a significant increase in Early Help Assessments which are aimed \
to prevent families reaching crisis point, and to offer services at an early \
point. In addition the LSCB has developed and implemented an improved strategy for \
tackling domestic abuse and the impact on children and young people. The LSCB has \
also retained a strong focus on Neglect. We have strived to ensure that there has \
been a significant increase in staff being trained, and we have continued to \
improve our learning from auditing.

We have strengthened the voice of young people in the work of the LSCB through the \
Young Perspective Board, which is made up of young people from different settings \
and pathways – all of whom play a vital role in shaping the work of our Board. As \
a result of their work during 2016-17 they won the Police and Crime Commissioner's \
award for Outstanding Citizen of the Year (July 2017). I would wish to publically \
congratulate them and thank them for their significant contribution.

I regularly provide a report to the Minister of State for Vulnerable Children and \
Families and will continue to do so until we and external Inspectors are certain \
that the improvements are sustained and embedded within Cumbria. On each occasion \
that I write that report, I am pleased to report very positive progress from a \
LSCB perspective. However, I am by no means satisfied and we will continue to \
strive to improve further.

I hope that you find this report interesting and helpful. It is intended for \
everyone who has an interest in safeguarding Cumbria's children and young people. \
I look forward to the continuing challenges for 2017-2018 and to working with all \
of our many stakeholders in Cumbria, and to continue to improve the safety of \
children and young people in Cumbria.

Thank you for all that you do.

Independent Chair, Cumbria LSCB
22nd August 2017"""

INTRODUCTION = """\
Welcome to the Cumbria LSCB Annual Report 2016-17. This Annual Report is a \
retrospective look at the work of the LSCB in the year 2016-17, and Working \
Together 2015 outlines what should be covered in this report. The report \
identifies the local context for children and young people growing up in Cumbria, \
and outlines the state of safeguarding in Cumbria. It describes the work of the \
LSCB over the past year, and the structure and work of the sub groups.

The report also outlines the learning and development which the LSCB wants to \
provide for the many staff who work with children and young people in Cumbria, \
and how the LSCB works with the other Boards within Cumbria. It outlines what has \
been achieved in the past year, and what the LSCB plans to achieve in the next \
three years."""

VIEWS_OF_CHILDREN = """\
Cumbria LSCB believes that it is important for children and young people to take \
an active role in the design and development of services provided for them. The \
LSCB has a young people's board that meets on a regular basis called the Young \
Perspective Board. The Board meets at least four times a year to plan larger young \
people's engagement events called Forums and work on specific projects. These \
events have provided opportunities to raise issues that affect children and young \
people and solve problems around safety and safeguarding. The Young Perspective \
Board say that they exist 'To make sure that young people have a say in services \
that are there to keep them safe'.

Key Achievements

The young people agreed their Terms of Reference and their priorities for the \
year which included; Child Neglect and the impact of parental mental health and \
substance misuse.

Child Neglect

On 25th July 2016 the LSCB Young Perspective Board ran the first young people's \
forum wholly created and delivered by young people. They ran 3 workshops: Neglect \
a saw, Badge it and Neglect matters, the workshops were designed to find out what \
young people living in Cumbria think neglect is and how it affects young people.

The day started off with a short film and a poem written by a shadow board member \
to introduce what is meant by neglect. Some of the young people felt sad when they \
learned more about neglect in Cumbria, they felt that one of our priorities should \
be about raising awareness of neglect to other children and young people; teaching \
staff and parents.

The views of the young people were incorporated into the Cumbria LSCB Neglect \
strategy and two young people delivered a presentation at the LSCB Neglect \
conference.

Impact of parental mental health and substance misuse

The Board ran an event called the good the bad and ugly which explored alcohol and \
its impact on children and young people. Over 30 young people attended and the \
key points were; young people felt that they needed more education at a younger \
age on drugs and alcohol as they want to understand how to keep safe and how to \
keep their friends safe. They designed a leaflet on staying safe throughout the \
summer. A key priority was to design bags that can be distributed to young people.

The Young Perspective Board has agreed that their priorities for 2017 / 18 will be \
internet safety and Domestic Abuse."""

CONTEXT = """\
Approximately 92,800 children and young people under the age of 18 years live in \
Cumbria. This is 19% of the total population in the area. (Source: Mid-2015 \
Population Estimates, ONS). Approximately 13.8% of the local authority's children \
(aged 0-19 years) are living in poverty (Source: HMRC).

Children and young people from minority ethnic groups account for 5.3% of all \
children living Cumbria, compared with 29.1% in the country as a whole (Source: \
School Census).

Children and young people live in communities which range from isolated rural \
settlements and farms to market towns and larger urban conurbations. Of the \
county's population, 53.6% live in rural areas, compared with 17.6% of the \
population in England and Wales. (Source: Office for National Statistics, 2011)

Cumbria faces the challenge of rurality and child poverty.

Child protection in this area

At 31 March 2017, 523 children and young people were the subject of a child \
protection plan. This is an increase from 416 children and young people at 31 \
March 2015. This has been an area of focus for the Board over the past year, and \
will remain so for 2017-18.

At 31 March 2017, 3,081 children had been identified through assessment as being \
formally "in need" of a specialist children's service in the year. This means \
that they need specialist help from the Local Authority (LA) to achieve or \
maintain a reasonable standard of health or development: this is a reduction from \
3,371 at 31 March 2016.

Children looked after in this area

At 31 March 2017, 627 children are being "looked after" by the LA, a rate of 67.6 \
per 10,000 children. This is a decrease from 31st March 2016 when 661 children \
were looked after, a rate of 70.8 per 10,000. This is significantly higher than \
the national average and has been an area of focus for some time. The LSCB has \
agreed to prioritise this cohort in a whole system approach.

There are 179 (March 2017) Cumbrian children and young people who are in \
placements outside Cumbria."""

CONCLUSION = """\
The Annual Report 2016-17 demonstrates that the LSCB has further matured and is \
able to evidence significant improvement across Safeguarding in Cumbria.

The previous Annual Report (2015-16) was praised by the DfE Advisor and the Peer \
Review in 2016 suggested that the report was fit for purpose and showed good \
progress.

Highlights this year have included the development of the Children and Young \
People's Perspectives Board resulting in improvement in the impact of CYP views on \
the work of the LSCB; advances in learning opportunities with improvements in the \
training pool; training and take up of the LSCB courses; the accreditation of \
external trainers.

Further, the LSCB has completed another staff survey and a Safeguarding Audit, \
both of which show good progress as well as some areas of learning.

The delivery of the LSCB Business Plan 2016-19 has been very successful as can be \
seen through the update above."""

PRIORITIES = """\
The LSCB will review priorities for 2017-20 and these will be reflected in the \
new Business Plan."""

ACHIEVEMENTS = """\
- Business Plan 2016-19 successfully delivered
- An increased range of Quality Audits with improved practice noted across the \
county
- Staff Survey – increased responses and improved awareness of Whistleblowing, \
Child Sexual Exploitation, Domestic Abuse and Neglect
- Well-functioning and engaged Young People's Group – actively contributing to \
the work of the LSCB
- Published 5 Serious Case Reviews and delivered related action plans – making a \
real difference to practice in Cumbria
- Inspections of related services (Police, Health and Local Authority Ofsted \
Monitoring visits) show that improvements are becoming embedded
- 433 responses to the Safeguarding Audit (Section 11) utilised in Annual Report \
– and Learning from Each Other event planned
- Neglect Conference held with over 180 attendees which launched the LSCB Neglect \
Strategy in response to a number of Serious Case Reviews
- A catalogue of good practice case studies has been developed and is on the \
website
- Implementation of Early Help Panels"""

MEMBERS_VIEW = """\
- Voice of children and young people is more evident in the work of the LSCB
- Partnership working has improved significantly and is genuine with good \
constructive challenge in the system
- Collective ownership and cohesive, with good ownership of the partnership \
working to ensure multi-agency focus on safeguarding children
- Strong and determined partnership to develop with significant improvements in \
the last 3 years
- LSCB website is easy to navigate and communication continues to improve
- Development of sub groups and the co-ordination of audit is bringing real \
benefits
- Learning from SCR's becoming embedded
- Competency of the LSCB team with significant improvements in the \
administration in the last few years
- Continued development of organisational leads in supporting and enabling the \
work of the LSCB alongside the promotion of multi-agency understanding of the \
roles of each agency
- Continued engagement with the education sector"""

GOVERNANCE = """\
The LSCB has a 3 year Business Plan aimed at delivering both the statutory \
requirements of the legislation governing the work of LSCBs, and the needs of \
local children and young people. In order to manage this, set direction and \
monitor progress, the LSCB has established a number of subgroups that are \
accountable through the LSCB.

The overall LSCB has membership from across the partnership as defined by \
Working Together 2015 and is independently chaired.

Section 14 of the Children Act 2004 sets out the statutory objectives and \
functions of LSCBs as being:

- To coordinate what is done by each person or body represented on the board for \
the purpose of safeguarding and promoting the welfare of children in the area; \
and
- To ensure the effectiveness of what is done by each such person or body for \
those purposes

The core business of the LSCB is to:

- Develop local multi-agency policies and procedures that promote and result in \
effective multi-agency working to safeguard and protect the children and young \
people of Cumbria.
- Monitor and evaluate the effectiveness of what is done by partners \
individually and collectively to safeguard and promote the welfare of children \
and advise them on ways to improve
- Oversee and challenge partners in carrying out their safeguarding \
responsibilities under Section 11 of the Children Act 2004, to make sure that \
they are doing that work effectively
- Plan, co-ordinate, commission and evaluate multi-agency training.
- Promote effective multi-agency early help to identify and appropriately \
support children and their families.
- Monitor and evaluate the effectiveness of partner agencies individually and \
collectively and advise on ways to improve performance and quality.
- Undertake reviews of serious cases and child deaths, advise the Board and our \
stakeholders of the lessons to be learnt.
- Communicate effectively to our stakeholders regarding the need to safeguard \
and promote the welfare of children.

To do all of this – the LSCB has established a number of subgroups and working \
groups."""

PRIVATE_FOSTERING = """\
The LSCB has a duty to ensure “the co-ordination and effective implementation of \
measures designed to strengthen private fostering notification arrangements \
including; raising awareness of private fostering across partner agencies, third \
sector organisations and commissioned services: ensuring that any relevant \
training practices are developed and followed up at multi-agency level: \
reviewing and responding to the findings of the annual private fostering report \
submitted by the local authority to the Chair of the LSCB; acting upon the \
findings of Ofsted inspections and research evidence on effective practice; \
providing effective leadership and challenge in this area; and reporting on \
fostering in their own annual report as appropriate.”

The Ofsted Report following the March 2015 inspection says “The Board has held \
the local authority and partners to account for their performance over private \
fostering. Too few children are identified and referred to the local authority \
by partner agencies. The Board has increased its level of oversight in this area \
since the 2012 Ofsted inspection, when it was identified as an area of \
weakness.”

The Department of Education has removed the annual requirement that Private \
Fostering figures are sent to them. This means that we are no longer able to \
compare our statistics with the North West and all of England. The figures on \
statutory visits will be added as an addendum to this report when they become \
available.

There has been a decrease in the number of notifications – 6 - compared to 13 \
the previous year (2015-2016). It had been anticipated that the increased \
publicity may lead to an increase in the number of private fostering referrals \
from LSCB organisations. In 2016-17 it appears that none of the notifications \
came from LSCB organisations despite the raised awareness completed within them. \
The figures are monitored monthly by the Lead Officer who reports progress \
internally within Children’s Services.

The Private Fostering leaflets and posters are available to download for staff \
and service users from the Cumbria County Council website with links from the \
LSCB website. The E-learning package has continued to be promoted as a mandatory \
component of all Children's Services new staff members induction.

Private Fostering is regularly promoted in the LSCB Newsletter and through the \
webpage. The Private Fostering policies and procedures are reviewed annually for \
the LSCB and Children's Services. The LSCB education sub-group has taken a \
particular interest in Private Fostering this year and promotion has been \
through all links into education settings.

Numbers of Private Fostering cases have remained steady across the County \
despite a spike last year. Case recording of Private Fostering cases has \
improved and all Privately Fostered children have been reviewed in June 2017.

There has continued to be a concerted push to publicise and embed Private \
Fostering via the LSCB. A briefing has been sent out and delivered by Senior \
Advisers, General Advisers, Early Years staff and Governor Service's staff in \
schools, nurseries and Children's Centre settings. Publicity has also been \
delivered to targeted settings such as large employers in Cumbria. However \
actual notifications and Private Fostering cases remain low in Cumbria and are \
still predominately spotted and generated by Children's Services staff.

The full Private Fostering Annual Report is available on the LSCB Website"""


TEXTS = {
    "foreword": FOREWORD,
    "introduction": INTRODUCTION,
    "views_of_children": VIEWS_OF_CHILDREN,
    "context": CONTEXT,
    "governance": GOVERNANCE,
    "private_fostering": PRIVATE_FOSTERING,
    "conclusion": CONCLUSION,
    "priorities": PRIORITIES,
    "achievements": ACHIEVEMENTS,
    "members_view": MEMBERS_VIEW,
}
