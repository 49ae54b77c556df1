"""A forgotten password: a link by email, through Django's email framework."""
import re

from django.core import mail

from accounts.models import Role
from accounts.services import user_create


def test_the_link_by_email_sets_a_new_password_and_ends_a_one_time_one(client, secretariat, ward):
    user, _password = user_create(username="canbo.moi", full_name="Phạm Thị Lan", email="lan@example.gov.vn",
                                  role=Role.UNIT_STAFF, unit=ward, by=secretariat)

    response = client.post("/quen-mat-khau/", {"email": "lan@example.gov.vn"})

    assert response["Location"] == "/quen-mat-khau/da-gui/"
    [message] = mail.outbox
    assert message.to == ["lan@example.gov.vn"] and message.subject == "ParIndex: đặt lại mật khẩu"
    assert "Kính gửi Phạm Thị Lan" in message.body and "canbo.moi" in message.body
    link = re.search(r"http://testserver(/quen-mat-khau/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session-held one
    response = client.post(form_url, {"new_password1": "Hoa-Sen-Vang-2024", "new_password2": "Hoa-Sen-Vang-2024"})
    assert response["Location"] == "/quen-mat-khau/xong/"
    user.refresh_from_db()
    assert user.check_password("Hoa-Sen-Vang-2024") and not user.must_change_password


def test_an_unknown_address_sends_nothing_and_says_the_same(client, ward_staff):
    response = client.post("/quen-mat-khau/", {"email": "khongco@example.gov.vn"})
    assert response["Location"] == "/quen-mat-khau/da-gui/"
    assert mail.outbox == []


def test_the_login_page_links_to_the_forgotten_password_page(client):
    assert 'href="/quen-mat-khau/"' in client.get("/dang-nhap/").content.decode()
