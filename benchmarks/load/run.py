"""Load test: gunicorn + PostgreSQL on this machine, 50 simulated users on a 600-ward period.

    .venv/bin/python benchmarks/load/run.py [--units 600] [--users 50] [--duration 60] [--workers 4] [--threads 1]
        [--locust PATH]

Creates its own database (``parindex_load`` on 127.0.0.1:5432, dropped at the end), builds the world with
``prepare.py``, serves it with gunicorn on a free 127.0.0.1 port, runs locust headless for a bounded time,
then reads back every save that was answered with success. Prints a table of p50/p95/p99 per page, the CPU
time gunicorn and locust used (a fairer figure than the latencies when other work shares the cores), and one
JSON object on its last line. Traffic goes to 127.0.0.1 only.
"""
import argparse
import csv
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def psql(sql: str) -> None:
    subprocess.run(["psql", ADMIN_URL, "-qc", sql], check=True, capture_output=True)


def wait_until_up(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


READ_BACK = """
import json, os
from decimal import Decimal
from appraisal.models import AppraisedScore
from assessments.models import SelfScore
last = {(kind, a, code): value for kind, a, code, value in json.load(open(os.environ["LOAD_LAST"]))}
stored = {}
for model, kind in ((SelfScore, "officers"), (AppraisedScore, "council")):
    for a, code, value in model.objects.filter(assessment_id__in={a for _k, a, _c in last}).values_list(
            "assessment_id", "node__code", "value"):
        stored[(kind, a, code)] = value
print(sum(1 for key, value in last.items() if stored.get(key) != Decimal(value)))
"""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a live process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(master: int) -> float:
    """The gunicorn master's and its workers' CPU time: what the server itself has used (PostgreSQL apart)."""
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return cpu_seconds(master) + sum(cpu_seconds(int(pid)) for pid in workers)


def lost_writes(records: Path, env: dict) -> tuple[int, int]:
    """(saves answered with success, saves whose last value is not in the database)."""
    lines = records.read_text(encoding="utf-8").splitlines()
    last = {}
    for line in lines:  # in the order the answers came: the last one per criterion is what must be stored
        record = json.loads(line)
        last[(record["kind"], record["assessment"], record["code"])] = record["value"]
    last_file = records.with_suffix(".last.json")
    last_file.write_text(json.dumps([[*key, value] for key, value in last.items()]), encoding="utf-8")
    checked = subprocess.run([PYTHON, "manage.py", "shell", "-c", READ_BACK], cwd=ROOT,
                             env={**env, "LOAD_LAST": str(last_file)}, capture_output=True, text=True, check=True)
    return len(lines), int(checked.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load after ramp-up")
    # Sync workers: two a core. gthread workers (--threads above 1) add no CPU, and their keep-alive
    # connections, closed after 2 s idle, were reset under clients that wait 1-3 s between requests.
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread); 1: sync workers")
    parser.add_argument("--locust", default=None,
                        help="the locust executable (e.g. from its own environment); by default this Python's module")
    parser.add_argument("--database", default="parindex_load")
    parser.add_argument("--port", type=int, default=0, help="the server's port on 127.0.0.1; 0: any free one")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="parindex-load-"))
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
           "DJANGO_SETTINGS_MODULE": "config.settings.local", "DEBUG": "false", "LOG_LEVEL": "WARNING",
           "ALLOWED_HOSTS": "127.0.0.1", "MEDIA_ROOT": str(work / "media")}
    psql(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{args.database}"')
    server = None
    try:
        started = time.monotonic()
        subprocess.run([PYTHON, "benchmarks/load/prepare.py", "--units", str(args.units), "--out",
                        str(work / "accounts.json")], cwd=ROOT, env=env, check=True)
        print(f"built in {time.monotonic() - started:.0f} s")
        port = args.port or free_port()
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "120",
             "--log-level", "warning"],
            cwd=ROOT, env=env)
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        records = work / "saves.jsonl"
        records.touch()
        ramp = max(1, args.users // 10)
        server_before, client_before = server_cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [*([args.locust] if args.locust else [PYTHON, "-m", "locust"]),
             "-f", str(ROOT / "benchmarks/load/locustfile.py"), "--headless",
             "-u", str(args.users), "-r", str(ramp), "-t", f"{args.duration + args.users // ramp}s",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(work / "stats"), "--only-summary",
             "--stop-timeout", "10"],
            cwd=ROOT, env={**env, "LOAD_ACCOUNTS": str(work / "accounts.json"), "LOAD_RECORDS": str(records)},
            check=False, timeout=args.duration + 300)
        client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = {"server_s": round(server_cpu_seconds(server.pid) - server_before, 1),
               "locust_s": round(client_after.ru_utime + client_after.ru_stime
                                 - client_before.ru_utime - client_before.ru_stime, 1)}
        rows = list(csv.DictReader(open(work / "stats_stats.csv", encoding="utf-8")))
        pages = {}
        print(f"\n| page | requests | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|")
        for row in rows:
            name = "all" if row["Name"] == "Aggregated" else row["Name"]
            pages[name] = {"requests": int(row["Request Count"]), "errors": int(row["Failure Count"]),
                           "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]), "p99_ms": float(row["99%"])}
            page = pages[name]
            print(f"| {name} | {page['requests']} | {page['p50_ms']:.0f} | {page['p95_ms']:.0f} | "
                  f"{page['p99_ms']:.0f} | {page['errors']} |")
        saves, lost = lost_writes(records, env)
        print(f"\n{saves} saves answered with success, {lost} not found with their value afterwards")
        cpu["server_ms_per_request"] = round(1000 * cpu["server_s"] / max(1, pages["all"]["requests"]), 1)
        print(f"CPU: gunicorn {cpu['server_s']} s ({cpu['server_ms_per_request']} ms a request), "
              f"locust {cpu['locust_s']} s, of {os.cpu_count()} cores × {args.duration + args.users // ramp} s")
        print(json.dumps({"units": args.units, "users": args.users, "duration_s": args.duration,
                          "workers": args.workers, "threads": args.threads, "saves": saves, "lost_writes": lost,
                          "cpu": cpu, "pages": pages}))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        psql(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')


if __name__ == "__main__":
    main()
