"""Section 11 pages: the audits home, cycles and their standards and questions,
the results, the board's organisations and a cycle's submissions."""

from functools import cached_property

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions, selectors, services
from ..filters import OrganisationFilter, ResultsSectorForm, SubmissionFilter
from ..forms import (
    CycleForm,
    ExclusionForm,
    OrganisationForm,
    QuestionForm,
    StandardForm,
)
from ..models import Organisation, Section11Cycle, Sector, SubmissionStatus

PAGE_SIZE = 50


def cycle_label(cycle) -> str:
    return f"{cycle.year}-{(cycle.year + 1) % 100:02d}"


def change_text(change) -> str:
    """A year-on-year change as the seed prints it: "+1%", "-2%", "-" for none."""
    if change is None:
        return "No data"
    if change == 0:
        return "-"
    return f"{change:+d}%"


def percent_text(value) -> str:
    return "No data" if value is None else f"{value}%"


class AuditsMixin(BoardMixin):
    permission = staticmethod(permissions.can_view_audits)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault("can_manage", permissions.can_manage_audits(user, self.board))
        kwargs.setdefault(
            "can_view_organisations",
            permissions.can_view_organisations(user, self.board),
        )
        kwargs.setdefault(
            "can_list_submissions", permissions.can_list_submissions(user, self.board)
        )
        return super().get_context_data(**kwargs)


class ManageMixin(AuditsMixin):
    permission = staticmethod(permissions.can_manage_audits)


class CycleMixin:
    """A cycle of the board, by its year."""

    @cached_property
    def cycle(self):
        return get_object_or_404(
            Section11Cycle, board=self.board, year=self.kwargs["year"]
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("cycle", self.cycle)
        kwargs.setdefault("cycle_label", cycle_label(self.cycle))
        return super().get_context_data(**kwargs)


def cycle_url(cycle, name="audits:cycle") -> str:
    return reverse(name, args=[cycle.board.slug, cycle.year])


# The audits home and the cycles -------------------------------------------------


class HomeView(ListPageMixin, AuditsMixin, TemplateView):
    """The audits home: the latest Section 11 audit's links, then every audit as
    a list that sorts and exports."""

    template_name = "audits/home.html"
    list_name = "section-11-audits"
    page_size = PAGE_SIZE
    anchor = "audits"

    def get_columns(self):
        def linked(key, label, name):
            return Column(
                key,
                label,
                lambda c: label,
                link=lambda c: cycle_url(c, name),
                template="audits/_cycle_link_cell.html",
                exported=False,
            )

        columns = [
            Column(
                "year",
                "Year",
                "label",
                sort="year",
                link=cycle_url,
                row_header=True,
            ),
            Column("opens", "Opens", lambda c: date_text(c.opens_on), sort="opens_on"),
            Column(
                "closes", "Closes", lambda c: date_text(c.closes_on), sort="closes_on"
            ),
            Column("valid", "Valid responses", "valid", sort="valid", numeric=True),
            linked("results", "Results", "audits:results"),
        ]
        if permissions.can_list_submissions(self.request.user, self.board):
            columns.append(linked("submissions", "Submissions", "audits:submissions"))
        return columns

    def get_caption(self):
        return "Every Section 11 audit"

    def get_list(self):
        return (
            Section11Cycle.objects.filter(board=self.board)
            .select_related("board")
            .annotate(
                valid=Count(
                    "submissions",
                    filter=Q(
                        submissions__status=SubmissionStatus.SUBMITTED,
                        submissions__exclusion="",
                    ),
                )
            )
            .order_by("-year", "pk")
        )

    def decorate(self, rows):
        for cycle in rows:
            cycle.label = cycle_label(cycle)
        return rows

    def get_context_data(self, **kwargs):
        cycles = self.decorate(list(self.get_list()))
        # The latest with results: a cycle just opened has none to show yet.
        latest = next((c for c in cycles if c.valid), cycles[0] if cycles else None)
        today = timezone.localdate()
        current = next(
            (c for c in cycles if c.opens_on <= today <= c.closes_on), latest
        )
        return super().get_context_data(
            latest=latest,
            current=current,
            can_view_non_respondents=permissions.can_view_non_respondents(
                self.request.user, self.board
            ),
            **kwargs,
        )


class CycleCreateView(ManageMixin, FormPageMixin, FormView):
    form_class = CycleForm
    page_title = "Start a Section 11 audit"
    submit_label = "Start the audit"
    intro = (
        "The standards and questions of the latest earlier audit are copied into "
        "it: change them before it opens."
    )

    def get_back_url(self):
        return reverse("audits:home", args=[self.board.slug])

    def form_save(self, form):
        cycle = services.cycle_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request, f"Section 11 audit {cycle_label(cycle)} started."
        )
        return redirect(cycle_url(cycle))


class CycleView(CycleMixin, AuditsMixin, TemplateView):
    """A cycle's standards and questions; the business team adds them until it
    opens."""

    template_name = "audits/cycle.html"

    def get_context_data(self, **kwargs):
        standards = self.cycle.standards.prefetch_related("questions")
        return super().get_context_data(
            standards=standards,
            editable=self.cycle.opens_on > timezone.localdate(),
            **kwargs,
        )


class StandardAddView(CycleMixin, ManageMixin, FormPageMixin, FormView):
    form_class = StandardForm
    page_title = "Add a standard"
    submit_label = "Add standard"

    def get_initial(self):
        last = self.cycle.standards.order_by("-number").first()
        return {"number": (last.number if last else 0) + 1}

    def get_back_url(self):
        return cycle_url(self.cycle)

    def form_save(self, form):
        standard = services.standard_add(
            cycle=self.cycle, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Standard {standard.number} added.")
        return redirect(cycle_url(self.cycle))


class QuestionAddView(CycleMixin, ManageMixin, FormPageMixin, FormView):
    form_class = QuestionForm
    page_title = "Add a question"
    submit_label = "Add question"

    @cached_property
    def standard(self):
        return get_object_or_404(self.cycle.standards, number=self.kwargs["number"])

    def get_initial(self):
        last = self.standard.questions.order_by("-number").first()
        return {"number": (last.number if last else 0) + 1}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", str(self.standard))
        return super().get_context_data(**kwargs)

    def get_back_url(self):
        return cycle_url(self.cycle)

    def form_save(self, form):
        question = services.question_add(
            standard=self.standard, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Question {question.code} added.")
        return redirect(cycle_url(self.cycle))


# Results ------------------------------------------------------------------------


class ResultsView(CycleMixin, AuditsMixin, TemplateView):
    """Compliance per standard and question over valid submissions (for a sector,
    if one is chosen), the counts, the year-on-year table and the statutory
    partners' summary."""

    template_name = "audits/results.html"

    def get_context_data(self, **kwargs):
        form = ResultsSectorForm(self.request.GET or None)
        sector = form.chosen() if form.is_bound else ""
        overall, before, yoy = selectors.year_on_year(self.cycle)
        results = selectors.compliance(self.cycle, sector) if sector else overall
        counts = self.counts()
        previous_valid = before.valid if before else None
        responses_change = (
            overall.valid - previous_valid if previous_valid is not None else None
        )
        return super().get_context_data(
            form=form,
            sector_label=Sector(sector).label if sector else "",
            results=results,
            rows=self.rows(results),
            before=before,
            before_label=cycle_label(before.cycle) if before else "",
            yoy=[
                {
                    "number": r.number,
                    "title": r.title,
                    "before": percent_text(r.before),
                    "now": percent_text(r.now),
                    "change": change_text(r.change),
                }
                for r in yoy
            ],
            responses_row={
                "before": previous_valid if previous_valid is not None else "No data",
                "now": overall.valid,
                "change": (
                    "No data"
                    if responses_change is None
                    else ("-" if responses_change == 0 else f"{responses_change:+d}")
                ),
            },
            statutory=selectors.statutory_partners(self.cycle),
            **counts,
            **kwargs,
        )

    def rows(self, results):
        rows = []
        for r in results.standards:
            rows.append(
                {
                    "standard": True,
                    "label": str(r.standard),
                    "percent": percent_text(r.compliance.percent),
                    "fully": r.compliance.fully,
                    "applies": r.compliance.applies,
                }
            )
            for question, counted in r.questions:
                rows.append(
                    {
                        "standard": False,
                        "label": f"{r.standard.number}.{question.number} "
                        f"{question.text}",
                        "percent": percent_text(counted.percent),
                        "fully": counted.fully,
                        "applies": counted.applies,
                    }
                )
        return rows

    def counts(self) -> dict:
        """Responses (submitted), excluded and valid, and valid by sector: one
        query."""
        submitted = self.cycle.submissions.filter(status=SubmissionStatus.SUBMITTED)
        by_sector = {
            row["organisation__sector"]: row
            for row in submitted.values("organisation__sector").annotate(
                responses=Count("pk"),
                valid=Count("pk", filter=Q(exclusion="")),
            )
        }
        sectors = [
            {
                "label": label,
                "responses": by_sector.get(value, {}).get("responses", 0),
                "valid": by_sector.get(value, {}).get("valid", 0),
            }
            for value, label in Sector.choices
        ]
        responses = sum(s["responses"] for s in sectors)
        valid = sum(s["valid"] for s in sectors)
        return {
            "responses": responses,
            "excluded": responses - valid,
            "valid": valid,
            "sectors": sectors,
        }


class LatestResultsView(AuditsMixin, TemplateView):
    """The latest cycle with valid submissions, or the audits home if none has."""

    def get(self, request, *args, **kwargs):
        cycle = (
            Section11Cycle.objects.filter(
                board=self.board,
                submissions__status=SubmissionStatus.SUBMITTED,
                submissions__exclusion="",
            )
            .order_by("-year")
            .first()
        )
        if cycle is None:
            messages.info(request, "No Section 11 audit has results yet.")
            return redirect("audits:home", self.board.slug)
        return redirect(cycle_url(cycle, "audits:results"))


# Organisations ------------------------------------------------------------------


class OrganisationListView(ListPageMixin, AuditsMixin, TemplateView):
    template_name = "audits/organisations.html"
    permission = staticmethod(permissions.can_view_organisations)
    list_name = "section-11-organisations"
    page_size = PAGE_SIZE
    anchor = "organisations"

    def get_columns(self):
        slug = self.board.slug
        manage = permissions.can_manage_audits(self.request.user, self.board)

        def edit_link(org):
            if not manage:
                return ""
            return reverse("audits:organisation-edit", args=[slug, org.pk])

        return [
            Column(
                "name",
                "Organisation",
                "name",
                sort="name",
                link=edit_link,
                row_header=True,
            ),
            Column("sector", "Sector", lambda o: o.get_sector_display(), sort="sector"),
            Column(
                "agency",
                "Board agency",
                lambda o: o.agency.name if o.agency else "Not a board agency",
                sort="agency__name",
            ),
            Column(
                "active",
                "Active",
                lambda o: "Yes" if o.active else "No",
                sort="active",
            ),
        ]

    @cached_property
    def filter(self):
        organisations = Organisation.objects.filter(board=self.board).select_related(
            "agency"
        )
        return OrganisationFilter(self.filter_data(), queryset=organisations)

    def get_list(self):
        return self.filter.qs.order_by("name", "pk")

    def get_caption(self):
        return "Organisations that answer the Section 11 audit"

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filter, **kwargs)


class OrganisationFormMixin(ManageMixin, FormPageMixin):
    form_class = OrganisationForm
    submit_label = "Save organisation"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"board": self.board}

    def get_back_url(self):
        return reverse("audits:organisations", args=[self.board.slug])


class OrganisationCreateView(OrganisationFormMixin, FormView):
    page_title = "Add an organisation"

    def form_save(self, form):
        organisation = services.organisation_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{organisation.name} added.")
        return redirect(self.get_back_url())


class OrganisationEditView(OrganisationFormMixin, FormView):
    page_title = "Change an organisation"

    @cached_property
    def organisation(self):
        return get_object_or_404(
            Organisation, board=self.board, pk=self.kwargs["organisation_id"]
        )

    def get_form_kwargs(self):
        # The form must not alter the page's copy, so a refusal shows the record.
        fresh = Organisation.objects.get(pk=self.organisation.pk)
        return super().get_form_kwargs() | {"instance": fresh}

    def form_save(self, form):
        organisation = services.organisation_update(
            organisation=Organisation.objects.get(pk=self.organisation.pk),
            user=self.request.user,
            **form.cleaned_data,
        )
        messages.success(self.request, f"{organisation.name} saved.")
        return redirect(self.get_back_url())


# Submissions --------------------------------------------------------------------


class SubmissionsMixin(CycleMixin, AuditsMixin):
    def before_handler(self, request):
        if not permissions.can_list_submissions(request.user, self.board):
            raise Http404
        return None


def late_text(submission) -> str:
    if submission.submitted_at is None:
        return ""
    late = submission.submitted_at.date() > submission.cycle.closes_on
    return "Late" if late or submission.late_reason else "On time"


def excluded_text(submission) -> str:
    if not submission.exclusion:
        return "No"
    return f"{submission.get_exclusion_display()}: {submission.exclusion_reason}"


class SubmissionListView(ListPageMixin, SubmissionsMixin, TemplateView):
    template_name = "audits/submissions.html"
    page_size = PAGE_SIZE
    anchor = "submissions"

    @property
    def list_name(self):
        return f"section-11-{self.cycle.year}-submissions"

    def get_columns(self):
        slug = self.board.slug
        year = self.cycle.year
        columns = [
            Column(
                "organisation",
                "Organisation",
                "organisation.name",
                sort="organisation__name",
                row_header=True,
            ),
            Column(
                "sector",
                "Sector",
                lambda s: s.organisation.get_sector_display(),
                sort="organisation__sector",
            ),
            Column("status", "Status", lambda s: s.get_status_display(), sort="status"),
            Column(
                "submitted",
                "Submitted",
                lambda s: date_text(s.submitted_at),
                sort="submitted_at",
            ),
            Column("late", "Late", late_text),
            Column("excluded", "Excluded", excluded_text, sort="exclusion"),
        ]
        if permissions.can_manage_audits(self.request.user, self.board):
            columns.append(
                Column(
                    "exclude",
                    "Exclude",
                    lambda s: "Exclude" if not s.exclusion else "Change exclusion",
                    link=lambda s: reverse(
                        "audits:submission-exclude", args=[slug, year, s.pk]
                    ),
                    exported=False,
                )
            )
        return columns

    @cached_property
    def filter(self):
        submissions = (
            permissions.visible_submissions(self.request.user, self.board)
            .filter(cycle=self.cycle)
            .select_related("organisation", "cycle")
        )
        return SubmissionFilter(self.filter_data(), queryset=submissions)

    def get_list(self):
        return self.filter.qs.order_by("organisation__name", "pk")

    def get_caption(self):
        return f"Submissions to the Section 11 audit {cycle_label(self.cycle)}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            can_view_non_respondents=permissions.can_view_non_respondents(
                self.request.user, self.board
            ),
            **kwargs,
        )


class SubmissionExcludeView(CycleMixin, ManageMixin, FormPageMixin, FormView):
    form_class = ExclusionForm
    page_title = "Exclude a submission from the results"
    submit_label = "Exclude submission"

    @cached_property
    def submission(self):
        return get_object_or_404(
            permissions.visible_submissions(self.request.user, self.board)
            .filter(cycle=self.cycle)
            .select_related("organisation"),
            pk=self.kwargs["submission_id"],
        )

    def get_initial(self):
        return {
            "version": self.submission.version,
            "exclusion": self.submission.exclusion or None,
            "reason": self.submission.exclusion_reason,
        }

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", self.submission.organisation.name)
        return super().get_context_data(**kwargs)

    def get_back_url(self):
        return cycle_url(self.cycle, "audits:submissions")

    def form_save(self, form):
        services.submission_exclude(
            submission=self.submission, user=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            f"{self.submission.organisation.name}'s submission is excluded from the "
            "results.",
        )
        return redirect(self.get_back_url())


class NonRespondentsView(ListPageMixin, CycleMixin, AuditsMixin, TemplateView):
    """Who has not responded: the board's active organisations without a
    submitted response to the cycle (a draft begun is not a response)."""

    template_name = "audits/non_respondents.html"
    permission = staticmethod(permissions.can_view_non_respondents)
    page_size = PAGE_SIZE
    anchor = "not-responded"

    @property
    def list_name(self):
        return f"section-11-{self.cycle.year}-not-responded"

    columns = (
        Column("name", "Organisation", "name", sort="name", row_header=True),
        Column("sector", "Sector", lambda o: o.get_sector_display(), sort="sector"),
        Column(
            "agency",
            "Board agency",
            lambda o: o.agency.name if o.agency else "Not a board agency",
            sort="agency__name",
        ),
        Column(
            "draft",
            "Submission",
            lambda o: "Draft begun" if o.draft else "Not started",
            sort="draft",
        ),
    )

    def get_list(self):
        return selectors.non_respondents(self.cycle).order_by("name", "pk")

    def get_caption(self):
        return (
            "Organisations that have not responded to the Section 11 audit "
            f"{cycle_label(self.cycle)}"
        )
