import pytest

from organizations.models import Unit, UnitKind
from support import score_at_max_except

# Self-scores out of 70, no survey: Định Công 69 (98,57 %), Yên Sở 68 (97,14 %), Hoàng Liệt 66,75 (95,36 %),
# which loses 1,5 on 1.5, 1 on 1.7.1, 0,5 on 1.1.1 and 0,25 on 1.2.1.
HOANG_LIET_SCORES = {"1.5": "0", "1.7.1": "1", "1.1.1": "0", "1.2.1": "0"}


@pytest.fixture
def ranked_wards(period, ward, other_ward, ward_staff, district):
    """The ward period with a third ward, every file self-scored: Định Công 1st, Yên Sở 2nd, Hoàng Liệt 3rd."""
    third = Unit.objects.create(code="HM-W-DINHCONG", name="Phường Định Công", kind=UnitKind.WARD, parent=district,
                                framework_family="hoangmai-phuong")
    period.assessments.create(unit=third)
    for unit, scores in ((ward, HOANG_LIET_SCORES), (other_ward, {"1.7.2": "0"}), (third, {"1.3.2": "0"})):
        score_at_max_except(period.assessments.get(unit=unit), by=ward_staff, scores=scores)
    return period
