"""Passwords are stored as Argon2id at OWASP's parameters; an account's older PBKDF2 hash is upgraded when it signs in."""
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from config.settings import base

SERVER_HASHERS = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)  # the tests' own is a fast MD5


@SERVER_HASHERS
def test_a_new_password_is_hashed_with_argon2id_at_19_mib_two_passes_one_lane():
    stored = make_password("Hoa-Sen-Vang-2024")

    assert stored.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def _sign_in_with_an_old_pbkdf2_hash(client, user, typed: str):
    """``user`` holds an older PBKDF2 hash of Hoa-Sen-Vang-2024, and signs in typing ``typed``."""
    user.password = make_password("Hoa-Sen-Vang-2024", hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    return client.post("/dang-nhap/", {"username": user.username, "password": typed})


@SERVER_HASHERS
def test_a_pbkdf2_hash_signs_in_and_is_stored_again_as_argon2id(client, ward_staff):
    answer = _sign_in_with_an_old_pbkdf2_hash(client, ward_staff, "Hoa-Sen-Vang-2024")

    assert answer.status_code == 302
    ward_staff.refresh_from_db()
    assert ward_staff.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert ward_staff.check_password("Hoa-Sen-Vang-2024")


@SERVER_HASHERS
def test_a_wrong_password_is_refused_whatever_the_hash(client, ward_staff):
    answer = _sign_in_with_an_old_pbkdf2_hash(client, ward_staff, "Hoa-Sen-Vang-2025")

    assert answer.status_code == 200  # the login page again, with its error
    ward_staff.refresh_from_db()
    assert ward_staff.password.startswith("pbkdf2_sha256$")
