"""Fixtures of the concurrency tests: the ward period of tests/conftest.py, seen by several people at once."""
import pytest

from accounts.models import Role, User
from appraisal.models import Assignment, CouncilRole
from appraisal.services import council_member_add
from assessments import actions, workflow
from assessments.services import period_open
from organizations.models import Unit, UnitKind

from concurrency.racing import BESIDE_LEAVES, ROUND_LEAVES
from support import submit_completed



@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def node(ward_framework):
    return lambda code: ward_framework.nodes.get(code=code)


@pytest.fixture
def round_leaves(node):
    return [node(code) for code in ROUND_LEAVES]


@pytest.fixture
def admin(district):
    """A second office user, besides Bob of the secretariat."""
    return User.objects.create(username="ada", first_name="Ada", role=Role.ADMIN, unit=district)


@pytest.fixture
def drafts(district, ward_framework, secretariat):
    """Five wards in draft in the 2024 period, one per round: [(assessment, its unit head)]."""
    pairs = []
    for number in range(5):
        unit = Unit.objects.create(code=f"HM-W-{number}", name=f"Phường {number}", kind=UnitKind.WARD,
                                   parent=district, framework_family="hoangmai-phuong")
        head = User.objects.create(username=f"head{number}", first_name=f"Head{number}", role=Role.UNIT_HEAD,
                                   unit=unit)
        pairs.append((unit, head))
    period = period_open(framework=ward_framework, year=2024, by=secretariat)
    return [(period.assessments.get(unit=unit), head) for unit, head in pairs]


@pytest.fixture
def submitted(drafts):
    """The five wards' files, each submitted by its head."""
    for assessment, head in drafts:
        submit_completed(assessment=assessment, by=head)
    return [assessment for assessment, _head in drafts]


@pytest.fixture
def under_appraisal(assessment, ward_head, secretariat):
    """Hoàng Liệt, every criterion self-scored 0, submitted, and its appraisal started."""
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment


@pytest.fixture
def member(period, council_member, node):
    """Carol of the council, who reviews the rounds' criteria."""
    seat = council_member_add(period=period, user=council_member, role=CouncilRole.MEMBER)
    Assignment.objects.bulk_create(Assignment(member=seat, node=node(code)) for code in ROUND_LEAVES + BESIDE_LEAVES)
    return council_member
