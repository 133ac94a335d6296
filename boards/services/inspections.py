"""Writes to inspections: the inspection, its judgements, what the inspectors found,
recommendations and the yearly updates against them (updates are added, never
changed)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.periods import year_label

from ..models import (
    Board,
    Inspection,
    InspectionFinding,
    Recommendation,
    RecommendationUpdate,
    SubJudgement,
)
from .finance import lock_unchanged


def _save(instance, user):
    full_clean(instance)
    instance._history_user = user
    instance.save()
    return instance


@transaction.atomic
def inspection_create(
    *,
    board: Board,
    body: str,
    title: str,
    start_date: date,
    user,
    end_date: date | None = None,
    published_on: date | None = None,
    overall: str = "",
) -> Inspection:
    errors = {}
    if end_date and end_date < start_date:
        errors["end_date"] = "The end date must be on or after the start date"
    if published_on and published_on < start_date:
        errors["published_on"] = (
            "The report cannot be published before the inspection started"
        )
    if errors:
        raise DomainError(errors)
    inspection = Inspection(
        board=board,
        body=body.strip(),
        title=title.strip(),
        start_date=start_date,
        end_date=end_date,
        published_on=published_on,
        overall=overall,
    )
    return _save(inspection, user)


@transaction.atomic
def sub_judgement_create(
    *, inspection: Inspection, area: str, judgement: str, user
) -> SubJudgement:
    return _save(
        SubJudgement(inspection=inspection, area=area.strip(), judgement=judgement),
        user,
    )


@transaction.atomic
def finding_create(
    *, inspection: Inspection, kind: str, text: str, user
) -> InspectionFinding:
    finding = InspectionFinding(inspection=inspection, kind=kind, text=text.strip())
    return _save(finding, user)


@transaction.atomic
def finding_update(
    *, finding: InspectionFinding, seen: int | None, kind: str, text: str, user
) -> InspectionFinding:
    """StaleVersion if someone changed the finding since `seen` was read."""
    finding = lock_unchanged(InspectionFinding, pk=finding.pk, seen=seen)
    finding.kind, finding.text = kind, text.strip()
    return _save(finding, user)


@transaction.atomic
def finding_delete(*, finding: InspectionFinding, user) -> None:
    finding._history_user = user
    finding.delete()


def next_recommendation_number(inspection: Inspection) -> int:
    last = inspection.recommendations.order_by("-number").first()
    return last.number + 1 if last else 1


@transaction.atomic
def recommendation_create(
    *, inspection: Inspection, number: int, text: str, user
) -> Recommendation:
    taken = ValidationError(
        {"number": f"Recommendation {number} is already recorded: choose another"}
    )
    if inspection.recommendations.filter(number=number).exists():
        raise taken
    recommendation = Recommendation(
        inspection=inspection, number=number, text=text.strip()
    )
    try:
        with transaction.atomic():
            return _save(recommendation, user)
    except IntegrityError:  # a concurrent save took the number first
        raise taken from None


@transaction.atomic
def recommendation_update_record(
    *, recommendation: Recommendation, year: int, update_date: date, text: str, user
) -> RecommendationUpdate:
    """What the board did about a recommendation, reported for a year."""
    if update_date < date(year, 4, 1):
        raise DomainError(
            {
                "date": f"An update on {year_label(year)} cannot be dated "
                f"before 1 April {year}, when that year started"
            }
        )
    inspection_start = recommendation.inspection.start_date
    if update_date < inspection_start:
        raise DomainError(
            {
                "date": "An update cannot be dated before the inspection started "
                f"({inspection_start:%-d %B %Y})"
            }
        )
    update = RecommendationUpdate(
        recommendation=recommendation, year=year, date=update_date, text=text.strip()
    )
    return _save(update, user)
