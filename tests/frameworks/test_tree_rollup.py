"""Roll-up of leaf scores to areas and to the whole tree: pure functions over plain data."""
from decimal import Decimal

from frameworks.tree import PlainNode, Tree, rollup

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


def test_a_tree_knows_its_leaves_areas_and_total_maximum():
    tree = Tree(TREE)
    assert [leaf.code for leaf in tree.leaves] == ["1.1", "1.2", "2.1"]
    assert [area.code for area in tree.areas] == ["1", "2"]
    assert (tree.total_max, tree.is_leaf("1.2"), tree.is_leaf("1")) == (D("5"), True, False)


def test_a_deeper_tree_rolls_each_leaf_into_every_ancestor():
    tree = Tree([PlainNode("1", None, "A", D("2")), PlainNode("1.1", "1", "a", D("2")),
                 PlainNode("1.1.1", "1.1", "i", D("1")), PlainNode("1.1.2", "1.1", "ii", D("1"))])
    totals = tree.rollup({"1.1.1": D("0.75")}, frozenset({"1.1.2"}))
    assert (totals["1.1"].score, totals["1.1"].max_points, totals["1.1"].scored) == (D("0.75"), D("1"), 2)
    assert (totals["1"].score, totals["1"].max_points) == (D("0.75"), D("1"))
    assert (totals[""].score, totals[""].max_points, totals[""].leaves) == (D("0.75"), D("1"), 2)
