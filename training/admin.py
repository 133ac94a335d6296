from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AttendanceCount,
    Attendee,
    Course,
    DevelopmentDay,
    ElearningReturn,
    ElearningYear,
    Evaluation,
    EvaluationQuestion,
    EvaluationScore,
    ImpactFollowUp,
    LearnerFeedback,
    Provider,
    ReportedYear,
    Session,
    Trainer,
)


@admin.register(Course)
class CourseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "board", "level", "format", "runs_from", "runs_until"]
    list_filter = ["board", "level", "format"]
    search_fields = ["title"]


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0


class AttendanceCountInline(admin.TabularInline):
    model = AttendanceCount
    extra = 0


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):
    list_display = ["course", "date", "venue", "status", "capacity"]
    list_filter = ["course__board", "status"]
    search_fields = ["course__title", "venue"]
    inlines = [AttendeeInline, AttendanceCountInline]


@admin.register(Trainer)
class TrainerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board", "agency", "agreement_signed_on", "active"]
    list_filter = ["board", "active"]
    search_fields = ["name"]


@admin.register(EvaluationQuestion)
class EvaluationQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text", "board"]
    list_filter = ["board"]


class EvaluationScoreInline(admin.TabularInline):
    model = EvaluationScore
    extra = 0


@admin.register(Evaluation)
class EvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["session", "recorded_by", "recorded_at"]
    inlines = [EvaluationScoreInline]


@admin.register(ImpactFollowUp)
class ImpactFollowUpAdmin(SimpleHistoryAdmin):
    list_display = ["session", "followed_up_on", "sampled", "practice_changed"]


@admin.register(DevelopmentDay)
class DevelopmentDayAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "board"]
    list_filter = ["board"]


@admin.register(Provider)
class ProviderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board", "decision", "decided_on", "expires_on"]
    list_filter = ["board", "decision"]
    search_fields = ["name"]


class ElearningReturnInline(admin.TabularInline):
    model = ElearningReturn
    extra = 0


class LearnerFeedbackInline(admin.TabularInline):
    model = LearnerFeedback
    extra = 0


@admin.register(ElearningYear)
class ElearningYearAdmin(SimpleHistoryAdmin):
    list_display = ["year", "board", "reported_allocated", "reported_passed"]
    list_filter = ["board"]
    inlines = [ElearningReturnInline, LearnerFeedbackInline]


@admin.register(ReportedYear)
class ReportedYearAdmin(SimpleHistoryAdmin):
    list_display = ["year", "board", "attendances"]
    list_filter = ["board"]
