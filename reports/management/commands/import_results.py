from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.commands import actor_or_error
from config.excel import problems_shown
from reports.history import IMPORTED, HistoryImportRejected, history_import, history_rows_from_xlsx


class Command(BaseCommand):
    help = (
        "Nhập kết quả Chỉ số CCHC các năm trước từ tệp Excel (tất cả hoặc không kết quả nào): "
        "import_results TỆP.xlsx [--as TÊN_ĐĂNG_NHẬP]. Cột: Kỳ, Mã đơn vị, Tổng điểm, Điểm tối đa, "
        "Chỉ số (%), Xếp hạng, Số đơn vị, và tuỳ chọn một cột cho mỗi mã tiêu chí."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--as", dest="username", help="người nhập (mặc định: tài khoản vận hành OPERATOR_USERNAME)")

    def handle(self, path, username, **options):
        by = actor_or_error(username)
        try:
            with open(path, "rb") as file:
                count = history_import(rows=history_rows_from_xlsx(file), source=Path(path).name, by=by)
        except OSError as error:
            raise CommandError(str(error)) from None
        except HistoryImportRejected as rejected:
            raise CommandError("\n".join([f"{rejected}:", *problems_shown(rejected.problems)])) from None
        self.stdout.write(str(IMPORTED % {"count": count}))
