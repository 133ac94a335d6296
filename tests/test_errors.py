"""The one domain error: what services raise, and how it reads."""

import ast
import re
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.views.generic import FormView

from boards.services.finance import AlreadyRecorded
from lscb_portal.errors import DomainError, full_clean
from lscb_portal.forms import FormPageMixin, FormSaveMixin, VersionedEditMixin
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


VIEW_MODULES = sorted(
    {*ROOT.glob("*/views.py"), *ROOT.glob("*/views/*.py"), *ROOT.glob("*/*_views.py")}
)
# Pages that are not one form: they map a refusal onto rows of a table or
# answer a bare POST (status codes of their own), so they catch it themselves.
OWN_REFUSALS = {
    ("boards/views/meeting_actions.py", "AttendanceView"),
    ("business_plan/views/progress.py", "BulkUpdateView"),
    ("subgroups/views.py", "ReturnCheckView"),
    ("subgroups/views.py", "MeetingPapersView"),
    ("reports/narrative_views.py", "ApprovalPostMixin"),
    ("reports/views.py", "RunRetryView"),
    ("audits/views/submission_parts.py", "EvidenceRemoveView"),
    ("audits/views/submission_parts.py", "ActionRemoveView"),
}
GENERIC_REFUSALS = {"ValidationError", "DomainError", "StaleVersion", "ImportFailed"}


def generic_catches(tree):
    """(class name, line) of each `except` naming the generic refusal."""
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for node in ast.walk(cls):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {
                    n.id if isinstance(n, ast.Name) else n.attr
                    for n in ast.walk(node.type)
                    if isinstance(n, (ast.Name, ast.Attribute))
                }
                if names & GENERIC_REFUSALS:
                    yield cls.name, node.lineno


def test_view_modules_are_found():
    names = {str(p.relative_to(ROOT)) for p in VIEW_MODULES}
    assert {module for module, _ in OWN_REFUSALS} <= names
    assert "boards/views/agenda.py" in names


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_form_pages_leave_refusals_to_the_one_adapter(path):
    # A form page implements form_save; FormSaveMixin (lscb_portal.forms) is
    # the one place that turns a refusal into form errors or a 409.
    source = path.read_text()
    assert "add_errors(" not in source
    assert "save_or_refuse(" not in source
    assert not re.search(r"^    def form_valid\(", source, re.M)
    module = str(path.relative_to(ROOT))
    caught = {
        (cls, line)
        for cls, line in generic_catches(ast.parse(source))
        if (module, cls) not in OWN_REFUSALS
    }
    assert not caught, f"{module} catches the refusal itself: {sorted(caught)}"


class VersionedTextForm(forms.Form):
    text = forms.CharField()
    version = forms.IntegerField()


@pytest.mark.parametrize(
    "bases",
    [
        (FormPageMixin, VersionedEditMixin),
        (VersionedEditMixin, FormPageMixin),
        (VersionedEditMixin,),
    ],
    ids=["page-first", "versioned-first", "versioned-only"],
)
@pytest.mark.parametrize(
    "refusal, status, errors",
    [
        (DomainError({"text": "Not that."}), 200, {"text": ["Not that."]}),
        (DomainError("Closed."), 200, {NON_FIELD_ERRORS: ["Closed."]}),
        (StaleVersion(None, message="Saved first."), 409, {}),
    ],
    ids=["field", "form", "stale"],
)
def test_one_adapter_answers_a_refusal_whatever_the_order_of_mixins(
    rf, bases, refusal, status, errors
):
    class Page(*bases, FormView):
        template_name = "form_page.html"

        def save(self, data, version):
            assert (data, version) == ({"text": "x"}, 3)
            raise refusal

    view = Page()
    view.setup(rf.post("/"))
    form = VersionedTextForm({"text": "x", "version": "3"})
    assert form.is_valid()
    response = view.form_valid(form)
    assert response.status_code == status
    assert response.context_data["form"] is form
    assert form.errors == (errors or {NON_FIELD_ERRORS: ["Saved first."]})


def test_form_save_gives_the_response_and_its_refusal_goes_on_the_form(rf):
    class Page(FormSaveMixin, FormView):
        template_name = "form_page.html"
        refuse = False

        def form_save(self, form):
            if self.refuse:
                raise DomainError({"text": "Not that."})
            return HttpResponse("saved")

    view = Page()
    view.setup(rf.post("/"))
    form = VersionedTextForm({"text": "x", "version": "3"})
    assert form.is_valid()
    assert view.form_valid(form).content == b"saved"
    view.refuse = True
    assert view.form_valid(form).status_code == 200
    assert form.errors == {"text": ["Not that."]}
