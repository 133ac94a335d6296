from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import GoodPracticeExample


@admin.register(GoodPracticeExample)
class GoodPracticeExampleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "date", "board"]
    list_filter = ["board"]
    search_fields = ["title", "what_was_done", "outcome", "learning"]
    filter_horizontal = ["themes"]
