"""Messages for the user, defined once; ``%(name)s`` is the input's name (dotted when nested)."""
from django.utils.translation import gettext_lazy

MISSING_INPUT = gettext_lazy("Thiếu giá trị cho “%(name)s”.")
NOT_A_NUMBER = gettext_lazy("“%(name)s” phải là một số.")
NEGATIVE = gettext_lazy("“%(name)s” phải là số không âm.")
NOT_WHOLE = gettext_lazy("“%(name)s” phải là số nguyên không âm.")
NOT_YES_NO = gettext_lazy("“%(name)s” phải là có hoặc không.")
UNKNOWN_CHOICE = gettext_lazy("“%(value)s” không phải là một lựa chọn của “%(name)s”.")
ZERO_DENOMINATOR = gettext_lazy("“%(name)s” phải lớn hơn 0.")
ABOVE_MAX = gettext_lazy("“%(name)s” không được lớn hơn điểm tối đa %(max)s.")
NOT_A_MULTIPLE = gettext_lazy("“%(name)s” phải là bội số của %(step)s.")
TOO_LARGE = gettext_lazy("“%(name)s” quá lớn.")
CONSTRAINT_BROKEN = {
    "<=": gettext_lazy("“%(name)s” không được lớn hơn “%(other)s”."),
    "<": gettext_lazy("“%(name)s” phải nhỏ hơn “%(other)s”."),
    ">=": gettext_lazy("“%(name)s” không được nhỏ hơn “%(other)s”."),
    ">": gettext_lazy("“%(name)s” phải lớn hơn “%(other)s”."),
}
