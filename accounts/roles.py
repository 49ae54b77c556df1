"""The roles and the sets the rules are written in; no ORM import, so pure rules can use them."""
from django.utils.translation import gettext_lazy as _

from config.choices import Choices


class Role(Choices):
    UNIT_STAFF = "unit_staff", _("Cán bộ đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    # A division of the unit (a section, a lead agency) that fills in only the criteria assigned to it.
    CONTRIBUTOR = "contributor", _("Bộ phận tham mưu của đơn vị")
    SECRETARIAT = "secretariat", _("Thường trực Phòng Nội vụ")
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
