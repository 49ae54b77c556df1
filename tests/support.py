"""Constants and helpers shared by tests (conftest.py itself is not importable by name)."""
PASSWORD = "mat-khau-thu-nghiem-1"


def publish_period(period, *, by):
    """Walk every unit of ``period`` through submission and appraisal (as self-scored), then publish it."""
    from accounts.models import Role, User
    from appraisal.services import appraisal_finish, period_publish
    from assessments import actions

    for assessment in period.assessments.select_related("unit"):
        head = (User.objects.filter(unit=assessment.unit, role=Role.UNIT_HEAD).first()
                or User.objects.create(username=f"{assessment.unit.code}.head", role=Role.UNIT_HEAD,
                                       unit=assessment.unit))
        actions.assessment_submit(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=by)
        appraisal_finish(assessment=assessment, by=by)
    period_publish(period=period, by=by)
    period.refresh_from_db()
    return period
