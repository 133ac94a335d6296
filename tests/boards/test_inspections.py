"""Inspections: the page shows judgements as text tags and numbered recommendations
with their dated updates by year; the forms add each part."""

from datetime import date

import pytest

from boards.models import (
    FindingKind,
    Inspection,
    InspectionFinding,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    SubJudgement,
)
from tests import lists


@pytest.fixture
def inspection(cast):
    inspection = Inspection.objects.create(
        board=cast.board,
        body="Ofsted",
        title="Review of the Local Safeguarding Children Board",
        start_date=date(2015, 3, 3),
        end_date=date(2015, 3, 25),
        published_on=date(2015, 5, 13),
        overall=Judgement.REQUIRES_IMPROVEMENT,
    )
    SubJudgement.objects.create(
        inspection=inspection,
        area="Children looked after",
        judgement=Judgement.INADEQUATE,
    )
    return inspection


def url(inspection, rest=""):
    return f"/boards/north/inspections/{inspection.pk}/{rest}"


def test_inspection_page_shows_recommendations_with_updates_by_year(
    cast, inspection, as_user
):
    first = Recommendation.objects.create(
        inspection=inspection, number=1, text="Evaluate domestic abuse services."
    )
    Recommendation.objects.create(
        inspection=inspection, number=2, text="Deliver the CSE action plan."
    )
    RecommendationUpdate.objects.create(
        recommendation=first,
        year=2015,
        date=date(2016, 3, 31),
        text="Audit planned.",
    )
    RecommendationUpdate.objects.create(
        recommendation=first,
        year=2016,
        date=date(2017, 3, 31),
        text="Audit done in January 2017.\n\nTraining improved.",
    )
    response = as_user(cast.lay_member).get(url(inspection))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Requires improvement" in html and "Inadequate" in html
    assert "govuk-tag--orange" in html  # colour beside the words, never instead
    assert "3 March 2015 to 25 March 2015" in html
    assert "13 May 2015" in html
    assert html.index("Recommendation 1") < html.index("Recommendation 2")
    assert html.index("2016-17 update") < html.index("2015-16 update")
    assert "Dated 31 March 2017" in html
    assert "<p>Training improved.</p>" in html
    assert "No update is recorded yet." in html  # recommendation 2
    years = response.context["recommendations"][0].update_years
    assert [y.label for y in years] == ["2016-17", "2015-16"]


def test_inspection_list_shows_judgement_and_recommendation_count(
    cast, inspection, as_user
):
    Recommendation.objects.create(inspection=inspection, number=1, text="One")
    html = as_user(cast.contributor_y).get("/boards/north/inspections/").content
    html = html.decode()
    assert "Review of the Local Safeguarding Children Board" in html
    assert "Requires improvement" in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in html


def test_empty_list_says_so(cast, as_user):
    html = as_user(cast.chair).get("/boards/north/inspections/").content.decode()
    assert "No inspections are recorded yet." in html


def test_chair_adds_an_inspection(cast, as_user):
    response = as_user(cast.chair).post(
        "/boards/north/inspections/new/",
        {
            "body": "Ofsted",
            "title": "Joint targeted area inspection",
            "start_date": "2017-09-04",
            "end_date": "2017-09-08",
            "published_on": "",
            "overall": "",
        },
    )
    inspection = Inspection.objects.get()
    assert response["Location"] == url(inspection)
    assert inspection.overall == "" and inspection.end_date == date(2017, 9, 8)
    assert inspection.history.first().history_user == cast.chair


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end_date": "2017-09-01"}, "The end date must be on or after the start"),
        ({"published_on": "2017-01-01"}, "cannot be published before"),
        ({"start_date": "31/02/2017"}, "Enter a real date"),
        ({"body": ""}, "Enter who inspected"),
        ({"overall": "excellent"}, "Choose a judgement from the list"),
    ],
)
def test_bad_inspections_are_refused_with_a_message(cast, as_user, change, message):
    data = {
        "body": "Ofsted",
        "title": "Inspection",
        "start_date": "2017-09-04",
        **change,
    }
    response = as_user(cast.chair).post("/boards/north/inspections/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Inspection.objects.exists()


def test_business_team_adds_a_sub_judgement(cast, inspection, as_user):
    response = as_user(cast.business_team).post(
        url(inspection, "judgements/new/"),
        {"area": "Adoption performance", "judgement": Judgement.GOOD},
    )
    assert response["Location"] == url(inspection)
    assert inspection.sub_judgements.filter(area="Adoption performance").exists()


def test_findings_are_added_changed_and_removed_with_history(cast, inspection, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        url(inspection, "findings/new/"),
        {"kind": FindingKind.STRENGTH, "text": " Strengthened governance "},
    )
    assert response["Location"] == url(inspection) + "#findings"
    finding = InspectionFinding.objects.get()
    assert finding.kind == FindingKind.STRENGTH
    assert finding.text == "Strengthened governance"
    client.post(
        url(inspection, "findings/new/"),
        {"kind": FindingKind.IMPROVEMENT, "text": "Respond better to CSE"},
    )
    page = client.get(url(inspection)).content.decode()
    strengths = page.index("Strengths")
    improvements = page.index("Areas for improvement")
    assert strengths < page.index("Strengthened governance") < improvements
    assert improvements < page.index("Respond better to CSE")

    edit = url(inspection, f"findings/{finding.pk}/")
    seen = client.get(edit).context["form"].initial["seen"]
    client.post(
        edit, {"kind": FindingKind.STRENGTH, "text": "Much stronger", "seen": seen}
    )
    finding.refresh_from_db()
    assert finding.text == "Much stronger"
    # A second save from the page opened before the first is refused, not lost.
    stale = client.post(
        edit, {"kind": FindingKind.STRENGTH, "text": "Overwrite", "seen": seen}
    )
    assert stale.status_code == 409
    finding.refresh_from_db()
    assert finding.text == "Much stronger"

    client.post(url(inspection, f"findings/{finding.pk}/remove/"))
    assert not InspectionFinding.objects.filter(pk=finding.pk).exists()
    history = InspectionFinding.history.filter(id=finding.pk).order_by("history_id")
    assert [h.history_type for h in history] == ["+", "~", "-"]
    assert {h.history_user for h in history} == {cast.business_team}


def test_a_finding_needs_its_kind_and_words(cast, inspection, as_user):
    response = as_user(cast.chair).post(
        url(inspection, "findings/new/"), {"kind": "rumour", "text": " "}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a strength or an area for improvement" in html
    assert "Enter what the inspectors found" in html
    assert not InspectionFinding.objects.exists()


def test_another_inspections_finding_is_404(cast, inspection, as_user):
    other = Inspection.objects.create(
        board=cast.board, body="CQC", title="Health visit", start_date=date(2016, 1, 4)
    )
    theirs = InspectionFinding.objects.create(
        inspection=other, kind=FindingKind.STRENGTH, text="Theirs"
    )
    client = as_user(cast.chair)
    assert client.get(url(inspection, f"findings/{theirs.pk}/")).status_code == 404
    response = client.post(url(inspection, f"findings/{theirs.pk}/remove/"))
    assert response.status_code == 404
    assert InspectionFinding.objects.filter(pk=theirs.pk).exists()


def test_recommendation_number_defaults_to_the_next_and_cannot_repeat(
    cast, inspection, as_user
):
    Recommendation.objects.create(inspection=inspection, number=1, text="One")
    client = as_user(cast.chair)
    form = client.get(url(inspection, "recommendations/new/")).context["form"]
    assert form.initial["number"] == 2
    response = client.post(
        url(inspection, "recommendations/new/"), {"number": "1", "text": "Again"}
    )
    assert response.status_code == 200
    assert "Recommendation 1 is already recorded" in response.content.decode()
    assert inspection.recommendations.count() == 1


def test_an_update_is_recorded_against_a_recommendation(cast, inspection, as_user):
    Recommendation.objects.create(inspection=inspection, number=3, text="Three")
    response = as_user(cast.chair).post(
        url(inspection, "recommendations/3/updates/new/"),
        {"year": "2016", "date": "2017-03-31", "text": "Early Help Panels in place."},
    )
    assert response["Location"] == url(inspection) + "#recommendation-3"
    update = RecommendationUpdate.objects.get()
    assert (update.year, update.date) == (2016, date(2017, 3, 31))


def test_an_update_cannot_predate_the_year_it_reports_on(cast, inspection, as_user):
    Recommendation.objects.create(inspection=inspection, number=3, text="Three")
    response = as_user(cast.chair).post(
        url(inspection, "recommendations/3/updates/new/"),
        {"year": "2016", "date": "2016-03-31", "text": "Too early."},
    )
    assert response.status_code == 200
    assert "cannot be dated before 1 April 2016" in response.content.decode()
    assert not RecommendationUpdate.objects.exists()


def test_an_unknown_recommendation_is_404(cast, inspection, as_user):
    response = as_user(cast.chair).get(
        url(inspection, "recommendations/9/updates/new/")
    )
    assert response.status_code == 404


def test_another_boards_inspection_is_404(cast, as_user):
    theirs = Inspection.objects.create(
        board=cast.other_board, body="Ofsted", title="Theirs", start_date=date.today()
    )
    client = as_user(cast.chair)
    assert client.get(f"/boards/north/inspections/{theirs.pk}/").status_code == 404
    response = client.post(
        f"/boards/north/inspections/{theirs.pk}/judgements/new/",
        {"area": "Any", "judgement": Judgement.GOOD},
    )
    assert response.status_code == 404
    assert not SubJudgement.objects.exists()


@pytest.mark.parametrize("size", [3, 60])
def test_inspection_pages_run_bounded_queries(
    cast, inspection, as_user, django_assert_max_num_queries, size
):
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(inspection=inspection, number=n, text=f"Do {n}")
        for n in range(1, size + 1)
    )
    RecommendationUpdate.objects.bulk_create(
        RecommendationUpdate(
            recommendation=r, year=year, date=date(year + 1, 3, 31), text="Done"
        )
        for r in recommendations
        for year in (2015, 2016)
    )
    SubJudgement.objects.bulk_create(
        SubJudgement(inspection=inspection, area=f"Area {n}", judgement="good")
        for n in range(size)
    )
    InspectionFinding.objects.bulk_create(
        InspectionFinding(inspection=inspection, kind=kind, text=f"Found {n}")
        for n in range(size)
        for kind in FindingKind.values
    )
    Inspection.objects.bulk_create(
        Inspection(
            board=cast.board,
            body="CQC",
            title=f"Visit {n}",
            start_date=date(2016, 1, 1),
        )
        for n in range(size)
    )
    client = as_user(cast.chair)
    with django_assert_max_num_queries(9):
        response = client.get(url(inspection))
    assert len(response.context["recommendations"]) == size
    with django_assert_max_num_queries(6):
        response = client.get("/boards/north/inspections/")
    assert response.context["page"].paginator.count == size + 1


# The list component ----------------------------------------------------------------

LIST = "/boards/north/inspections/"


@pytest.fixture
def three_inspections(cast, inspection):
    for body, title, start in (
        ("CQC", "Health visit", date(2016, 1, 4)),
        ("HMIP", '=HYPERLINK("http://x")', date(2014, 6, 2)),
    ):
        Inspection.objects.create(
            board=cast.board, body=body, title=title, start_date=start
        )


def test_list_sorts_by_dates_and_ignores_unknown_keys(cast, three_inspections, as_user):
    ascending = lists.assert_sorts(as_user(cast.board_member), LIST, "dates")
    assert [row[1] for row in ascending] == ["HMIP", "Ofsted", "CQC"]
    assert ascending[1][2] == "3 March 2015 to 25 March 2015"


def test_exports_hold_the_list(cast, three_inspections, as_user):
    rows = lists.assert_exports(as_user(cast.board_member), LIST, {"sort": "by"})
    assert [row[1] for row in rows] == ["CQC", "HMIP", "Ofsted"]
    assert rows[2][3] == "Requires improvement"


def test_exported_formulas_are_neutralised(cast, three_inspections, as_user):
    rows = lists.export(as_user(cast.board_member), LIST, "csv", {"sort": "by"})
    assert rows[2][0] == '\'=HYPERLINK("http://x")'


def test_export_runs_bounded_queries(
    cast, three_inspections, as_user, django_assert_max_num_queries
):
    Inspection.objects.bulk_create(
        Inspection(
            board=cast.board, body="CQC", title=f"V {n}", start_date=date(2016, 1, 1)
        )
        for n in range(60)
    )
    client = as_user(cast.chair)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(5):
            assert client.get(LIST, {"export": kind}).status_code == 200
