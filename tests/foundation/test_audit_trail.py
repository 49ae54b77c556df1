"""Every change is kept with who made it, when, the old and new values and the reason."""
from accounts.models import Role


def test_changing_a_users_role_keeps_who_when_old_new_and_why(ward_staff, secretariat):
    ward_staff.role = Role.UNIT_HEAD
    ward_staff._history_user = secretariat
    ward_staff._change_reason = "Bổ nhiệm Chủ tịch UBND phường"
    ward_staff.save(update_fields=["role"])

    newest, previous = ward_staff.history.all()[:2]
    assert newest.history_user == secretariat
    assert newest.history_change_reason == "Bổ nhiệm Chủ tịch UBND phường"
    assert newest.history_date is not None
    delta = newest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("role", Role.UNIT_STAFF, Role.UNIT_HEAD)]


def test_password_hashes_never_enter_the_history(ward_staff):
    field_names = {field.name for field in ward_staff.history.model._meta.get_fields()}
    assert "password" not in field_names


def test_deleting_a_unit_is_recorded(district, secretariat):
    from organizations.models import Unit

    unit = Unit.objects.create(code="HM-W-TEST", name="Phường Thử", kind="ward", parent=district)
    unit._history_user = secretariat
    unit.delete()
    assert [h.history_type for h in Unit.history.filter(code="HM-W-TEST")] == ["-", "+"]


def test_names_are_shown_family_name_first():
    from accounts.models import User

    assert User(username="ha", last_name="Nguyễn Thị Thu", first_name="Hà").display_name == "Nguyễn Thị Thu Hà"
    assert User(username="ha").display_name == "ha"
