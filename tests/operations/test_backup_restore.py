"""A backup restores into a fresh database with every score and file, and restore refuses what could destroy data."""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from assessments.models import Evidence, SelfScore
from assessments.services import evidence_add, self_score_save
from operations.backups import sha256_of

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SCORES = ("SELECT n.code, s.value::text FROM assessments_selfscore s JOIN frameworks_node n ON n.id = s.node_id "
          "ORDER BY n.code")
FILES = "SELECT file, sha256, original_name FROM assessments_evidence ORDER BY id"

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="pg_dump backups need PostgreSQL")


@pytest.fixture
def scored_with_evidence(assessment, ward_staff, node, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for code, value in (("1.1.1", "0,5"), ("1.1.2", "0,25"), ("1.2.1", "0,25")):
        self_score_save(assessment=assessment, node=node(code), by=ward_staff, expected_version=None, value=value)
    evidence_add(assessment=assessment, by=ward_staff, nodes=[node("1.1.1")],
                 uploaded=SimpleUploadedFile("Quyết định số 12.pdf", PDF + b"12"), document_number="12/QĐ-UBND")
    evidence_add(assessment=assessment, by=ward_staff, nodes=[node("1.2.1")],
                 uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF + b"kh"))
    return assessment


@pytest.fixture
def fresh_database():
    """An empty database beside the test one, dropped afterwards; its URL."""
    db = settings.DATABASES["default"]
    name = f"parindex_restore_{uuid.uuid4().hex[:8]}"
    admin = dict(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"] or "postgres",
                 dbname="postgres", autocommit=True)
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{admin['user']}@{admin['host']}:{admin['port']}/{name}", admin | {"dbname": name}
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _manage(*args, database_url, media_root):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DEBUG": "false",
           "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def _rows(query, **connect):
    with psycopg.connect(**connect) as conn:
        return conn.execute(query).fetchall()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_every_score_and_file(scored_with_evidence, fresh_database, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["engine"] == "postgresql" and len(manifest["media"]) == 2

    url, restored = fresh_database
    finished = _manage("restore", str(tmp_path / "backup"), database_url=url, media_root=tmp_path / "restored")
    assert finished.returncode == 0, finished.stderr
    assert "2 tệp đính kèm" in finished.stdout

    with connection.cursor() as cursor:
        cursor.execute(SCORES)
        scores = cursor.fetchall()
        cursor.execute(FILES)
        files = cursor.fetchall()
    assert scores == [("1.1.1", "0.500"), ("1.1.2", "0.250"), ("1.2.1", "0.250")]
    assert _rows(SCORES, **restored) == scores
    assert _rows(FILES, **restored) == files
    for name, digest, _original in files:
        assert sha256_of(tmp_path / "restored" / name) == digest
    assert SelfScore.objects.count() == 3 and Evidence.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(scored_with_evidence, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(tmp_path / "backup"))
    assert SelfScore.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_whose_files_do_not_match_their_hashes(scored_with_evidence, fresh_database, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    evidence = next((tmp_path / "backup" / "media").rglob("*.pdf"))
    evidence.write_bytes(b"changed")
    url, restored = fresh_database
    finished = _manage("restore", str(tmp_path / "backup"), database_url=url, media_root=tmp_path / "restored")
    assert finished.returncode != 0
    assert "không khớp mã băm" in finished.stderr
    assert _rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", **restored) == [(0,)]
    assert not (tmp_path / "restored").exists()


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_already_holds_files(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("backup", str(tmp_path))
