"""Section 17, the shape of safeguarding: the latest inspection with what the
inspectors found, then the recommendations and the year's updates on them."""

from datetime import date

import pytest

from boards.models import (
    Inspection,
    InspectionFinding,
    Judgement,
    Recommendation,
    RecommendationUpdate,
)
from boards.pdf import inspections

pytestmark = pytest.mark.django_db

REPORT = "/boards/north/annual-report/2016-17/"


def inspection(board, title, start, **findings):
    found = Inspection.objects.create(
        board=board,
        body="Ofsted",
        title=title,
        start_date=start,
        overall=Judgement.REQUIRES_IMPROVEMENT,
    )
    for kind, texts in findings.items():
        for text in texts:
            InspectionFinding.objects.create(inspection=found, kind=kind, text=text)
    return found


def test_the_latest_inspection_prints_what_the_inspectors_found(cast, as_user):
    inspection(
        cast.board, "Review of 2012", date(2012, 5, 1), strength=["An old strength"]
    )
    latest = inspection(
        cast.board,
        "Review of the LSCB",
        date(2015, 3, 3),
        strength=["Strengthened governance", "Challenge of partners"],
        improvement=["Respond better to CSE"],
    )
    # Begun after the year's end: not yet the latest inspection of 2016-17.
    inspection(cast.board, "Review of 2017", date(2017, 6, 1), strength=["Too new"])

    assert [i.pk for i in inspections(cast.board, 2016)["inspections"]] == [latest.pk]
    text = as_user(cast.board_member).get(REPORT).content.decode()
    section = text[text.index("Ofsted: Review of the LSCB") :]
    assert "Inspection dates: 3 March 2015\n</p>" in section
    assert "Overall judgement: <strong>Requires improvement</strong>" in section
    strengths = section.index("The inspectors found these strengths:")
    improvements = section.index("The inspectors found these areas for improvement:")
    assert strengths < section.index("Challenge of partners") < improvements
    assert improvements < section.index("Respond better to CSE")
    for absent in ("An old strength", "Too new", "Review of 2017"):
        assert absent not in text


def test_an_older_inspection_with_the_years_updates_prints_its_table(cast):
    older = inspection(cast.board, "Review of 2012", date(2012, 5, 1))
    recommendation = Recommendation.objects.create(
        inspection=older, number=1, text="Evaluate services."
    )
    RecommendationUpdate.objects.create(
        recommendation=recommendation, year=2016, date=date(2017, 1, 5), text="Done."
    )
    latest = inspection(
        cast.board, "Review of the LSCB", date(2015, 3, 3), strength=["Governance"]
    )
    found = inspections(cast.board, 2016)["inspections"]
    assert [i.pk for i in found] == [latest.pk, older.pk]
    assert found[1].recommendations.all()[0].year_updates[0].text == "Done."
    assert found[1].finding_groups == []


def test_left_out_without_findings_or_the_years_updates(cast):
    inspection(cast.board, "Review of the LSCB", date(2015, 3, 3))
    assert inspections(cast.board, 2016) is None
    inspection(cast.other_board, "Theirs", date(2016, 1, 1), strength=["Theirs"])
    assert inspections(cast.board, 2016) is None
