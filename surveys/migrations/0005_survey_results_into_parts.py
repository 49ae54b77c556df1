"""Every hand-typed survey result becomes the entered points of its period's part of the same method."""
from django.db import migrations


def into_parts(apps, schema_editor):
    SurveyPart = apps.get_model("surveys", "SurveyPart")
    SurveyResult = apps.get_model("surveys", "SurveyResult")
    parts = {}
    for result in SurveyResult.objects.select_related("assessment__period__framework"):
        period = result.assessment.period
        key = (period.pk, result.method)
        if key not in parts:
            parts[key], _ = SurveyPart.objects.get_or_create(
                period=period, method=result.method, defaults={"max_points": period.framework.survey_max_points})
        result.part = parts[key]
        result.save(update_fields=["part"])


class Migration(migrations.Migration):

    dependencies = [("surveys", "0004_survey_parts_responses_sample_plans")]

    operations = [migrations.RunPython(into_parts, migrations.RunPython.noop)]
