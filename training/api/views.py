"""The training API: courses, sessions with their attendance totals, attendance
counts per agency and e-learning returns (everyone on the board reads them), the
year's totals, and two bulk writes an agency's system uses: attendance counts and
e-learning returns, up to 1,000 rows saved all or none through the services. The
business team and the chair write any agency's figures, an agency contributor
only its own agency's (training/permissions.py decides).

Named attendees are personal data and are not in the API: a session gives only
how many attended."""

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status, viewsets
from rest_framework.response import Response

from boards.api.base import BoardScopedMixin, IdempotentCreateMixin
from boards.models import Agency
from lscb_portal.tables import ImportFailed

from .. import selectors, services
from ..filters import (
    AttendanceCountApiFilterSet,
    CourseApiFilterSet,
    ElearningReturnApiFilterSet,
    SessionApiFilterSet,
)
from ..models import (
    AttendanceCount,
    Course,
    ElearningReturn,
    Session,
)
from ..permissions import can_record_agency_figures, can_record_some_agency_figures
from . import serializers as s

MAX_BULK = 1000

# Reads --------------------------------------------------------------------------


class CourseViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """The board's training courses: anyone on the board."""

    queryset = Course.objects.prefetch_related("plan_themes", "lessons", "themes")
    serializer_class = s.CourseSerializer
    filterset_class = CourseApiFilterSet
    ordering_fields = ["title", "runs_from", "modified_at"]
    lookup_value_regex = r"\d+"


class SessionViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """Sessions of the board's courses with how many attended (named attendees
    and counts per agency added the same way): anyone on the board. Attendees'
    names are not given."""

    queryset = Session.objects.select_related("course")
    serializer_class = s.SessionSerializer
    filterset_class = SessionApiFilterSet
    ordering_fields = ["date", "attendance", "modified_at"]
    board_path = "course__board"
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.with_attendance(super().get_queryset())


class AttendanceCountViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """How many attended each session from each agency, where names are not
    recorded: anyone on the board. Written with POST `attendance-counts/bulk/`."""

    queryset = AttendanceCount.objects.select_related("agency", "session")
    serializer_class = s.AttendanceCountSerializer
    filterset_class = AttendanceCountApiFilterSet
    ordering_fields = ["date", "agency", "count"]
    ordering_aliases = {"date": "session__date", "agency": "agency__name"}
    board_path = "session__course__board"
    lookup_value_regex = r"\d+"


class ElearningReturnViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """E-learning returns per year and department: anyone on the board. Written
    with POST `elearning-returns/bulk/`."""

    queryset = ElearningReturn.objects.select_related("elearning_year")
    serializer_class = s.ElearningReturnSerializer
    filterset_class = ElearningReturnApiFilterSet
    ordering_fields = ["year", "department", "allocated", "passed"]
    ordering_aliases = {"year": "elearning_year__year"}
    board_path = "elearning_year__board"
    lookup_value_regex = r"\d+"


@extend_schema(parameters=[s.TotalsQuerySerializer], responses=s.TotalsSerializer)
class TotalsView(BoardScopedMixin, generics.GenericAPIView):
    """The board's training totals: attendances per year (the recorded sessions'
    sum, or the reported total of a year without sessions) and e-learning
    allocated, passed and completion rate per year; with `?year=`, that year's
    attendances per course and per agency too. Anyone on the board."""

    serializer_class = s.TotalsSerializer
    pagination_class = None
    filter_backends = []

    def get(self, request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - {"year", "format"})
        if unknown:
            message = "Unknown query parameter. This takes: year."
            raise exceptions.ValidationError({name: [message] for name in unknown})
        query = s.TotalsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        board = self.request_board()
        year = query.validated_data.get("year")
        body = {
            "attendances": selectors.year_totals(board),
            "elearning": selectors.elearning_summaries(board),
            "year": year,
            "courses": [] if year is None else selectors.course_totals(board, year),
            "agencies": [] if year is None else selectors.agency_totals(board, year),
        }
        return Response(s.TotalsSerializer(body).data)


# Bulk writes --------------------------------------------------------------------


def _listed(request) -> list:
    items = request.data
    if not isinstance(items, list) or not items:
        raise exceptions.ValidationError({"detail": "Send a JSON list of rows."})
    if len(items) > MAX_BULK:
        raise exceptions.ValidationError(
            {"detail": f"Send at most {MAX_BULK} rows at a time."}
        )
    return items


def _validated(items, serializer_class) -> tuple[dict, dict]:
    """({index: data} of the well-formed items, {index: errors} of the others)."""
    given, errors = {}, {}
    for index, item in enumerate(items):
        serializer = serializer_class(data=item)
        if serializer.is_valid():
            given[index] = dict(serializer.validated_data)
        else:
            errors[index] = serializer.errors
    return given, errors


def _refuse(errors: dict):
    raise exceptions.ValidationError(
        {"errors": {str(i): errors[i] for i in sorted(errors)}}
    )


def _label(index: int) -> str:
    return f"Item {index}"


def _indexed(failed: ImportFailed, labels: dict[str, int]) -> dict:
    """A service's row-labelled errors ("Item 3: …") keyed by each item's index."""
    errors = {}
    for message in failed.errors:
        label, _, text = message.partition(": ")
        if label not in labels:
            raise failed
        errors.setdefault(labels[label], {"detail": []})["detail"].append(text)
    return errors


class _Bulk(BoardScopedMixin, viewsets.GenericViewSet):
    pagination_class = None
    filter_backends = []
    what = "figures"

    def board_and_check(self, request):
        board = self.request_board()
        if not can_record_some_agency_figures(request.user, board):
            raise exceptions.PermissionDenied(
                f"Only the business team and agency contributors record {self.what}."
            )
        return board

    def refuse_denied(self, request, board, given):
        denied = [
            index
            for index, data in given.items()
            if not can_record_agency_figures(request.user, board, data.get("agency"))
        ]
        if denied:
            raise exceptions.PermissionDenied(
                f"You may record {self.what} only for your own agency: items "
                f"{', '.join(str(i) for i in denied[:20])} are for another agency "
                "or none. Nothing was saved."
            )

    def agencies_of(self, board, given, errors) -> dict[int, Agency]:
        wanted = {d["agency"] for d in given.values() if d.get("agency") is not None}
        agencies = {
            agency.pk: agency
            for agency in Agency.objects.filter(board=board, pk__in=wanted)
        }
        for index, data in given.items():
            if data.get("agency") is not None and data["agency"] not in agencies:
                errors.setdefault(index, {})["agency"] = [
                    "No agency has this id on this board."
                ]
        return agencies


class _RecordCounts(_Bulk):
    what = "attendance counts"

    def create(self, request, *args, **kwargs):
        items = _listed(request)
        board = self.board_and_check(request)
        given, errors = _validated(items, s.AttendanceCountRowSerializer)
        self.refuse_denied(request, board, given)
        agencies = self.agencies_of(board, given, errors)
        sessions = Session.objects.filter(
            course__board=board, pk__in={d["session"] for d in given.values()}
        ).select_related("course")
        sessions = {session.pk: session for session in sessions}
        for index, data in given.items():
            if data["session"] not in sessions:
                errors.setdefault(index, {})["session"] = [
                    "No session has this id on this board."
                ]
        if errors:
            _refuse(errors)
        rows = [
            (
                _label(index),
                {
                    "session": sessions[data["session"]],
                    "agency": agencies[data["agency"]],
                    "count": data["count"],
                },
            )
            for index, data in given.items()
        ]
        try:
            done = services.attendance_counts_record(
                board=board, user=request.user, rows=rows
            )
        except ImportFailed as failed:
            _refuse(_indexed(failed, {_label(index): index for index in given}))
        return Response(
            s.CountsRecordedSerializer(done).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    create=extend_schema(
        summary="Record attendance counts",
        description=f"Up to {MAX_BULK:,} rows of how many attended a session from "
        "an agency (0 removes a count; a count given before is replaced). All are "
        "saved, or none with each bad row's errors keyed by its index in the list "
        "(400). The business team and the chair record any agency's counts, an "
        "agency contributor its own agency's: a row for another agency refuses the "
        "whole request (403, naming the rows).",
        request=s.AttendanceCountRowSerializer(many=True),
        responses={201: s.CountsRecordedSerializer},
    )
)
class AttendanceCountBulkViewSet(IdempotentCreateMixin, _RecordCounts):
    queryset = AttendanceCount.objects.all()
    serializer_class = s.AttendanceCountRowSerializer
    board_path = "session__course__board"


class _RecordReturns(_Bulk):
    what = "e-learning returns"

    def create(self, request, *args, **kwargs):
        items = _listed(request)
        board = self.board_and_check(request)
        given, errors = _validated(items, s.ElearningReturnRowSerializer)
        self.refuse_denied(request, board, given)
        agencies = self.agencies_of(board, given, errors)
        if errors:
            _refuse(errors)
        by_year: dict[int, list] = {}
        for index, data in given.items():
            agency = data.get("agency")
            by_year.setdefault(data["year"], []).append(
                (
                    _label(index),
                    {
                        "department": data["department"],
                        "agency": None if agency is None else agencies[agency],
                        "allocated": data["allocated"],
                        "passed": data["passed"],
                    },
                )
            )
        labels = {_label(index): index for index in given}
        created = changed = 0
        with transaction.atomic():  # every year's rows, or none
            for year, rows in sorted(by_year.items()):
                try:
                    done = services.elearning_returns_record(
                        board=board, user=request.user, year=year, rows=rows
                    )
                except ImportFailed as failed:
                    errors |= _indexed(failed, labels)
                    continue
                created, changed = created + done.created, changed + done.changed
            if errors:  # after every year is checked: nothing is saved
                _refuse(errors)
        return Response(
            {"created": created, "changed": changed}, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    create=extend_schema(
        summary="Record e-learning returns",
        description=f"Up to {MAX_BULK:,} rows of a department's e-learning figures "
        "for a membership year (rows may be for several years; a department "
        "already returned for its year is replaced). All are saved, or none with "
        "each bad row's errors keyed by its index in the list (400). The business "
        "team and the chair record any return, an agency contributor only its own "
        "agency's departments: a row for another agency, or with no agency, "
        "refuses the whole request (403, naming the rows).",
        request=s.ElearningReturnRowSerializer(many=True),
        responses={201: s.ReturnsRecordedSerializer},
    )
)
class ElearningReturnBulkViewSet(IdempotentCreateMixin, _RecordReturns):
    queryset = ElearningReturn.objects.all()
    serializer_class = s.ElearningReturnRowSerializer
    board_path = "elearning_year__board"
