"""The access policy as a table: every role × relation to the file × status, asked of the pure
predicates without a database; then a few pages that must answer as the policy says."""
import pytest
from django.urls import reverse

from accounts.access import (
    Actor, may_appraise, may_assign_contributors, may_enter_surveys, may_manage_account, may_read_assessment,
    may_read_period, may_read_results, may_review_contributions, may_write_criterion, may_write_self_scores,
    runs_period,
)
from accounts.roles import Role
from assessments.workflow import Status
from support import submit_completed

R = Role
UNIT = 1  # the assessed unit
DISTRICT, OTHER_DISTRICT, CITY = 10, 11, 100  # organisers: the period's, a sibling district, the city above both
PERIOD_LINE = (DISTRICT, CITY)  # the period's organiser, then the organisers above it
RELATIONS = {  # relation: (the actor's unit, their organiser, seated on the period's council, the criterion assigned)
    "own unit": (UNIT, DISTRICT, False, False),
    "own unit, assigned": (UNIT, DISTRICT, False, True),  # a contributor's own criterion
    "other unit": (2, DISTRICT, False, False),
    "seated": (2, DISTRICT, True, False),
    "assigned": (2, DISTRICT, True, True),
    "other organiser": (3, OTHER_DISTRICT, False, False),
    "organiser above": (4, CITY, False, False),
}
SAME_ORGANISER = {"own unit", "own unit, assigned", "other unit", "seated", "assigned"}
OWN = {"own unit", "own unit, assigned"}
ROLES = [*Role, None]
SUBMITTED = {s for s in Status if s not in (Status.DRAFT, Status.RETURNED)}

# Who may, written out per role: the relations (and, for council members, the states) that allow it.
READS = {
    R.UNIT_STAFF: OWN, R.UNIT_HEAD: OWN, R.CONTRIBUTOR: OWN,
    # The office reads its own organiser's files; leadership also those of the organisers below it.
    R.SECRETARIAT: SAME_ORGANISER, R.ADMIN: set(RELATIONS), R.LEADERSHIP: SAME_ORGANISER | {"organiser above"},
    R.COUNCIL_MEMBER: OWN,  # plus seated ones once submitted, below
    None: set(),
}
WRITES_SELF_SCORES = {R.UNIT_STAFF: OWN, R.UNIT_HEAD: OWN}
# One criterion: the staff and head any of their unit's, a contributor only the ones assigned to it.
WRITES_CRITERION = {**WRITES_SELF_SCORES, R.CONTRIBUTOR: {"own unit, assigned"}}
ASSIGNS_CONTRIBUTORS = WRITES_SELF_SCORES
REVIEWS_CONTRIBUTIONS = {R.UNIT_HEAD: OWN}
APPRAISES = {R.SECRETARIAT: SAME_ORGANISER, R.ADMIN: set(RELATIONS), R.COUNCIL_MEMBER: {"assigned"}}
# Running a period (surveys, acting for a unit, publication): its own organiser's office.
RUNS = {R.SECRETARIAT: SAME_ORGANISER, R.ADMIN: set(RELATIONS)}
READS_PERIOD = {R.SECRETARIAT: SAME_ORGANISER, R.COUNCIL_MEMBER: SAME_ORGANISER, R.ADMIN: set(RELATIONS),
                R.LEADERSHIP: SAME_ORGANISER | {"organiser above"}}
READS_RESULTS = {R.SECRETARIAT, R.ADMIN, R.COUNCIL_MEMBER, R.LEADERSHIP}


def actor(role, relation):
    unit_id, organiser_id, _seated, _assigned = RELATIONS[relation]
    return Actor(role, unit_id if role else None, organiser_id if role else None)


def seated(relation):
    return RELATIONS[relation][2]


def assigned(relation):
    return RELATIONS[relation][3]


def expected_read(role, relation, status):
    seated_member = role == R.COUNCIL_MEMBER and seated(relation) and status in SUBMITTED
    return relation in READS[role] or seated_member


CASES = [(role, relation, status) for role in ROLES for relation in RELATIONS for status in Status]


def test_reading_a_file():
    assert {case: may_read_assessment(actor(case[0], case[1]), unit_id=UNIT, status=case[2],
                                      seated=seated(case[1]), organiser_line=PERIOD_LINE) for case in CASES} == {
        case: expected_read(*case) for case in CASES}


def test_writing_self_scores():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    assert {case: may_write_self_scores(actor(*case), unit_id=UNIT) for case in cases} == {
        (role, relation): relation in WRITES_SELF_SCORES.get(role, set()) for role, relation in cases}


def test_writing_one_criterion():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    assert {case: may_write_criterion(actor(*case), unit_id=UNIT, assigned=assigned(case[1])) for case in cases} == {
        (role, relation): relation in WRITES_CRITERION.get(role, set()) for role, relation in cases}


def test_assigning_criteria_to_contributors_and_reviewing_their_work():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    assert {case: may_assign_contributors(actor(*case), unit_id=UNIT) for case in cases} == {
        (role, relation): relation in ASSIGNS_CONTRIBUTORS.get(role, set()) for role, relation in cases}
    assert {case: may_review_contributions(actor(*case), unit_id=UNIT) for case in cases} == {
        (role, relation): relation in REVIEWS_CONTRIBUTIONS.get(role, set()) for role, relation in cases}


def test_managing_a_contributors_account():
    """The office manages its organiser's accounts but an administrator's; a unit's head only its own contributors'."""
    cases = [(role, relation, target) for role in ROLES for relation in RELATIONS for target in (R.CONTRIBUTOR, R.UNIT_STAFF)]
    expected = {
        (role, relation, target): (role == R.SECRETARIAT and relation in SAME_ORGANISER) or role == R.ADMIN or (
            role == R.UNIT_HEAD and relation in OWN and target == R.CONTRIBUTOR)
        for role, relation, target in cases}
    assert {(role, relation, target): may_manage_account(actor(role, relation), role=target, is_superuser=False,
                                                         organiser_line=PERIOD_LINE, unit_id=UNIT)
            for role, relation, target in cases} == expected


def test_appraising_a_criterion():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    assert {case: may_appraise(actor(*case), seated=seated(case[1]), assigned=assigned(case[1]),
                               organiser_line=PERIOD_LINE)
            for case in cases} == {
        (role, relation): relation in APPRAISES.get(role, set()) for role, relation in cases}


def test_running_and_reading_a_period_follow_the_organiser():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    assert {case: (runs_period(actor(*case), organiser_line=PERIOD_LINE),
                   may_enter_surveys(actor(*case), organiser_line=PERIOD_LINE),
                   may_read_period(actor(*case), organiser_line=PERIOD_LINE)) for case in cases} == {
        (role, relation): (relation in RUNS.get(role, set()), relation in RUNS.get(role, set()),
                           relation in READS_PERIOD.get(role, set())) for role, relation in cases}


def test_the_office_manages_accounts_of_its_own_organiser_only():
    cases = [(role, relation) for role in ROLES for relation in RELATIONS]
    # The account's unit belongs to the period's district; an account outside every unit is the administrator's.
    assert {case: (may_manage_account(actor(*case), role=R.UNIT_STAFF, is_superuser=False, organiser_line=PERIOD_LINE),
                   may_manage_account(actor(*case), role=R.UNIT_STAFF, is_superuser=False, organiser_line=()))
            for case in cases} == {
        (role, relation): (relation in RUNS.get(role, set()), role == R.ADMIN) for role, relation in cases}


@pytest.mark.parametrize("role", ROLES)
def test_reading_results_at_all_depends_on_the_role_alone(role):
    for relation in RELATIONS:
        assert may_read_results(actor(role, relation)) is (role in READS_RESULTS)


def test_a_superuser_counts_as_an_administrator_and_nobody_signed_in_has_no_role(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert Actor.of(django_user_model(role=R.UNIT_STAFF, is_superuser=True)) == Actor(R.ADMIN)
    assert Actor.of(AnonymousUser()) == Actor(None)


def test_a_users_organiser_is_the_district_or_city_their_unit_belongs_to(ward_staff, secretariat, district):
    assert Actor.of(ward_staff).organiser_id == district.pk  # a ward belongs to its district
    assert Actor.of(secretariat).organiser_id == district.pk  # the district itself
    assert Actor.of(type(ward_staff)(role=R.LEADERSHIP)).organiser_id is None  # no unit, no organiser


# -- pages: the loaders ask the same policy ------------------------------------------------------


def test_results_of_a_period_for_every_district_wide_reader_and_nobody_else(
    client_for, period, leadership, council_member, ward_staff, ward_head
):
    url = reverse("reports:period_xlsx", args=[period.pk])
    for reader in (leadership, council_member):
        assert client_for(reader).get(url).status_code == 200
    for outsider in (ward_staff, ward_head):
        assert client_for(outsider).get(url).status_code == 404


def test_a_units_report_follows_the_file_rule(client_for, period, ward, other_ward_staff, council_member, ward_head):
    from appraisal.services import council_member_add

    assessment = period.assessments.get(unit=ward)
    url = reverse("reports:unit_report", args=[assessment.pk])
    council_member_add(period=period, user=council_member)
    assert client_for(council_member).get(url).status_code == 404  # seated, but still a draft
    submit_completed(assessment=assessment, by=ward_head)
    assert client_for(council_member).get(url).status_code == 200
    assert client_for(other_ward_staff).get(url).status_code == 404


def test_only_the_office_enters_survey_points(client_for, period, leadership, secretariat):
    url = reverse("surveys:save", args=[period.pk])
    assert client_for(leadership).post(url, {}).status_code == 404
    assert client_for(secretariat).post(url, {}).status_code == 302
