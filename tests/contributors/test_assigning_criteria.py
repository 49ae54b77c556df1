"""The unit's head or officer shares the criteria out among its contributors, by criterion or whole area."""
import pytest

from contributors import errors
from contributors.errors import ContributorError
from contributors.models import Contribution
from contributors.services import contributions_assign
from support import submit_completed


def held(assessment, contributor):
    return sorted(Contribution.objects.filter(assessment=assessment, contributor=contributor)
                  .values_list("node__code", flat=True))


def test_a_whole_area_assigns_every_leaf_under_it_and_the_history_says_who(assessment, economy, ward_head):
    count = contributions_assign(assessment=assessment, contributor=economy, codes=["2", "1.1"], by=ward_head)

    assert count == 3 + 4  # 1.1.1–1.1.3, and area 2's four criteria (2.1–2.4, leaves themselves)
    assert held(assessment, economy) == ["1.1.1", "1.1.2", "1.1.3", "2.1", "2.2", "2.3", "2.4"]
    assert {row.history_user for row in Contribution.history.all()} == {ward_head}


def test_assigning_a_criterion_again_moves_it_to_the_new_contributor(assessment, economy, culture, ward_staff):
    contributions_assign(assessment=assessment, contributor=economy, codes=["1.1"], by=ward_staff)
    moved = contributions_assign(assessment=assessment, contributor=culture, codes=["1.1.2"], by=ward_staff)

    assert moved == 1
    assert held(assessment, economy) == ["1.1.1", "1.1.3"] and held(assessment, culture) == ["1.1.2"]
    assert contributions_assign(assessment=assessment, contributor=culture, codes=["1.1.2"], by=ward_staff) == 0


def test_taking_back_removes_only_that_contributors_criteria(assessment, economy, culture, ward_head):
    contributions_assign(assessment=assessment, contributor=economy, codes=["1.1"], by=ward_head)
    contributions_assign(assessment=assessment, contributor=culture, codes=["1.2"], by=ward_head)

    taken = contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=ward_head, assign=False)

    assert taken == 3 and held(assessment, economy) == [] and len(held(assessment, culture)) == 4
    assert Contribution.history.filter(history_type="-").count() == 3


@pytest.mark.parametrize("who", ["economy", "secretariat", "other_ward_staff"])
def test_only_the_units_own_staff_and_head_assign(request, assessment, economy, who):
    by = request.getfixturevalue(who)
    with pytest.raises(ContributorError) as refused:
        contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=by)
    assert str(refused.value) == errors.NO_PERMISSION_ASSIGN
    assert not Contribution.objects.exists()


def test_criteria_go_only_to_an_active_contributor_of_the_unit(assessment, other_unit_contributor, ward_staff, economy):
    for wrong in (other_unit_contributor, ward_staff):
        with pytest.raises(ContributorError) as refused:
            contributions_assign(assessment=assessment, contributor=wrong, codes=["1"], by=ward_staff)
        assert str(refused.value) == errors.NOT_A_CONTRIBUTOR % {"name": wrong.display_name, "unit": "Phường Hoàng Liệt"}
    economy.is_active = False
    economy.save()
    with pytest.raises(ContributorError):
        contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=ward_staff)


def test_unknown_codes_are_named_and_nothing_is_assigned(assessment, economy, ward_head):
    with pytest.raises(ContributorError) as refused:
        contributions_assign(assessment=assessment, contributor=economy, codes=["1.1", "9.9"], by=ward_head)
    assert str(refused.value) == errors.NO_SUCH_CRITERIA % {"codes": "9.9"}
    assert not Contribution.objects.exists()


def test_a_submitted_file_is_no_longer_shared_out(assessment, economy, ward_head):
    submit_completed(assessment=assessment, by=ward_head)
    with pytest.raises(ContributorError) as refused:
        contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=ward_head)
    assert str(refused.value) == errors.NOT_EDITABLE_STATUS % {"status": "Đã nộp"}
