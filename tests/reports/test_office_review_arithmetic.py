"""The district offices' assessment as a part of the index (seed 004, Phú La), computed by hand, without a database.

The part's points are the unit's points on the part's criteria, scaled to the part's maximum when the
criteria's maxima add up to something else; a unit nobody has scored yet has no figure in the part.
"""
from decimal import Decimal

from reports.index import OFFICE_REVIEW_PART, IndexPart, UnitScores, office_review_part, rank_results

# Seed 004, section 3: the criteria the district offices score, with their maxima and Phú La's 2020 points.
PHU_LA_2020 = {
    "1.1.3": ("1", "0.86"), "1.2.1": ("1", "0.5"), "1.2.2": ("1", "0.5"), "1.3.2": ("1", "0.5"),
    "1.3.3": ("1", "0"), "1.4.4": ("0.5", "0.25"), "1.6.1": ("1", "0"), "1.6.3": ("1", "0.5"),
    "2.1.4": ("1", "0.5"), "2.3": ("1.5", "0.5"), "3.1.1": ("1", "0.5"), "3.1.2": ("1", "0.5"),
    "3.3.1": ("1", "0.83"), "3.3.3": ("1", "0"), "4.5.2": ("2", "1"), "5.3": ("2", "1.5"),
    "5.4.2": ("1", "0"), "5.4.4": ("1", "0.5"),
}
CRITERIA_MAX = {code: Decimal(maximum) for code, (maximum, _points) in PHU_LA_2020.items()}
POINTS_2020 = {code: Decimal(points) for code, (_maximum, points) in PHU_LA_2020.items()}


def phu_la(*, council, office, survey) -> UnitScores:
    """Phú La with the council's appraisal of 67, the offices' part and the survey's 33."""
    return UnitScores(
        unit_code="HD-W-PHULA", unit_name="Phường Phú La", unit_kind="ward", self_total=Decimal(council),
        appraised_total=Decimal(council), combined_total=Decimal(council), appraisal_max=Decimal("67"),
        survey_total=Decimal(survey), survey_max=Decimal("33"), published=True,
        survey_parts=(office, IndexPart("dtxhh", Decimal(survey), Decimal("33"))))


def test_three_parts_add_up_their_points_and_their_maxima():
    # The offices' part has the maximum its criteria add up to: 1.1.3, 1.2.1 and 1.2.2, one point each.
    office = office_review_part({"1.1.3": Decimal("0.86"), "1.2.1": Decimal("0.5"), "1.2.2": Decimal("0.5")},
                                criteria_max={"1.1.3": Decimal(1), "1.2.1": Decimal(1), "1.2.2": Decimal(1)},
                                max_points=Decimal("3"))
    assert office == IndexPart(OFFICE_REVIEW_PART, Decimal("1.860"), Decimal("3"))

    [result] = rank_results([phu_la(council="55", office=office, survey="30.5")])

    # 55 + 1,86 + 30,5 = 87,36 of 67 + 3 + 33 = 103 → 84,815… % → 84,82 %
    assert [(part.code, part.points, part.max_points) for part in result.parts] == [
        ("appraisal", Decimal("55"), Decimal("67")), ("office_review", Decimal("1.860"), Decimal("3")),
        ("dtxhh", Decimal("30.5"), Decimal("33"))]
    assert (result.achieved_total, result.max_total, result.index_pct) == (
        Decimal("87.360"), Decimal("103.000"), Decimal("84.82"))
    assert result.survey_missing is False


def test_a_part_whose_maximum_differs_from_its_criteria_is_scaled():
    # Seed 004 lists 18 criteria worth 20 points for a part of 70: Phú La's 8,94 of them are 8,94 × 70 ÷ 20.
    assert sum(CRITERIA_MAX.values()) == Decimal("20")
    office = office_review_part(POINTS_2020, criteria_max=CRITERIA_MAX, max_points=Decimal("70"))
    assert office.points == Decimal("31.290")

    [result] = rank_results([phu_la(council="55", office=office, survey="30.5")])

    # 55 + 31,29 + 30,5 = 116,79 of 67 + 70 + 33 = 170 → 68,7 %
    assert (result.achieved_total, result.max_total, result.index_pct) == (
        Decimal("116.790"), Decimal("170.000"), Decimal("68.70"))


def test_scaling_rounds_once_half_up_to_three_places():
    # 1 of the criteria's 3 points in a part of 2: 0,6666… → 0,667
    office = office_review_part({"1.1.3": Decimal(1)}, criteria_max={"1.1.3": Decimal(1), "1.2.1": Decimal(2)},
                                max_points=Decimal("2"))
    assert office.points == Decimal("0.667")


def test_a_unit_nobody_scored_has_no_figure_yet_and_is_flagged_like_a_missing_survey():
    office = office_review_part({}, criteria_max=CRITERIA_MAX, max_points=Decimal("70"))
    assert office == IndexPart(OFFICE_REVIEW_PART, None, Decimal("70"))

    [result] = rank_results([phu_la(council="55", office=office, survey="30.5")])

    # Counted 0 of its 70 points until an office scores it: 85,5 of 170
    assert (result.achieved_total, result.max_total, result.survey_missing) == (
        Decimal("85.500"), Decimal("170.000"), True)


def test_scores_outside_the_part_count_for_nothing():
    office = office_review_part({"1.1.3": Decimal("1"), "9.9.9": Decimal("5")},
                                criteria_max={"1.1.3": Decimal(1)}, max_points=Decimal("1"))
    assert office.points == Decimal("1.000")
    only_outside = office_review_part({"9.9.9": Decimal("5")}, criteria_max={"1.1.3": Decimal(1)},
                                      max_points=Decimal("1"))
    assert only_outside.points is None
