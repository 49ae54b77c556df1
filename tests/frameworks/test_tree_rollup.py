"""Roll-up of leaf scores to areas and to the whole tree: pure functions over plain data."""
from dataclasses import dataclass
from decimal import Decimal

from frameworks.tree import PlainNode, plain_tree, rollup, score_rollup

D = Decimal
TREE = [
    PlainNode("1", None, "Chỉ đạo, điều hành", D("3")),
    PlainNode("1.1", "1", "Kế hoạch", D("1.5")),
    PlainNode("1.2", "1", "Báo cáo", D("1")),  # declared 3 for area 1: children sum to 2.5
    PlainNode("2", None, "Thủ tục hành chính", D("2")),
    PlainNode("2.1", "2", "Công khai", D("2")),
]


def test_scores_add_up_and_parents_keep_their_declared_maximum():
    totals = rollup(TREE, {"1.1": D("1.25"), "2.1": D("2")})
    assert (totals["1"].score, totals["1"].max_points) == (D("1.25"), D("3"))
    assert (totals[""].score, totals[""].max_points) == (D("3.25"), D("5"))


def test_an_unscored_leaf_counts_zero_and_is_not_counted_as_scored():
    totals = rollup(TREE, {"1.1": D("1")})
    assert (totals["1"].scored, totals["1"].leaves) == (1, 2)
    assert (totals[""].scored, totals[""].leaves) == (1, 3)


def test_a_not_assessed_leaf_leaves_both_the_achieved_and_the_maximum_points():
    totals = rollup(TREE, {"1.1": D("1.5"), "2.1": D("2")}, frozenset({"1.2"}))
    assert (totals["1"].score, totals["1"].max_points) == (D("1.5"), D("2"))
    assert (totals[""].score, totals[""].max_points) == (D("3.5"), D("4"))
    assert totals["1.2"].max_points == D("0")


@dataclass
class Row:
    pk: int
    parent_id: int | None
    code: str
    title: str
    max_points: Decimal


@dataclass
class Score:
    value: Decimal | None
    not_assessed: bool = False


def test_score_rollup_reads_loaded_rows_by_id():
    rows = [Row(1, None, "1", "A", D("2")), Row(2, 1, "1.1", "a", D("1")), Row(3, 1, "1.2", "b", D("1"))]
    assert [(p.code, p.parent) for p in plain_tree(rows)] == [("1", None), ("1.1", "1"), ("1.2", "1")]
    totals = score_rollup(rows, {2: Score(D("0.5")), 3: Score(None, not_assessed=True)})
    assert (totals[""].score, totals[""].max_points) == (D("0.5"), D("1"))
