from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Subgroup


@admin.register(Subgroup)
class SubgroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "board", "kind", "parent", "active"]
    list_filter = ["board", "kind", "active"]
    search_fields = ["name"]
