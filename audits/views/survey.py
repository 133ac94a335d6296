"""The front-line staff survey: the list of the board's surveys and a survey's
page (each question's answers as a table and a bar chart, a repeated question
beside the earlier year's), which everyone on the board reads, and the business
team's pages that record a survey, add a question and import the survey tool's
export."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions, services
from ..forms import SurveyEditForm, SurveyForm, SurveyImportForm, SurveyQuestionForm
from ..models import StaffSurvey
from ..pdf import survey_chart
from ..selectors import previous_survey, survey_results


def survey_url(board_slug: str, year: int) -> str:
    return reverse("audits:survey", args=[board_slug, year])


class SurveyListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "audits/surveys.html"
    permission = staticmethod(permissions.can_view_surveys)
    list_name = "staff-surveys"
    anchor = "surveys"

    columns = (
        Column(
            "survey",
            "Survey",
            str,
            sort="year",
            link=lambda s: survey_url(s.board.slug, s.year),
            row_header=True,
        ),
        Column("opened", "Opened", lambda s: date_text(s.opened_on), sort="opened_on"),
        Column("closed", "Closed", lambda s: date_text(s.closed_on), sort="closed_on"),
        Column(
            "respondents",
            "Respondents",
            "respondents",
            sort="respondents",
            numeric=True,
        ),
        Column(
            "questions",
            "Questions",
            "question_count",
            sort="question_count",
            numeric=True,
        ),
    )

    def get_caption(self):
        return "Staff surveys, newest first"

    def get_list(self):
        return (
            StaffSurvey.objects.filter(board=self.board)
            .select_related("board")
            .annotate(question_count=Count("questions"))
            .order_by("-year", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_manage=permissions.can_manage_surveys(self.request.user, self.board),
            **kwargs,
        )


class SurveyMixin(BoardMixin):
    """A page of one of the board's surveys (another board's is a 404)."""

    permission = staticmethod(permissions.can_view_surveys)

    @cached_property
    def survey(self):
        return get_object_or_404(
            StaffSurvey, board=self.board, year=self.kwargs["year"]
        )

    def get_back_url(self):
        return survey_url(self.board.slug, self.survey.year)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("survey", self.survey)
        kwargs.setdefault("caption", str(self.survey))
        return super().get_context_data(**kwargs)


class ManageSurveyMixin(SurveyMixin):
    """The business team's pages of a survey: 404 first, then 403."""

    def before_handler(self, request):
        self.survey  # noqa: B018 - 404 if it is not this board's
        if not permissions.can_manage_surveys(request.user, self.board):
            raise PermissionDenied
        return super().before_handler(request)


class SurveyDetailView(SurveyMixin, TemplateView):
    template_name = "audits/survey.html"

    def get_context_data(self, **kwargs):
        results = survey_results(self.survey)
        for result in results:
            result.chart = survey_chart(result, f"survey-q{result.question.pk}")
        return super().get_context_data(
            results=results,
            previous=previous_survey(self.survey),
            can_manage=permissions.can_manage_surveys(self.request.user, self.board),
            entries=history_entries(self.survey.history.all()),
            **kwargs,
        )


class SurveyCreateView(FormPageMixin, BoardMixin, FormView):
    form_class = SurveyForm
    permission = staticmethod(permissions.can_manage_surveys)
    page_title = "Record a staff survey"
    submit_label = "Record survey"
    intro = "Its questions are added, or imported from the survey tool, next."

    def get_back_url(self):
        return reverse("audits:surveys", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        survey = services.survey_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{survey} recorded.")
        return redirect(survey_url(self.board.slug, survey.year))


class SurveyEditView(ManageSurveyMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = SurveyEditForm
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change the {self.survey}"

    def versioned_record(self):
        return self.survey

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def save(self, data, version):
        survey = services.survey_update(
            survey=self.survey, user=self.request.user, version=version, changes=data
        )
        messages.success(self.request, f"{survey} saved.")
        return redirect(survey_url(self.board.slug, survey.year))


class SurveyQuestionAddView(ManageSurveyMixin, FormPageMixin, FormView):
    form_class = SurveyQuestionForm
    page_title = "Add a question"
    submit_label = "Add question"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro",
            f"{self.survey.respondents} staff responded to the survey: the "
            "question's answered and skipped must add up to that, and its options' "
            "counts to the answered.",
        )
        return super().get_context_data(**kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "survey": self.survey}

    def form_save(self, form):
        question = services.survey_question_add(
            survey=self.survey, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Question “{question}” added.")
        return redirect(self.get_back_url())


class SurveyImportView(ManageSurveyMixin, FormPageMixin, FormView):
    form_class = SurveyImportForm
    template_name = "audits/survey_import.html"
    page_title = "Import the survey tool's export"
    submit_label = "Import"
    multipart = True

    def get_context_data(self, **kwargs):
        kwargs.setdefault("columns", services.SURVEY_IMPORT_COLUMNS)
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        count = services.survey_import(
            survey=self.survey,
            upload=form.cleaned_data["file"],
            user=self.request.user,
        )
        messages.success(
            self.request, f"{count} question{'s' if count != 1 else ''} imported."
        )
        return redirect(self.get_back_url())
