from django.contrib import admin

from .models import TwoFactorEvent


@admin.register(TwoFactorEvent)
class TwoFactorEventAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "kind"]
    list_filter = ["kind"]
    search_fields = ["user__email"]

    # A log: read, never edited.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
