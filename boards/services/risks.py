"""Writes to the risk log. Likelihood and impact are each 1 to 5; anything else is
refused with a message and nothing is saved. Every save keeps the earlier score in
the risk's history."""

from datetime import date

from django.db import transaction

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.versioning import update_versioned

from ..models import Risk, RiskStatus

LIKELIHOOD_RANGE = "Enter a likelihood from 1 (rare) to 5 (almost certain)"
IMPACT_RANGE = "Enter an impact from 1 (insignificant) to 5 (severe)"

EDITABLE_FIELDS = (
    "title",
    "description",
    "owner",
    "likelihood",
    "impact",
    "mitigations",
    "review_date",
    "status",
)


def _check_scores(values: dict) -> None:
    """The scores' range in words people understand, before the model's own
    validators and the database's constraints (which say the same)."""
    errors = {}
    for name, message in (("likelihood", LIKELIHOOD_RANGE), ("impact", IMPACT_RANGE)):
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = message
    if "status" in values and values["status"] not in RiskStatus.values:
        errors["status"] = "Choose open or closed"
    if errors:
        raise DomainError(errors)


@transaction.atomic
def risk_create(
    *,
    board,
    title: str,
    owner: str,
    likelihood: int,
    impact: int,
    review_date: date,
    user,
    description: str = "",
    mitigations: str = "",
    status: str = RiskStatus.OPEN,
) -> Risk:
    _check_scores({"likelihood": likelihood, "impact": impact, "status": status})
    risk = Risk(
        board=board,
        title=title,
        owner=owner,
        likelihood=likelihood,
        impact=impact,
        review_date=review_date,
        description=description,
        mitigations=mitigations,
        status=status,
    )
    full_clean(risk)
    risk._history_user = user
    risk.save()
    return risk


def risk_update(*, risk: Risk, version: int, changes: dict, user) -> Risk:
    """Change a risk (its score, review date, mitigations…); raises StaleVersion if
    someone saved first."""
    changes = {k: v for k, v in changes.items() if k in EDITABLE_FIELDS}
    _check_scores(changes)
    return update_versioned(
        Risk, pk=risk.pk, version=version, changes=changes, user=user
    )
