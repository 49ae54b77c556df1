from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User
from accounts.selectors import units_of
from appraisal.excel import AppraisalImportRejected, appraisal_import
from config.commands import period_or_error
from config.excel import problems_shown
from organizations.hierarchy import home_affairs_office


class Command(BaseCommand):
    help = "Nhập điểm thẩm định của cả kỳ từ Excel (tất cả hoặc không): import_appraisal KEY/YEAR FILE.xlsx"

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("file")
        parser.add_argument("--as", dest="username", help="tài khoản Thường trực Phòng/Sở Nội vụ của cơ quan tổ chức kỳ đánh giá (mặc định: người đầu tiên)")

    def handle(self, period, file, username, **options):
        found = period_or_error(period)
        # The period's own office: another district's secretariat has no say in it.
        users = User.objects.filter(role=Role.SECRETARIAT, is_active=True, unit__in=units_of([found.organiser_id]))
        by = users.filter(username=username).first() if username else users.order_by("pk").first()
        if by is None:
            raise CommandError(f"Không có tài khoản {home_affairs_office(found.organiser)} để ghi nhận người nhập.")
        try:
            with open(file, "rb") as handle:
                saved = appraisal_import(period=found, file=handle, by=by)
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp {file}.") from None
        except OSError as error:  # a directory, no permission…: one line, not a traceback
            raise CommandError(f"Không đọc được tệp {file}: {error.strerror or error}") from None
        except AppraisalImportRejected as rejected:
            raise CommandError("Không nhập gì. Các lỗi:\n" + "\n".join(problems_shown(rejected.problems))) from None
        self.stdout.write(f"Đã nhập {saved} điểm thẩm định.")
