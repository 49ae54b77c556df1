from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Role

# (label, url name, roles that see it); None means every signed-in user.
_NAVIGATION = [
    (_("Trang chủ"), "home", None),
    (_("Hồ sơ đánh giá"), "assessments:list", None),
    (_("Kỳ đánh giá"), "periods:list", {Role.SECRETARIAT, Role.ADMIN, Role.COUNCIL_MEMBER, Role.LEADERSHIP}),
    (_("Kết quả"), "dashboard:index", {Role.SECRETARIAT, Role.ADMIN, Role.COUNCIL_MEMBER, Role.LEADERSHIP}),
    (_("Bộ chỉ số"), "frameworks:list", None),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for label, url_name, roles in _NAVIGATION:
        if roles is None or user.is_superuser or user.role in roles:
            items.append({"label": label, "url": reverse(url_name)})
    return {"nav_items": items, "unread_notifications": user.notifications.filter(read_at=None).count()}
