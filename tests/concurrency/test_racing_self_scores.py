"""Two people saving self-scores at the same moment, in two real transactions.

The optimistic lock (the version a form was loaded with) only works if the check and the write
are not interleaved: ``self_score_save`` locks the assessment row, then the score row, so the later
of two saves sees the earlier one's commit and is refused, naming it.
"""
from decimal import Decimal

from assessments.errors import AssessmentError
from assessments.models import SelfScore
from assessments.services import self_score_save
from concurrency.racing import (
    BESIDE_LEAVES, CONCURRENCY_TEST, ROUND_LEAVES, fresh, lingering_before_save, race, winner_and_loser,
)
from frameworks.points import format_points

pytestmark = CONCURRENCY_TEST



def saving(assessment, leaf, by, value, expected_version):
    """One request's save, on its own copies of the rows."""
    return lambda: self_score_save(assessment=fresh(assessment), node=leaf, by=fresh(by),
                                   expected_version=expected_version, value=value)


def assert_refused_naming_the_winner(loser, stored):
    assert isinstance(loser.error, AssessmentError), repr(loser.error)
    assert (f"“{stored.node.code}” vừa được {stored.updated_by.display_name} cập nhật "
            f"(điểm hiện tại: {format_points(stored.value)})") in str(loser.error)


def test_two_first_saves_of_one_criterion_at_once_keep_exactly_one(assessment, round_leaves, ward_staff, ward_head):
    typed = {ward_staff: Decimal("0.5"), ward_head: Decimal("0.25")}
    for leaf in round_leaves:
        # Given Alice and Hana both opened the criterion while it had no score
        # When both save at the same moment
        with lingering_before_save(SelfScore):
            outcomes = race(saving(assessment, leaf, ward_staff, "0,5", None),
                            saving(assessment, leaf, ward_head, "0,25", None))
        # Then one save is kept, and the other is refused naming who saved and the value now stored
        winner, loser = winner_and_loser(outcomes)
        stored = SelfScore.objects.select_related("node", "updated_by").get(assessment=assessment, node=leaf)
        assert (stored.value, stored.version) == (typed[stored.updated_by], 1)
        assert stored.updated_by == winner.result.updated_by
        assert stored.history.count() == 1
        assert_refused_naming_the_winner(loser, stored)
    # Without the locks both threads would find no row during the pause and both INSERT: the unique
    # constraint would make the loser's error an IntegrityError, not the AssessmentError asserted above.


def test_two_saves_from_the_same_version_at_once_keep_exactly_one(assessment, round_leaves, ward_staff, ward_head):
    typed = {ward_staff: Decimal("0"), ward_head: Decimal("0.25")}
    for leaf in round_leaves:
        # Given the criterion at version 1, and both Alice and Hana looking at it
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
        # When both save a change of version 1 at the same moment
        with lingering_before_save(SelfScore):
            outcomes = race(saving(assessment, leaf, ward_staff, "0", 1),
                            saving(assessment, leaf, ward_head, "0,25", 1))
        # Then exactly one change is kept, as version 2; the other is refused, naming it
        winner, loser = winner_and_loser(outcomes)
        stored = SelfScore.objects.select_related("node", "updated_by").get(assessment=assessment, node=leaf)
        assert (stored.value, stored.version) == (typed[stored.updated_by], 2)
        assert stored.updated_by == winner.result.updated_by
        assert stored.history.count() == 2
        assert_refused_naming_the_winner(loser, stored)
    # Without the row locks both threads would read version 1, both pass the check during the pause
    # and both write "version 2": two winners, which winner_and_loser refuses.


def test_saves_of_different_criteria_at_once_are_both_kept(assessment, node, ward_staff, ward_head):
    for alices, hanas in zip(ROUND_LEAVES, BESIDE_LEAVES):
        # When Alice and Hana each save another criterion at the same moment
        with lingering_before_save(SelfScore):
            outcomes = race(saving(assessment, node(alices), ward_staff, "0,5", None),
                            saving(assessment, node(hanas), ward_head, "0,25", None))
        # Then neither waits for nor refuses the other's work: both are kept
        assert [o.error for o in outcomes] == [None, None]
        stored = {s.node.code: (s.value, s.version, s.updated_by)
                  for s in assessment.self_scores.filter(node__code__in=[alices, hanas]).select_related("node")}
        assert stored == {alices: (Decimal("0.5"), 1, ward_staff), hanas: (Decimal("0.25"), 1, ward_head)}
    # This fails if the lock were made too coarse the wrong way (one version per assessment refuses
    # the second save) or taken in an order that can deadlock (PostgreSQL aborts one of the two).
