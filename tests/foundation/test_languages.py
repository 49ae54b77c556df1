"""Vietnamese by default, English one click away, and an English catalogue with no gaps."""
import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
LOGIN = "/dang-nhap/"
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%%")


def read_po(path):
    """The entries of a .po file as dicts: msgid, msgid_plural, msgstr (or msgstr[n]) and flags."""
    entries, entry, field = [], {"flags": set()}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):  # obsolete entries are not compiled
            continue
        if line.startswith(("#", "msgctxt ", "msgid ")) and any(key.startswith("msgstr") for key in entry):
            entries.append(entry)
            entry = {"flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            entry[field] = ast.literal_eval(value)
    if "msgid" in entry:
        entries.append(entry)
    return entries


def translations(entry):
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_vietnamese_is_the_default(client, db):
    page = client.get(LOGIN).content.decode()
    assert "Đăng nhập" in page
    assert "Log in" not in page


def test_the_switcher_is_offered_before_login(client, db):
    page = client.get(LOGIN).content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'name="language"' in page
    assert '<option value="en"' in page and '<option value="vi" selected' in page
    assert f'name="next" value="{LOGIN}"' in page


def test_switching_to_english_translates_the_login_page(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    page = client.get(LOGIN).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page and "Username" in page and "Password" in page
    assert "Đăng nhập" not in page
    assert '<option value="en" selected' in page


def test_english_navigation_for_a_signed_in_user(client_for, ward_staff):
    client = client_for(ward_staff)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    for label in ("Home", "Assessments", "Framework", "Notifications", "Log out", "Main navigation"):
        assert label in page, label
    for label in ("Trang chủ", "Hồ sơ đánh giá", "Đăng xuất", "Thông báo"):
        assert label not in page, label
    # and back again
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Trang chủ" in client.get("/").content.decode()


def test_every_message_has_an_english_translation():
    entries = [e for e in read_po(PO) if e["msgid"]]
    assert len(entries) > 300
    untranslated = [e["msgid"] for e in entries if not all(v.strip() for v in translations(e))]
    fuzzy = [e["msgid"] for e in read_po(PO) if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_every_message_of_the_code_and_templates_is_in_the_catalogue(tmp_path):
    """``makemessages`` over a copy of the sources finds no message the catalogue lacks (a text missing from
    it would show in Vietnamese on the English pages, and the test above would not see it)."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".venv", ".git", "media", "node_modules", "*.pyc", "*.sqlite3"))
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete"], cwd=copy,
                   check=True, capture_output=True, timeout=300)
    extracted = read_po(copy / PO.relative_to(ROOT))

    missing = [e["msgid"] for e in extracted if e["msgid"] and ("fuzzy" in e["flags"] or not all(translations(e)))]
    assert missing == []


def test_translations_keep_their_placeholders():
    wrong = []
    for entry in read_po(PO):
        if not entry["msgid"] or "python-format" not in entry["flags"]:
            continue
        expected = sorted(PLACEHOLDER.findall(entry.get("msgid_plural", entry["msgid"])))
        for value in translations(entry):
            if sorted(PLACEHOLDER.findall(value)) != expected and "msgid_plural" not in entry:
                wrong.append(entry["msgid"])
    assert wrong == []


def test_compiled_catalogue_matches_the_po_file():
    """The .mo is committed (no gettext at run time): it must not lag behind the .po."""
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    stale = [e["msgid"] for e in read_po(PO)
             if e["msgid"] and "msgid_plural" not in e and catalog.get(e["msgid"]) != e["msgstr"]]
    assert stale == []


@pytest.mark.parametrize("language, expected", [("vi", "Đăng nhập"), ("en", "Log in")])
def test_gettext_uses_the_catalogue(language, expected):
    from django.utils import translation

    with translation.override(language):
        assert translation.gettext("Đăng nhập") == expected


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, db):
    response = client.get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/dang-nhap/"})
    assert "Log in" in client.get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
