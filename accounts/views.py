from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import Notification


@login_required
def home(request):
    return render(request, "accounts/home.html", selectors.landing_for_user(
        user=request.user, page=request.GET.get("trang"),
        units_page=request.GET.get(selectors.LANDING_UNITS_PAGE_PARAM)))


@login_required
def unit_detail(request, code):
    unit = selectors.get_unit_for_user(request.user, code)
    return render(request, "accounts/unit_detail.html", selectors.unit_overview(unit=unit))


@login_required
def notifications(request):
    """The user's in-app messages, newest first; opening the page marks them read."""
    page = Paginator(request.user.notifications.all(), 30).get_page(request.GET.get("trang"))
    unread = [n.pk for n in page if n.read_at is None]
    response = render(request, "accounts/notifications.html", {"page": page, "unread_ids": set(unread)})
    Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Changing one's password, also where a one-time password leads (``PasswordChangeRequiredMiddleware``)."""

    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return super().form_valid(form)
