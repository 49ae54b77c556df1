"""A user reaches only their own unit's data; everyone else gets a 404, never the data."""
from django.http import Http404
import pytest

from accounts.access import Actor, may_read_unit, may_write_self_scores
from accounts.selectors import get_unit_for_user
from organizations.hierarchy import organiser_line


def test_unit_staff_reads_and_writes_only_their_own_unit(ward_staff, ward, other_ward):
    actor = Actor.of(ward_staff)
    assert may_read_unit(actor, unit_id=ward.pk, organiser_line=organiser_line(ward))
    assert may_write_self_scores(actor, unit_id=ward.pk)
    assert not may_read_unit(actor, unit_id=other_ward.pk, organiser_line=organiser_line(other_ward))
    assert not may_write_self_scores(actor, unit_id=other_ward.pk)


def test_district_roles_read_every_unit_of_their_district_but_never_type_self_scores(
        secretariat, council_member, leadership, ward):
    for user in (secretariat, council_member, leadership):
        assert may_read_unit(Actor.of(user), unit_id=ward.pk, organiser_line=organiser_line(ward))
        assert not may_write_self_scores(Actor.of(user), unit_id=ward.pk)


def test_get_unit_for_user_hides_other_units_behind_404(ward_staff, other_ward):
    with pytest.raises(Http404):
        get_unit_for_user(ward_staff, other_ward.code)


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
