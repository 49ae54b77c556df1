"""A unit's head creates and manages its contributors' accounts on the account pages, and nothing else."""
import pytest

from accounts import errors
from accounts.errors import AccountError
from accounts.models import Role, User
from accounts.services import user_create, user_reset_password, user_update


def _new(by, unit, **overrides):
    fields = {"username": "kinhte.moi", "full_name": "Ngô Văn Kinh", "email": "", "role": Role.CONTRIBUTOR,
              "unit": unit, "division": "Bộ phận Kinh tế", **overrides}
    return user_create(**fields, by=by)


def test_the_head_creates_a_contributor_of_its_unit(ward_head, ward):
    user, password = _new(ward_head, ward)

    user.refresh_from_db()
    assert (user.role, user.unit, user.division, user.must_change_password) == (
        Role.CONTRIBUTOR, ward, "Bộ phận Kinh tế", True)
    assert user.check_password(password) and user.history.get().history_user == ward_head


@pytest.mark.parametrize("role, unit", [(Role.UNIT_STAFF, "ward"), (Role.UNIT_HEAD, "ward"),
                                        (Role.CONTRIBUTOR, "other_ward")])
def test_the_head_makes_nothing_else(request, ward_head, role, unit):
    with pytest.raises(AccountError) as refused:
        _new(ward_head, request.getfixturevalue(unit), role=role)
    assert refused.value.problems == {None: errors.NO_PERMISSION}
    assert not User.objects.filter(username="kinhte.moi").exists()


def test_a_contributor_needs_a_unit_and_a_division(secretariat):
    with pytest.raises(AccountError) as refused:
        _new(secretariat, None, division=" ")
    assert refused.value.problems == {
        "unit": errors.UNIT_REQUIRED % {"role": Role.CONTRIBUTOR.label},
        "division": errors.DIVISION_REQUIRED % {"role": Role.CONTRIBUTOR.label},
    }


def test_the_head_edits_disables_and_resets_its_contributors_only(ward_head, ward, economy, ward_staff,
                                                                  other_unit_contributor):
    user_update(user=economy, full_name="Trần Văn Kinh", email="", role=Role.CONTRIBUTOR, unit=ward,
                division="Bộ phận Kinh tế - Đô thị", is_active=False, by=ward_head)
    economy.refresh_from_db()
    assert (economy.division, economy.is_active) == ("Bộ phận Kinh tế - Đô thị", False)
    assert user_reset_password(user=economy, by=ward_head)
    with pytest.raises(AccountError):  # promoting a contributor to officer is the office's
        user_update(user=economy, full_name="Trần Văn Kinh", email="", role=Role.UNIT_STAFF, unit=ward,
                    division="", is_active=True, by=ward_head)
    for foreign in (ward_staff, other_unit_contributor):
        with pytest.raises(AccountError):
            user_reset_password(user=foreign, by=ward_head)


def test_the_account_pages_for_the_head_list_and_create_its_contributors(client_for, ward_head, ward, economy,
                                                                        ward_staff, other_unit_contributor):
    client = client_for(ward_head)
    html = client.get("/tai-khoan/").content.decode()
    assert "kinhte.hoangliet" in html and "Bộ phận Kinh tế" in html
    assert "alice" not in html and "kinhte.yenso" not in html and "Nhập danh sách từ Excel" not in html

    response = client.post("/tai-khoan/tao/", {"full_name": "Lê Văn Tư", "username": "tuphap.hoangliet",
                                               "unit": ward.pk, "role": Role.CONTRIBUTOR.value,
                                               "division": "Bộ phận Tư pháp - Hộ tịch"})
    assert response.status_code == 200 and "tuphap.hoangliet" in response.content.decode()
    assert User.objects.get(username="tuphap.hoangliet").division == "Bộ phận Tư pháp - Hộ tịch"
    assert client.get(f"/tai-khoan/{economy.pk}/").status_code == 200
    for foreign in (ward_staff, other_unit_contributor):
        assert client.get(f"/tai-khoan/{foreign.pk}/").status_code == 404
    assert client.get("/tai-khoan/nhap-excel/").status_code == 404


def test_the_units_officer_and_contributors_have_no_account_pages(client_for, ward_staff, economy):
    for user in (ward_staff, economy):
        assert client_for(user).get("/tai-khoan/").status_code == 404


def test_the_offices_excel_list_names_contributors_divisions_in_an_optional_column(secretariat, ward):
    import io

    from openpyxl import Workbook

    from accounts.excel import DIVISION, HEADER, ImportRejected, users_import_xlsx

    def workbook(*rows):
        book = Workbook()
        for row in [(*HEADER, DIVISION), *rows]:
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        buffer.seek(0)
        return buffer

    rows = [("Ngô Văn Kinh", "kinhte.hl", "", "HM-W-HOANGLIET", "Bộ phận tham mưu của đơn vị", "Bộ phận Kinh tế"),
            ("Lê Thị Hoa", "vanhoa.hl", "", "HM-W-HOANGLIET", "contributor", "")]
    with pytest.raises(ImportRejected) as refused:
        users_import_xlsx(file=workbook(*rows), by=secretariat)
    assert refused.value.rows == ["Dòng 3: " + errors.DIVISION_REQUIRED % {"role": Role.CONTRIBUTOR.label}]

    issued = users_import_xlsx(file=workbook(rows[0]), by=secretariat)
    assert [(i.user.username, i.user.division) for i in issued] == [("kinhte.hl", "Bộ phận Kinh tế")]
