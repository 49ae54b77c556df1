"""The responsible offices of a framework version in Excel, as on its page: export the filled file, or import one."""
import os

from django.core.management.base import BaseCommand, CommandError

from config.commands import actor_or_error, framework_or_error, write_output
from config.excel import problems_shown
from frameworks.errors import OFFICES_SAVED, FrameworkError, OfficesRejected
from frameworks.excel import offices_import_xlsx, offices_template_xlsx


class Command(BaseCommand):
    help = (
        "Đơn vị phụ trách từng tiêu chí của một bộ chỉ số, bằng Excel (cột “Mã”, “Đơn vị phụ trách”): "
        "responsible_offices KEY -o TỆP.xlsx xuất tệp đang có; responsible_offices KEY --import TỆP.xlsx "
        "[--as TÊN_ĐĂNG_NHẬP] nhập (tất cả hoặc không)."
    )

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("-o", "--output", help="ghi tệp Excel đang có vào đây")
        parser.add_argument("--import", dest="path", help="tệp Excel để nhập")
        parser.add_argument("--as", dest="username", help="người của cơ quan Nội vụ (mặc định: người vận hành)")

    def handle(self, key, output, path, username, **options):
        framework = framework_or_error(key)
        if not path:
            write_output(self, offices_template_xlsx(framework), output)
            return
        by = actor_or_error(username)
        try:
            with open(path, "rb") as file:
                changed = offices_import_xlsx(framework=framework, file=file, by=by, reason=os.path.basename(path))
        except OSError as error:
            raise CommandError(str(error)) from None
        except OfficesRejected as rejected:
            raise CommandError("\n".join([str(rejected), *problems_shown(rejected.problems)])) from None
        except FrameworkError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(OFFICES_SAVED % {"count": changed}))
