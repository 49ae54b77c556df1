"""The one scoring function: the self-score stands until the council decides (no database)."""
from decimal import Decimal

from assessments.scoring import (
    Record, areas_from_json, areas_to_json, records_from_json, records_to_json, result_figures, unit_scoring,
)
from frameworks.tree import PlainNode, Tree

D = Decimal
TREE = Tree([
    PlainNode("1", None, "Chỉ đạo, điều hành", D("3")),
    PlainNode("1.1", "1", "Kế hoạch", D("1.5")),
    PlainNode("1.2", "1", "Báo cáo", D("1.5")),
    PlainNode("2", None, "Thủ tục hành chính", D("2")),
    PlainNode("2.1", "2", "Công khai", D("2")),
])


def test_until_the_council_decides_the_self_score_stands():
    scoring = unit_scoring(TREE, {"1.1": Record(D("1.5")), "2.1": Record(D("2"))}, {}, appraisal_closed=False)
    assert scoring.combined_total.score == scoring.self_total.score == D("3.5")
    assert not scoring.has_appraisal


def test_a_decision_replaces_the_self_score_of_that_criterion_only():
    scoring = unit_scoring(TREE, {"1.1": Record(D("1.5")), "2.1": Record(D("2"))}, {"1.1": Record(D("1"))},
                           appraisal_closed=False)
    assert (scoring.self_total.score, scoring.combined_total.score) == (D("3.5"), D("3"))
    assert scoring.combined_by_code["1"].score == D("1")
    assert scoring.has_appraisal


def test_a_confirmation_alone_counts_as_appraised_once_the_appraisal_is_closed():
    own = {"1.1": Record(D("1.5"))}
    assert not unit_scoring(TREE, own, {"1.1": Record(D("1.5"))}, appraisal_closed=False).has_appraisal
    assert unit_scoring(TREE, own, {"1.1": Record(D("1.5"))}, appraisal_closed=True).has_appraisal


def test_the_council_may_set_a_criterion_not_assessed():
    scoring = unit_scoring(TREE, {"1.2": Record(D("1"))}, {"1.2": Record(None, not_assessed=True)}, appraisal_closed=True)
    assert (scoring.combined_total.score, scoring.combined_total.max_points) == (D("0"), D("3.5"))


def test_figures_hold_areas_and_the_leaves_that_lost_points():
    scoring = unit_scoring(TREE, {"1.1": Record(D("1.5")), "1.2": Record(D("0.5"))}, {}, appraisal_closed=False)
    figures = result_figures(TREE, scoring)
    assert (figures.self_total, figures.appraised_total, figures.appraisal_max) == (D("2"), None, D("5"))
    assert (figures.scored, figures.leaves) == (2, 3)
    assert figures.shortfalls == {"1.2": D("1"), "2.1": D("2")}
    assert areas_from_json(areas_to_json(figures.areas)) == figures.areas
    assert areas_to_json(figures.areas) == {"1": ["2", "2", "3", "66.7"], "2": ["0", "0", "2", "0.0"]}


def test_a_publication_snapshot_reads_back_the_same_records():
    own = {"1.1": Record(D("1.5")), "1.2": Record(D("0.25"))}
    decided = {"1.1": Record(D("1")), "2.1": Record(None, not_assessed=True)}
    snapshot = records_to_json(TREE, own, decided)
    assert snapshot["1.1"] == {"self": "1.5", "self_not_assessed": False, "appraised": "1", "not_assessed": False}
    back_own, back_decided = records_from_json(snapshot)
    before = unit_scoring(TREE, own, decided, appraisal_closed=True)
    after = unit_scoring(TREE, back_own, back_decided, appraisal_closed=True)
    assert before == after
