"""The case review pages: the reviews home (the restricted list and what is due, or
the published reviews), a review's restricted record and lifecycle, and the forms
that move it on. Every page of a restricted review logs the view; a review the user
may not see is a 404, a change they may not make a 403."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin, LogsRecordViewMixin
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ExtraList, ListPageMixin, date_text

from .. import permissions, services
from ..filters import CaseReviewFilter
from ..forms.case_reviews import (
    NOTIFIED_TYPES,
    CaseReviewEditForm,
    CaseReviewForm,
    NotificationForm,
    RapidReviewForm,
    RecategoriseForm,
    TransitionForm,
)
from ..models import ReviewEvent, ReviewType, Stage
from ..selectors import review_lists as selectors

PAGE_SIZE = 50


def review_url(review) -> str:
    return reverse("reviews:review", args=[review.board.slug, review.pk])


class ReviewsMixin(BoardMixin):
    """Pages of a board's reviews section: every board viewer may open it."""

    permission = staticmethod(permissions.can_view_reviews)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault(
            "can_manage", permissions.can_manage_reviews(user, self.board)
        )
        return super().get_context_data(**kwargs)


# The reviews home ------------------------------------------------------------------


class DueList(ExtraList):
    """For restricted roles, the notifications and rapid reviews due or late."""

    prefix = "due-"
    context_name = "due_table"
    anchor = "due"
    list_name = "case-reviews-due"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "review",
                "Review",
                "review.child_reference",
                sort=lambda d: d.review.child_reference,
                row_header=True,
                link=lambda d: reverse("reviews:review", args=[slug, d.review.pk]),
            ),
            Column("what", "What is due", "what", sort=lambda d: d.what),
            Column("due", "Due by", lambda d: date_text(d.due), sort=lambda d: d.due),
            Column(
                "status",
                "Status",
                lambda d: "Late" if d.late else "Due",
                sort=lambda d: (d.late, d.due),
                template="reviews/_due_status_cell.html",
            ),
        ]

    def get_caption(self):
        return "Notifications and rapid reviews due, soonest first"

    def get_list(self):
        return self.view.due if self.view.restricted else []


class ReviewsHomeView(LogsRecordViewMixin, ListPageMixin, ReviewsMixin, TemplateView):
    """For restricted roles, what is due and late and the list of the board's
    reviews (each one shown is logged); for everyone else, the published reviews
    whose lessons they may read."""

    template_name = "reviews/home.html"
    page_size = PAGE_SIZE
    anchor = "reviews"
    extra_lists = (DueList,)

    @cached_property
    def restricted(self) -> bool:
        return permissions.can_view_restricted_reviews(self.request.user, self.board)

    @property
    def list_name(self):
        return "case-reviews" if self.restricted else "published-reviews"

    def get_columns(self):
        slug = self.board.slug
        kind = Column(
            "type",
            "Type",
            lambda r: r.get_review_type_display(),
            sort=selectors.TYPE_ORDER,
        )
        if not self.restricted:
            return [
                Column(
                    "reference",
                    "Review",
                    "child_reference",
                    sort="child_reference",
                    row_header=True,
                    link=lambda r: reverse("reviews:published", args=[slug, r.pk]),
                ),
                kind,
                Column(
                    "published",
                    "Published",
                    lambda r: date_text(r.published_on),
                    sort="published_on",
                ),
                Column(
                    "lessons",
                    "Lessons",
                    "lesson_count",
                    sort="lesson_count",
                    numeric=True,
                ),
            ]
        return [
            Column(
                "reference",
                "Child reference",
                "child_reference",
                sort="child_reference",
                row_header=True,
                link=lambda r: reverse("reviews:review", args=[slug, r.pk]),
            ),
            kind,
            Column(
                "legacy", "Legacy", lambda r: "Yes" if r.legacy else "No", sort="legacy"
            ),
            Column(
                "stage",
                "Stage",
                lambda r: r.get_stage_display(),
                sort=selectors.STAGE_ORDER,
            ),
            Column(
                "referred",
                "Referred",
                lambda r: date_text(r.referred_on),
                sort="referred_on",
            ),
            Column(
                "published",
                "Published",
                lambda r: date_text(r.published_on) or "Not published",
                sort="published_on",
            ),
            Column(
                "open_items",
                "Open action items",
                "open_items",
                sort="open_items",
                numeric=True,
            ),
            Column(
                "next_due",
                "Next item due",
                lambda r: date_text(r.next_due) or "–",
                sort="next_due",
            ),
        ]

    @cached_property
    def filter(self):
        return CaseReviewFilter(
            self.filter_data(),
            queryset=selectors.reviews_for_list(self.request.user, self.board),
        )

    def get_list(self):
        if not self.restricted:
            return selectors.published_for_list(self.request.user, self.board)
        return self.filter.qs.order_by("-referred_on", "child_reference")

    @cached_property
    def shown(self) -> dict:
        return {}

    def decorate(self, rows):
        # What the page (or a download) shows: the view log names each of them.
        self.shown.update((row.pk, row) for row in rows)
        return rows

    def get_caption(self):
        if not self.restricted:
            return f"Published reviews of {self.board.name}, newest first"
        return f"Reviews of {self.board.name}, most recently referred first"

    @cached_property
    def due(self):
        return selectors.due_items(self.request.user, self.board)

    def viewed_records(self):
        if not self.restricted:
            return []
        records = dict(self.shown)
        records.update((item.review.pk, item.review) for item in self.due)
        return list(records.values())

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {
            "restricted": self.restricted,
            "can_view_child_deaths": permissions.can_view_child_deaths(
                user, self.board
            ),
        }
        if self.restricted:
            context |= {"filter": self.filter, "due": self.due}
        return super().get_context_data(**context, **kwargs)


class ReviewCreateView(ReviewsMixin, FormPageMixin, FormView):
    form_class = CaseReviewForm
    permission = staticmethod(permissions.can_manage_reviews)
    page_title = "Record a review"
    submit_label = "Record the review"
    intro = (
        "A review referred to the Case Review Group. Use the child's anonymised "
        "reference only: never a name or a date of birth."
    )

    def get_back_url(self):
        return reverse("reviews:home", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        review = services.review_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{review.child_reference} recorded.")
        return redirect(review_url(review))


# One review ------------------------------------------------------------------------


class ReviewMixin(LogsRecordViewMixin, ReviewsMixin):
    """Resolves .../reviews/<review_id>/ to one of the board's reviews: a 404 for
    anyone who may not see restricted reviews, a 403 on a change for those who
    may see it but not change it. Every view of it is logged."""

    writes = False  # True for the pages that change it
    full = False  # True for the page that shows all of it

    @cached_property
    def review(self):
        review = selectors.review_for_page(
            self.request.user, self.board, self.kwargs["review_id"], full=self.full
        )
        if review is None:
            raise Http404
        return review

    def before_handler(self, request):
        self.review  # noqa: B018  (a 404 before anything else)
        if self.writes and not permissions.can_manage_reviews(request.user, self.board):
            raise PermissionDenied
        return None

    def viewed_records(self):
        return [self.review]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("review", self.review)
        return super().get_context_data(**kwargs)

    def review_url(self, name="review"):
        return reverse(f"reviews:{name}", args=[self.board.slug, self.review.pk])

    def get_back_url(self):
        return self.review_url()


def event_text(event) -> str:
    """What a lifecycle event was, as the timeline says it."""
    if event.kind == ReviewEvent.Kind.RECATEGORISED:
        return (
            f"Re-categorised: {ReviewType(event.from_type).label} → "
            f"{ReviewType(event.to_type).label}"
        )
    if event.kind == ReviewEvent.Kind.STAGE:
        to = Stage(event.to_stage).label
        if event.from_stage and Stage.values.index(event.from_stage) > (
            Stage.values.index(event.to_stage)
        ):
            return f"Back to “{to}” from “{Stage(event.from_stage).label}”"
        return to
    return event.get_kind_display()


class ReviewDetailView(ReviewMixin, TemplateView):
    template_name = "reviews/review.html"
    full = True

    def get_context_data(self, **kwargs):
        review = self.review
        events = sorted(review.events.all(), key=lambda e: (e.date, e.pk))
        return super().get_context_data(
            timeline=[(event, event_text(event)) for event in events],
            notified_type=review.review_type in NOTIFIED_TYPES
            or review.incident_known_on is not None,
            notification_due=services.notification_due(review),
            notification_late=services.notification_is_late(review),
            rapid_review_due=services.rapid_review_due(review),
            rapid_review_late=services.rapid_review_is_late(review),
            **kwargs,
        )


class ReviewHistoryView(ReviewMixin, TemplateView):
    template_name = "reviews/review_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.review.history.all()), **kwargs
        )


class ReviewEditView(ReviewMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = CaseReviewEditForm
    writes = True
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.review.child_reference}"

    def versioned_record(self):
        return self.review

    def save(self, data, version):
        review = services.review_update(
            review=self.review, user=self.request.user, version=version, changes=data
        )
        messages.success(self.request, f"{review.child_reference} saved.")
        return redirect(review_url(review))


class ReviewStepView(ReviewMixin, FormPageMixin, FormView):
    """A form that records a step of the review through a service, refusing a
    stale page (its hidden version) with who changed the review first."""

    writes = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.review}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", self.review.child_reference)
        return super().get_context_data(**kwargs)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(self.review_url())


class ReviewTransitionView(ReviewStepView):
    form_class = TransitionForm
    template_name = "reviews/transition.html"
    page_title = "Record the next stage"
    submit_label = "Save the stage"

    def form_save(self, form):
        data = form.cleaned_data
        review = services.review_transition(
            review=self.review,
            user=self.request.user,
            version=data["version"],
            to_stage=data["to_stage"],
            on=data["on"],
            note=data["note"],
            criteria_met=data["criteria_met"],
            decided_by=data["decided_by"],
            reviewer=data["reviewer"],
            publication_url=data["publication_url"],
        )
        return self.done(f"{review.child_reference}: {review.get_stage_display()}.")


class ReviewRecategoriseView(ReviewStepView):
    form_class = RecategoriseForm
    page_title = "Re-categorise the review"
    submit_label = "Change the type"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro",
            f"It is a {self.review.get_review_type_display().lower()}. The earlier "
            "type stays in its history, with the reason.",
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        data = form.cleaned_data
        review = services.review_recategorise(
            review=self.review,
            user=self.request.user,
            version=data["version"],
            to_type=data["to_type"],
            on=data["on"],
            reason=data["reason"],
        )
        return self.done(
            f"{review.child_reference} is now a "
            f"{review.get_review_type_display().lower()}."
        )


class ReviewNotificationView(ReviewStepView):
    form_class = NotificationForm
    page_title = "Serious incident notification"
    submit_label = "Save the notification"
    intro = (
        "The national panel is to be notified within 5 working days of the local "
        "authority becoming aware of the incident."
    )

    def form_save(self, form):
        data = form.cleaned_data
        review = services.review_record_notification(
            review=self.review,
            user=self.request.user,
            version=data["version"],
            incident_known_on=data["incident_known_on"],
            panel_notified_on=data["panel_notified_on"],
        )
        return self.done(f"Notification of {review.child_reference} saved.")


class ReviewRapidReviewView(ReviewStepView):
    form_class = RapidReviewForm
    page_title = "Rapid review"
    submit_label = "Save the rapid review"
    intro = (
        "The rapid review goes to the national panel within 15 working days of the "
        "notification. A decision to commission a local child safeguarding practice "
        "review makes this rapid review one."
    )

    def form_save(self, form):
        data = form.cleaned_data
        review = services.review_record_rapid_review(
            review=self.review,
            user=self.request.user,
            version=data["version"],
            sent_on=data["sent_on"],
            decision=data["decision"],
            panel_response=data["panel_response"],
            panel_responded_on=data["panel_responded_on"],
        )
        return self.done(f"Rapid review of {review.child_reference} saved.")
