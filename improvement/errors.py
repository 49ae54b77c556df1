"""Vietnamese messages of targets and improvement plans, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

from assessments.errors import EXCEL_NO_HEADER as NO_HEADER  # noqa: F401 (one message for every import)
from assessments.errors import EXCEL_ROW as ROW  # noqa: F401

NO_PERMISSION = _("Bạn không có quyền sửa kế hoạch cải thiện của đơn vị này.")
UNKNOWN_CRITERION = _("Tiêu chí “%(code)s” không có trong bộ chỉ số của kế hoạch.")
UNKNOWN_TARGET = _("Kế hoạch chưa có tiêu chí “%(code)s”; cần ghi “%(title)s” và “%(max)s” để thêm.")
ABOVE_MAX = _("Chỉ tiêu của tiêu chí “%(code)s” (%(value)s) lớn hơn điểm tối đa %(max)s.")
DUPLICATE_CODE = _("tiêu chí “%(code)s” đã có ở dòng %(first)s.")
NO_ROWS = _("Tệp không có dòng chỉ tiêu nào dưới dòng tiêu đề.")
REJECTED = _("Tệp có %(count)s lỗi, chưa nhập chỉ tiêu nào")
IMPORTED = _("Đã nhập %(count)s chỉ tiêu.")
TARGETS_SAVED = _("Đã lưu %(count)s chỉ tiêu.")
TARGET = _("Chỉ tiêu")
MAX_POINTS = _("Điểm tối đa")


class ImprovementError(Exception):
    """A plan operation refused, with a message for the user."""


class ImportRejected(ImprovementError):
    """A file refused as a whole; ``problems`` lists every one, each naming its row."""

    def __init__(self, problems: list[str]):
        super().__init__(str(REJECTED % {"count": len(problems)}))
        self.problems = problems

TASK_TITLE = _("Nội dung nhiệm vụ")
TASK_LEAD = _("Cơ quan chủ trì")
TASK_DEADLINE = _("Thời hạn hoàn thành")
TASK_NOTE = _("Tiến độ")
REQUIRED = _("Cần nhập “%(name)s”.")
BAD_DATE = _("“%(name)s” phải là ngày dạng dd/mm/yyyy, không phải “%(value)s”.")
BAD_STATUS = _("Trạng thái “%(value)s” không có.")
UNKNOWN_TASK_CRITERIA = _("Tiêu chí liên quan không có trong kế hoạch: %(codes)s.")
TASK_ADDED = _("Đã thêm nhiệm vụ %(number)s.")
TASK_UPDATED = _("Đã cập nhật nhiệm vụ %(number)s.")
REMINDER = _("Nhắc: nhiệm vụ %(number)s của %(plan)s (%(title)s) đã quá hạn %(deadline)s, chưa hoàn thành.")
REMINDER_SUBJECT = "[ParIndex] Nhiệm vụ quá hạn: %(plan)s"
PLAN_EXISTS = _("%(unit)s đã có kế hoạch năm %(year)s.")
PLAN_NO_FAMILY = _("Chọn bộ chỉ số: %(unit)s chưa gắn với họ bộ chỉ số nào.")
PLAN_BAD_YEAR = _("Năm phải là số từ 2000 đến 2100.")
PLAN_UNKNOWN_UNIT = _("Không có đơn vị “%(code)s”.")
PLAN_CREATED = _("Đã tạo kế hoạch năm %(year)s của %(unit)s.")
