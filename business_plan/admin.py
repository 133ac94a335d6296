from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionUpdate, BusinessPlan, Theme


@admin.register(BusinessPlan)
class BusinessPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "board", "first_year", "last_year", "status"]
    list_filter = ["board", "status"]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan__board"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "plan", "theme", "when_text", "due_date"]
    list_filter = ["plan__board", "plan"]
    search_fields = ["ref", "text"]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(admin.ModelAdmin):
    """Read-only: updates are append-only and are recorded in the portal."""

    list_display = ["action", "date", "rag", "author"]
    list_filter = ["action__plan__board", "rag"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
