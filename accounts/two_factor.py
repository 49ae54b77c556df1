"""Two-factor sign-in with django-otp: a TOTP app on the phone, and ten recovery codes for the day it is lost.

An account whose role ``TWO_FACTOR_REQUIRED_ROLES`` names enrols once (``totp_device_pending``, then
``totp_enrol_confirm`` with the first code its app shows) and then proves a code at every sign-in
(``two_factor_verify``); ``TwoFactorRequiredMiddleware`` leads it there before any other page.
"""
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import Actor, needs_two_factor

RECOVERY_CODE_COUNT = 10


def two_factor_required(user) -> bool:
    return user.is_authenticated and needs_two_factor(Actor.of(user), required_roles=settings.TWO_FACTOR_REQUIRED_ROLES)


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def devices_remove(*, user) -> bool:
    """Forget the account's app and its recovery codes (a lost phone): whether it had enrolled an app."""
    enrolled = is_enrolled(user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return enrolled


def totp_device_pending(*, user) -> TOTPDevice:
    """The device being enrolled: the same secret on every reload of the page until its first code is proved."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="ParIndex", confirmed=False)


def totp_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG, made here: the secret never leaves the server."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def totp_secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps that cannot read the QR code."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def totp_enrol_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """The first code from the app confirms the device and signs the session in with it; the answer is the
    new recovery codes, shown once (None when the code is wrong)."""
    if not device.verify_token(_cleaned(token)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()  # one phone per account
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """Ten new one-use codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_verify(*, request, token: str) -> bool:
    """A code from the app, or a recovery code (used up by this), signs the session in; False if neither."""
    device = match_token(request.user, _cleaned(token))
    if device is None:
        return False
    otp_login(request, device)
    return True


def _cleaned(token: str) -> str:
    """What people type: ``123 456`` from the app, ``ABCD EFGH`` copied from the printed codes."""
    return "".join(token.split()).lower()
