from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organizations.hierarchy import home_affairs_office

from .access import Actor, may_open_account_pages, may_read_results

# (label, url name, who sees it); None means every signed-in user.
_NAVIGATION = [
    (_("Trang chủ"), "home", None),
    (_("Hồ sơ đánh giá"), "assessments:list", None),
    (_("Kỳ đánh giá"), "periods:list", may_read_results),
    (_("Kết quả"), "dashboard:index", may_read_results),
    (_("Cải thiện chỉ số"), "improvement:list", None),
    (_("Bộ chỉ số"), "frameworks:list", None),
    (_("Tài khoản"), "accounts:list", may_open_account_pages),
]


def navigation(request):
    """The menu, and the name of the user's Nội vụ office for the pages' wording ("Liên hệ Sở Nội vụ…"):
    the login backend loaded the unit's parents, so naming it takes no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "home_affairs_office": home_affairs_office(None)}
    actor = Actor.of(user)
    items = [{"label": label, "url": reverse(url_name)}
             for label, url_name, allowed in _NAVIGATION if allowed is None or allowed(actor)]
    return {"nav_items": items, "unread_notifications": user.notifications.filter(read_at=None).count(),
            "home_affairs_office": home_affairs_office(user.unit if user.unit_id else None)}
