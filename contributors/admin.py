from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contribution


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "node", "contributor", "reviewed_at"]
    list_filter = ["assessment__period"]
    raw_id_fields = ["assessment", "node", "contributor", "reviewed_by"]
