from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Answer,
    CaseAudit,
    ChallengeEvent,
    ChallengeParticipant,
    CommittedAction,
    EvidenceFile,
    Organisation,
    Question,
    Section11Cycle,
    StaffSurvey,
    Standard,
    Submission,
    SurveyOption,
    SurveyQuestion,
)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board", "sector", "agency", "active"]
    list_filter = ["board", "sector", "active"]
    search_fields = ["name"]


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0


@admin.register(Section11Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "board", "opens_on", "closes_on"]
    list_filter = ["board"]
    inlines = [StandardInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Standard)
class StandardAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "cycle"]
    list_filter = ["cycle__board"]
    inlines = [QuestionInline]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "cycle", "status", "submitted_at", "exclusion"]
    list_filter = ["cycle__board", "status", "exclusion"]
    search_fields = ["organisation__name"]
    readonly_fields = [
        "status",
        "submitted_at",
        "submitted_by",
        "exclusion",
        "exclusion_reason",
        "version",
    ]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["submission", "question", "rating", "carried_forward"]
    list_filter = ["rating", "carried_forward"]


# Staff survey -----------------------------------------------------------------


class SurveyQuestionInline(admin.TabularInline):
    model = SurveyQuestion
    extra = 0
    fields = ["position", "number", "text", "answered", "skipped"]
    readonly_fields = fields  # changes go through the pages' services


@admin.register(StaffSurvey)
class StaffSurveyAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "board", "opened_on", "closed_on", "respondents"]
    list_filter = ["board"]
    readonly_fields = ["version"]
    inlines = [SurveyQuestionInline]


class SurveyOptionInline(admin.TabularInline):
    model = SurveyOption
    extra = 0


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "survey", "answered", "skipped"]
    list_filter = ["survey__board", "survey__year"]
    search_fields = ["text", "number"]
    raw_id_fields = ["repeat_of"]
    inlines = [SurveyOptionInline]


# Section 11 evidence files, committed actions and challenge events ------------


@admin.register(EvidenceFile)
class EvidenceFileAdmin(SimpleHistoryAdmin):
    list_display = ["name", "submission", "standard", "size", "removed_at"]
    list_filter = ["submission__cycle__board"]
    readonly_fields = ["removed_at"]


@admin.register(CaseAudit)
class CaseAuditAdmin(SimpleHistoryAdmin):
    list_display = ["theme", "audited_on", "board"]
    list_filter = ["board"]
    filter_horizontal = ["themes"]
    readonly_fields = ["version"]


@admin.register(CommittedAction)
class CommittedActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "owner", "due_date", "status", "rag", "carried_forward"]
    list_filter = ["submission__cycle__board", "status", "rag"]
    readonly_fields = ["status", "rag", "carried_forward", "carried_from", "version"]


class ChallengeParticipantInline(admin.TabularInline):
    model = ChallengeParticipant
    extra = 0


@admin.register(ChallengeEvent)
class ChallengeEventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cycle", "held_on"]
    list_filter = ["cycle__board"]
    inlines = [ChallengeParticipantInline]
