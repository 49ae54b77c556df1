from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from .models import Framework, Node
from .resources import NodeResource


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "effective_year", "appraisal_max_points", "survey_max_points", "partial"]
    list_filter = ["unit_kind", "partial"]
    search_fields = ["key", "name"]
    readonly_fields = ["fingerprint"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.periods.exists())

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.periods.exists())


@admin.register(Node)
class NodeAdmin(ImportExportModelAdmin):
    resource_classes = [NodeResource]
    list_display = ["code", "title", "max_points", "framework", "level"]
    list_filter = ["framework"]
    search_fields = ["code", "title"]
    list_select_related = ["framework"]

    # A framework a period uses is immutable: a change must be a new version (a new fixture key).
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.framework.periods.exists())

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.framework.periods.exists())
