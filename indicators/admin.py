from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BreakdownTable,
    Comparator,
    Indicator,
    IndicatorSettings,
    Measurement,
    Scorecard,
    Target,
)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class ComparatorInline(admin.TabularInline):
    model = Comparator
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "description", "board", "unit", "polarity"]
    list_filter = ["board", "unit", "polarity"]
    search_fields = ["code", "description"]
    inlines = [TargetInline, ComparatorInline]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period_kind", "period_end", "value", "recorded_rag"]
    list_filter = ["indicator__board", "period_kind"]


admin.site.register(Scorecard, SimpleHistoryAdmin)
admin.site.register(IndicatorSettings, SimpleHistoryAdmin)
admin.site.register(BreakdownTable, SimpleHistoryAdmin)
