"""Publishing and reading results cost the same number of queries for 2 units as for 6."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appraisal.services import appraisal_finish, period_publish
from assessments import actions, workflow
from assessments.services import period_open
from frameworks.selectors import tree_for
from organizations.models import Unit, UnitKind
from reports.selectors import period_results


def appraised_period(framework, secretariat, year, extra_wards):
    district = Unit.objects.get(code="HM")
    for n in range(extra_wards):
        Unit.objects.get_or_create(code=f"HM-W-EXTRA{n}", defaults=dict(
            name=f"Phường Thêm {n}", kind=UnitKind.WARD, parent=district, framework_family="hoangmai-phuong", order=10 + n))
    period = period_open(framework=framework, year=year, by=secretariat)
    for assessment in period.assessments.all():
        assessment.status = workflow.Status.SUBMITTED
        assessment.save(update_fields=["status"])
        actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
        appraisal_finish(assessment=assessment, by=secretariat)
    return period


def queries_of(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_publishing_takes_the_same_number_of_queries_whatever_the_number_of_units(
        ward_framework, ward, other_ward, secretariat):
    small = appraised_period(ward_framework, secretariat, 2023, extra_wards=0)
    small_count = queries_of(lambda: period_publish(period=small, by=secretariat))
    large = appraised_period(ward_framework, secretariat, 2024, extra_wards=4)
    large_count = queries_of(lambda: period_publish(period=large, by=secretariat))
    assert large.assessments.count() == 6 and small.assessments.count() == 2
    assert large_count == small_count <= 15
    assert set(large.assessments.values_list("status", flat=True)) == {workflow.Status.PUBLISHED}
    assert large.assessments.filter(publications__version=1).count() == 6
    # and the results read the frozen figures: every unit ranked, in a fixed number of queries
    count = queries_of(lambda: period_results(period=large))
    assert count <= 6
    assert len(period_results(period=large)) == 6


def test_a_tree_is_loaded_once_per_framework_version(ward_framework, django_assert_num_queries):
    tree = tree_for(ward_framework)
    with django_assert_num_queries(0):
        assert tree_for(ward_framework) is tree
    assert (len(tree.nodes), len(tree.leaves), [area.code for area in tree.areas]) == (91, 67, list("12345678"))
    assert tree.by_code["1.1.1"].parent == "1.1" and tree.is_leaf("1.1.1") and not tree.is_leaf("1.1")
