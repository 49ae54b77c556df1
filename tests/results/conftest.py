import pytest

from assessments import actions, workflow
from assessments.services import self_score_save
from support import submit_completed


@pytest.fixture
def node(ward_framework):
    return lambda code: ward_framework.nodes.get(code=code)


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def other_assessment(period, other_ward):
    return period.assessments.get(unit=other_ward)


@pytest.fixture
def leaf(node):
    return node("1.1.1")


@pytest.fixture
def under_appraisal(assessment, ward_staff, ward_head, secretariat, node):
    """Hoàng Liệt scored 1.1.1 = 0,5 and 1.1.2 = 0,25, submitted, and the appraisal started."""
    self_score_save(assessment=assessment, node=node("1.1.1"), by=ward_staff, expected_version=None, value="0,5")
    self_score_save(assessment=assessment, node=node("1.1.2"), by=ward_staff, expected_version=None, value="0,25")
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment
