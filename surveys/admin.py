from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SurveyResult


@admin.register(SurveyResult)
class SurveyResultAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "method", "points", "respondents"]
    list_filter = ["method"]
