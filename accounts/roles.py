"""The roles and the sets the rules are written in; no ORM import, so pure rules can use them."""
from django.utils.translation import gettext_lazy as _

from config.choices import Choices
from organizations.hierarchy import home_affairs_office


class Role(Choices):
    UNIT_STAFF = "unit_staff", _("Cán bộ đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    # A division of the unit (a section, a lead agency) that fills in only the criteria assigned to it.
    CONTRIBUTOR = "contributor", _("Bộ phận tham mưu của đơn vị")
    # Named here for no organiser in particular; ``role_label`` names its office ("Thường trực Sở Nội vụ").
    SECRETARIAT = "secretariat", _("Thường trực cơ quan Nội vụ")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng thẩm định")
    LEADERSHIP = "leadership", _("Lãnh đạo")
    ADMIN = "admin", _("Quản trị hệ thống")


# The unit's own staff and head: they score every criterion of its file and answer the council.
UNIT_ROLES = frozenset({Role.UNIT_STAFF, Role.UNIT_HEAD})
# Roles tied to one unit: they need a unit, and read that unit's files only.
UNIT_MEMBER_ROLES = UNIT_ROLES | {Role.CONTRIBUTOR}
# Roles that read every unit's results.
DISTRICT_WIDE_ROLES = frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.LEADERSHIP, Role.ADMIN})
# The Nội vụ office: runs periods, returns files, may appraise any criterion, publishes.
OFFICE_ROLES = frozenset({Role.SECRETARIAT, Role.ADMIN})
# Roles the office may give: never an administrator, who could then change anything.
MANAGED_ROLES = frozenset(Role) - {Role.ADMIN}


def role_label(role, unit=None) -> str:
    """The role as shown for someone of ``unit`` (or of an organiser): the secretariat takes its organiser's
    office, "Thường trực Sở Nội vụ" in a city, "Thường trực Phòng Nội vụ" in a district."""
    if role == Role.SECRETARIAT and unit is not None:
        return _("Thường trực %(office)s") % {"office": home_affairs_office(unit)}
    return Role(role).label
