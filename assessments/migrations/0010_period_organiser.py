"""A period belongs to an organiser: existing periods get the one their units imply (Hoàng Mai)."""
import django.db.models.deletion
from django.db import migrations, models

from organizations.hierarchy import assessing_organiser


def organisers_from_units(apps, schema_editor):
    Period = apps.get_model("assessments", "Period")
    Assessment = apps.get_model("assessments", "Assessment")
    HistoricalPeriod = apps.get_model("assessments", "HistoricalPeriod")
    for period in Period.objects.filter(organiser=None):
        first = Assessment.objects.filter(period=period).select_related("unit__parent__parent").first()
        organiser = assessing_organiser(first.unit) if first else None
        if organiser is None:
            raise RuntimeError(f"Kỳ đánh giá {period.pk}: không suy ra được cơ quan tổ chức đánh giá từ các đơn vị.")
        Period.objects.filter(pk=period.pk).update(organiser=organiser)
        HistoricalPeriod.objects.filter(id=period.pk).update(organiser=organiser)


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0009_merge_workflow_defects"),
        ("organizations", "0002_alter_historicalunit_history_change_reason"),
    ]

    operations = [
        migrations.AddField(
            model_name="period",
            name="organiser",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="organised_periods", to="organizations.unit",
                                    verbose_name="cơ quan tổ chức đánh giá"),
        ),
        migrations.AddField(
            model_name="historicalperiod",
            name="organiser",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="organizations.unit", verbose_name="cơ quan tổ chức đánh giá"),
        ),
        migrations.RunPython(organisers_from_units, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="period",
            name="organiser",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="organised_periods",
                                    to="organizations.unit", verbose_name="cơ quan tổ chức đánh giá"),
        ),
        migrations.RemoveConstraint(model_name="period", name="unique_period_per_framework_year"),
        migrations.AddConstraint(
            model_name="period",
            constraint=models.UniqueConstraint(fields=("organiser", "framework", "year"),
                                               name="unique_period_per_organiser"),
        ),
    ]
