"""Vietnamese messages of the contributors' work inside a unit, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

NOT_ASSIGNED = _("Tiêu chí %(codes)s không được phân công cho bộ phận của bạn: bộ phận chỉ chấm điểm và gửi tài "
                 "liệu kiểm chứng cho các tiêu chí được phân công.")
NO_PERMISSION_ASSIGN = _("Chỉ Thủ trưởng hoặc cán bộ của đơn vị được phân công tiêu chí cho các bộ phận.")
NO_PERMISSION_REVIEW = _("Chỉ Thủ trưởng đơn vị đánh dấu tiêu chí đã xem xét.")
NOT_A_CONTRIBUTOR = _("“%(name)s” không phải bộ phận tham mưu đang hoạt động của %(unit)s.")
NO_SUCH_CRITERIA = _("Không có tiêu chí “%(codes)s” trong bộ chỉ số.")
NOT_EDITABLE_STATUS = _("Hồ sơ đang ở trạng thái “%(status)s”: không thể phân công hay xem xét tiêu chí.")
NOBODY_ASSIGNED = _("Tiêu chí “%(code)s” chưa được phân công cho bộ phận nào.")
NOT_SCORED_YET = _("Tiêu chí “%(code)s” chưa được chấm điểm: chưa có gì để xem xét.")


class ContributorError(Exception):
    """An assignment or review refused, with a message for the user."""
