"""Vietnamese messages of self-assessment, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

from config.excel import NOT_AN_EXCEL_FILE, problems_shown

NOT_EDITABLE_STATUS = _("Hồ sơ đang ở trạng thái “%(status)s”: không thể sửa điểm tự chấm.")
# ``office``: the period organiser's Nội vụ office, ``organizations.hierarchy.home_affairs_office``.
DEADLINE_PASSED = _("Đã hết hạn tự đánh giá (%(deadline)s). Liên hệ %(office)s để được mở lại.")
SURVEY_SCORED = _("Tiêu chí “%(code)s” được chấm bằng kết quả điều tra, không tự chấm hay thẩm định.")
NOT_A_LEAF = _("Tiêu chí “%(code)s” được tính tổng từ các tiêu chí con, không nhập điểm trực tiếp.")
STALE_VERSION = _(
    "Tiêu chí “%(code)s” vừa được %(who)s cập nhật (điểm hiện tại: %(value)s). "
    "Tải lại trang để xem bản mới nhất trước khi lưu."
)
NO_PERMISSION = _("Bạn không có quyền sửa điểm tự chấm của đơn vị này.")
UNKNOWN_UNITS = _("Không có đơn vị: %(codes)s.")
WRONG_UNIT_KIND = _("Đơn vị “%(code)s” không thuộc loại mà bộ chỉ số “%(key)s” áp dụng.")
PERIOD_EXISTS = _("Kỳ đánh giá %(identifier)s đã có.")
NO_UNITS = _("Không có đơn vị nào để đánh giá với bộ chỉ số “%(key)s”.")
PERIOD_NOT_FOUND = _("Không có kỳ đánh giá “%(identifier)s” (dạng MÃ/NĂM, ví dụ hoangmai-phuong-2024/2024).")
PERIOD_AMBIGUOUS = _("Có nhiều kỳ đánh giá “%(identifier)s”; ghi thêm mã cơ quan tổ chức đánh giá: %(choices)s.")
NO_ORGANISER = _("Chưa rõ cơ quan tổ chức đánh giá: tài khoản phải thuộc một quận/huyện hoặc thành phố (hoặc ghi --organiser MÃ).")
UNIT_OF_ANOTHER_ORGANISER = _("Đơn vị %(code)s không do %(organiser)s đánh giá.")
NOT_YOUR_ORGANISER = _("Chỉ %(office)s của %(organiser)s được mở kỳ đánh giá của cơ quan này.")
NOT_AN_ORGANISER = _("“%(code)s” không phải là quận/huyện hay thành phố tổ chức đánh giá.")
ASSESSMENT_NOT_FOUND = _("Đơn vị “%(code)s” không được đánh giá trong kỳ %(identifier)s.")
REOPEN_REASON_REQUIRED = _("Cần nêu lý do mở lại hồ sơ.")
REOPEN_REASON = _("Lý do mở lại")
EXCLUDE_REASON = _("Lý do đưa ra khỏi kỳ đánh giá")
INCLUDE_REASON = _("Lý do đưa trở lại kỳ đánh giá")
FILE_TOO_LARGE = _("Tệp “%(name)s” lớn hơn %(limit)s MB.")
FILE_TYPE_REFUSED = _("Tệp “%(name)s” không phải PDF, DOCX, XLSX, JPG hoặc PNG (kiểm tra theo nội dung tệp).")
EVIDENCE_EMPTY = _("Cần tải lên một tệp hoặc nhập số, ký hiệu của văn bản.")
EXPLANATION = _("Giải trình")
NOT_ASSESSED_NOT_ALLOWED = _("Tiêu chí “%(code)s” áp dụng cho mọi đơn vị: không thể đánh dấu “Không đánh giá”.")
NOT_ASSESSED_REASON_REQUIRED = _("Tiêu chí “%(code)s” đánh dấu “Không đánh giá”: cần nêu lý do ở ô “%(field)s”.")
EVIDENCE_NO_CRITERIA = _("Chọn ít nhất một tiêu chí mà tài liệu này chứng minh.")
EVIDENCE_REPLACEMENT_MISSING = _("Chọn tệp mới để thay cho tài liệu “%(title)s”.")
EVIDENCE_TITLE = _("Tên tài liệu")
EVIDENCE_NUMBER = _("Số, ký hiệu")
EVIDENCE_ISSUER = _("Cơ quan ban hành")


class AssessmentError(Exception):
    """A self-assessment operation refused, with a message for the user."""


# Excel both ways (``excel.py``); a row's problem reads "Dòng 12: …", the row number Excel shows.
EXCEL_UNREADABLE = NOT_AN_EXCEL_FILE  # one message for both imports, defined with the shared reader
EXCEL_NO_HEADER = _("Không tìm thấy dòng tiêu đề có đủ các cột: %(columns)s.")
EXCEL_ROW = _("Dòng %(row)s: %(problem)s")
EXCEL_UNKNOWN_CODE = _("mã “%(code)s” không có trong bộ chỉ số.")
EXCEL_DUPLICATE_CODE = _("mã “%(code)s” đã có ở dòng %(first)s.")
EXCEL_PARENT_TYPED = _("“%(code)s” là tiêu chí tổng hợp, không nhập điểm.")
EXCEL_NOT_AN_OUTCOME = _("“%(name)s” phải là một trong các mức điểm: %(scores)s.")
EXCEL_EXPLANATION_WITHOUT_SCORE = _(
    "tiêu chí “%(code)s” có giải trình nhưng chưa có “%(score)s”: nhập điểm, hoặc xóa giải trình.")
EXCEL_MISSING_LEAF = _("Thiếu dòng của tiêu chí “%(code)s”.")
EXCEL_REJECTED = _("Tệp Excel có %(count)s lỗi, chưa nhập điểm nào")
EXCEL_IMPORTED = _("Đã nhập %(count)s điểm tự chấm.")
EXCEL_NO_FILE = _("Chọn tệp Excel (.xlsx) để nhập.")
EXCEL_NOT_ASSESSED_NOTE = _(
    "Tiêu chí chỉ áp dụng %(applies_only)s: đơn vị không thuộc diện áp dụng ghi “%(mark)s” vào ô này và nêu lý "
    "do ở cột “%(field)s”."
)
EXCEL_RULE_DRIVEN_NOTE = _(
    "Tiêu chí tính điểm theo số liệu (công thức, khoảng, lựa chọn…): nhập thẳng số điểm đã tính vào cột "
    "“Điểm tự chấm” (từ 0 đến điểm tối đa) và ghi số liệu vào cột “Giải trình”; hệ thống không tính lại."
)
USER_NOT_FOUND = _("Không có người dùng đang hoạt động “%(username)s”; chỉ rõ người thực hiện bằng --as.")


def problems_listed(problems: list[str]) -> str:
    """A rejected file's problems for one message: the first ones, then how many more there are.

    Each problem is a sentence with its own full stop, so they follow one another ("….; …" otherwise).
    """
    return " ".join(problems_shown(problems))


ON_BEHALF = _("%(office)s nhập thay %(unit)s: %(reason)s")
ON_BEHALF_REASON = _("Lý do nhập thay")
EXCLUDE_REASON_REQUIRED = _("Cần nêu lý do đưa đơn vị ra khỏi kỳ đánh giá (sáp nhập, giải thể, chưa hoạt động…).")
INCLUDE_REASON_REQUIRED = _("Cần nêu lý do đưa đơn vị trở lại kỳ đánh giá.")
ALREADY_EXCLUDED = _("%(unit)s đã không tham gia kỳ đánh giá này.")
NOT_EXCLUDED = _("%(unit)s đang tham gia kỳ đánh giá này.")
PERIOD_ALREADY_PUBLISHED = _("Kỳ %(identifier)s đã công bố: không thể thay đổi đơn vị tham gia.")
DIFFICULTIES = _("Khó khăn, vướng mắc và đề xuất, kiến nghị")
FINDINGS = _("Nhận xét, đánh giá và đề xuất")
FINDINGS_NOT_ALLOWED = _("Chỉ %(office)s soạn báo cáo kết quả Chỉ số CCHC của kỳ.")
