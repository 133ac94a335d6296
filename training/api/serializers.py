"""Shapes of the training API: courses, sessions with their attendance total,
attendance counts per agency, e-learning returns, the bulk rows an agency's
system posts, and the totals.

Named attendees are personal data (names and roles of practitioners): they are
read on the business team's pages only and are in no shape here. A session's
attendance total counts them, as every total does."""

from rest_framework import serializers

from boards.api.filters import MAX_ID
from reviews.api.serializers import described_choice

from ..models import (
    AttendanceCount,
    Course,
    ElearningReturn,
    Format,
    Level,
    Session,
    SessionStatus,
)

MAX_COUNT = 2**31 - 1  # the largest figure the database holds


class CourseSerializer(serializers.ModelSerializer):
    """A course with the priorities, lessons and learning themes it answers (their
    ids: see `themes/`, `learning-themes/` and the reviews)."""

    level = described_choice(Level.choices)
    format = described_choice(Format.choices)
    plan_themes = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    lessons = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    themes = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "title",
            "level",
            "format",
            "learning_outcomes",
            "runs_from",
            "runs_until",
            "trains_trainers",
            "plan_themes",
            "lessons",
            "themes",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


class SessionSerializer(serializers.ModelSerializer):
    """A session and its attendance. Expects `selectors.with_attendance`."""

    course_title = serializers.CharField(source="course.title", read_only=True)
    status = described_choice(SessionStatus.choices)
    year = serializers.IntegerField(
        read_only=True, help_text="The reporting year: 2016 for 2016-17."
    )
    attendance = serializers.IntegerField(
        read_only=True,
        help_text="Who attended: named attendees who came plus counts per agency.",
    )
    named = serializers.IntegerField(
        read_only=True, help_text="Named attendees who attended (names not given)."
    )
    counted = serializers.IntegerField(
        read_only=True, help_text="The sum of the counts per agency."
    )

    class Meta:
        model = Session
        fields = [
            "id",
            "course",
            "course_title",
            "date",
            "year",
            "venue",
            "capacity",
            "status",
            "note",
            "attendance",
            "named",
            "counted",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


class AttendanceCountSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    date = serializers.DateField(source="session.date", read_only=True)

    class Meta:
        model = AttendanceCount
        fields = [
            "id",
            "session",
            "date",
            "agency",
            "agency_name",
            "count",
            "illustrative",
        ]
        read_only_fields = fields


class ElearningReturnSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(
        source="elearning_year.year",
        read_only=True,
        help_text="The membership year: 2016 for 2016-17.",
    )
    completion_rate = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Passed as a whole percentage of allocated; null if none were.",
    )

    class Meta:
        model = ElearningReturn
        fields = [
            "id",
            "year",
            "department",
            "agency",
            "allocated",
            "passed",
            "completion_rate",
        ]
        read_only_fields = fields


def _id(what: str, **options):
    return serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text=f"{what}: its id.", **options
    )


def _figure(what: str):
    # No lower limit here: the service refuses a negative figure in its own words.
    return serializers.IntegerField(max_value=MAX_COUNT, help_text=what)


class AttendanceCountRowSerializer(serializers.Serializer):
    """How many came to a session from an agency; 0 removes the agency's count."""

    session = _id("The session")
    agency = _id("The agency")
    count = _figure("How many attended from the agency (0 removes its count).")


class ElearningReturnRowSerializer(serializers.Serializer):
    """A department's e-learning figures for a membership year; a department
    already returned for the year is replaced."""

    year = serializers.IntegerField(
        min_value=1900,
        max_value=2100,
        help_text="The membership year: 2016 for 2016-17.",
    )
    department = serializers.CharField(
        max_length=200, help_text="The department as the provider names it."
    )
    agency = _id(
        "The board agency the department belongs to (null for none: the business "
        "team only)",
        allow_null=True,
        required=False,
    )
    allocated = _figure("Courses allocated.")
    passed = _figure("Courses passed (at most those allocated).")


class CountsRecordedSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    changed = serializers.IntegerField()
    removed = serializers.IntegerField()


class ReturnsRecordedSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    changed = serializers.IntegerField()


# Totals -------------------------------------------------------------------------


class YearTotalSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    attendances = serializers.IntegerField()
    reported = serializers.BooleanField(
        help_text="A total reported for a year without recorded sessions."
    )


class ElearningTotalSerializer(serializers.Serializer):
    """The headline (the provider's reported totals where given) beside the sums
    of the departments' returns, so a disagreement shows."""

    year = serializers.IntegerField()
    allocated = serializers.IntegerField()
    passed = serializers.IntegerField()
    rate = serializers.IntegerField(allow_null=True)
    cells_allocated = serializers.IntegerField()
    cells_passed = serializers.IntegerField()
    cells_rate = serializers.IntegerField(allow_null=True)
    disagrees = serializers.BooleanField()


class CourseTotalSerializer(serializers.Serializer):
    course = serializers.IntegerField(source="course.pk")
    title = serializers.CharField(source="course.title")
    level = described_choice(Level.choices, source="course.level")
    sessions = serializers.IntegerField(help_text="Sessions held in the year.")
    attendances = serializers.IntegerField()


class AgencyTotalSerializer(serializers.Serializer):
    agency = serializers.IntegerField(source="agency_id")
    name = serializers.CharField()
    attendances = serializers.IntegerField()
    illustrative = serializers.BooleanField(
        help_text="Includes counts that split a published total illustratively."
    )


class TotalsSerializer(serializers.Serializer):
    attendances = YearTotalSerializer(many=True, help_text="Per year, oldest first.")
    elearning = ElearningTotalSerializer(many=True, help_text="Per year, newest first.")
    year = serializers.IntegerField(
        allow_null=True, help_text="The year of `courses` and `agencies`, if asked."
    )
    courses = CourseTotalSerializer(many=True)
    agencies = AgencyTotalSerializer(many=True)


class TotalsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        min_value=1900,
        max_value=2100,
        required=False,
        help_text="A reporting year (2016 for 2016-17): adds its totals per course "
        "and per agency.",
    )
