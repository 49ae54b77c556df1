"""Demo data: the Hoàng Mai units, the frameworks, one user per role, a head and an officer in every
ward and department. Safe to run again."""
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Role
from accounts.services import user_ensure
from demo.seed import (
    ECONOMIC_ZONE, ECONOMIC_ZONE_HEAD, HA_NOI_HEAD, contributor_accounts, demo_unit_accounts, seed_demo_periods,
    seed_ha_dong, seed_ha_noi_index, seed_hai_phong, seed_history, seed_plans, seed_tasks,
)
from frameworks.services import frameworks_load_all
from organizations.models import Unit
from organizations.services import units_load_all

DEMO_PASSWORD = "ParIndex@2024"

# The accounts the README names: (username, role, unit code or None, full name). The other units'
# heads and officers follow ``demo_unit_accounts`` and are not printed (52 lines would hide these).
DEMO_USERS = [
    ("admin", Role.ADMIN, None, "Phan Minh Quân"),  # a person's name: the role is shown beside it
    ("noivu", Role.SECRETARIAT, "HM-P-NOIVU", "Nguyễn Thị Thu Hà"),
    ("hoidong", Role.COUNCIL_MEMBER, "HM-P-TUPHAP", "Trần Văn Minh"),
    ("lanhdao", Role.LEADERSHIP, "HM", "Lê Quang Huy"),
    ("canbo.hoangliet", Role.UNIT_STAFF, "HM-W-HOANGLIET", "Phạm Thị Lan"),
    ("truong.hoangliet", Role.UNIT_HEAD, "HM-W-HOANGLIET", "Đỗ Văn Nam"),
    ("canbo.tuphap", Role.UNIT_STAFF, "HM-P-TUPHAP", "Vũ Thị Mai"),
    ("canbo.yenso", Role.UNIT_STAFF, "HM-W-YENSO", "Hoàng Văn Tú"),
    # The city runs its own index and plan (seed 003); its leadership reads every district below it.
    ("noivu.hanoi", Role.SECRETARIAT, "HN", "Ngô Thanh Bình"),
    ("lanhdao.hanoi", Role.LEADERSHIP, "HN", "Đặng Minh Khôi"),
    # Hà Nội's own file, shared out among the lead agencies (chutri.<mã>, printed apart) by its head.
    (HA_NOI_HEAD, Role.UNIT_HEAD, "HN", "Vũ Đức Thắng"),
    # A second district of the city, so that its leadership ranks two districts together (illustrative).
    ("noivu.hadong", Role.SECRETARIAT, "HD", "Trịnh Thị Mai"),
    # Hải Phòng (seed 001): the city's Nội vụ office runs its sở, ban, ngành; the Economic Zone board's head
    # shares its criteria out among its divisions (their accounts below).
    ("noivu.haiphong", Role.SECRETARIAT, "HP-S-NOIVU", "Lương Thị Ngọc"),
    ("lanhdao.haiphong", Role.LEADERSHIP, "HP", "Bùi Văn Hải"),
    (ECONOMIC_ZONE_HEAD, Role.UNIT_HEAD, ECONOMIC_ZONE, "Hoàng Quốc Trung"),
]
UNIT_ACCOUNTS_HINT = (
    "  Mỗi phường và phòng còn có truong.<mã> (thủ trưởng) và canbo.<mã> (cán bộ), cùng mật khẩu; <mã> là "
    "phần cuối mã đơn vị, viết thường (HM-W-DINHCONG → truong.dinhcong). Danh sách: đăng nhập noivu, "
    "trang Tài khoản, lọc theo đơn vị.\n"
    "  Hà Nội: mỗi cơ quan chủ trì tham mưu có chutri.<mã> (Sở Nội vụ → chutri.noivu), cùng mật khẩu."
)


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: đơn vị quận Hoàng Mai, bộ chỉ số, tài khoản mẫu cho từng vai trò."

    @transaction.atomic
    def handle(self, *args, **options):
        units = units_load_all()
        self.stdout.write(f"Đơn vị: {units}")
        for result in frameworks_load_all():
            self.stdout.write(f"Bộ chỉ số {result.key}: {result.status}")
        units_by_code = Unit.objects.in_bulk(field_name="code")
        users = {}
        lines = []
        for username, role, unit_code, full_name in DEMO_USERS:
            users[username], _created = user_ensure(
                username=username, password=DEMO_PASSWORD, role=role,
                unit=units_by_code.get(unit_code), full_name=full_name,
            )
            unit_name = units_by_code[unit_code].name if unit_code else "—"
            lines.append(f"  {username:<18} {str(users[username].role_display):<30} {unit_name}")
        for username, role, unit, full_name in demo_unit_accounts(units_by_code.values()):
            user_ensure(username=username, password=DEMO_PASSWORD, role=role, unit=unit, full_name=full_name)
        for username, unit, division, full_name in contributor_accounts(units_by_code.values()):
            user_ensure(username=username, password=DEMO_PASSWORD, role=Role.CONTRIBUTOR, unit=unit,
                        full_name=full_name, division=division)
            if unit.code == ECONOMIC_ZONE:
                lines.append(f"  {username:<18} {Role.CONTRIBUTOR.label:<30} {unit.name}, {division}")
        for identifier in [*seed_demo_periods(users=users), *seed_ha_dong(users=users), *seed_hai_phong(users=users),
                           *seed_ha_noi_index(users=users)]:
            self.stdout.write(f"Kỳ đánh giá mẫu {identifier}: đã tạo")
        for loaded in seed_history():
            self.stdout.write(f"Kết quả các năm trước {loaded}: đã nhập")
        for loaded in seed_plans():
            self.stdout.write(f"Kế hoạch cải thiện {loaded}: đã nhập chỉ tiêu")
        if tasks := seed_tasks():
            self.stdout.write(f"Nhiệm vụ của kế hoạch Hà Nội 2020: đã nhập {tasks}")
        self.stdout.write("\nTài khoản mẫu (mật khẩu chung: %s)" % DEMO_PASSWORD)
        self.stdout.write("\n".join(lines))
        self.stdout.write(UNIT_ACCOUNTS_HINT)
