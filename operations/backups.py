"""Backups an office can restore: the database dump, the uploaded evidence and a manifest of hashes.

A backup folder holds ``database.dump`` (pg_dump's custom format) or ``database.sqlite3``, the media tree
under ``media/`` and ``manifest.json`` with the SHA-256 of every file. ``restore`` checks every hash
before it touches anything and loads only into an empty database, so a typo in ``DATABASE_URL`` cannot
overwrite a live installation.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    database_file: str
    media_files: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    if connection.vendor not in DUMPS:
        raise BackupError(_("Không hỗ trợ sao lưu cơ sở dữ liệu loại “%(vendor)s”.") % {"vendor": connection.vendor})
    return connection.vendor


def _pg_environment() -> dict:
    """libpq variables from Django's settings, so the password never shows in a process list."""
    db = settings.DATABASES["default"]
    values = {"PGHOST": db.get("HOST"), "PGPORT": db.get("PORT"), "PGUSER": db.get("USER"),
              "PGPASSWORD": db.get("PASSWORD"), "PGDATABASE": db["NAME"]}
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _run(command: list[str]) -> None:
    finished = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True)
    if finished.returncode != 0:
        raise BackupError(_("Lệnh %(command)s thất bại: %(error)s") % {
            "command": command[0], "error": finished.stderr.strip()[-500:]})


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def backup(out_dir: Path) -> BackupSummary:
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise BackupError(_("Thư mục %(folder)s đã có dữ liệu: hãy chọn một thư mục trống.") % {"folder": out_dir})
    out_dir.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    database_file = out_dir / DUMPS[engine]
    if engine == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={database_file}"])
    else:
        # SQLite's online backup API copies a consistent snapshot even while the app writes.
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        with sqlite3.connect(database_file) as target:
            source.backup(target)
        source.close()
    media_root = Path(settings.MEDIA_ROOT)
    media = []
    for path in _media_files(media_root):
        relative = path.relative_to(media_root)
        copy = out_dir / MEDIA_DIR / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        media.append({"path": relative.as_posix(), "bytes": copy.stat().st_size, "sha256": sha256_of(copy)})
    manifest = {
        "created_at": timezone.now().isoformat(),
        "engine": engine,
        "database": {"file": database_file.name, "sha256": sha256_of(database_file)},
        "media": media,
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return BackupSummary(out_dir, database_file.name, len(media))


def _manifest_checked(in_dir: Path) -> dict:
    """Every file present with the hash the backup wrote; any difference refuses the whole restore."""
    try:
        manifest = json.loads((in_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(_("Không tìm thấy %(file)s trong %(folder)s.") % {"file": MANIFEST, "folder": in_dir}) from None
    except ValueError:
        raise BackupError(_("Tệp %(file)s bị hỏng.") % {"file": MANIFEST}) from None
    expected = [(manifest["database"]["file"], manifest["database"]["sha256"])]
    expected += [(f"{MEDIA_DIR}/{item['path']}", item["sha256"]) for item in manifest["media"]]
    problems = []
    for name, digest in expected:
        path = in_dir / name
        if not path.is_file():
            problems.append(_("thiếu tệp %(file)s") % {"file": name})
        elif sha256_of(path) != digest:
            problems.append(_("tệp %(file)s không khớp mã băm") % {"file": name})
    if problems:
        raise BackupError(_("Bản sao lưu không toàn vẹn: %(problems)s.") % {"problems": "; ".join(problems)})
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(in_dir: Path) -> BackupSummary:
    in_dir = Path(in_dir)
    manifest = _manifest_checked(in_dir)
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(_("Bản sao lưu là của %(theirs)s, cơ sở dữ liệu đích là %(ours)s.") % {
            "theirs": manifest["engine"], "ours": engine})
    if not _database_is_empty():
        raise BackupError(_("Cơ sở dữ liệu đích không trống: chỉ khôi phục vào một cơ sở dữ liệu mới."))
    media_root = Path(settings.MEDIA_ROOT)
    clashes = [item["path"] for item in manifest["media"] if (media_root / item["path"]).exists()]
    if clashes:
        raise BackupError(_("Thư mục tệp đính kèm đã có %(file)s: chỉ khôi phục vào thư mục trống.") % {"file": clashes[0]})
    database_file = in_dir / manifest["database"]["file"]
    if engine == "postgresql":
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              f"--dbname={settings.DATABASES['default']['NAME']}", str(database_file)])
    else:
        connection.close()
        with sqlite3.connect(database_file) as source, sqlite3.connect(settings.DATABASES["default"]["NAME"]) as target:
            source.backup(target)
    for item in manifest["media"]:
        target = media_root / item["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(in_dir / MEDIA_DIR / item["path"], target)
    return BackupSummary(in_dir, database_file.name, len(manifest["media"]))
