"""Vietnamese messages of the appraisal, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

NOT_APPRAISING = _("Hồ sơ đang ở trạng thái “%(status)s”: không thể nhập điểm thẩm định.")
NOT_ASSIGNED = _("Tiêu chí “%(code)s” không được phân công cho bạn thẩm định.")
REASON = _("Lý do điều chỉnh")
REPUBLISH_REASON = _("Lý do phúc tra")
REASON_REQUIRED = _("Điểm thẩm định khác điểm tự chấm (%(self)s): cần nêu lý do điều chỉnh.")
STALE_VERSION = _(
    "Điểm thẩm định tiêu chí “%(code)s” vừa được %(who)s cập nhật (hiện là %(value)s). Tải lại trang trước khi lưu."
)
NOT_ALL_APPRAISED = _("Chưa thể công bố: các đơn vị sau chưa thẩm định xong: %(units)s.")
NO_CRITERIA_CHOSEN = _("Chọn ít nhất một tiêu chí cần giải trình.")
QUESTION_REQUIRED = _("Cần nêu nội dung đề nghị giải trình.")
QUESTION = _("Nội dung đề nghị giải trình")
ANSWER = _("Nội dung giải trình")
LEAVE_REASON = _("Lý do không giải trình")
ANSWER_REQUIRED = _("Cần nhập nội dung giải trình tiêu chí “%(code)s”.")
LEAVE_REASON_REQUIRED = _("Cần nêu lý do không giải trình tiêu chí “%(code)s”.")
ANSWER_TOO_LATE = _("Đã hết hạn giải trình tiêu chí “%(code)s” (%(deadline)s).")
BAD_DEADLINE = _("Hạn giải trình phải là một ngày dạng dd/mm/yyyy, từ hôm nay trở đi.")
NO_QUESTION = _("Tiêu chí “%(code)s” không có đề nghị giải trình nào.")
NOT_UNIT_MEMBER = _("Chỉ cán bộ của đơn vị được giải trình.")
ALREADY_PUBLISHED = _("Kỳ %(identifier)s đã công bố; sửa kết quả một đơn vị bằng phúc tra.")
NOT_YET_PUBLISHED = _("Kết quả của %(unit)s chưa công bố lần nào: công bố cả kỳ trên trang kỳ đánh giá.")
REPUBLISH_REASON_REQUIRED = _("Cần nêu lý do phúc tra để công bố lại kết quả.")
COUNCIL_CHOICE_REQUIRED = _("Chọn một cán bộ và chức danh trong Hội đồng.")
COUNCIL_SEAT_TAKEN = _("Hội đồng đã có %(position)s: %(name)s.")
COUNCIL_WRONG_PERSON = _("%(position)s là %(who)s (quyết định thành lập Hội đồng); %(name)s là %(role)s.")
COUNCIL_ALREADY_SEATED = _("%(name)s đã là %(position)s của Hội đồng.")
COUNCIL_OTHER_ORGANISER = _("%(name)s không thuộc %(organiser)s, cơ quan tổ chức kỳ đánh giá này.")
COUNCIL_INCOMPLETE = _("Hội đồng chưa đủ thành phần: cần %(missing)s.")
NOT_ON_COUNCIL = _("%(name)s không phải thành viên Hội đồng của kỳ này.")
NO_SUCH_CRITERIA = _("Không có tiêu chí “%(codes)s” trong bộ chỉ số.")
APPRAISAL_DEADLINE_PASSED = _(
    "Đã hết hạn thẩm định (%(deadline)s): chỉ %(office)s còn nhập điểm thẩm định và đề nghị giải trình."
)
QUESTIONS_UNANSWERED = _("Đề nghị giải trình không được trả lời trước hạn: %(codes)s.")
QUESTIONS_LEFT = _("Đơn vị không giải trình: %(items)s.")
NOT_A_LEAF = _("Tiêu chí “%(code)s” được tính tổng từ các tiêu chí con.")

# The district offices' assessment (``services_office_review``).
OFFICE_REVIEW_NOT_OFFICE = _("Chỉ %(office)s của %(organiser)s thiết lập phần đánh giá của các phòng.")
OFFICE_REVIEW_PUBLISHED = _("Kỳ %(identifier)s đã công bố: không thể đổi phần đánh giá của các phòng.")
OFFICE_REVIEW_BAD_MAX = _("Điểm tối đa của phần đánh giá của các phòng “%(value)s” phải là số lớn hơn 0, tối đa 3 chữ số thập phân.")
OFFICE_REVIEW_NO_CRITERIA = _("Chọn ít nhất một tiêu chí cho phần đánh giá của các phòng.")
OFFICE_REVIEW_UNKNOWN = _("Không có tiêu chí “%(codes)s” trong bộ chỉ số của kỳ.")
OFFICE_REVIEW_NOT_LEAVES = _(
    "Tiêu chí “%(codes)s” được tính tổng từ các tiêu chí con: chọn các tiêu chí thành phần của nó."
)
OFFICE_REVIEW_TITLE_REQUIRED = _("Cần nêu tên phần đánh giá của các phòng.")
OFFICE_REVIEW_SCORED_CRITERIA = _(
    "Không thể bỏ tiêu chí “%(codes)s” khỏi phần đánh giá của các phòng: đã có %(count)s điểm các phòng chấm trên "
    "các tiêu chí này, bỏ đi sẽ mất điểm. Giữ các tiêu chí đó (có thể thêm tiêu chí, đổi điểm tối đa)."
)
OFFICE_REVIEW_SCORED_PART = _(
    "Không thể bỏ phần đánh giá của các phòng: đã có %(count)s điểm các phòng chấm, bỏ phần sẽ mất các điểm đó."
)
OFFICE_REVIEW_NONE = _("Kỳ %(identifier)s không có phần đánh giá của các phòng.")
OFFICE_REVIEW_NOT_IN_PART = _("Tiêu chí “%(code)s” không thuộc phần đánh giá của các phòng.")
OFFICE_REVIEW_NOT_APPRAISING = _(
    "Hồ sơ đang ở trạng thái “%(status)s”: chỉ chấm điểm đánh giá của các phòng khi đang thẩm định."
)
OFFICE_REVIEW_NOT_ASSIGNED = _("Tiêu chí “%(code)s” không được phân công cho bạn hoặc phòng của bạn đánh giá.")
OFFICE_REVIEW_REASON = _("Nhận xét của phòng")
OFFICE_REVIEW_TITLE = _("Tên phần đánh giá của các phòng")


class AppraisalError(Exception):
    """An appraisal operation refused, with a message for the user."""
