"""Vietnamese messages of the frameworks app, defined once so tests can assert on them."""
from django.utils.translation import gettext_lazy as _

FRAMEWORK_IN_USE = _("Bộ chỉ số “%(key)s” đã được dùng cho kỳ đánh giá; mọi thay đổi phải là một phiên bản mới.")
FRAMEWORK_NOT_FOUND = _("Không có bộ chỉ số “%(key)s”.")
NODE_NOT_FOUND = _("Bộ chỉ số “%(key)s” không có tiêu chí “%(code)s”.")
FIXTURE_INVALID = _("Tệp bộ chỉ số “%(file)s” không hợp lệ: %(problem)s")
SUM_MISMATCH = _("“%(code)s”: điểm tối đa công bố %(declared)s nhưng tổng các tiêu chí con là %(children_sum)s.")


class FrameworkError(Exception):
    """An operation on a framework refused with a message for the user."""
