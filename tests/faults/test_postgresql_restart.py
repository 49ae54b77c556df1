"""PostgreSQL restarted while units save scores: no score whose save was answered is lost, and the app goes on
saving without being restarted itself (its kept connections are health-checked, ``DB_CONN_HEALTH_CHECKS``).

Run against a private cluster the test creates (initdb in a temporary folder, its own port), never the shared
server; as root, the cluster belongs to the ``postgres`` system user (initdb refuses root).
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
import requests

from faults.processes import app_env, csrf, free_port, gunicorn, manage, signed_in, wait_until

pytestmark = pytest.mark.faults

BIN = next((Path(folder) for folder in ("/usr/lib/postgresql/15/bin", "/usr/local/bin")
            if (Path(folder) / "initdb").exists()), None)
OWNER = "postgres"  # the system user that owns the cluster when the tests run as root
PASSWORD = "mat-khau-thu-nghiem-1"
SAVED_EACH = 5  # answered saves wanted before the first restart, after it, and after the second

SETUP = """
import json
from accounts.models import Role, User
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.selectors import tree_for
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
framework = Framework.objects.get(key="hoangmai-phuong-2024")
district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
ward = Unit.objects.create(code="HM-W-HOANGLIET", name="Phường Hoàng Liệt", kind=UnitKind.WARD, parent=district,
                           framework_family="hoangmai-phuong")
office = User.objects.create(username="noivu", role=Role.SECRETARIAT, unit=district)
staff = User(username="alice", role=Role.UNIT_STAFF, unit=ward)
staff.set_password("{password}")
staff.save()
period = period_open(framework=framework, year=2024, by=office)
print(json.dumps({{"assessment": period.assessments.get().pk,
                  "leaves": [[leaf.code, str(leaf.max_points)] for leaf in tree_for(framework).leaves]}}))
"""


class Cluster:
    """A private PostgreSQL cluster in ``folder``, on 127.0.0.1 and a free port."""

    def __init__(self, folder: Path):
        self.folder, self.data, self.port = folder, folder / "data", free_port()
        self.as_owner = ["runuser", "-u", OWNER, "--"] if os.geteuid() == 0 else []

    def _run(self, *command) -> None:
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True, timeout=120)

    def pg_ctl(self, *args) -> None:
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "postgresql.log"), "-w", *args)

    def create(self) -> None:
        self.folder.chmod(0o777)
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-sync")
        self.pg_ctl("-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start")
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE parindex")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/parindex"

    def saved_scores(self, assessment: int) -> dict[str, Decimal]:
        with psycopg.connect(self.url.replace("postgres://", "postgresql://", 1)) as connection:
            rows = connection.execute(
                "SELECT n.code, s.value FROM assessments_selfscore s JOIN frameworks_node n ON n.id = s.node_id "
                "WHERE s.assessment_id = %s", [assessment]).fetchall()
        return dict(rows)


@pytest.fixture
def cluster():
    if BIN is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    folder = Path(tempfile.mkdtemp(prefix="parindex-pg-"))
    cluster = Cluster(folder)
    try:
        cluster.create()
        yield cluster
    finally:
        try:
            cluster.pg_ctl("-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(folder, ignore_errors=True)


def test_a_postgresql_restart_loses_no_answered_score_and_the_app_recovers_by_itself(cluster, tmp_path):
    # Given the app migrated into the private cluster, a ward's period open, and gunicorn keeping connections
    env = app_env(cluster.url, tmp_path / "media", DB_CONN_MAX_AGE="60", DB_CONN_HEALTH_CHECKS="true")
    migrated = manage("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr
    setup = manage("shell", "-c", SETUP.format(password=PASSWORD), env=env)
    assert setup.returncode == 0, setup.stderr
    made = json.loads(setup.stdout.strip().splitlines()[-1])

    answered = {}  # code -> (value, phase): every save answered 200
    refused = []  # (phase, code, status) of every other answer
    phase, go = ["busy"], threading.Event()  # "busy": before and during the first restart; then "idle", "after"
    go.set()
    with gunicorn(env, tmp_path / "gunicorn.log") as (base, server):
        session = signed_in(base, "alice", PASSWORD)
        entry = f"{base}/danh-gia/{made['assessment']}"
        session.get(f"{entry}/")  # the entry page sets the CSRF cookie its forms use

        def save_scores():
            """A unit saving one criterion after another, as long as ``go`` is set; a failed one is left."""
            for code, maximum in made["leaves"]:
                go.wait()
                sent_in = phase[-1]
                try:
                    answer = session.post(f"{entry}/tieu-chi/{code}/", data={"value": maximum, **csrf(session)},
                                          headers={"HX-Request": "true"}, timeout=30)
                except requests.RequestException:
                    answer = None
                if answer is not None and answer.status_code == 200:
                    answered[code] = (maximum, sent_in)
                else:
                    refused.append((sent_in, code, None if answer is None else answer.status_code))
                time.sleep(0.05)

        def answered_in(name):
            return sum(sent_in == name for _value, sent_in in answered.values())

        saving = threading.Thread(target=save_scores, daemon=True)
        saving.start()
        # When PostgreSQL restarts (fast: open connections are cut) while scores are being saved
        wait_until(lambda: answered_in("busy") >= SAVED_EACH, timeout=60, what="saves before the restart")
        cluster.pg_ctl("-m", "fast", "restart")  # returns once the server accepts connections again
        phase.append("idle")
        wait_until(lambda: answered_in("idle") >= SAVED_EACH, timeout=60, what="saves after the restart")
        # And again while nobody saves, the server's kept connections left dead
        go.clear()
        time.sleep(0.5)  # the save under way ends
        cluster.pg_ctl("-m", "fast", "restart")
        phase.append("after")
        go.set()
        wait_until(lambda: answered_in("after") >= SAVED_EACH, timeout=60, what="saves after the idle restart")
        go.clear()
        assert server.poll() is None  # the same server throughout

    # Then every save that was answered is there with its value
    saved = cluster.saved_scores(made["assessment"])
    assert {code: Decimal(value) for code, (value, _phase) in answered.items()} == {
        code: saved.get(code) for code in answered}
    # And after the idle restart no save failed: a dead kept connection is found before a request uses it
    assert [refusal for refusal in refused if refusal[0] == "after"] == []
    log = (tmp_path / "gunicorn.log").read_text()
    assert log.count("Booting worker") == 2, log  # no worker had to be replaced
