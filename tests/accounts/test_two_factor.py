"""Office, council and administrator accounts enrol a TOTP app and prove a code at every sign-in, when
``TWO_FACTOR_REQUIRED_ROLES`` says so (production); ten recovery codes, each good once, stand in for a lost phone."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.access import Actor, needs_two_factor
from accounts.roles import Role

from support import PASSWORD

OFFICE_COUNCIL_ADMIN = frozenset({"secretariat", "council_member", "admin"})


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = OFFICE_COUNCIL_ADMIN


def sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response["Location"])


def code_now(device):
    """What the phone's app shows now, computed from the secret as any TOTP app does."""
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{totp.token():0{device.digits}d}"


def enrol(client, user):
    """Sign in, enrol from the setup page's secret, and hand back the recovery codes shown."""
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("two_factor_setup"), {"token": code_now(device)})
    assert response.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())


@pytest.mark.parametrize("role, needed", [
    (Role.SECRETARIAT, True), (Role.COUNCIL_MEMBER, True), (Role.ADMIN, True),
    (Role.LEADERSHIP, False), (Role.UNIT_HEAD, False), (Role.UNIT_STAFF, False), (None, False),
])
def test_the_setting_names_the_roles_that_need_a_second_factor(role, needed):
    assert needs_two_factor(Actor(role), required_roles=OFFICE_COUNCIL_ADMIN) is needed
    assert needs_two_factor(Actor(role), required_roles=frozenset()) is False


def test_production_requires_it_of_office_council_and_administrators_and_tests_do_not(settings):
    assert settings.TWO_FACTOR_REQUIRED_ROLES == frozenset()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "k" * 60,
           "ALLOWED_HOSTS": "cchc.example.gov.vn"}
    env.pop("TWO_FACTOR_REQUIRED_ROLES", None)
    shown = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from django.conf import settings; print(','.join(sorted(settings.TWO_FACTOR_REQUIRED_ROLES)))"],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=120)
    assert shown.stdout.strip().splitlines()[-1] == "admin,council_member,secretariat", shown.stderr


def test_an_office_account_without_a_device_is_sent_to_enrolment_before_anything_else(required, client, secretariat):
    response = sign_in(client, secretariat)
    assert response.status_code == 302
    assert response["Location"] == reverse("two_factor_setup")
    for page in (reverse("periods:list"), reverse("password_change"), reverse("two_factor_verify")):
        assert client.get(page)["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "Bật xác thực hai bước" in page and "<svg" in page and "<path" in page  # the QR code, made here


def test_enrolment_with_the_apps_code_gives_ten_recovery_codes_and_opens_the_pages(required, client, secretariat):
    sign_in(client, secretariat)
    codes = enrol(client, secretariat)
    assert len(codes) == len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=secretariat).confirmed
    assert client.get(reverse("periods:list")).status_code == 200


def test_enrolment_refuses_a_wrong_code_and_keeps_the_device_unconfirmed(required, client, secretariat):
    sign_in(client, secretariat)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=secretariat)
    wrong = f"{(int(code_now(device)) + 1) % 1000000:06d}"
    response = client.post(reverse("two_factor_setup"), {"token": wrong})
    assert "Mã không khớp" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(reverse("periods:list"))["Location"].startswith(reverse("two_factor_setup"))


def test_the_same_secret_is_shown_on_every_reload_until_it_is_confirmed(required, client, secretariat):
    sign_in(client, secretariat)
    secret = re.compile(r'<code data-testid="secret">([A-Z2-7 ]+)</code>')
    first = secret.search(client.get(reverse("two_factor_setup")).content.decode()).group(1)
    assert secret.search(client.get(reverse("two_factor_setup")).content.decode()).group(1) == first
    assert TOTPDevice.objects.filter(user=secretariat).count() == 1


def test_every_later_sign_in_asks_for_a_code_and_then_goes_where_it_was_asked_to(required, client, council_member):
    sign_in(client, council_member)
    enrol(client, council_member)
    client.post(reverse("logout"))
    response = client.post(reverse("login"), {"username": council_member.username, "password": PASSWORD,
                                              "next": reverse("periods:list")})
    response = client.get(response["Location"])
    assert response["Location"] == f"{reverse('two_factor_verify')}?next=%2Fky-danh-gia%2F"
    device = TOTPDevice.objects.get(user=council_member)
    device.last_t = -1  # the code of enrolment's time step may be used once more at sign-in in this test
    device.save(update_fields=["last_t"])
    response = client.post(reverse("two_factor_verify"), {"token": code_now(device), "next": reverse("periods:list")})
    assert response["Location"] == reverse("periods:list")
    assert client.get(reverse("periods:list")).status_code == 200


def test_a_wrong_code_is_refused_at_sign_in(required, client, secretariat):
    sign_in(client, secretariat)
    enrol(client, secretariat)
    client.post(reverse("logout"))
    sign_in(client, secretariat)
    response = client.post(reverse("two_factor_verify"), {"token": "000000"})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert client.get(reverse("periods:list"))["Location"].startswith(reverse("two_factor_verify"))
    assert "Nhập mã 6 chữ số" in client.post(reverse("two_factor_verify"), {"token": ""}).content.decode()


def test_a_recovery_code_signs_in_once(required, client, secretariat):
    sign_in(client, secretariat)
    codes = enrol(client, secretariat)
    for attempt in ("first", "second"):
        client.post(reverse("logout"))
        sign_in(client, secretariat)
        response = client.post(reverse("two_factor_verify"), {"token": codes[0].upper()})
        if attempt == "first":
            assert response["Location"] == reverse("home")
        else:
            assert "Mã xác thực không đúng" in response.content.decode()
    assert StaticToken.objects.filter(device__user=secretariat).count() == 9


def test_new_recovery_codes_replace_the_old_ones(required, client, secretariat):
    sign_in(client, secretariat)
    old = enrol(client, secretariat)
    page = client.post(reverse("recovery_codes_renew")).content.decode()
    new = re.findall(r"<li><code>(\w+)</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.filter(device__user=secretariat).values_list("token", flat=True)) == set(new)


@pytest.mark.parametrize("fixture", ["ward_staff", "ward_head", "leadership"])
def test_roles_not_required_sign_in_with_the_password_alone(required, client, request, fixture):
    user = request.getfixturevalue(fixture)
    response = sign_in(client, user)
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_without_the_setting_nobody_is_asked(client, secretariat):
    assert sign_in(client, secretariat).status_code == 200


def test_an_office_account_with_a_one_time_password_proves_its_code_first_then_changes_it(
        required, client, secretariat):
    secretariat.must_change_password = True
    secretariat.save(update_fields=["must_change_password"])
    sign_in(client, secretariat)
    enrol(client, secretariat)
    assert client.get(reverse("periods:list"))["Location"] == reverse("password_change")
