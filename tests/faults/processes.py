"""What the fault tests share: real processes (gunicorn, the worker) on a database, a lock that holds them in
the middle of their work, and SIGKILL.

The kill lands mid-work deterministically without a hook in the code: the test holds a row lock (``SELECT …
FOR UPDATE`` on its own connection) that the work needs after it has already written, waits until
PostgreSQL shows the process's connection waiting for that lock, then kills the process. Whatever the
process wrote is then in its open transaction, which PostgreSQL rolls back when the connection dies.
"""
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD_FIELD = "password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, *, timeout: float = 30, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def database_url(database: dict) -> str:
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def app_env(url: str, media_root, **extra) -> dict:
    """The environment of a process of the app on the database ``url``, as a deployment sets it."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DEBUG": "false", "DATABASE_URL": url,
            "TASKS_BACKEND": "database", "MEDIA_ROOT": str(media_root), "LOG_LEVEL": "WARNING", **extra}


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    """``command`` in the project folder, in its own process group (killed with its children), output to ``log``."""
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and every child (a gunicorn master and its workers): nothing gets to clean up."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def manage(*args, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def worker(env: dict, log: Path) -> subprocess.Popen:
    return start([sys.executable, "manage.py", "run_worker", "--batch"], env, log)


@contextmanager
def gunicorn(env: dict, log: Path, *, workers: int = 2):
    """gunicorn on 127.0.0.1 and a free port, as production runs it; yields (base URL, process)."""
    port = free_port()
    process = start([sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                     "--workers", str(workers), "--timeout", "120"], env, log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _answers(f"{base}/healthz"), timeout=60, what=f"gunicorn on {port} ({log})")
        yield base, process
    finally:
        kill(process)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def with_server_password(user, password: str):
    """``user`` with ``password`` hashed as the server checks it (the tests' own hasher is a fast one it lacks)."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["accounts.hashers.Argon2idPasswordHasher"]):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def signed_in(base: str, username: str, password: str) -> requests.Session:
    """A browser session signed in through the login page (its CSRF token and cookie)."""
    session = requests.Session()
    page = session.get(f"{base}/dang-nhap/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(f"{base}/dang-nhap/", data={"username": username, PASSWORD_FIELD: password,
                                                      "csrfmiddlewaretoken": token},
                          headers={"Referer": f"{base}/dang-nhap/"}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:500]
    return session


def csrf(session: requests.Session) -> dict:
    return {"csrfmiddlewaretoken": session.cookies["csrftoken"]}


@contextmanager
def row_locked(url: str, table: str, pk: int):
    """Hold a lock on one row of ``table`` on a connection of our own, until the block ends."""
    with psycopg.connect(_conninfo(url)) as connection:
        connection.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR UPDATE", [pk])  # noqa: S608 (our own names)
        yield connection
        connection.rollback()


def backend_waiting_for_a_lock(url: str) -> int | None:
    """The process id of a PostgreSQL backend of this database waiting for a lock, if one is."""
    with psycopg.connect(_conninfo(url), autocommit=True) as connection:
        row = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()
    return row[0] if row else None


def backend_gone(url: str, pid: int) -> bool:
    with psycopg.connect(_conninfo(url), autocommit=True) as connection:
        return connection.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()[0] == 0


def _conninfo(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)
