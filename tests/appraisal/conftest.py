import pytest

from appraisal.models import Assignment, CouncilRole
from appraisal.services import council_member_add
from assessments import actions
from assessments.services import self_score_save
from support import submit_completed


@pytest.fixture
def node(ward_framework):
    return lambda code: ward_framework.nodes.get(code=code)


@pytest.fixture
def under_appraisal(period, ward, ward_staff, ward_head, secretariat, node):
    """Hoàng Liệt scored 1.1.1 = 0,5 and 1.1.2 = 0,25, submitted, and the appraisal started."""
    assessment = period.assessments.get(unit=ward)
    self_score_save(assessment=assessment, node=node("1.1.1"), by=ward_staff, expected_version=None, value="0,5")
    self_score_save(assessment=assessment, node=node("1.1.2"), by=ward_staff, expected_version=None, value="0,25")
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment


@pytest.fixture
def member(period, council_member, node):
    """A council member who reviews criteria 1.1.1 and 1.1.2 only."""
    seat = council_member_add(period=period, user=council_member, role=CouncilRole.MEMBER)
    Assignment.objects.create(member=seat, node=node("1.1.1"))
    Assignment.objects.create(member=seat, node=node("1.1.2"))
    return council_member
