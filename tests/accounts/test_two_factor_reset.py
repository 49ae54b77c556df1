"""A lost phone and lost recovery codes: whoever manages the account resets its two-factor on the account's
page, the history says who reset whom, and the owner enrols again at the next sign-in."""
import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.errors import AccountError
from accounts.services import user_reset_two_factor
from accounts.two_factor import recovery_codes_renew

from support import PASSWORD


@pytest.fixture
def enrolled(council_member):
    """Carol of the council, with her phone's app and ten recovery codes."""
    TOTPDevice.objects.create(user=council_member, name="ParIndex", confirmed=True)
    recovery_codes_renew(user=council_member)
    return council_member


def reset_url(user):
    return reverse("accounts:reset_two_factor", args=[user.pk])


def devices_of(user):
    return (TOTPDevice.objects.filter(user=user).count(), StaticDevice.objects.filter(user=user).count(),
            StaticToken.objects.filter(device__user=user).count())


def test_the_account_page_offers_the_reset_behind_a_confirmation(client_for, secretariat, enrolled, council_member):
    page = client_for(secretariat).get(reverse("accounts:edit", args=[enrolled.pk])).content.decode()
    assert "Xác thực hai bước: đã bật." in page
    assert '<summary class="button" role="button">Đặt lại xác thực hai bước</summary>' in page
    assert "Xác nhận: đặt lại xác thực hai bước" in page


def test_the_office_resets_it_and_the_history_says_who_reset_whom(client_for, secretariat, enrolled):
    response = client_for(secretariat).post(reset_url(enrolled), follow=True)

    assert devices_of(enrolled) == (0, 0, 0)
    html = response.content.decode()
    assert "Đã đặt lại xác thực hai bước của carol" in html and "Xác thực hai bước: chưa bật." in html
    newest = enrolled.history.first()
    assert (newest.history_user, newest.history_type) == (secretariat, "~")
    assert newest.history_change_reason.startswith("Đặt lại xác thực hai bước")
    assert "Đặt lại xác thực hai bước (điện thoại và mã khôi phục cũ không còn dùng được)" in html  # the history table


def test_the_owner_enrols_again_at_the_next_sign_in(settings, client_for, secretariat, enrolled):
    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset({"council_member"})
    owner = Client()
    owner.post(reverse("login"), {"username": enrolled.username, "password": PASSWORD})
    assert owner.get(reverse("periods:list"))["Location"].startswith(reverse("two_factor_verify"))

    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset()  # the office, signed in without a second factor here
    client_for(secretariat).post(reset_url(enrolled))
    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset({"council_member"})

    # Her session holds no proven device any more, and no code of the old ones would do
    assert owner.get(reverse("periods:list"))["Location"].startswith(reverse("two_factor_setup"))
    owner.post(reverse("logout"))
    owner.post(reverse("login"), {"username": enrolled.username, "password": PASSWORD})
    assert owner.get(reverse("periods:list"))["Location"].startswith(reverse("two_factor_setup"))


def test_another_organisers_office_gets_404_and_changes_nothing(client_for, operator_elsewhere, enrolled):
    history = enrolled.history.count()

    response = client_for(operator_elsewhere).post(reset_url(enrolled))

    assert response.status_code == 404
    assert devices_of(enrolled) == (1, 1, 10)
    assert enrolled.history.count() == history


def test_unit_staff_and_leadership_may_not_reset_anybody(ward_staff, leadership, enrolled):
    for actor in (ward_staff, leadership):
        with pytest.raises(AccountError, match="không có quyền"):
            user_reset_two_factor(user=enrolled, by=actor)
    assert devices_of(enrolled) == (1, 1, 10)


def test_an_account_without_two_factor_has_nothing_to_reset(client_for, secretariat, ward_staff):
    history = ward_staff.history.count()
    page = client_for(secretariat).get(reverse("accounts:edit", args=[ward_staff.pk])).content.decode()
    assert "Xác thực hai bước: chưa bật." in page and "Đặt lại xác thực hai bước" not in page

    response = client_for(secretariat).post(reset_url(ward_staff), follow=True)

    assert "Tài khoản alice chưa bật xác thực hai bước: không có gì để đặt lại." in response.content.decode()
    assert ward_staff.history.count() == history
