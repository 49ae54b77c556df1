"""An account with a one-time password can open nothing but the password change until it picks its own."""
from accounts.models import Role
from accounts.services import user_create


def _new_account(secretariat, ward):
    return user_create(username="canbo.moi", full_name="Phạm Thị Lan", email="", role=Role.UNIT_STAFF,
                       unit=ward, by=secretariat)


def test_every_page_leads_to_the_password_change_first(client, secretariat, ward):
    user, password = _new_account(secretariat, ward)
    assert client.post("/dang-nhap/", {"username": "canbo.moi", "password": password}).status_code == 302

    for url in ("/", "/danh-gia/", f"/don-vi/{ward.code}/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/doi-mat-khau/")
    assert client.get("/doi-mat-khau/").status_code == 200


def test_changing_the_password_ends_the_one_time_password(client, secretariat, ward):
    user, password = _new_account(secretariat, ward)
    client.force_login(user)

    response = client.post("/doi-mat-khau/", {"old_password": password, "new_password1": "Hoa-Sen-Vang-2024",
                                              "new_password2": "Hoa-Sen-Vang-2024"})

    assert (response.status_code, response["Location"]) == (302, "/")
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password("Hoa-Sen-Vang-2024")
    assert client.get("/").status_code == 200


def test_a_weak_new_password_is_refused_and_the_change_still_required(client, secretariat, ward):
    user, password = _new_account(secretariat, ward)
    client.force_login(user)

    response = client.post("/doi-mat-khau/", {"old_password": password, "new_password1": "123",
                                              "new_password2": "123"})

    assert response.status_code == 200 and response.context["form"].errors["new_password2"]
    user.refresh_from_db()
    assert user.must_change_password
    assert client.get("/")["Location"] == "/doi-mat-khau/"


def test_signing_out_is_still_possible(client, secretariat, ward):
    user, _password = _new_account(secretariat, ward)
    client.force_login(user)
    assert client.post("/dang-xuat/")["Location"] == "/dang-nhap/"
