"""Who may read and change a unit's targets and plan, as a table over every role and relation, asked of the
pure predicates: the office of the plan's organiser, the unit's own people, the readers its organiser reaches."""
import pytest

from accounts.access import Actor, may_edit_plan, may_read_plan
from accounts.roles import Role

R = Role
UNIT, DISTRICT, OTHER_DISTRICT, CITY = 1, 10, 11, 100
LINE = (DISTRICT, CITY)  # the plan's unit belongs to DISTRICT, under CITY
RELATIONS = {  # relation: (the actor's unit, their organiser)
    "own unit": (UNIT, DISTRICT),
    "other unit": (2, DISTRICT),
    "other organiser": (3, OTHER_DISTRICT),
    "organiser above": (4, CITY),
}
SAME = {"own unit", "other unit"}
EDITS = {R.SECRETARIAT: SAME, R.ADMIN: set(RELATIONS), R.UNIT_STAFF: {"own unit"}, R.UNIT_HEAD: {"own unit"}}
# A contributor (a division of the unit) reads its unit's plan, the tasks it may lead, but changes nothing.
READS = {**EDITS, R.LEADERSHIP: SAME | {"organiser above"}, R.COUNCIL_MEMBER: SAME, R.CONTRIBUTOR: {"own unit"}}


@pytest.mark.parametrize("role", [*Role, None])
@pytest.mark.parametrize("relation", RELATIONS)
def test_the_organisers_office_edits_a_plan_the_unit_its_own_and_readers_in_reach_read(role, relation):
    unit_id, organiser_id = RELATIONS[relation]
    actor = Actor(role, unit_id if role else None, organiser_id if role else None)
    assert may_edit_plan(actor, unit_id=UNIT, organiser_line=LINE) == (relation in EDITS.get(role, set()))
    assert may_read_plan(actor, unit_id=UNIT, organiser_line=LINE) == (relation in READS.get(role, set()))
