from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CalendarFeed,
    MeetingPaper,
    ReportingPlanItem,
    Responsibility,
    ReturnReminder,
    Subgroup,
    SubgroupReturn,
)


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0


@admin.register(Subgroup)
class SubgroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board", "kind", "parent", "active"]
    list_filter = ["board", "kind", "active"]
    search_fields = ["name"]
    inlines = [ResponsibilityInline]


@admin.register(SubgroupReturn)
class SubgroupReturnAdmin(SimpleHistoryAdmin):
    list_display = ["subgroup", "period", "status", "submitted_at"]
    list_filter = ["subgroup__board", "status"]


@admin.register(ReportingPlanItem)
class ReportingPlanItemAdmin(SimpleHistoryAdmin):
    list_display = ["what", "kind", "board", "subgroup", "frequency", "destination"]
    list_filter = ["board", "kind", "frequency", "destination"]


@admin.register(MeetingPaper)
class MeetingPaperAdmin(admin.ModelAdmin):
    list_display = ["plan_item", "meeting", "received_at", "received_by"]


@admin.register(ReturnReminder)
class ReturnReminderAdmin(admin.ModelAdmin):
    list_display = ["plan_item", "meeting", "kind", "sent_to", "sent_at"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "board", "created_at"]
    exclude = ["token"]
