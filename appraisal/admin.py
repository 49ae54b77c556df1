from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AppraisedScore, Assignment, CouncilMember, ExplanationMessage, PublishedResult


class AssignmentInline(admin.TabularInline):
    model = Assignment
    autocomplete_fields = ["node"]
    extra = 0


@admin.register(CouncilMember)
class CouncilMemberAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "period"]
    list_filter = ["period", "role"]
    inlines = [AssignmentInline]


@admin.register(AppraisedScore)
class AppraisedScoreAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "node", "value", "reason", "decided_by", "decided_at"]
    list_filter = ["assessment__period"]
    # Decisions are taken on the appraisal page (with its checks); the admin only shows them.
    readonly_fields = [f.name for f in AppraisedScore._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ExplanationMessage)
class ExplanationMessageAdmin(admin.ModelAdmin):
    list_display = ["assessment", "node", "kind", "author", "created_at"]
    readonly_fields = [f.name for f in ExplanationMessage._meta.fields]


@admin.register(PublishedResult)
class PublishedResultAdmin(admin.ModelAdmin):
    list_display = ["assessment", "version", "appraised_total", "max_total", "published_at", "published_by"]
    readonly_fields = [f.name for f in PublishedResult._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
