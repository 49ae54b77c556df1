"""Who may change a unit's targets and plan, as a table over every role, asked of the pure predicate."""
import pytest

from accounts.access import Actor, may_edit_plan, may_read_plan
from accounts.roles import Role

R = Role
UNIT = 1
EDITS = {R.SECRETARIAT: {"own unit", "other unit"}, R.ADMIN: {"own unit", "other unit"},
         R.UNIT_STAFF: {"own unit"}, R.UNIT_HEAD: {"own unit"}}
# A contributor (a division of the unit) reads its unit's plan, the tasks it may lead, but changes nothing.
READS = {**EDITS, R.LEADERSHIP: {"own unit", "other unit"}, R.COUNCIL_MEMBER: {"own unit", "other unit"},
         R.CONTRIBUTOR: {"own unit"}}


@pytest.mark.parametrize("role", [*Role, None])
@pytest.mark.parametrize("relation", ["own unit", "other unit"])
def test_the_office_edits_every_plan_a_unit_its_own_and_leadership_only_reads(role, relation):
    actor = Actor(role, (UNIT if relation == "own unit" else 2) if role else None)
    assert may_edit_plan(actor, unit_id=UNIT) == (relation in EDITS.get(role, set()))
    assert may_read_plan(actor, unit_id=UNIT) == (relation in READS.get(role, set()))
