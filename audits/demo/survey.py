"""The front-line staff surveys of the annual report 2016-17 (section 19).

- The 2016 survey ran from 17 June to 22 July 2016; 368 staff responded. Its three
  questions and their counts are the report's:
  - Confidence in the multi-agency safeguarding procedures (printed without a
    number, under that heading: the question's wording is illustrative): 355
    answered, so 13 of the 368 skipped it. The report prints 45.97%
    for "Confident" (160); 160 of 355 is 45.07%, which is what the portal shows.
  - Q20, outcome clarity in plans: 250 answered, 118 skipped.
  - Q21, children and young people involved in decisions: the report prints
    "Answered: 258" but its counts (126 + 51 + 73) add up to 250, and 250 + 118
    skipped make the 368 respondents, so 250 is recorded. Its percentages (56.40%,
    20.40%, 23.20%) do not match those counts either: the portal shows the counts'
    (50.40%, 20.40%, 29.20%).
- The summer 2015 survey (316 respondents) is known only from the report's
  comparisons: 19% not confident in the procedures (the question was reworded for
  2016) and 60% "sometimes clear" for outcome clarity. Its dates, question wording
  and counts are illustrative, chosen to reproduce those percentages (45 + 12 of
  300 not confident or not very confident at all: 19%; 144 of 240 sometimes clear:
  60%). The two 2016 questions are linked to them as repeats.

Writes go through audits.services, so the counts rules are checked. Idempotent: a
survey that exists is left as it is."""

from datetime import date

from boards.models import Membership, Role

from .. import services
from ..models import StaffSurvey

CONFIDENCE_2015 = (
    "How confident are you in using the LSCB multi-agency safeguarding procedures?"
)
CONFIDENCE_2016 = (
    "How confident do you feel in applying the multi-agency safeguarding "
    "procedures in your role?"
)
OUTCOMES = (
    "Are the outcomes intended for children and families clear in the Child "
    "Protection / Child in Need / Early Help plans you see?"
)
INVOLVED = (
    "Are children and young people appropriately involved in safeguarding "
    "decisions affecting them?"
)

# year, ran from, ran to, respondents, questions: (key, number, text, answered,
# skipped, options, the key of the earlier question it repeats)
SURVEYS = [
    (
        2015,
        date(2015, 6, 15),
        date(2015, 7, 17),
        316,
        [
            (
                "confidence",
                "",
                CONFIDENCE_2015,
                300,
                16,
                [
                    ("Very confident", 12),
                    ("Confident", 138),
                    ("Neither confident or not confident", 87),
                    ("Not confident", 45),
                    ("Not very confident at all", 12),
                    ("Not applicable to my role", 6),
                ],
                None,
            ),
            (
                "outcomes",
                "",
                OUTCOMES,
                240,
                76,
                [
                    ("Outcomes are always clear", 48),
                    ("Sometimes clear", 144),
                    ("Rarely clear", 14),
                    ("Not applicable to my role", 34),
                ],
                None,
            ),
        ],
    ),
    (
        2016,
        date(2016, 6, 17),
        date(2016, 7, 22),
        368,
        [
            (
                "confidence",
                "",
                CONFIDENCE_2016,
                355,
                13,
                [
                    ("Very confident", 11),
                    ("Confident", 160),
                    ("Neither confident or not confident", 120),
                    ("Not confident", 51),
                    ("Not very confident at all", 8),
                    ("Not applicable to my role", 5),
                ],
                "confidence",
            ),
            (
                "outcomes",
                "Q20",
                OUTCOMES,
                250,
                118,
                [
                    ("Outcomes are always clear", 48),
                    ("Sometimes clear", 152),
                    ("Rarely clear", 11),
                    ("Not applicable to my role", 39),
                ],
                "outcomes",
            ),
            (
                "involved",
                "Q21",
                INVOLVED,
                250,
                118,
                [
                    ("Yes", 126),
                    ("No", 51),
                    ("Not applicable to my role", 73),
                ],
                None,
            ),
        ],
    ),
]


def load(board) -> None:
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    earlier = {}  # key → the latest earlier survey's question
    for year, opened_on, closed_on, respondents, questions in SURVEYS:
        survey = StaffSurvey.objects.filter(board=board, year=year).first()
        if survey is None:
            survey = services.survey_create(
                board=board,
                user=user,
                year=year,
                opened_on=opened_on,
                closed_on=closed_on,
                respondents=respondents,
            )
            for _, number, text, answered, skipped, options, repeats in questions:
                services.survey_question_add(
                    survey=survey,
                    user=user,
                    number=number,
                    text=text,
                    answered=answered,
                    skipped=skipped,
                    options=options,
                    repeat_of=earlier.get(repeats),
                )
        recorded = {q.text: q for q in survey.questions.all()}
        for key, _, text, *_ in questions:
            if text in recorded:
                earlier[key] = recorded[text]
