"""The audits API: Section 11 cycles with their standards and questions, and their
results (every board viewer); submissions (the business team and the chair read
every one, an agency contributor its own agency's organisations', and starts,
answers and submits them); multi-agency case audits with their recommendations,
whose progress the business team or the owning agency records. Who sees what is
decided in audits/permissions.py; writes go through audits/services.py."""

from datetime import date

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from boards.api.base import (
    IDEMPOTENCY_KEY,
    BoardScopedMixin,
    IdempotentCreateMixin,
    token_of,
)
from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter, modified_since
from boards.models import Board
from lscb_portal.errors import AlreadyRecorded, DomainError
from lscb_portal.versioning import StaleVersion
from reviews.api.views import VisibleOnlyMixin

from .. import permissions, selectors, services
from ..models import (
    Answer,
    CaseAudit,
    CaseAuditGrading,
    CaseAuditRecommendation,
    Organisation,
    Question,
    RecommendationStatus,
    Section11Cycle,
    Sector,
    Standard,
    Submission,
    SubmissionStatus,
)
from . import serializers as s

# Filters ---------------------------------------------------------------------


class YearFilter(django_filters.NumberFilter):
    """A reporting year (2016 for 2016-17), within the portal's years."""

    field_class = forms.IntegerField

    def __init__(self, field_name="year", **kwargs):
        kwargs.setdefault("help_text", "The reporting year: 2016 for 2016-17.")
        super().__init__(
            field_name=field_name, min_value=1900, max_value=2100, **kwargs
        )


def standards_changed_since(value):
    """Standards changed, or whose questions changed, at or after `value`: their
    history says when (neither keeps a modification time of its own)."""
    return Q(pk__in=Standard.history.filter(history_date__gte=value).values("id")) | Q(
        pk__in=Question.history.filter(history_date__gte=value).values("standard_id")
    )


class CycleApiFilterSet(ApiFilterSet):
    year = YearFilter()
    modified_since = modified_since(
        method="filter_modified_since",
        what="Cycles changed, or whose standards or questions changed,",
    )

    class Meta:
        model = Section11Cycle
        fields = ["year", "modified_since"]

    def filter_modified_since(self, queryset, name, value):
        standards = Standard.objects.filter(standards_changed_since(value))
        removed = Standard.history.filter(history_date__gte=value)
        return queryset.filter(
            Q(modified_at__gte=value)
            | Q(pk__in=standards.values("cycle_id"))
            | Q(pk__in=removed.values("cycle_id"))
        )


class StandardApiFilterSet(ApiFilterSet):
    cycle = IdFilter("cycle", what="The cycle")
    year = YearFilter("cycle__year", help_text="The cycle's year: 2016 for 2016-17.")
    modified_since = modified_since(
        method="filter_modified_since",
        what="Standards changed, or whose questions changed,",
    )

    class Meta:
        model = Standard
        fields = ["cycle", "year", "modified_since"]

    def filter_modified_since(self, queryset, name, value):
        return queryset.filter(standards_changed_since(value))


class SubmissionApiFilterSet(ApiFilterSet):
    cycle = IdFilter("cycle", what="The cycle")
    year = YearFilter("cycle__year", help_text="The cycle's year: 2016 for 2016-17.")
    organisation = IdFilter("organisation", what="The organisation")
    sector = django_filters.ChoiceFilter(
        field_name="organisation__sector",
        choices=Sector.choices,
        help_text="The organisation's sector.",
    )
    status = django_filters.ChoiceFilter(
        choices=SubmissionStatus.choices, help_text="Draft or submitted."
    )
    modified_since = modified_since(what="Submissions changed or answered")

    class Meta:
        model = Submission
        fields = [
            "cycle",
            "year",
            "organisation",
            "sector",
            "status",
            "modified_since",
        ]


class CaseAuditApiFilterSet(ApiFilterSet):
    group = IdFilter("group", what="The Quality Assurance Group")
    year = YearFilter(
        method="filter_year",
        help_text="The reporting year of the audit's date: 2016 for 1 April 2016 "
        "to 31 March 2017.",
    )
    modified_since = modified_since(
        method="filter_modified_since",
        what="Audits changed, or whose gradings or recommendations changed,",
    )

    class Meta:
        model = CaseAudit
        fields = ["group", "year", "modified_since"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            audited_on__gte=date(value, 4, 1), audited_on__lte=date(value + 1, 3, 31)
        )

    def filter_modified_since(self, queryset, name, value):
        recommendations = CaseAuditRecommendation.objects.filter(
            audit=OuterRef("pk"), modified_at__gte=value
        )
        gradings = CaseAuditGrading.history.filter(history_date__gte=value)
        return queryset.filter(
            Q(modified_at__gte=value)
            | Exists(recommendations)
            | Q(pk__in=gradings.values("audit_id"))
        )


class RecommendationApiFilterSet(ApiFilterSet):
    audit = IdFilter("audit", what="The case audit")
    agency = AgencyFilter(
        "owner_agency", help_text="The agency that owns the recommendation"
    )
    status = django_filters.ChoiceFilter(
        choices=RecommendationStatus.choices, help_text="The recommendation's status."
    )

    class Meta:
        model = CaseAuditRecommendation
        fields = ["audit", "agency", "status", "modified_since"]


# Cycles and standards --------------------------------------------------------

QUESTIONS = Prefetch("questions", queryset=Question.objects.order_by("number", "pk"))


class ResultsQuerySerializer(serializers.Serializer):
    sector = serializers.ChoiceField(
        choices=Sector.choices,
        required=False,
        help_text="Count only this sector's submissions (default: every sector).",
    )


class CycleViewSet(VisibleOnlyMixin, BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """The board's Section 11 cycles, newest first, each with its standards and
    their questions: anyone on the board. Their results are at
    `section-11-cycles/{id}/results/`."""

    queryset = Section11Cycle.objects.prefetch_related(
        Prefetch(
            "standards",
            queryset=Standard.objects.order_by("number", "pk").prefetch_related(
                QUESTIONS
            ),
        )
    ).order_by("-year", "pk")
    serializer_class = s.CycleSerializer
    filterset_class = CycleApiFilterSet
    ordering_fields = ["year", "opens_on", "closes_on", "modified_at"]
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_cycles)

    def get_queryset(self):
        queryset = super().get_queryset()
        # The results read the standards themselves (selectors.compliance).
        return queryset.prefetch_related(None) if self.action == "results" else queryset

    @extend_schema(
        parameters=[ResultsQuerySerializer], responses={200: s.ResultsSerializer}
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def results(self, request, pk=None):
        """Compliance per standard and per question (% fully met among the valid
        submissions it applies to), overall or for one sector, beside the previous
        cycle's figures. Where nothing counts the figure is null ("no data")."""
        cycle = self.get_object()
        query = ResultsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        sector = query.validated_data.get("sector") or None
        results, before = selectors.compliance_with_previous(cycle, sector)
        return Response(
            s.ResultsSerializer(s.results_data(results, before, sector)).data
        )


class StandardViewSet(
    VisibleOnlyMixin, BoardScopedMixin, viewsets.ReadOnlyModelViewSet
):
    """The standards of the board's cycles (newest cycle first), each with its
    questions: anyone on the board."""

    queryset = (
        Standard.objects.select_related("cycle")
        .prefetch_related(QUESTIONS)
        .order_by("-cycle__year", "number", "pk")
    )
    serializer_class = s.StandardSerializer
    filterset_class = StandardApiFilterSet
    ordering_fields = ["year", "number"]
    ordering_aliases = {"year": "cycle__year"}
    board_path = "cycle__board"
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_standards)


# Submissions -----------------------------------------------------------------


def boards_of(request):
    """The boards a request reaches: the token's, or a signed-in user's."""
    token = token_of(request)
    return [token.board] if token else Board.objects.visible_to(request.user)


def indexed(errors) -> dict:
    """A list's errors keyed by each bad item's index, as the bulk lists give them."""
    if isinstance(errors.get("answers"), list):
        listed = errors["answers"]
        if listed and all(isinstance(e, dict) for e in listed):
            errors = {
                **errors,
                "answers": {str(i): e for i, e in enumerate(listed) if e},
            }
    return errors


class _Submissions(VisibleOnlyMixin, BoardScopedMixin):
    """Submissions as the user may see them: every one for the business team and
    the chair, an agency contributor's own agency's organisations'."""

    queryset = (
        Submission.objects.select_related("cycle__board", "organisation")
        .annotate(
            answered=Count("answers", filter=Q(answers__carried_forward=False)),
            carried_forward=Count("answers", filter=Q(answers__carried_forward=True)),
        )
        .order_by("-cycle__year", "organisation__name", "pk")
    )
    board_path = "cycle__board"
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_submissions)

    def with_answers(self, queryset):
        return queryset.prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("question__standard").order_by(
                    "question__standard__number", "question__number"
                ),
            )
        )

    def answered_with(self, submission_id: int, status_code=200) -> Response:
        fresh = self.with_answers(self.get_queryset()).get(pk=submission_id)
        return Response(
            s.SubmissionDetailSerializer(
                fresh, context=self.get_serializer_context()
            ).data,
            status=status_code,
        )

    def editable(self, request, submission_id) -> Submission:
        """The submission named, if the user may see it (else 404) and change it
        (else 403)."""
        submission = self.get_queryset().filter(pk=submission_id).first()
        if submission is None:
            raise exceptions.NotFound("No such submission (or not one you may see).")
        if not permissions.can_edit_submission(request.user, submission):
            raise exceptions.PermissionDenied(
                "You may answer and submit only your own agency's submissions."
            )
        return submission


class _StartSubmission:
    """Starts a submission through the service (under IdempotentCreateMixin)."""

    def create(self, request, *args, **kwargs):
        given = s.SubmissionStartSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        cycles = Section11Cycle.objects.filter(board__in=boards_of(request))
        cycle = cycles.filter(pk=data["cycle"]).select_related("board").first()
        if cycle is None:
            raise exceptions.ValidationError(
                {"cycle": ["No Section 11 audit has this id on this board."]}
            )
        user, board = request.user, cycle.board
        if not (
            permissions.can_manage_audits(user, board)
            or permissions.contributor_agency_ids(user, board)
        ):
            raise exceptions.PermissionDenied(
                "Only the business team and agency contributors start submissions."
            )
        organisation = (
            Organisation.objects.filter(board=board, pk=data["organisation"])
            .select_related("board")
            .first()
        )
        if organisation is None or not permissions.can_start_submission(
            user, organisation
        ):
            raise exceptions.ValidationError(
                {"organisation": ["Choose an organisation you answer for."]}
            )
        try:
            submission = services.submission_start(
                cycle=cycle, organisation=organisation, user=user
            )
        except AlreadyRecorded as already:
            # Offered the existing one, as the page does.
            existing = self.get_queryset().get(pk=already.existing.pk)
            return Response(
                {
                    "organisation": [f"{already} Continue submission {existing.pk}."],
                    "existing": s.SubmissionSerializer(existing).data,
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self.answered_with(submission.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    create=extend_schema(
        summary="Start a submission",
        description="A draft submission for an organisation and cycle, its answers "
        "and evidence carried forward from the organisation's previous submission "
        "(marked so until confirmed). The business team starts one for any of the "
        "board's organisations, an agency contributor for its own agency's. A "
        "second start for the same organisation and cycle is refused with 400, "
        "naming the existing submission under `existing`.",
        request=s.SubmissionStartSerializer,
        responses={201: s.SubmissionDetailSerializer},
    ),
    retrieve=extend_schema(responses={200: s.SubmissionDetailSerializer}),
)
class SubmissionViewSet(
    IdempotentCreateMixin,
    _StartSubmission,
    _Submissions,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Section 11 submissions: the business team and the chair read every one of
    the board's, an agency contributor its own agency's organisations' (another's
    is a 404), and no one else any. Answers are written by POST to
    `section-11-submissions/{id}/answers/`, and the submission sent by POST to
    `section-11-submissions/{id}/submit/`."""

    serializer_class = s.SubmissionSerializer
    filterset_class = SubmissionApiFilterSet
    ordering_fields = ["organisation", "year", "submitted_at", "modified_at"]
    ordering_aliases = {"organisation": "organisation__name", "year": "cycle__year"}

    def get_queryset(self):
        queryset = super().get_queryset()
        return self.with_answers(queryset) if self.action == "retrieve" else queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.SubmissionDetailSerializer
        return super().get_serializer_class()


class _RecordAnswers:
    def create(self, request, *args, **kwargs):
        submission = self.editable(request, kwargs["id"])
        given = s.AnswersSerializer(data=request.data)
        if not given.is_valid():
            raise exceptions.ValidationError(indexed(given.errors))
        data = given.validated_data
        questions = {
            q.pk: q
            for q in Question.objects.filter(
                standard__cycle=submission.cycle_id
            ).select_related("standard")
        }
        errors, seen = {}, {}
        for index, item in enumerate(data["answers"]):
            question = questions.get(item["question"])
            if question is None:
                errors[str(index)] = {
                    "question": ["This question is not part of this audit."]
                }
            elif question.pk in seen:
                errors[str(index)] = {
                    "question": [
                        f"Question {question.code} is also item "
                        f"{seen[question.pk]} of the list."
                    ]
                }
            seen.setdefault(item["question"], index)
        if errors:
            raise exceptions.ValidationError({"answers": errors})
        version = data["version"]
        with transaction.atomic():  # every answer, or none
            for index, item in enumerate(data["answers"]):
                try:
                    services.answer_record(
                        submission=submission,
                        user=request.user,
                        question=questions[item["question"]],
                        rating=item["rating"],
                        evidence=item["evidence"],
                        version=version,
                    )
                except StaleVersion:
                    raise
                except DomainError as error:
                    if not hasattr(error, "error_dict"):
                        raise
                    raise exceptions.ValidationError(
                        {"answers": {str(index): error.message_dict}}
                    ) from None
                version += 1
        return self.answered_with(submission.pk)


@extend_schema_view(
    create=extend_schema(
        summary="Answer questions of a submission",
        description="Record answers to questions of the submission's cycle, all or "
        "none: a new answer, a changed one, or a carried-forward one confirmed "
        "(written again, as it was or changed). Name the submission's version you "
        "start from: a stale one is refused with 409; the version goes up by one "
        "for each answer. An answer's errors are keyed by its index in the list. "
        "The business team may answer any draft submission, an agency contributor "
        "its own agency's (403 for one it may see but not change; 404 for one it "
        "may not see).",
        request=s.AnswersSerializer,
        responses={200: s.SubmissionDetailSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
)
class SubmissionAnswersViewSet(
    IdempotentCreateMixin, _RecordAnswers, _Submissions, viewsets.GenericViewSet
):
    serializer_class = s.AnswersSerializer
    pagination_class = None
    filter_backends = []


class _Submit:
    def create(self, request, *args, **kwargs):
        submission = self.editable(request, kwargs["id"])
        given = s.SubmitSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.submission_submit(
            submission=submission,
            user=request.user,
            version=given.validated_data["version"],
            late_reason=given.validated_data["late_reason"],
            may_accept_late=permissions.can_manage_audits(
                request.user, submission.cycle.board
            ),
        )
        return self.answered_with(submission.pk)


@extend_schema_view(
    create=extend_schema(
        summary="Submit a submission",
        description="Send a complete submission: every question answered and no "
        "carried-forward answer left unconfirmed (else 400 saying what is left). "
        "After the close date only the business team may submit one, accepting it "
        "late with `late_reason`. Name the version you start from: a stale one is "
        "refused with 409.",
        request=s.SubmitSerializer,
        responses={200: s.SubmissionDetailSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
)
class SubmissionSubmitViewSet(
    IdempotentCreateMixin, _Submit, _Submissions, viewsets.GenericViewSet
):
    serializer_class = s.SubmitSerializer
    pagination_class = None
    filter_backends = []


# Case audits -----------------------------------------------------------------


class CaseAuditViewSet(
    VisibleOnlyMixin, BoardScopedMixin, viewsets.ReadOnlyModelViewSet
):
    """The board's multi-agency case audits, newest first, with their gradings,
    findings and recommendations: anyone on the board."""

    queryset = (
        CaseAudit.objects.select_related("group")
        .prefetch_related(
            Prefetch("gradings", queryset=CaseAuditGrading.objects.order_by("pk")),
            Prefetch(
                "recommendations",
                queryset=CaseAuditRecommendation.objects.select_related(
                    "business_plan_action"
                ).order_by("number"),
            ),
        )
        .order_by("-audited_on", "theme", "pk")
    )
    serializer_class = s.CaseAuditSerializer
    filterset_class = CaseAuditApiFilterSet
    ordering_fields = ["audited_on", "theme", "modified_at"]
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_case_audits)


class _Recommendations(VisibleOnlyMixin, BoardScopedMixin):
    queryset = CaseAuditRecommendation.objects.select_related(
        "audit__board", "business_plan_action"
    ).order_by("audit", "number", "pk")
    board_path = "audit__board"
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_case_audit_recommendations)


class RecommendationViewSet(_Recommendations, viewsets.ReadOnlyModelViewSet):
    """Case audit recommendations: anyone on the board. Progress is recorded by
    POST to `case-audit-recommendations/{id}/progress/`."""

    serializer_class = s.RecommendationSerializer
    filterset_class = RecommendationApiFilterSet
    ordering_fields = ["due_date", "number", "status", "modified_at"]


class _RecordProgress:
    def create(self, request, *args, **kwargs):
        recommendation = self.get_queryset().filter(pk=kwargs["id"]).first()
        if recommendation is None:
            raise exceptions.NotFound(
                "No such recommendation (or not one you may see)."
            )
        if not permissions.can_update_case_audit_recommendation(
            request.user, recommendation
        ):
            raise exceptions.PermissionDenied(
                "You may record progress only on the recommendations your agency owns."
            )
        given = s.RecommendationProgressSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        services.recommendation_record_progress(
            recommendation=recommendation,
            user=request.user,
            version=data["version"],
            status=data["status"],
            rag=data["rag"],
            evidence=data["evidence"],
        )
        fresh = self.get_queryset().get(pk=recommendation.pk)
        return Response(s.RecommendationSerializer(fresh).data)


@extend_schema_view(
    create=extend_schema(
        summary="Record progress on a case audit recommendation",
        description="The recommendation's status, RAG and evidence now (complete "
        "needs evidence and makes the RAG Complete). The business team may record "
        "it on any recommendation, an agency contributor on its own agency's (403 "
        "for another's). Name the version you start from: a stale one is refused "
        "with 409.",
        request=s.RecommendationProgressSerializer,
        responses={200: s.RecommendationSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
)
class RecommendationProgressViewSet(
    IdempotentCreateMixin, _RecordProgress, _Recommendations, viewsets.GenericViewSet
):
    serializer_class = s.RecommendationProgressSerializer
    pagination_class = None
    filter_backends = []
