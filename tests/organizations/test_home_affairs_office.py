"""The Nội vụ office of an organiser: a city's (Hải Phòng, Hà Nội) is the Sở Nội vụ, a district's (Hoàng Mai)
the Phòng Nội vụ, and a role, a page or a message names the one its reader deals with. Plain units, no database."""
from types import SimpleNamespace

from accounts.roles import Role, role_label
from organizations.hierarchy import home_affairs_office, province_level


def unit(kind, parent=None):
    return SimpleNamespace(kind=kind, parent=parent)


HA_NOI = unit("city")
HOANG_MAI = unit("district", HA_NOI)
HAI_PHONG = unit("city")


def test_a_city_has_a_so_noi_vu_and_a_district_a_phong_noi_vu():
    assert str(home_affairs_office(HAI_PHONG)) == "Sở Nội vụ"
    assert str(home_affairs_office(HA_NOI)) == "Sở Nội vụ"
    assert str(home_affairs_office(HOANG_MAI)) == "Phòng Nội vụ"  # though Hà Nội is above it
    assert province_level(HAI_PHONG) and not province_level(HOANG_MAI)


def test_a_unit_is_named_the_office_of_the_organiser_it_belongs_to():
    ward = unit("ward", HOANG_MAI)
    assert str(home_affairs_office(ward)) == "Phòng Nội vụ"
    assert str(home_affairs_office(unit("ward", ward))) == "Phòng Nội vụ"  # a ward's section
    assert str(home_affairs_office(unit("city_department", HAI_PHONG))) == "Sở Nội vụ"
    assert str(home_affairs_office(unit("department", HOANG_MAI))) == "Phòng Nội vụ"


def test_without_an_organiser_the_office_is_named_neutrally():
    assert str(home_affairs_office(None)) == "cơ quan Nội vụ"
    assert str(home_affairs_office(unit("department"))) == "cơ quan Nội vụ"  # outside every organiser
    assert not province_level(None)


def test_the_secretariat_is_named_after_its_organisers_office():
    assert role_label(Role.SECRETARIAT, HAI_PHONG) == "Thường trực Sở Nội vụ"
    assert role_label(Role.SECRETARIAT, unit("city_department", HAI_PHONG)) == "Thường trực Sở Nội vụ"
    assert role_label(Role.SECRETARIAT, HOANG_MAI) == "Thường trực Phòng Nội vụ"
    assert str(role_label(Role.SECRETARIAT)) == "Thường trực cơ quan Nội vụ" == str(Role.SECRETARIAT.label)


def test_the_other_roles_read_the_same_everywhere():
    for role in set(Role) - {Role.SECRETARIAT}:
        assert role_label(role, HAI_PHONG) == role_label(role, HOANG_MAI) == role.label
