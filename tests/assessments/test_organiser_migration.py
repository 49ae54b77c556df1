"""The data migration: periods opened before organisers existed get the organiser their units imply."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The framework table as it is today (its columns are NOT NULL in the database whatever state is migrated to).
FRAMEWORKS = ("frameworks", "0003_responsible_offices_history_and_revision")
BEFORE = [("assessments", "0009_merge_workflow_defects"), FRAMEWORKS]
AFTER = [("assessments", "0010_period_organiser"), FRAMEWORKS]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_periods_get_the_district_of_their_units():
    apps = _migrate(BEFORE)
    try:
        Unit = apps.get_model("organizations", "Unit")
        city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind="city")
        district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind="district", parent=city)
        ward = Unit.objects.create(code="HM-W-YENSO", name="Phường Yên Sở", kind="ward", parent=district)
        framework = apps.get_model("frameworks", "Framework").objects.create(
            key="hoangmai-phuong-2024", family="hoangmai-phuong", name="Khung", unit_kind="ward", effective_year=2024,
            appraisal_max_points=70, source_file="000.txt", fingerprint="x")
        period = apps.get_model("assessments", "Period").objects.create(framework=framework, year=2024)
        apps.get_model("assessments", "Assessment").objects.create(period=period, unit=ward)

        apps = _migrate(AFTER)

        assert apps.get_model("assessments", "Period").objects.get(pk=period.pk).organiser_id == district.pk
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
