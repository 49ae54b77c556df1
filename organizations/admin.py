from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Unit


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "parent", "framework_family"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
