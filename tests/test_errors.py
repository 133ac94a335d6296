"""The one domain error: what services raise, and how it reads."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from boards.services.finance import AlreadyRecorded
from lscb_portal.errors import DomainError, full_clean
from lscb_portal.tables import ImportFailed
from lscb_portal.versioning import StaleVersion
from tests.boards.factories import BoardFactory

ROOT = Path(__file__).resolve().parent.parent
SERVICES = [
    *ROOT.glob("*/services.py"),
    *ROOT.glob("*/services/*.py"),
    ROOT / "business_plan" / "imports.py",
    ROOT / "business_plan" / "returns.py",
    ROOT / "subgroups" / "actions.py",
    ROOT / "reports" / "narrative.py",
]


def test_domain_error_carries_field_messages_and_reads_as_a_sentence():
    error = DomainError({"date": "Enter a date in the plan's years."})
    assert isinstance(error, ValidationError)
    assert error.message_dict == {"date": ["Enter a date in the plan's years."]}
    assert str(DomainError("The plan is closed.")) == "The plan is closed."


def test_stale_version_duplicates_and_refused_imports_are_domain_errors():
    assert issubclass(StaleVersion, DomainError)
    assert issubclass(AlreadyRecorded, DomainError)
    assert issubclass(ImportFailed, DomainError)


@pytest.mark.django_db
def test_full_clean_refuses_with_a_domain_error_keyed_by_field():
    board = BoardFactory.build(name="")
    with pytest.raises(DomainError) as refused:
        full_clean(board, exclude=["slug"])
    assert "name" in refused.value.message_dict
    assert NON_FIELD_ERRORS not in refused.value.message_dict


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: str(p.relative_to(ROOT)))
def test_services_raise_only_the_domain_error(path):
    source = path.read_text()
    assert "raise ValidationError(" not in source
    assert not re.search(r"^class \w+\((Exception|ValidationError)\)", source, re.M)
