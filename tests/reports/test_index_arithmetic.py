"""The index of one unit: achieved ÷ maximum × 100, with or without a survey (seed 000, II.3)."""
from decimal import Decimal

import pytest

from frameworks.points import quantize_percent
from reports.index import NO_MAXIMUM, IndexPart, UnitScores, index_pct, rank_results, unit_result_totals


def scores(*, combined, appraisal_max="70", survey=None, survey_max=None, appraised=True):
    """A published unit; a survey of 30 points is held exactly when ``survey`` is given, unless ``survey_max`` says."""
    survey_max = survey_max or ("30" if survey is not None else "0")
    return UnitScores(
        unit_code="HM-W-HOANGLIET", unit_name="Phường Hoàng Liệt", unit_kind="ward",
        self_total=Decimal(combined),
        appraised_total=Decimal(combined) if appraised else None,
        combined_total=Decimal(combined),
        appraisal_max=Decimal(appraisal_max),
        survey_total=None if survey is None else Decimal(survey),
        survey_max=Decimal(survey_max),
        published=True,
    )


def test_full_marks_with_a_survey_is_seventy_plus_thirty():
    assert unit_result_totals(scores(combined="70", survey="30")) == (Decimal("100"), Decimal("100"))


def test_without_a_survey_the_maximum_is_the_appraisal_maximum_alone():
    assert unit_result_totals(scores(combined="70")) == (Decimal("70"), Decimal("70"))


def test_hoang_mai_appraised_sixty_survey_twenty_five_is_85_percent():
    [result] = rank_results([scores(combined="60", survey="25")])
    assert (result.achieved_total, result.max_total, result.index_pct) == (
        Decimal("85.000"), Decimal("100.000"), Decimal("85.00"))


def test_a_period_with_a_survey_counts_its_maximum_for_a_unit_without_survey_points():
    # The period holds the survey: Hoàng Liệt has no survey figure yet, so 60 of 100, and flagged
    [result] = rank_results([scores(combined="60", survey_max="30")])
    assert (result.max_total, result.index_pct, result.survey_missing) == (Decimal("100.000"), Decimal("60.00"), True)
    [surveyed] = rank_results([scores(combined="60", survey="0")])
    assert (surveyed.max_total, surveyed.survey_missing) == (Decimal("100.000"), False)


def test_several_survey_parts_are_added_part_by_part():
    # Phú La-style: council 55 of 67, SIPAS 8,5 of 10, PAPI 20 of 23 → 83,5 of 100
    unit = UnitScores(
        unit_code="HD-W-PHULA", unit_name="Phường Phú La", unit_kind="ward", self_total=Decimal("55"),
        appraised_total=Decimal("55"), combined_total=Decimal("55"), appraisal_max=Decimal("67"),
        survey_total=Decimal("28.5"), survey_max=Decimal("33"), published=True,
        survey_parts=(IndexPart("sipas", Decimal("8.5"), Decimal("10")), IndexPart("papi", Decimal("20"), Decimal("23"))))
    [result] = rank_results([unit])
    assert [(p.code, p.points, p.max_points) for p in result.parts] == [
        ("appraisal", Decimal("55"), Decimal("67")), ("sipas", Decimal("8.5"), Decimal("10")),
        ("papi", Decimal("20"), Decimal("23"))]
    assert (result.achieved_total, result.max_total, result.index_pct) == (
        Decimal("83.500"), Decimal("100.000"), Decimal("83.50"))
    assert result.provisional is False


def test_hoang_mai_appraised_sixty_without_survey_is_scaled_to_100():
    [result] = rank_results([scores(combined="60")])
    assert result.index_pct == Decimal("85.71")
    assert result.survey_total is None


def test_not_assessed_criteria_reduce_the_maximum():
    # 1.5 points of criteria not assessed: 60 of 68.5, not of 70.
    [result] = rank_results([scores(combined="60", appraisal_max="68.5")])
    assert result.max_total == Decimal("68.500")
    assert result.index_pct == Decimal("87.59")


def test_not_assessed_criteria_and_a_survey():
    assert unit_result_totals(scores(combined="60", appraisal_max="68.5", survey="25")) == (
        Decimal("85"), Decimal("98.5"))


def test_provisional_result_uses_the_self_score_where_the_council_has_not_decided():
    # Self 65; the council adjusted one criterion down by 2 so far: combined 63 is computed upstream.
    unit = UnitScores(
        unit_code="HM-W-YENSO", unit_name="Phường Yên Sở", unit_kind="ward",
        self_total=Decimal("65"), appraised_total=Decimal("8"), combined_total=Decimal("63"),
        appraisal_max=Decimal("70"), survey_total=None, survey_max=Decimal("0"), published=False,
    )
    [result] = rank_results([unit])
    assert result.provisional is True
    assert (result.self_total, result.appraised_total, result.achieved_total) == (
        Decimal("65.000"), Decimal("8.000"), Decimal("63.000"))
    assert result.index_pct == Decimal("90.00")


def test_no_appraisal_at_all_keeps_appraised_total_none():
    [result] = rank_results([scores(combined="60", appraised=False)])
    assert result.appraised_total is None
    assert result.index_pct == Decimal("85.71")


def test_published_result_is_not_provisional():
    [result] = rank_results([scores(combined="60")])
    assert result.provisional is False


@pytest.mark.parametrize(("achieved", "expected"), [
    ("84.64", "84.64"),
    ("84.644", "84.64"),
    ("84.645", "84.65"),  # half up, not half even
    ("84.635", "84.64"),
    ("84.687", "84.69"),  # Hà Nội 2019 area scores add up to 84.687
])
def test_index_rounds_to_two_places_half_up(achieved, expected):
    assert index_pct(achieved=Decimal(achieved), maximum=Decimal("100")) == Decimal(expected)


def test_phu_la_2020_council_67_plus_survey_33():
    achieved, maximum = unit_result_totals(
        scores(combined="57.83", appraisal_max="67", survey="28.48", survey_max="33"))
    assert (achieved, maximum) == (Decimal("86.31"), Decimal("100"))
    assert index_pct(achieved=achieved, maximum=maximum) == Decimal("86.31")


def test_maximum_zero_cannot_be_indexed():
    with pytest.raises(ValueError, match="điểm tối đa bằng 0") as raised:
        index_pct(achieved=Decimal("0"), maximum=Decimal("0"))
    assert str(raised.value) == str(NO_MAXIMUM)


def test_ranking_names_the_unit_whose_maximum_is_zero():
    with pytest.raises(ValueError, match="^HM-W-HOANGLIET: "):
        rank_results([scores(combined="0", appraisal_max="0")])


def test_results_are_decimals_with_fixed_places():
    [result] = rank_results([scores(combined="60", survey="25")])
    for value in (result.self_total, result.appraised_total, result.survey_total,
                  result.max_total, result.achieved_total, result.index_pct):
        assert isinstance(value, Decimal)
    assert result.index_pct.as_tuple().exponent == -2
    assert result.achieved_total.as_tuple().exponent == -3


def test_int_arguments_give_a_decimal_index():
    assert index_pct(achieved=60, maximum=70) == Decimal("85.71")


def test_quantize_percent_refuses_a_float():
    with pytest.raises(TypeError):
        quantize_percent(84.645)


@pytest.mark.parametrize(("value", "places", "printed"), [
    ("84.645", 2, "84.65"), ("87.45", 1, "87.5"), ("12.5", 0, "13"), ("13.5", 0, "14"),
])
def test_quantize_percent_rounds_a_half_up_at_any_number_of_places(value, places, printed):
    # Half up, never to even: 12.5 % of the entry page's progress shows as 13, like the index's halves.
    assert str(quantize_percent(Decimal(value), places)) == printed


def test_index_refuses_floats():
    with pytest.raises(TypeError):
        index_pct(achieved=60.0, maximum=Decimal("70"))
    with pytest.raises(TypeError):
        index_pct(achieved=Decimal("60"), maximum=70.0)


def test_ranking_refuses_a_float_total():
    unit = UnitScores(
        unit_code="HM-W-YENSO", unit_name="Phường Yên Sở", unit_kind="ward",
        self_total=60.5, appraised_total=None, combined_total=Decimal("60.5"),
        appraisal_max=Decimal("70"), survey_total=None, survey_max=Decimal("30"), published=False,
    )
    with pytest.raises(TypeError):
        rank_results([unit])
