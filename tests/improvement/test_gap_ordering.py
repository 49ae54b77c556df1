"""Gaps, on plain data: criteria below maximum by points lost, and the losses per area."""
from decimal import Decimal as D

from improvement.gaps import AreaLoss, Criterion, gaps, losses_by_area

CRITERIA = [
    Criterion("1", "Chỉ đạo điều hành", D(8)),
    Criterion("1.1", "Kế hoạch", D("1.5"), ("Sở Nội vụ",)),
    Criterion("1.2", "Báo cáo", D(2)),
    Criterion("1.2.1", "Số lượng báo cáo", D(1)),
    Criterion("2", "Thể chế", D(6)),
    Criterion("2.1", "Văn bản", D(3)),
    Criterion("2.2", "Kiểm tra", D(3)),
    Criterion("2.3", "Chưa chấm", D(1)),
]


def test_criteria_below_maximum_most_points_lost_first_ties_in_document_order():
    scores = {"1": D(6), "1.1": D("0.5"), "1.2": D(1), "1.2.1": D("0.5"), "2": D(4), "2.1": D(2), "2.2": D(3)}
    found = gaps(CRITERIA, scores=scores, targets={"1.1": D("1.5")})
    assert [(g.code, g.lost, g.target) for g in found] == [
        ("1.1", D(1), D("1.5")), ("1.2", D(1), None), ("2.1", D(1), None), ("1.2.1", D("0.5"), None)]
    assert found[0].responsible == ("Sở Nội vụ",)


def test_areas_full_marks_and_unscored_criteria_are_not_gaps():
    found = gaps(CRITERIA, scores={"1": D(2), "2.2": D(3)}, targets={})
    assert found == []


def test_losses_per_area_from_the_area_figure_else_the_sum_of_its_criteria():
    scores = {"1": D(6), "1.1": D("0.5"), "1.2.1": D("0.5"), "2.1": D(2), "2.2": D("2.5")}
    found = gaps(CRITERIA, scores=scores, targets={})
    assert losses_by_area(CRITERIA, scores=scores, found=found) == [
        AreaLoss("1", "Chỉ đạo điều hành", D(2)),  # the area's own figure: 8 - 6
        AreaLoss("2", "Thể chế", D("1.5")),  # 2.1 and 2.2
    ]
