"""One request at a time: each page and save of the load scenario, timed on the world ``prepare.py`` built.

    DATABASE_URL=postgres://…/parindex_load_single .venv/bin/python benchmarks/load/prepare.py --out /tmp/accounts.json
    DATABASE_URL=postgres://…/parindex_load_single .venv/bin/python benchmarks/load/single.py /tmp/accounts.json \
        [--rounds 9] [--profile "dashboard"]

Without the other users' noise: the median of ``--rounds`` requests (after a warm-up) through Django's test
client, with the server's settings, the CPU time of this process alone (less disturbed by other work on the
machine than the wall clock; PostgreSQL's share is not in it) and the number of SQL statements each one runs. ``--profile NAME`` prints
the cProfile of one more request of that page. Prints a table and one JSON object on its last line. The saves
alternate between 0 and the maximum of one criterion, so the data keeps its shape.
"""
import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from benchmarks.scale import counted  # noqa: E402


def clients(accounts: dict) -> dict:
    from accounts.models import User

    signed_in = {}
    for kind in ("officers", "council", "leaders"):
        client = Client()
        client.force_login(User.objects.get(username=accounts[kind][0]["username"]))
        signed_in[kind] = client
    return signed_in


def requests(accounts: dict) -> dict:
    """Page name (as locust names it) -> a function making one such request and checking its answer."""
    signed_in = clients(accounts)
    officer, member, leader = signed_in["officers"], signed_in["council"], signed_in["leaders"]
    own, appraised = accounts["officers"][0]["assessment"], accounts["council"][0]["assessment"]
    leaf = accounts["leaves"][0]
    values = [leaf["max"], "0"]
    versions = {}

    def save(client, kind, page, url, extra, headers):
        versions[kind] = _version(client.get(page).content.decode(), url)

        def action():
            values.reverse()
            answer = client.post(url, {"value": values[0], "version": versions.get(kind, ""), **extra}, **headers)
            assert answer.status_code == 200, (answer.status_code, answer.content[:300])
            versions[kind] = _version(answer.content.decode(), url)
        return action

    def get(client, url):
        def action():
            answer = client.get(url)
            assert answer.status_code == 200, (answer.status_code, url)
        return action

    return {
        "entry page": get(officer, f"/danh-gia/{own}/"),
        "save self-score": save(officer, "officers", f"/danh-gia/{own}/", f"/danh-gia/{own}/tieu-chi/{leaf['code']}/", {},
                                {"HTTP_HX_REQUEST": "true"}),
        "appraisal page": get(member, f"/tham-dinh/{appraised}/"),
        "save appraised score": save(member, "council", f"/tham-dinh/{appraised}/", f"/tham-dinh/{appraised}/tieu-chi/{leaf['code']}/",
                                     {"reason": "Điều chỉnh theo minh chứng"}, {"HTTP_HX_REQUEST": "true"}),
        "dashboard": get(leader, f"/ket-qua/{accounts['dashboard']}/"),
        "unit report": get(leader, f"/bao-cao/ho-so/{accounts['assessments'][-1]}/"),
    }


def _version(html: str, url: str) -> str:
    start = html.index(f'action="{url}"')
    marker = 'name="version" value="'
    at = html.index(marker, start) + len(marker)
    return html[at:html.index('"', at)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("accounts", help="the JSON file prepare.py wrote")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--profile", help="a page name: print its cProfile")
    args = parser.parse_args()
    accounts = json.loads(Path(args.accounts).read_text(encoding="utf-8"))
    actions = requests(accounts)
    figures = {}
    print("| request | median ms | CPU ms | queries |\n|---|---|---|---|")
    for name, action in actions.items():
        action()  # warm-up: templates, the framework's tree, the connection
        timings, cpu = [], []
        for _ in range(args.rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        figures[name] = {"ms": round(statistics.median(timings) * 1000, 1),
                         "cpu_ms": round(statistics.median(cpu) * 1000, 1), "queries": counted(action)}
        print(f"| {name} | {figures[name]['ms']} | {figures[name]['cpu_ms']} | {figures[name]['queries']} |")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(actions[args.profile])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    connection.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
