"""A council member and the secretariat appraising at the same moment, in two real transactions.

``appraisal_save`` locks the assessment row, then the appraised score's row, before checking the
version the form was loaded with: the later of two decisions on one criterion is refused, naming
the earlier one.
"""
from decimal import Decimal

from appraisal.errors import AppraisalError
from appraisal.models import AppraisedScore
from appraisal.services import appraisal_save
from concurrency.racing import (
    BESIDE_LEAVES, CONCURRENCY_TEST, ROUND_LEAVES, fresh, lingering_before_save, race, winner_and_loser,
)
from frameworks.points import format_points

pytestmark = CONCURRENCY_TEST


def deciding(assessment, leaf, by, value, expected_version):
    """One request's decision, on its own copies of the rows (the unit scored nothing: a reason is due)."""
    return lambda: appraisal_save(assessment=fresh(assessment), node=leaf, by=fresh(by), value=value,
                                  reason=f"Quyết định của {by.username}", expected_version=expected_version)


def assert_refused_naming_the_winner(loser, stored):
    assert isinstance(loser.error, AppraisalError), repr(loser.error)
    assert (f"“{stored.node.code}” vừa được {stored.decided_by.display_name} cập nhật "
            f"(hiện là {format_points(stored.value)})") in str(loser.error)


def test_two_first_decisions_on_one_criterion_at_once_keep_exactly_one(under_appraisal, member, secretariat,
                                                                         round_leaves):
    decided = {member: Decimal("0.25"), secretariat: Decimal("0")}
    for leaf in round_leaves:
        # Given Carol and Bob both opened the criterion before anyone decided it
        # When both decide at the same moment
        with lingering_before_save(AppraisedScore):
            outcomes = race(deciding(under_appraisal, leaf, member, "0,25", None),
                            deciding(under_appraisal, leaf, secretariat, "0", None))
        # Then one decision is kept, with its reason; the other is refused, naming it
        winner, loser = winner_and_loser(outcomes)
        stored = AppraisedScore.objects.select_related("node", "decided_by").get(assessment=under_appraisal, node=leaf)
        assert (stored.value, stored.version) == (decided[stored.decided_by], 1)
        assert stored.decided_by == winner.result.decided_by
        assert stored.reason == f"Quyết định của {stored.decided_by.username}"
        assert stored.history.count() == 1
        assert_refused_naming_the_winner(loser, stored)
    # Without the locks both would find no row during the pause and both INSERT: the unique constraint
    # would turn the loser's refusal into an IntegrityError instead of the AppraisalError asserted above.


def test_two_decisions_from_the_same_version_at_once_keep_exactly_one(under_appraisal, member, secretariat,
                                                                       round_leaves):
    decided = {member: Decimal("0.5"), secretariat: Decimal("0")}
    for leaf in round_leaves:
        # Given Carol's first decision on the criterion (version 1), seen by both
        appraisal_save(assessment=under_appraisal, node=leaf, by=member, value="0,25", reason="Thiếu văn bản",
                       expected_version=None)
        # When Carol and Bob both change version 1 at the same moment
        with lingering_before_save(AppraisedScore):
            outcomes = race(deciding(under_appraisal, leaf, member, "0,5", 1),
                            deciding(under_appraisal, leaf, secretariat, "0", 1))
        # Then exactly one change is kept, as version 2; the other is refused, naming it
        winner, loser = winner_and_loser(outcomes)
        stored = AppraisedScore.objects.select_related("node", "decided_by").get(assessment=under_appraisal, node=leaf)
        assert (stored.value, stored.version) == (decided[stored.decided_by], 2)
        assert stored.decided_by == winner.result.decided_by
        assert stored.history.count() == 2
        assert_refused_naming_the_winner(loser, stored)
    # Without the row locks both would read version 1 and pass the check during the pause, then both
    # write "version 2": two winners, which winner_and_loser refuses.


def test_decisions_on_different_criteria_at_once_are_both_kept(under_appraisal, member, secretariat, node):
    for carols, bobs in zip(ROUND_LEAVES, BESIDE_LEAVES):
        # When Carol and Bob each decide another criterion at the same moment
        with lingering_before_save(AppraisedScore):
            outcomes = race(deciding(under_appraisal, node(carols), member, "0,25", None),
                            deciding(under_appraisal, node(bobs), secretariat, "0", None))
        # Then both decisions are kept
        assert [o.error for o in outcomes] == [None, None]
        stored = {s.node.code: (s.value, s.version, s.decided_by) for s in
                  under_appraisal.appraised_scores.filter(node__code__in=[carols, bobs]).select_related("node")}
        assert stored == {carols: (Decimal("0.25"), 1, member), bobs: (Decimal("0"), 1, secretariat)}
    # This fails if one decision refused or deadlocked the other (a version kept per assessment, or
    # locks taken in an order PostgreSQL has to break by aborting one transaction).
