"""A user reaches only their own unit's data; everyone else gets a 404, never the data."""
from django.http import Http404
import pytest

from accounts.access import can_read_unit, can_write_unit_scores, get_unit_for_user


def test_unit_staff_reads_and_writes_only_their_own_unit(ward_staff, ward, other_ward):
    assert can_read_unit(ward_staff, ward)
    assert can_write_unit_scores(ward_staff, ward)
    assert not can_read_unit(ward_staff, other_ward)
    assert not can_write_unit_scores(ward_staff, other_ward)


def test_district_roles_read_every_unit_but_never_type_self_scores(secretariat, council_member, leadership, ward):
    for user in (secretariat, council_member, leadership):
        assert can_read_unit(user, ward)
        assert not can_write_unit_scores(user, ward)


def test_get_unit_for_user_hides_other_units_behind_404(ward_staff, other_ward):
    with pytest.raises(Http404):
        get_unit_for_user(ward_staff, other_ward.code)
    with pytest.raises(Http404):
        get_unit_for_user(ward_staff, other_ward.code, write=True)


def test_owner_sees_their_unit_page(client_for, ward_staff, ward):
    response = client_for(ward_staff).get(f"/don-vi/{ward.code}/")
    assert response.status_code == 200
    assert "Phường Hoàng Liệt" in response.content.decode()


def test_secretariat_may_read_any_unit_page(client_for, secretariat, ward, ward_staff):
    response = client_for(secretariat).get(f"/don-vi/{ward.code}/")
    assert response.status_code == 200
    assert "alice" in response.content.decode().lower()


def test_stranger_gets_404_and_no_data(client_for, other_ward_staff, ward, ward_staff):
    response = client_for(other_ward_staff).get(f"/don-vi/{ward.code}/")
    assert response.status_code == 404
    assert "Phường Hoàng Liệt" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(client, ward):
    response = client.get(f"/don-vi/{ward.code}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
