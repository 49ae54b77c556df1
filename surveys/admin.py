from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SurveyPart, SurveyResult


@admin.register(SurveyPart)
class SurveyPartAdmin(SimpleHistoryAdmin):
    list_display = ["period", "method", "max_points", "responses_file", "responses_count"]
    list_filter = ["method"]


@admin.register(SurveyResult)
class SurveyResultAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "part", "points", "respondents"]
    list_filter = ["part__method"]
