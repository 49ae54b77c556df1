from django.core.management.base import BaseCommand, CommandError

from accounts import errors
from accounts.errors import AccountError
from accounts.excel import ImportRejected, users_import_xlsx
from accounts.models import User
from assessments.errors import USER_NOT_FOUND
from config.commands import write_output

COLUMNS = ("Tên đăng nhập", "Mật khẩu dùng một lần", "Họ và tên", "Mã đơn vị")


class Command(BaseCommand):
    help = (
        "Tạo tài khoản từ danh sách Excel (tất cả hoặc không tài khoản nào), như trang Tài khoản: "
        "import_users TỆP.xlsx [-o TỆP_MẬT_KHẨU] [--as TÊN_ĐĂNG_NHẬP]. Mật khẩu dùng một lần in ra màn hình, "
        "hoặc ghi vào tệp -o (dạng bảng, cách nhau bằng tab)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("-o", "--output", help="ghi tên đăng nhập và mật khẩu dùng một lần vào tệp này")
        parser.add_argument("--as", dest="username",
                            help="người của cơ quan Nội vụ ghi trong lịch sử (mặc định: người vận hành, dòng lệnh)")

    def handle(self, path, output, username, **options):
        by = None
        if username:
            by = User.objects.filter(is_active=True, username=username).first()
            if by is None:
                raise CommandError(str(USER_NOT_FOUND % {"username": username}))
        try:
            with open(path, "rb") as file:
                issued = users_import_xlsx(file=file, by=by)
        except OSError as error:
            raise CommandError(str(error)) from None
        except ImportRejected as rejected:
            raise CommandError("\n".join([f"{rejected}:", *rejected.rows])) from None
        except AccountError as error:
            raise CommandError(str(error)) from None
        table = "\n".join("\t".join(row) for row in [COLUMNS, *(
            (i.user.username, i.password, i.user.display_name, i.user.unit.code if i.user.unit else "")
            for i in issued)])
        write_output(self, table, output)
        if output:
            self.stdout.write(str(errors.EXCEL_IMPORTED % {"count": len(issued)}))
