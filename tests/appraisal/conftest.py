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


# The offices' assessment of the ward period: 1.1.3 (0,5), 1.2.1 (0,25) and 1.3.2 (1) add up to 1,75 of a
# part worth 7, so a unit's points there are scaled by 4.
OFFICE_REVIEW_CRITERIA = ["1.1.3", "1.2.1", "1.3.2"]


@pytest.fixture
def office_review(period, secretariat):
    from appraisal.services_office_review import office_review_part_set

    return office_review_part_set(period=period, max_points="7", codes=OFFICE_REVIEW_CRITERIA, by=secretariat)


@pytest.fixture
def office_head(period, council_member, node):
    """A council member, head of an office, assigned 1.1.3 only."""
    seat = council_member_add(period=period, user=council_member, role=CouncilRole.MEMBER)
    Assignment.objects.create(member=seat, node=node("1.1.3"))
    return council_member
