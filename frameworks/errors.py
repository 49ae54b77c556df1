"""Vietnamese messages of the frameworks app, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

FRAMEWORK_IN_USE = _("Bộ chỉ số “%(key)s” đã được dùng cho kỳ đánh giá; mọi thay đổi phải là một phiên bản mới.")
FRAMEWORK_NOT_FOUND = _("Không có bộ chỉ số “%(key)s”.")
NODE_NOT_FOUND = _("Bộ chỉ số “%(key)s” không có tiêu chí “%(code)s”.")
FIXTURE_INVALID = _("Tệp bộ chỉ số “%(file)s” không hợp lệ: %(problem)s")
SUM_MISMATCH = _("“%(code)s”: điểm tối đa công bố %(declared)s nhưng tổng các tiêu chí con là %(children_sum)s.")


class FrameworkError(Exception):
    """An operation on a framework refused with a message for the user."""


# Responsible offices (``services.responsible_offices_set``, ``excel.py``): each problem names where it is,
# "Dòng 4: …" in an Excel file, "Tiêu chí 2.1: …" on the page.
OFFICES_NOT_ALLOWED = _("Chỉ %(office)s được sửa đơn vị phụ trách.")  # the refused user's own office
OFFICES_AT_ROW = _("Dòng %(row)s: %(problem)s")
OFFICES_AT_CODE = _("Tiêu chí %(code)s: %(problem)s")
OFFICES_UNKNOWN_CODE = _("bộ chỉ số không có tiêu chí “%(code)s”.")
OFFICES_CODE_REQUIRED = _("cần ghi mã tiêu chí.")
OFFICES_DUPLICATE_CODE = _("tiêu chí “%(code)s” đã có ở dòng %(first)s.")
OFFICES_UNKNOWN_OFFICE = _("“%(name)s” không phải tên một phòng, ban trong danh sách đơn vị (ghi đúng tên, cách nhau bằng dấu “;”).")
OFFICES_REJECTED = _("Có %(count)s lỗi, chưa lưu đơn vị phụ trách nào.")
OFFICES_NO_HEADER = _("Không tìm thấy dòng tiêu đề có đủ các cột: %(columns)s.")
OFFICES_EMPTY = _("Tệp không có dòng tiêu chí nào.")
OFFICES_NO_FILE = _("Chọn tệp Excel (.xlsx) để nhập.")
OFFICES_SAVED = _("Đã lưu đơn vị phụ trách của %(count)s tiêu chí.")


class OfficesRejected(FrameworkError):
    """Responsible offices refused as a whole; ``problems`` lists every one, each saying where it is."""

    def __init__(self, problems: list):
        super().__init__(str(OFFICES_REJECTED % {"count": len(problems)}))
        self.problems = [str(problem) for problem in problems]
