"""The Nội vụ office manages the units' accounts in the app: create, change role or unit, disable, reset."""
import pytest

from accounts import errors
from accounts.access import Actor, may_manage_account, may_manage_accounts
from accounts.errors import AccountError
from accounts.models import Role, User
from accounts.services import user_create, user_reset_password, user_update


def _form(**overrides):
    data = {"full_name": "Nguyễn Thị Thu Hà", "username": "canbo.moi", "email": "ha@example.gov.vn",
            "unit": "", "role": Role.UNIT_STAFF.value}
    return {**data, **overrides}


def test_only_the_office_manages_accounts_and_never_an_administrators():
    office, its_units = Actor(Role.SECRETARIAT, 1, 10), (10,)  # an office of organiser 10, an account there
    assert may_manage_accounts(office) and may_manage_accounts(Actor(Role.ADMIN))
    assert not may_manage_accounts(Actor(Role.SECRETARIAT))  # an office outside every organiser
    assert not any(may_manage_accounts(Actor(role, 1, 10)) for role in
                   (Role.UNIT_STAFF, Role.UNIT_HEAD, Role.COUNCIL_MEMBER, Role.LEADERSHIP, None))
    assert may_manage_account(office, role=Role.UNIT_HEAD, is_superuser=False, organiser_line=its_units)
    assert not may_manage_account(office, role=Role.UNIT_HEAD, is_superuser=False, organiser_line=(11, 10))
    assert not may_manage_account(office, role=Role.ADMIN, is_superuser=False, organiser_line=its_units)
    assert not may_manage_account(office, role=Role.UNIT_STAFF, is_superuser=True, organiser_line=its_units)


def test_a_new_account_gets_a_one_time_password_it_must_change(secretariat, ward):
    user, password = user_create(username="canbo.moi", full_name="Nguyễn Thị Thu Hà", email="ha@example.gov.vn",
                                 role=Role.UNIT_STAFF, unit=ward, by=secretariat)

    user.refresh_from_db()
    assert (user.last_name, user.first_name, user.unit, user.role) == ("Nguyễn Thị Thu", "Hà", ward, Role.UNIT_STAFF)
    assert user.must_change_password and user.is_active and not user.is_staff
    assert len(password) == 12 and user.check_password(password)
    created = user.history.get()
    assert (created.history_type, created.history_user, created.history_change_reason) == (
        "+", secretariat, "Tạo tài khoản")


def test_bad_fields_are_named_and_nothing_is_saved(secretariat, ward_staff):
    with pytest.raises(AccountError) as refused:
        user_create(username="alice", full_name=" ", email="không-phải-email", role=Role.UNIT_HEAD, unit=None,
                    by=secretariat)
    assert refused.value.problems == {
        "full_name": errors.FULL_NAME_REQUIRED,
        "username": errors.USERNAME_TAKEN % {"username": "alice"},
        "email": errors.EMAIL_INVALID % {"email": "không-phải-email"},
        "unit": errors.UNIT_REQUIRED % {"role": "Thủ trưởng đơn vị"},
    }
    assert User.objects.count() == 2


def test_the_office_cannot_make_an_administrator(secretariat):
    with pytest.raises(AccountError) as refused:
        user_create(username="quantri2", full_name="Quản Trị", email="", role=Role.ADMIN, unit=None, by=secretariat)
    assert refused.value.problems == {"role": errors.ROLE_NOT_ALLOWED % {"role": "Quản trị hệ thống"}}
    assert not User.objects.filter(username="quantri2").exists()


def test_a_unit_officer_cannot_create_accounts(ward_staff, ward):
    with pytest.raises(AccountError, match="không có quyền"):
        user_create(username="x", full_name="A B", email="", role=Role.UNIT_STAFF, unit=ward, by=ward_staff)


def test_changing_role_and_unit_and_disabling_is_in_the_history_with_who(secretariat, ward_staff, other_ward):
    user_update(user=ward_staff, full_name="Phạm Thị Lan", email="lan@example.gov.vn", role=Role.UNIT_HEAD,
                unit=other_ward, is_active=False, by=secretariat)

    ward_staff.refresh_from_db()
    assert (ward_staff.role, ward_staff.unit, ward_staff.is_active) == (Role.UNIT_HEAD, other_ward, False)
    newest, previous = ward_staff.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (secretariat, "Sửa tài khoản")
    assert {c.field for c in newest.diff_against(previous).changes} == {
        "first_name", "last_name", "email", "role", "unit", "is_active"}


def test_the_office_cannot_disable_itself_nor_touch_an_administrator(secretariat, district):
    with pytest.raises(AccountError) as refused:
        user_update(user=secretariat, full_name="Bob", email="", role=Role.SECRETARIAT, unit=district,
                    is_active=False, by=secretariat)
    assert refused.value.problems == {"is_active": errors.CANNOT_DISABLE_SELF}
    admin = User.objects.create(username="root", role=Role.ADMIN, is_superuser=True)
    with pytest.raises(AccountError, match="không có quyền"):
        user_reset_password(user=admin, by=secretariat)


def test_a_reset_gives_a_new_one_time_password(secretariat, ward_staff):
    password = user_reset_password(user=ward_staff, by=secretariat)

    ward_staff.refresh_from_db()
    assert ward_staff.check_password(password) and ward_staff.must_change_password
    newest = ward_staff.history.first()
    assert (newest.history_user, newest.history_change_reason) == (secretariat, "Cấp lại mật khẩu dùng một lần")


# -- the pages ----------------------------------------------------------------------------------


def test_the_office_creates_an_account_and_sees_its_password_once(client_for, secretariat, ward):
    response = client_for(secretariat).post("/tai-khoan/tao/", _form(unit=ward.pk))

    assert response.status_code == 200
    user = User.objects.get(username="canbo.moi")
    password = response.context["issued"][0].password
    assert user.check_password(password) and password in response.content.decode()
    assert user.history.get().history_user == secretariat


def test_the_create_form_names_the_bad_field_and_saves_nothing(client_for, secretariat):
    response = client_for(secretariat).post("/tai-khoan/tao/", _form(email="sai@", role=Role.UNIT_STAFF.value))

    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["Email “sai@” không hợp lệ."],
                                               "unit": ["Vai trò “Cán bộ đơn vị” cần một đơn vị."]}
    assert not User.objects.filter(username="canbo.moi").exists()


def test_the_role_list_offers_no_administrator(client_for, secretariat):
    response = client_for(secretariat).get("/tai-khoan/tao/")
    assert Role.ADMIN.value not in [value for value, _label in response.context["form"].fields["role"].choices]
    response = client_for(secretariat).post("/tai-khoan/tao/", _form(role=Role.ADMIN.value))
    assert "role" in response.context["form"].errors
    assert not User.objects.filter(username="canbo.moi").exists()


def test_the_office_edits_and_disables_an_account(client_for, secretariat, ward_staff, ward):
    response = client_for(secretariat).post(f"/tai-khoan/{ward_staff.pk}/", {
        "full_name": "Alice Nguyễn", "email": "", "unit": ward.pk, "role": Role.UNIT_HEAD.value})

    assert response.status_code == 302
    ward_staff.refresh_from_db()
    assert (ward_staff.role, ward_staff.is_active) == (Role.UNIT_HEAD, False)
    page = client_for(secretariat).get(f"/tai-khoan/{ward_staff.pk}/")
    assert [row["by"] for row in page.context["history"]] == [secretariat, None]


def test_the_office_resets_a_password_from_the_account_page(client_for, secretariat, ward_staff):
    response = client_for(secretariat).post(f"/tai-khoan/{ward_staff.pk}/cap-lai-mat-khau/")

    ward_staff.refresh_from_db()
    assert ward_staff.check_password(response.context["issued"][0].password)


def test_the_list_filters_by_unit_and_hides_administrators(client_for, secretariat, ward_staff, other_ward_staff):
    User.objects.create(username="root", role=Role.ADMIN, is_superuser=True)
    client = client_for(secretariat)

    everyone = client.get("/tai-khoan/")
    one_unit = client.get("/tai-khoan/", {"don_vi": "HM-W-YENSO"})

    assert {u.username for u in everyone.context["page"]} == {"alice", "charlie", "bob"}
    assert [u.username for u in one_unit.context["page"]] == ["charlie"]


@pytest.mark.parametrize("url", ["/tai-khoan/", "/tai-khoan/tao/", "/tai-khoan/nhap-excel/", "/tai-khoan/{pk}/"])
def test_other_roles_get_404(client_for, url, ward_staff, council_member, leadership):
    for user in (ward_staff, council_member, leadership):
        assert client_for(user).get(url.format(pk=ward_staff.pk)).status_code == 404


def test_an_administrators_account_page_is_404_to_the_office(client_for, secretariat):
    admin = User.objects.create(username="root", role=Role.ADMIN, is_superuser=True)
    client = client_for(secretariat)
    assert client.get(f"/tai-khoan/{admin.pk}/").status_code == 404
    assert client.post(f"/tai-khoan/{admin.pk}/cap-lai-mat-khau/").status_code == 404


def test_the_navigation_shows_accounts_to_the_office_only(client_for, secretariat, ward_staff):
    assert "/tai-khoan/" in [item["url"] for item in client_for(secretariat).get("/").context["nav_items"]]
    assert "/tai-khoan/" not in [item["url"] for item in client_for(ward_staff).get("/").context["nav_items"]]
