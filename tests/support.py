"""Constants and helpers shared by tests (conftest.py itself is not importable by name)."""
import datetime

PASSWORD = "mat-khau-thu-nghiem-1"
# A new deadline a return gives the unit: far enough ahead for any test run.
SOON = datetime.date.today() + datetime.timedelta(days=30)


def score_remaining_leaves(assessment, *, by, value="0"):
    """Give every leaf the unit has not scored ``value``, so that the file may be submitted.

    Tests that care about a few criteria score those through the services; the rest only has to be
    complete. Bulk rows, then the stored result refreshed as every score write does.
    """
    from decimal import Decimal

    from assessments.models import SelfScore
    from assessments.results import results_refresh
    from frameworks.selectors import tree_for

    done = set(SelfScore.objects.filter(assessment=assessment).values_list("node_id", flat=True))
    SelfScore.objects.bulk_create(
        SelfScore(assessment=assessment, node_id=leaf.pk, value=Decimal(value), updated_by=by)
        for leaf in tree_for(assessment.period.framework).leaves if leaf.pk not in done
    )
    results_refresh([assessment])


def score_at_max_except(assessment, *, by, scores: dict):
    """Every leaf self-scored at its maximum, except ``scores`` (code -> points); bulk rows, as
    ``score_remaining_leaves``, then the stored result refreshed."""
    from decimal import Decimal

    from assessments.models import SelfScore
    from assessments.results import results_refresh
    from frameworks.selectors import tree_for

    SelfScore.objects.bulk_create(
        SelfScore(assessment=assessment, node_id=leaf.pk, value=Decimal(scores.get(leaf.code, leaf.max_points)),
                  updated_by=by)
        for leaf in tree_for(assessment.period.framework).leaves
    )
    results_refresh([assessment])


def submit_completed(*, assessment, by):
    """Score what is left with 0 (``score_remaining_leaves``), then submit the file as ``by``."""
    from assessments.actions import assessment_submit

    score_remaining_leaves(assessment, by=by)
    return assessment_submit(assessment=assessment, by=by)


def publish_period(period, *, by):
    """Walk every unit of ``period`` through submission and appraisal (as self-scored), then publish it."""
    from accounts.models import Role, User
    from appraisal.services import appraisal_finish, period_publish
    from assessments import actions

    for assessment in period.assessments.select_related("unit"):
        head = (User.objects.filter(unit=assessment.unit, role=Role.UNIT_HEAD).first()
                or User.objects.create(username=f"{assessment.unit.code}.head", role=Role.UNIT_HEAD,
                                       unit=assessment.unit))
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=by)
        appraisal_finish(assessment=assessment, by=by)
    period_publish(period=period, by=by)
    period.refresh_from_db()
    return period
