"""The training figures of the Annual Report 2016-17 (seed 004), transcribed.

Printed, and reproduced exactly:
- the learning-event table of section 17, recommendation 6: twenty events and
  the number attended at each, grand total 3,995 (COURSES, in printed order);
- the domestic abuse table of recommendation 1: four of those events (tagged
  with the reviews theme "domestic-abuse"), total 270;
- the levels of section 20: awareness (eLearning and the safeguarding
  responsibilities workshops, the level 2 core courses), intermediate (the
  multi-agency workshops; Working Together is the level 3 core course) and
  enhanced/specialist (Substance Misuse and Parenting, Advanced Domestic and
  Sexual Abuse, MARAC, suicide and self-harm training and the courses for
  specific staff groups);
- section 21: three half-day CSE awareness sessions in October and November
  2016 (186 attended), five full-day CSE learning events (188);
- section 20: six Better Together roadshows (349); the neglect SCR conference
  (150; the narrative says the first such conference was in 2015, the table
  counts it in 2016-17, which is where it is here); 25 people trained by "Train
  the Trainer 2 Day LSCB" in 2016-17; two trainer development events; the
  volunteer trainer agreement implemented (business plan 4.3); attendances of
  1,401 in 2015-16 (a reported total: no sessions of that year are recorded);
- section 20, e-learning (Virtual College): 2016-17 reported as 10,950
  allocated and 8,839 passed (81%); 2015-16 as 6,753 and 5,533 (82%); the 36
  department rows exactly as printed (their cells sum to 10,948 allocated and
  8,846 passed: the difference is shown, not hidden); five learner-feedback
  percentages;
- business plan 4.8: one agency completed the endorsement self-assessment and
  was endorsed (the provider's name is not given: it is fictitious here).

Illustrative (the seed does not give them, and pages say so where it matters):
- how many sessions each event had (except the CSE sessions, the roadshows,
  the twelve practitioner forums and the one conference), their dates within
  2016-17 and venues, and how each session's share of the printed total is
  split across the board's agencies (AttendanceCount.illustrative);
- the trainers' names ("Example Trainer 01"…, fictitious), agencies and
  agreement dates, which trainers delivered which sessions and came to which
  development event;
- the set evaluation questions, the evaluations and the impact follow-up;
- which e-learning departments belong to which board agency (DEPARTMENT_AGENCY:
  only where the department is plainly that agency);
- the sessions planned after the load date and the one session of March 2017
  held without its attendance returned yet.
"""

from datetime import date

from ..models import Format, Level

YEAR = 2016  # 2016-17
REPORTED_YEARS = {2015: 1401}  # section 20: "The total number of attendees in 15 / 16"

AW, INT, ENH = Level.AWARENESS, Level.INTERMEDIATE, Level.ENHANCED
F2F, CONF, ROAD, FORUM = (
    Format.FACE_TO_FACE,
    Format.CONFERENCE,
    Format.ROADSHOW,
    Format.FORUM_WORKSHOP,
)
DA, CSE, NEGLECT = "domestic-abuse", "child-sexual-exploitation", "neglect"

VENUES = [
    "Training room, Carlisle",
    "Conference room, Kendal",
    "Training suite, Workington",
    "Community centre, Barrow-in-Furness",
    "Meeting room, Penrith",
    "Training room, Whitehaven",
]


def _d(text: str) -> date:
    return date.fromisoformat(text)


# (title as printed, level, format, theme slugs, attended as printed, session
# dates). The number and dates of sessions are illustrative except where the
# module docstring says otherwise. The printed total is split across the
# sessions as evenly as it goes (the first sessions take the remainder).
COURSES = [
    (
        "Advanced Domestic and Sexual Abuse",
        ENH,
        F2F,
        [DA],
        121,
        ["2016-06-14", "2016-09-20", "2016-11-15", "2017-02-07"],
    ),
    (
        "Early Help Assessment Training (multi agency)",
        INT,
        F2F,
        [],
        75,
        ["2016-05-17", "2016-10-11", "2017-01-24"],
    ),
    (
        "How to Write an Early Help Assessment",
        INT,
        F2F,
        [DA],
        57,
        ["2016-07-05", "2016-12-06"],
    ),
    (
        "LSCB Domestic Abuse and Sexual Violence Awareness (Level 2)",
        AW,
        F2F,
        [DA],
        77,
        ["2016-05-24", "2016-09-13", "2017-01-17"],
    ),
    (
        "Multi-Agency MARAC Training workshops LSCB",
        ENH,
        F2F,
        [DA],
        15,
        ["2016-10-04"],
    ),
    (
        "Safeguarding and Child Protection Working Together to Safeguard Children",
        INT,
        F2F,
        [],
        398,
        [
            "2016-04-19",
            "2016-05-19",
            "2016-06-16",
            "2016-07-14",
            "2016-09-15",
            "2016-10-13",
            "2016-11-17",
            "2017-01-19",
            "2017-02-16",
            "2017-03-16",
        ],
    ),
    (
        "Safeguarding Level 2 (early years practitioners)",
        AW,
        F2F,
        [],
        92,
        ["2016-06-08", "2016-09-28", "2016-11-30", "2017-02-22"],
    ),
    (
        "Safeguarding Responsibilities, Threshold Guidance and Referral Process.",
        AW,
        F2F,
        [],
        392,
        [
            "2016-04-26",
            "2016-05-26",
            "2016-06-23",
            "2016-07-21",
            "2016-09-22",
            "2016-10-20",
            "2016-11-24",
            "2017-01-26",
            "2017-02-23",
            "2017-03-23",
        ],
    ),
    (
        "Substance Misuse and Parenting",
        ENH,
        F2F,
        [],
        65,
        ["2016-07-12", "2016-10-18", "2017-02-14"],
    ),
    (
        "Train the Trainer - Advanced Practitioners",
        ENH,
        F2F,
        [],
        9,
        ["2016-11-08"],
    ),
    # The pool's course: its attendees are named (the trainers below).
    (
        "Train the Trainer 2 Day LSCB",
        ENH,
        F2F,
        [],
        25,
        ["2016-05-10", "2016-06-21", "2016-09-27"],
    ),
    (
        "Better together roadshows",
        AW,
        ROAD,
        [],
        349,
        [
            "2016-09-06",
            "2016-09-08",
            "2016-09-13",
            "2016-09-15",
            "2016-09-20",
            "2016-09-22",
        ],
    ),
    (
        "CSE awareness course half day",
        AW,
        F2F,
        [CSE],
        186,
        ["2016-10-12", "2016-10-26", "2016-11-09"],
    ),
    (
        "CSE full day workshop",
        INT,
        F2F,
        [CSE],
        188,
        ["2016-06-29", "2016-09-21", "2016-11-22", "2017-01-31", "2017-03-07"],
    ),
    # Twelve practitioner forums in the year (section 17, recommendation 7):
    # six district forums, twice each.
    (
        "P&P Practitioner forum workshops disguised compliance",
        INT,
        FORUM,
        [],
        116,
        [
            "2016-06-01",
            "2016-06-02",
            "2016-06-07",
            "2016-06-08",
            "2016-06-09",
            "2016-06-15",
        ],
    ),
    (
        "P&P Practitioner forum workshop CSE",
        INT,
        FORUM,
        [CSE],
        89,
        ["2016-12-01", "2016-12-07", "2016-12-08"],
    ),
    (
        "P&P Practitioner forum workshop under aged sexual activity",
        INT,
        FORUM,
        [],
        75,
        ["2016-12-13", "2016-12-14", "2016-12-15"],
    ),
    ("Neglect SCR conference", INT, CONF, [NEGLECT], 150, ["2016-11-03"]),
    ("Achieving best evidence", ENH, F2F, [], 16, ["2016-08-09", "2017-03-14"]),
    (
        "Suicide and self-harm training",
        ENH,
        F2F,
        [],
        1500,
        [
            "2016-04-28",
            "2016-05-12",
            "2016-06-09",
            "2016-07-07",
            "2016-09-08",
            "2016-10-06",
            "2016-11-03",
            "2016-12-01",
            "2017-01-12",
            "2017-02-09",
            "2017-03-09",
            "2017-03-30",
        ],
    ),
]
GRAND_TOTAL = 3995
ONE_OFF = {"Neglect SCR conference"}  # runs on its day only
TRAIN_THE_TRAINER = "Train the Trainer 2 Day LSCB"
ADVANCED_TRAINERS = "Train the Trainer - Advanced Practitioners"
COURSES_START = _d("2016-04-01")

# Illustrative: a session held at the end of the year whose register has not
# been returned, so the board home lists it.
HELD_WITHOUT_ATTENDANCE = ("Substance Misuse and Parenting", "2017-03-28")

# Courses of the 2017-18 programme (sections 16 and 21: Barnardo's risk
# identification matrix briefings from June 2017; a new targeted 'advanced' CSE
# course). Their sessions are planned this many days after the load date, like
# the audits demo's open 2017-18 audit: the one part that follows today's date.
PLANNED_COURSES = [
    (
        "Domestic Abuse Risk Identification Matrix briefing",
        AW,
        F2F,
        [DA],
        "2017-04-01",
    ),
    ("CSE advanced practice workshop", ENH, F2F, [CSE], "2017-04-01"),
]
PLANNED_SESSIONS = [
    ("Domestic Abuse Risk Identification Matrix briefing", 14, 30),
    ("CSE advanced practice workshop", 28, 24),
    (
        "Safeguarding Responsibilities, Threshold Guidance and Referral Process.",
        21,
        40,
    ),
    ("Advanced Domestic and Sexual Abuse", 42, 30),
]

# The trainer pool: 25 trained by the 2 day course (9, 8 and 8 at its three
# sessions), fictitious names, agencies rotated over the board's agencies.
TRAINERS_PER_SESSION = [9, 8, 8]
TRAINER_NAMES = [f"Example Trainer {n:02d}" for n in range(1, 26)]
TRAINER_AGENCIES = [
    "Cumbria County Council, Children's Services",
    "Cumbria Partnership NHS Foundation Trust",
    "Cumbria Constabulary",
    "North Cumbria University Hospitals",
    "University Hospitals of Morecambe Bay",
    "Barnardo's",
    "Youth Offending Service",
    "Cumbria District/Borough Councils",
    "NSPCC",
]
AGREEMENT_SIGNED_DAYS_AFTER = 14  # after their train-the-trainer session
DEVELOPMENT_DAYS = [
    ("2016-10-19", "Trainer development event: the LSCB's work and new procedures"),
    ("2017-03-08", "Trainer development event: learning from serious case reviews"),
]

# Business plan 4.8: one agency's self-assessment, endorsed (name fictitious).
PROVIDER = {
    "name": "Example Safeguarding Training Ltd",
    "courses": "Safeguarding children awareness (level 2) for early years settings",
    "self_assessment_received_on": _d("2016-11-14"),
    "decision": "endorsed",
    "decided_on": _d("2016-12-08"),
    "expires_on": _d("2019-12-07"),
}

# Illustrative evaluation: set questions, a few forms, one impact follow-up.
QUESTIONS = [
    "The learning outcomes were met",
    "The content was relevant to my role",
    "The trainers were knowledgeable and well prepared",
    "I will use what I have learned in my practice",
    "Overall, the session was worthwhile",
]
# (course, session date, [(scores in question order, comments)]). Section 21:
# all delegates of the CSE half-day sessions rated them "excellent" or "good".
EVALUATIONS = [
    (
        "CSE awareness course half day",
        "2016-10-12",
        [
            ([5, 5, 4, 5, 5], "Illustrative: clear on the signs of exploitation."),
            ([4, 5, 5, 4, 4], "Illustrative: useful case studies."),
            ([5, 4, 5, 5, 5], "Illustrative."),
        ],
    ),
    (
        "CSE awareness course half day",
        "2016-11-09",
        [
            ([4, 4, 5, 4, 4], "Illustrative: would like more on disruption."),
            ([5, 5, 5, 5, 5], "Illustrative."),
        ],
    ),
    (
        "Neglect SCR conference",
        "2016-11-03",
        [([4, 5, 4, 4, 4], "Illustrative: the neglect toolkit is practical.")],
    ),
]
IMPACT_FOLLOW_UP = {
    "course": "CSE full day workshop",
    "session_date": "2016-11-22",
    "followed_up_on": _d("2017-03-15"),
    "sampled": 12,
    "practice_changed": 9,
    "examples": (
        "Illustrative: practitioners reported using the CSE risk assessment tool "
        "before referral, and two teams added CSE screening to their supervision "
        "agenda."
    ),
}

# E-learning (section 20). Reported totals as the narrative gives them.
ELEARNING_REPORTED = {2015: (6753, 5533), 2016: (10950, 8839)}

# "All completions and allocations by department", 2016-17, exactly as printed:
# (department, passed, total allocated). Sums: 8,846 passed, 10,948 allocated.
ELEARNING_2016 = [
    ("A&E", 0, 2),
    ("All Other", 242, 306),
    ("Allerdale", 38, 51),
    ("Carer", 612, 859),
    ("Carlisle City Council", 3, 3),
    ("Child Minder", 97, 122),
    ("Children's Centres", 110, 120),
    ("CHOC", 4, 5),
    ("Colleges", 140, 159),
    ("CPFT - Adult mental health", 0, 4),
    ("CPFT - CAMHS", 2, 5),
    ("CPFT - Children's Community Nursing", 25, 30),
    ("CPFT - Family Nurse Partnership", 4, 5),
    ("CPFT - Physical Therapies", 84, 109),
    ("CPFT - School Nurse", 10, 20),
    ("Cumbria County Council", 1496, 1757),
    ("Education services", 218, 266),
    ("External Local Authority", 52, 65),
    ("Foster carer", 89, 117),
    ("GP", 6, 11),
    ("Health visitor", 21, 26),
    ("Housing", 57, 74),
    ("Inspira", 98, 105),
    ("LSCB Partners", 1, 1),
    ("Maternity", 1, 2),
    ("Nurseries", 833, 1104),
    ("Other hospital/health service", 38, 52),
    ("Paediatrics", 12, 22),
    ("Police", 20, 28),
    ("Primary Schools", 1761, 2113),
    ("Probation", 10, 24),
    ("Secondary Schools", 1539, 1732),
    ("South Lakes", 4, 6),
    ("Voluntary agency", 603, 823),
    ("Young Person (11-18 year old)", 614, 818),
    ("Youth Offending Service (YOS)", 2, 2),
]
ELEARNING_2016_CELLS = (10948, 8846)  # (allocated, passed) the rows sum to

CPFT = "Cumbria Partnership NHS Foundation Trust"
DISTRICTS = "Cumbria District/Borough Councils"
# Departments that are plainly one of the board's agencies (illustrative only in
# that the provider's report does not say so). Allerdale and South Lakes are
# read as the borough and district councils.
DEPARTMENT_AGENCY = {
    "Allerdale": DISTRICTS,
    "Carlisle City Council": DISTRICTS,
    "South Lakes": DISTRICTS,
    "CPFT - Adult mental health": CPFT,
    "CPFT - CAMHS": CPFT,
    "CPFT - Children's Community Nursing": CPFT,
    "CPFT - Family Nurse Partnership": CPFT,
    "CPFT - Physical Therapies": CPFT,
    "CPFT - School Nurse": CPFT,
    "Cumbria County Council": "Cumbria County Council, Children's Services",
    "Inspira": "Inspira",
    "Police": "Cumbria Constabulary",
    "Probation": "National Probation Service",
    "Youth Offending Service (YOS)": "Youth Offending Service",
}

# "Learner Feedback", 2016-17, in printed order.
LEARNER_FEEDBACK_2016 = [
    (
        "of learners found the system either 'Very Easy' or 'Easy' to access and "
        "navigate through",
        94,
    ),
    ("of learners needed to contact the system's Help and Support services", 13),
    (
        "of those who did need to contact the system's Help and Support Services "
        "rated their experience as 'Excellent' or 'Good'",
        92,
    ),
    (
        "of learners were either 'Very Satisfied' or 'Satisfied' that the course "
        "gave them all the information they needed to know",
        98,
    ),
    ("of learners would recommend the courses to other people", 97),
]

# Section 17: the updates of Ofsted recommendations 1 and 6 print training
# tables: (recommendation number, theme slug or None for every course, caption).
INSPECTION_BODY = "Ofsted"
RECOMMENDATION_TABLES = [
    (1, DA, "Domestic abuse training"),
    (6, None, "Multi-agency training"),
]
