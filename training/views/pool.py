"""The trainer pool (trainers, their development days and sessions delivered)
and the endorsed external providers, with the forms that change them."""

from functools import cached_property

from django.contrib import messages
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.lists import Column, ExtraList, ListPageMixin, date_text
from lscb_portal.periods import reporting_year_start, year_label

from .. import permissions, selectors, services
from ..forms_pool import (
    DevelopmentDayForm,
    ProviderEditForm,
    ProviderForm,
    TrainerEditForm,
    TrainerForm,
)
from ..models import DevelopmentDay, Endorsement, Provider, Trainer
from .base import TrainingManageMixin, TrainingMixin, requested_year

# The trainer pool ---------------------------------------------------------------


class DevelopmentDays(ExtraList):
    prefix = "days-"
    context_name = "days_table"
    list_name = "development-days"
    anchor = "development-days"
    columns = (
        Column("date", "Date", lambda d: date_text(d.date), sort="date"),
        Column("title", "Development day", "title", sort="title", row_header=True),
        Column(
            "attended", "Trainers attended", "attended", sort="attended", numeric=True
        ),
    )

    def get_caption(self):
        return "Development days"

    def get_list(self):
        return (
            DevelopmentDay.objects.filter(board=self.board)
            .annotate(attended=Count("trainers"))
            .order_by("-date", "pk")
        )


class PoolView(ListPageMixin, TrainingMixin, TemplateView):
    """The volunteer trainers: agency, agreement, development days attended,
    sessions delivered and the session that trained them; how many
    train-the-trainer sessions brought in a year."""

    template_name = "training/pool.html"
    list_name = "trainer-pool"
    anchor = "trainers"
    extra_lists = (DevelopmentDays,)

    def get_columns(self):
        columns = [
            Column("name", "Trainer", "name", sort="name", row_header=True),
            Column("agency", "Agency", "agency.name", sort="agency__name"),
            Column(
                "agreement",
                "Agreement signed",
                lambda t: date_text(t.agreement_signed_on),
                sort="agreement_signed_on",
            ),
            Column(
                "days",
                "Development days attended",
                "development_days_attended",
                sort="development_days_attended",
                numeric=True,
            ),
            Column(
                "delivered",
                "Sessions delivered",
                "sessions_delivered",
                sort="sessions_delivered",
                numeric=True,
            ),
            Column(
                "trained_at",
                "Trained at",
                lambda t: str(t.trained_at) if t.trained_at else "",
                sort="trained_at__date",
            ),
            Column(
                "active",
                "In the pool",
                lambda t: "Yes" if t.active else "No",
                sort="active",
            ),
        ]
        if permissions.can_manage_training(self.request.user, self.board):
            columns.append(
                Column(
                    "change",
                    "Change",
                    lambda t: "Change",
                    link=lambda t: reverse(
                        "training:trainer-edit", args=[self.board.slug, t.pk]
                    ),
                    exported=False,
                )
            )
        return columns

    def get_caption(self):
        return "Trainers in the pool"

    def get_list(self):
        return selectors.trainer_pool(self.board).order_by("name", "pk")

    @cached_property
    def trained_year(self) -> int | None:
        """The year asked for, else the latest a session trained trainers in."""
        asked = requested_year(self.request)
        if asked is not None:
            return asked
        last = Trainer.objects.filter(board=self.board).aggregate(
            last=Max("trained_at__date")
        )["last"]
        return reporting_year_start(last) if last else None

    def get_context_data(self, **kwargs):
        year = self.trained_year
        return super().get_context_data(
            trained_year=year,
            trained_year_label=year_label(year) if year is not None else "",
            trained=selectors.trained_in_year(self.board, year) if year else 0,
            **kwargs,
        )


class TrainerCreateView(TrainingManageMixin, FormPageMixin, FormView):
    form_class = TrainerForm
    page_title = "Add a trainer to the pool"
    submit_label = "Add trainer"

    def get_back_url(self):
        return reverse("training:pool", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        trainer = services.trainer_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{trainer} added to the pool.")
        return redirect(self.get_back_url())


class TrainerEditView(TrainingManageMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = TrainerEditForm
    submit_label = "Save changes"

    @cached_property
    def trainer(self):
        return get_object_or_404(
            Trainer, board=self.board, pk=self.kwargs["trainer_id"]
        )

    def get_page_title(self):
        return f"Change {self.trainer}"

    def get_back_url(self):
        return reverse("training:pool", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def versioned_record(self):
        return self.trainer

    def save(self, data, version):
        trainer = services.trainer_update(
            trainer=self.trainer, user=self.request.user, version=version, changes=data
        )
        messages.success(self.request, f"{trainer} saved.")
        return redirect(self.get_back_url())


class DevelopmentDayCreateView(TrainingManageMixin, FormPageMixin, FormView):
    form_class = DevelopmentDayForm
    page_title = "Record a development day"
    submit_label = "Save development day"

    def get_back_url(self):
        return reverse("training:pool", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        day = services.development_day_record(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{day} recorded.")
        return redirect(self.get_back_url() + "#development-days")


# Providers ----------------------------------------------------------------------


class ProvidersView(ListPageMixin, TrainingMixin, TemplateView):
    """External providers: self-assessment, decision and dates, expiry, and a
    "Review due" tag for endorsements that expire soon or have expired."""

    template_name = "training/providers.html"
    list_name = "providers"

    def get_columns(self):
        columns = [
            Column("name", "Provider", "name", sort="name", row_header=True),
            Column("courses", "Courses", "courses"),
            Column(
                "self_assessment",
                "Self-assessment received",
                lambda p: date_text(p.self_assessment_received_on),
                sort="self_assessment_received_on",
            ),
            Column(
                "decision",
                "Decision",
                lambda p: p.get_decision_display(),
                sort="decision",
                template="training/provider_decision_cell.html",
            ),
            Column(
                "decided_on",
                "Decided",
                lambda p: date_text(p.decided_on),
                sort="decided_on",
            ),
            Column(
                "expires_on",
                "Expires",
                lambda p: date_text(p.expires_on),
                sort="expires_on",
            ),
            Column("review", "Review", "review_text", sort=None),
        ]
        if permissions.can_manage_training(self.request.user, self.board):
            columns.append(
                Column(
                    "change",
                    "Change",
                    lambda p: "Change",
                    link=lambda p: reverse(
                        "training:provider-edit", args=[self.board.slug, p.pk]
                    ),
                    exported=False,
                )
            )
        return columns

    def get_caption(self):
        return "Endorsed external providers"

    def get_list(self):
        return Provider.objects.filter(board=self.board).order_by("name", "pk")

    @cached_property
    def due_ids(self) -> set[int]:
        return set(
            selectors.endorsements_due_review(
                self.board, timezone.localdate()
            ).values_list("pk", flat=True)
        )

    def decorate(self, rows):
        today = timezone.localdate()
        for provider in rows:
            provider.review_due = provider.pk in self.due_ids
            provider.expired = bool(provider.expires_on and provider.expires_on < today)
            provider.review_text = (
                ("Review due (expired)" if provider.expired else "Review due")
                if provider.review_due
                else ""
            )
        return rows

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            due_count=len(self.due_ids),
            review_days=selectors.ENDORSEMENT_REVIEW_DAYS,
            endorsed=Endorsement.ENDORSED,
            **kwargs,
        )


class ProviderCreateView(TrainingManageMixin, FormPageMixin, FormView):
    form_class = ProviderForm
    page_title = "Add a provider"
    submit_label = "Add provider"

    def get_back_url(self):
        return reverse("training:providers", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        provider = services.provider_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{provider} added.")
        return redirect(self.get_back_url())


class ProviderEditView(
    TrainingManageMixin, VersionedEditMixin, FormPageMixin, FormView
):
    form_class = ProviderEditForm
    submit_label = "Save changes"

    @cached_property
    def provider(self):
        return get_object_or_404(
            Provider, board=self.board, pk=self.kwargs["provider_id"]
        )

    def get_page_title(self):
        return f"Change {self.provider}"

    def get_back_url(self):
        return reverse("training:providers", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def versioned_record(self):
        return self.provider

    def save(self, data, version):
        provider = services.provider_update(
            provider=self.provider,
            user=self.request.user,
            version=version,
            changes=data,
        )
        messages.success(self.request, f"{provider} saved.")
        return redirect(self.get_back_url())
