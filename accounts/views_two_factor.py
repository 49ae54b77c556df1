"""Enrolling a TOTP app and proving a code at sign-in (``two_factor.py``, ``TwoFactorRequiredMiddleware``)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import errors, two_factor
from .forms_two_factor import TokenForm


def _next_or_home(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect("home")


def _recovery_codes_page(request, codes):
    return render(request, "accounts/two_factor_codes.html", {"codes": codes})


@never_cache
@login_required
def two_factor_setup(request):
    """The QR code of a new secret; the first code the app shows confirms it and gives the recovery codes."""
    device = two_factor.totp_device_pending(user=request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        codes = two_factor.totp_enrol_confirm(request=request, device=device, token=form.cleaned_data["token"])
        if codes is not None:
            messages.success(request, _("Đã bật xác thực hai bước."))
            return _recovery_codes_page(request, codes)
        form.add_error("token", errors.TWO_FACTOR_ENROL_CODE_WRONG)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr_svg": two_factor.totp_qr_svg(device), "secret": two_factor.totp_secret_text(device),
        "required": two_factor.two_factor_required(request.user), "next": request.GET.get("next", ""),
    })


@never_cache
@login_required
def two_factor_verify(request):
    if request.user.is_verified():
        return _next_or_home(request)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if two_factor.two_factor_verify(request=request, token=form.cleaned_data["token"]):
            return _next_or_home(request)
        form.add_error("token", errors.TWO_FACTOR_CODE_WRONG)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": request.GET.get("next", "")})


@never_cache
@require_POST
@login_required
def recovery_codes_renew(request):
    """Ten new codes for a signed-in, verified account (the old ones stop working)."""
    if not request.user.is_verified():
        return redirect("two_factor_verify")
    return _recovery_codes_page(request, two_factor.recovery_codes_renew(user=request.user))
