"""Every import refuses a NUL character as forms do (no text column can hold one),
naming the row, having saved nothing."""

import pytest

from audits import services as audits
from audits.models import Organisation, Submission
from business_plan import imports
from business_plan.models import Action, PlanStatus
from indicators import services
from indicators.models import Measurement
from lscb_portal.tables import ImportFailed
from tests.audits.factories import csv_upload, cycle_with
from tests.business_plan.factories import PlanFactory
from tests.indicators.factories import IndicatorFactory, csv_file

MESSAGE = (
    "Row 3 contains a NUL character (an invisible control character): remove it "
    "and upload the file again."
)


def test_a_measurements_import_with_a_nul_is_refused(cast):
    IndicatorFactory(board=cast.board, code="C1.0", unit="count")
    rows = [
        ["code", "period", "value", "rag", "reason"],
        ["C1.0", "2016-17", "4", "", ""],
        ["C1.0", "2015-16", "5", "", "Late\x00"],
    ]
    with pytest.raises(ImportFailed) as refused:
        services.measurements_import(
            board=cast.board, upload=csv_file(rows), user=cast.business_team
        )
    assert refused.value.errors == [MESSAGE]
    assert not Measurement.objects.exists()


def test_a_plan_import_with_a_nul_is_refused(cast):
    plan = PlanFactory(
        board=cast.board, first_year=2019, last_year=2022, status=PlanStatus.DRAFT
    )
    rows = [
        ["theme", "ref", "action"],
        ["1. Leadership", "1.1", "Publish the annual report"],
        ["", "1.2", "Audit\x00 the audits"],
    ]
    with pytest.raises(ImportFailed) as refused:
        imports.plan_import(plan=plan, upload=csv_file(rows), user=cast.business_team)
    assert refused.value.errors == [MESSAGE]
    assert not Action.objects.exists()


def test_an_organisations_import_with_a_nul_is_refused(cast):
    rows = [["name", "sector"], ["Ash School", "school"], ["Elm\x00 School", "school"]]
    with pytest.raises(ImportFailed) as refused:
        audits.organisations_import(
            board=cast.board, upload=csv_upload(rows), user=cast.business_team
        )
    assert refused.value.errors == [MESSAGE]
    assert not Organisation.objects.exists()


def test_a_survey_export_import_with_a_nul_is_refused(cast):
    cycle = cycle_with(cast.board, standards=1, questions=1)
    rows = [
        ["organisation", "sector", "1.1", "evidence 1.1", "submitted"],
        ["Ash School", "school", "Fully met", "", "2017-01-10"],
        ["Elm School", "school", "Fully met", "Seen\x00", "2017-01-10"],
    ]
    with pytest.raises(ImportFailed) as refused:
        audits.survey_export_import(
            cycle=cycle, upload=csv_upload(rows), user=cast.business_team
        )
    assert refused.value.errors == [MESSAGE]
    assert not Submission.objects.exists()
