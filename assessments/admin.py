from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Assessment, Evidence, Period, SelfScore, StatusChange


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "self_assessment_deadline", "appraisal_deadline", "published_at"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["action", "old_status", "new_status", "by", "at", "reason"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "period", "status", "reopened_until"]
    list_filter = ["period", "status"]
    # The status moves only through the workflow; here it can be read, not typed.
    readonly_fields = ["period", "unit", "status", "status_changed_at"]
    inlines = [StatusChangeInline]


@admin.register(SelfScore)
class SelfScoreAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "node", "value", "version", "updated_by", "updated_at"]
    list_filter = ["assessment__period"]
    readonly_fields = [f.name for f in SelfScore._meta.fields]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "assessment", "document_number", "content_type", "size", "uploaded_by"]
    readonly_fields = ["sha256", "size", "content_type"]
