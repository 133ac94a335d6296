"""The reviews app in the admin: read-mostly. Reviews, their lifecycle, action plans,
dissemination and child death records change only through the portal's pages and
API (the services keep their rules, versions and events), so the admin reads them
and their history. The board's settings and reference lists may be edited here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionItem,
    ActionItemUpdate,
    AssuranceResponse,
    CaseReview,
    CdopRecommendation,
    ChildDeathReview,
    DisseminationStep,
    LearningTheme,
    Lesson,
    ModifiableFactor,
    NationalComparison,
    ReviewEvent,
    ReviewReminder,
    ReviewSettings,
)


class ReadOnly:
    """Shown, never added, changed or deleted here: the services write these."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewEventInline(ReadOnly, admin.TabularInline):
    model = ReviewEvent
    extra = 0
    fields = ["date", "kind", "from_stage", "to_stage", "from_type", "to_type", "by"]
    readonly_fields = fields


@admin.register(CaseReview)
class CaseReviewAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["child_reference", "board", "review_type", "stage", "referred_on"]
    list_filter = ["board", "review_type", "stage", "legacy"]
    search_fields = ["child_reference"]
    inlines = [ReviewEventInline]


@admin.register(ReviewEvent)
class ReviewEventAdmin(ReadOnly, admin.ModelAdmin):
    """Append-only: the lifecycle's steps."""

    list_display = ["review", "date", "kind", "to_stage", "to_type", "by"]
    list_filter = ["review__board", "kind"]


@admin.register(Lesson)
class LessonAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "title"]
    list_filter = ["review__board", "themes"]
    search_fields = ["text", "title"]


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "owner_agency", "due_date", "status", "current_rag"]
    list_filter = ["review__board", "status", "current_rag"]


@admin.register(ActionItemUpdate)
class ActionItemUpdateAdmin(ReadOnly, admin.ModelAdmin):
    """Append-only: progress on an item."""

    list_display = ["item", "date", "status", "rag", "author"]
    list_filter = ["item__review__board", "status", "rag"]


@admin.register(DisseminationStep)
class DisseminationStepAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["review", "kind", "done_on"]
    list_filter = ["review__board", "kind"]


@admin.register(AssuranceResponse)
class AssuranceResponseAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["review", "agency", "requested_on", "received_on"]
    list_filter = ["review__board"]


@admin.register(ChildDeathReview)
class ChildDeathReviewAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["reference", "board", "year_of_review", "age_band", "category"]
    list_filter = ["board", "year_of_review", "category"]
    search_fields = ["reference"]


# Settings and reference lists: edited here, with history.


@admin.register(ReviewSettings)
class ReviewSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["board", "case_review_group", "child_death_panel"]


@admin.register(LearningTheme)
class LearningThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board"]
    list_filter = ["board"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["actions", "indicators"]


@admin.register(ModifiableFactor)
class ModifiableFactorAdmin(admin.ModelAdmin):
    list_display = ["name", "board"]
    list_filter = ["board"]


@admin.register(NationalComparison)
class NationalComparisonAdmin(SimpleHistoryAdmin):
    list_display = ["year", "table", "row", "percentage", "board"]
    list_filter = ["board", "year", "table"]


@admin.register(CdopRecommendation)
class CdopRecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["year", "number", "board"]
    list_filter = ["board", "year"]


@admin.register(ReviewReminder)
class ReviewReminderAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["review", "kind", "due_date", "sent_to", "late", "sent_at"]
    list_filter = ["kind", "late"]
