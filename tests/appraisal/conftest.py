import pytest

from appraisal.models import Assignment, CouncilRole
from appraisal.services import council_member_add


@pytest.fixture
def member(period, council_member, node):
    """A council member who reviews criteria 1.1.1 and 1.1.2 only."""
    seat = council_member_add(period=period, user=council_member, role=CouncilRole.MEMBER)
    Assignment.objects.create(member=seat, node=node("1.1.1"))
    Assignment.objects.create(member=seat, node=node("1.1.2"))
    return council_member
