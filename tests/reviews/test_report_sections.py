"""Sections 24-27 of the annual report (learning from reviews, serious case
reviews, practice reviews, learning from child deaths) in the PDF, in the seed's
order, left out without data; published reviews only. The meeting pack's "SCR
action plan update" part, overdue first."""

from datetime import date

import pytest

from reports.documents import annual_report
from reports.meeting_pack import meeting_pack
from reports.sections import SECTIONS, build_sections
from reviews import pdf
from reviews.models import (
    AssuranceResponse,
    CdopRecommendation,
    ComparisonTable,
    DisseminationKind,
    DisseminationStep,
    ItemStatus,
    ModifiableFactor,
    NationalComparison,
    ReviewEvent,
    ReviewType,
    Sex,
    Stage,
)
from subgroups.models import ReportKind
from tests.boards.factories import AgencyFactory
from tests.reports.helpers import contents_entries, page_texts
from tests.reviews.factories import (
    ActionItemFactory,
    CaseReviewFactory,
    ChildDeathFactory,
    LessonFactory,
    PublishedReviewFactory,
)
from tests.subgroups.factories import MeetingFactory, PlanItemFactory

pytestmark = pytest.mark.django_db

REVIEW_KEYS = [
    "learning_from_reviews",
    "serious_case_reviews",
    "practice_reviews",
    "child_deaths",
]
SECRET = "Unpublished story XYZZY"


def flat(texts) -> str:
    return " ".join(" ".join(texts).split())


@pytest.fixture
def reviews(cast):
    board = cast.board
    child_n = PublishedReviewFactory(
        board=board,
        child_reference="Child N",
        legacy=True,
        published_on=date(2016, 6, 13),
        scope="How agencies worked together between March 2011 and December 2012.",
        story="Child N died in December 2012 aged 13 months.",
    )
    LessonFactory(
        review=child_n,
        number=1,
        text="Consider the long term impact of unresolved childhood trauma.",
    )
    LessonFactory(
        review=child_n,
        number=2,
        text="Use family history, chronology and genealogy to identify risk.",
    )
    ActionItemFactory(review=child_n, number=1, status=ItemStatus.COMPLETE)
    ActionItemFactory(review=child_n, number=2)
    ActionItemFactory(review=child_n, number=3)
    DisseminationStep.objects.create(
        review=child_n, kind=DisseminationKind.TRAINING, done_on=date(2016, 7, 1)
    )
    AssuranceResponse.objects.create(
        review=child_n,
        agency=cast.agency_x,
        requested_on=date(2016, 7, 1),
        received_on=date(2016, 8, 1),
        summary="Lessons in training.",
    )
    AssuranceResponse.objects.create(
        review=child_n, agency=cast.agency_y, requested_on=date(2016, 7, 1)
    )
    child_ad = PublishedReviewFactory(
        board=board,
        child_reference="Child AD",
        review_type=ReviewType.PRACTICE,
        published_on=date(2016, 11, 1),
    )
    ReviewEvent.objects.create(
        review=child_ad,
        kind=ReviewEvent.Kind.RECATEGORISED,
        date=date(2016, 9, 1),
        from_type=ReviewType.SCR,
        to_type=ReviewType.PRACTICE,
        note="Criteria not met.",
    )
    LessonFactory(
        review=child_ad,
        number=1,
        title="Share information",
        text="Ensure information is shared in a timely way.",
    )
    child_ab = PublishedReviewFactory(
        board=board,
        child_reference="Child AB",
        review_type=ReviewType.PRACTICE,
        published_on=date(2016, 10, 3),
    )
    LessonFactory(
        review=child_ab,
        number=1,
        title="Share information",
        text="Feed back changes to plans and the minutes of meetings.",
    )
    LessonFactory(
        review=child_ab,
        number=2,
        title="Professional challenge",
        text="Practitioners need to use the escalation policy.",
    )
    hidden = CaseReviewFactory(
        board=board,
        child_reference="Child ZZ",
        stage=Stage.IN_PROGRESS,
        commissioned_on=date(2016, 6, 1),
        story=SECRET,
        scope=SECRET,
    )
    LessonFactory(review=hidden, number=1, text="Unpublished lesson XYZZY")
    return board


@pytest.fixture
def deaths(cast):
    board = cast.board
    smoking = ModifiableFactor.objects.create(board=board, name="Parental smoking")
    for _ in range(3):
        ChildDeathFactory(board=board, sex=Sex.MALE)
    modifiable = ChildDeathFactory(board=board, sex=Sex.FEMALE, modifiable=True)
    modifiable.modifiable_factors.set([smoking])
    # 2014/15: signed off in February 2015.
    for sex in (Sex.MALE, Sex.FEMALE):
        ChildDeathFactory(
            board=board,
            sex=sex,
            month_of_death=date(2014, 5, 1),
            signed_off_on=date(2015, 2, 10),
        )
    NationalComparison.objects.create(
        board=board, year=2015, table=ComparisonTable.SEX, row="male", percentage=58
    )
    NationalComparison.objects.create(
        board=board,
        year=2015,
        table=ComparisonTable.MODIFIABLE,
        row="no",
        percentage=76,
    )
    CdopRecommendation.objects.create(
        board=board,
        year=2014,
        number=1,
        text="Maternity services should improve data on smoking at delivery.",
        progress="Smoking status now known in all but 2.7% of cases.",
    )
    CdopRecommendation.objects.create(
        board=board,
        year=2015,
        number=1,
        text="All agencies should complete Form B in time.",
    )
    return board


def test_the_sections_sit_between_private_fostering_and_the_business_plan():
    keys = [s.key for s in SECTIONS]
    start = keys.index("private_fostering") + 1
    assert keys[start : start + 4] == REVIEW_KEYS
    assert keys[start + 4] == "business_plan"


def test_a_board_without_reviews_or_deaths_has_none_of_the_sections(cast):
    CaseReviewFactory(board=cast.other_board, child_reference="Child N")
    keys = [s.key for s in build_sections(cast.board, 2016)]
    assert not set(keys) & set(REVIEW_KEYS)


def test_the_pdf_prints_sections_24_to_27(reviews, deaths):
    data, _ = annual_report(reviews, 2016)
    texts = page_texts(data)
    _, entries = contents_entries(texts)
    titles = [heading.split(". ", 1)[1] for heading, _ in entries]
    assert titles == [
        "Who are members of the LSCB",
        "Learning from Reviews",
        "Serious Case Reviews",
        "Practice Reviews",
        "Learning from Child Deaths (2015-16) (always a year in arrears)",
        "LSCB Annual Report on a Page",  # its figures: the reviews published
    ]
    text = flat(texts)
    # 24: the counts of the year.
    assert "the board published 3 reviews, of which 2 practice reviews" in text
    assert "1 review was in progress at 31 March 2017" in text
    # 25: the SCR with its date, story and numbered lessons, Child AD named.
    assert "Child N (published 13 June 2016)" in text
    assert "Child N died in December 2012 aged 13 months." in text
    # Numbered in the list's markers, in order.
    first = text.index("Consider the long term impact of unresolved childhood trauma.")
    assert text.index("Use family history, chronology and genealogy") > first
    assert "“legacy” review" in text
    assert (
        "One further SCR (Child AD) was completed in 2016-17, but this was "
        "re-categorised to a Practice review." in text
    )
    assert "1 is complete and 2 outstanding" in text
    assert "Training materials reviewed Child N (1 July 2016)" in text
    assert "1 of 2 responses requested has been received" in text
    # 26: combined learning, grouped by title.
    assert (
        "Share information Feed back changes to plans and the minutes of meetings. "
        "Ensure information is shared in a timely way." in text
    )
    assert "Professional challenge Practitioners need to use the escalation" in text
    # 27: the 2015/16 year of review, tables with counts, percentages, England.
    assert "4 child deaths were reviewed during 2015/16" in text
    assert "Table 1. Gender of child deaths by year of review, compared to " in text
    assert "Male 1 50% 3 75% 58%" in text
    assert "Female 1 50% 1 25%" in text
    assert "Totals 2 4" in text
    assert "3 (75%) were felt to have no modifiable factors" in text
    assert "England as a whole, 76%" in text
    assert "parental smoking (1)" in text
    assert "Smoking status now known in all but 2.7% of cases." in text
    assert "All agencies should complete Form B in time." in text


def test_an_unpublished_review_never_appears(reviews, deaths):
    data, _ = annual_report(reviews, 2016)
    text = flat(page_texts(data))
    assert "Child ZZ" not in text
    assert "XYZZY" not in text


def test_the_sections_need_their_own_data(cast, deaths):
    # Child deaths only: sections 24-26 are left out, 27 printed.
    keys = [s.key for s in build_sections(cast.board, 2016)]
    assert [k for k in keys if k in REVIEW_KEYS] == ["child_deaths"]
    # No death reviewed in 2016/17: the 2017-18 report has no CDOP section.
    assert pdf.child_deaths(cast.board, 2017) is None


def test_only_reviews_published_in_the_year_are_printed(reviews):
    assert pdf.serious_case_reviews(reviews, 2017) is None
    assert pdf.practice_reviews(reviews, 2015) is None
    scrs = pdf.serious_case_reviews(reviews, 2016)
    assert [r.child_reference for r in scrs["reviews"]] == ["Child N"]


def test_the_html_edition_shows_the_sections(reviews, deaths, as_user, cast):
    response = as_user(cast.board_member).get("/boards/north/annual-report/2016-17/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Child N (published 13 June 2016)" in page
    assert "Learning from Child Deaths (2015-16) (always a year in arrears)" in page
    assert "XYZZY" not in page


# The meeting pack ----------------------------------------------------------------


def test_pack_parts_list_overdue_action_items_first_and_the_cdop_tables(cast):
    agency = AgencyFactory(board=cast.board, name="Cumbria Constabulary")
    review = PublishedReviewFactory(board=cast.board, child_reference="Child L")
    ActionItemFactory(
        review=review,
        number=1,
        action="Later action",
        due_date=date(2017, 6, 30),
        owner_agency=agency,
        current_rag="G",
    )
    ActionItemFactory(
        review=review,
        number=2,
        action="Overdue action",
        due_date=date(2017, 1, 31),
        owner_agency=agency,
        current_rag="R",
    )
    ActionItemFactory(
        review=CaseReviewFactory(board=cast.board, child_reference="Child ZZ"),
        action="Unpublished review action",
    )
    part = pdf.review_action_plans(cast.board, date(2017, 3, 9))
    (plan,) = part["plans"]
    assert [row["item"].number for row in plan["items"]] == [2, 1]
    assert part["overdue"] == 1

    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    PlanItemFactory(
        board=cast.board,
        what="SCR action plan update",
        kind=ReportKind.REVIEW_ACTION_PLANS,
    )
    PlanItemFactory(board=cast.board, what="CDOP update", kind=ReportKind.CHILD_DEATHS)
    ChildDeathFactory(board=cast.board, sex=Sex.FEMALE)
    data, _ = meeting_pack(meeting)
    text = flat(page_texts(data))
    # The CDOP part: the latest year of review, not in arrears.
    assert "1 child death was reviewed during 2015/16" in text
    assert "Female 1 100%" in text
    assert "a year in arrears" not in text
    assert text.index("Overdue action") < text.index("Later action")
    assert "Cumbria Constabulary" in text and "Red" in text and "Green" in text
    assert "Overdue" in text
    assert "Unpublished review action" not in text
