"""Vietnamese messages of account management, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

from config.excel import NOT_AN_EXCEL_FILE

NO_PERMISSION = _("Bạn không có quyền quản lý tài khoản này.")
FULL_NAME_REQUIRED = _("Cần nhập họ và tên.")
USERNAME_REQUIRED = _("Cần nhập tên đăng nhập.")
USERNAME_INVALID = _("Tên đăng nhập “%(username)s” chỉ được gồm chữ, số và các dấu . @ + - _.")
USERNAME_TAKEN = _("Tên đăng nhập “%(username)s” đã có.")
EMAIL_INVALID = _("Email “%(email)s” không hợp lệ.")
ROLE_UNKNOWN = _("Vai trò “%(role)s” không có (ghi tên vai trò, ví dụ “Cán bộ đơn vị”, hoặc mã, ví dụ unit_staff).")
ROLE_NOT_ALLOWED = _("Không được cấp vai trò “%(role)s” ở đây.")
UNIT_REQUIRED = _("Vai trò “%(role)s” cần một đơn vị.")
UNIT_UNKNOWN = _("Mã đơn vị “%(code)s” không có.")
DIVISION_REQUIRED = _("Vai trò “%(role)s” cần tên bộ phận, cơ quan tham mưu (ví dụ “Bộ phận Kinh tế”, “Sở Nội vụ”).")
DIVISION_TOO_LONG = _("Tên bộ phận dài quá %(limit)s ký tự.")
UNIT_OUTSIDE = _("Đơn vị “%(unit)s” không thuộc cơ quan tổ chức đánh giá của bạn.")
UNIT_OUTSIDE_NONE = _("Cần chọn một đơn vị thuộc cơ quan tổ chức đánh giá của bạn.")
CANNOT_DISABLE_SELF = _("Không thể tự khóa tài khoản của chính mình.")

CREATED = _("Tạo tài khoản")
UPDATED = _("Sửa tài khoản")
PASSWORD_RESET = _("Cấp lại mật khẩu dùng một lần")
TWO_FACTOR_RESET = _("Đặt lại xác thực hai bước (điện thoại và mã khôi phục cũ không còn dùng được)")
TWO_FACTOR_NOT_ENROLLED = _("Tài khoản %(username)s chưa bật xác thực hai bước: không có gì để đặt lại.")

# The Excel list (``excel.py``); a row's problem reads "Dòng 3: …", the row number Excel shows.
EXCEL_UNREADABLE = NOT_AN_EXCEL_FILE
EXCEL_NO_HEADER = _("Không tìm thấy dòng tiêu đề có đủ các cột: %(columns)s.")
EXCEL_ROW = _("Dòng %(row)s: %(problem)s")
EXCEL_DUPLICATE_USERNAME = _("Tên đăng nhập “%(username)s” đã có ở dòng %(first)s.")
EXCEL_EMPTY = _("Tệp không có dòng tài khoản nào.")
EXCEL_REJECTED = _("Danh sách có %(count)s lỗi, chưa tạo tài khoản nào")
EXCEL_IMPORTED = _("Đã tạo %(count)s tài khoản.")
EXCEL_IMPORTED_ONCE = _("Đã tạo %(count)s tài khoản. Mật khẩu dùng một lần chỉ có trong tệp kết quả, do người gửi "
                        "danh sách tải về một lần; khi đăng nhập lần đầu, mỗi người phải đổi mật khẩu.")
EXCEL_NO_FILE = _("Chọn tệp Excel (.xlsx) để nhập.")


class AccountError(Exception):
    """An account write refused; ``problems`` maps a field name (None for the whole form) to its message."""

    def __init__(self, problems: dict):
        super().__init__(" ".join(str(message) for message in problems.values()))
        self.problems = problems

# Two-factor sign-in (``two_factor.py``).
TWO_FACTOR_CODE_REQUIRED = _("Nhập mã 6 chữ số từ ứng dụng xác thực, hoặc một mã khôi phục.")
TWO_FACTOR_CODE_WRONG = _("Mã xác thực không đúng hoặc đã hết hạn (mỗi mã khôi phục chỉ dùng được một lần).")
TWO_FACTOR_ENROL_CODE_WRONG = _("Mã không khớp: kiểm tra giờ trên điện thoại rồi nhập mã đang hiện trong ứng dụng.")
