"""50 people in the weeks before a deadline: ward officers scoring, council members appraising, leaders reading.

Every account is used by one simulated user at a time (``LOAD_ACCOUNTS``, written by ``prepare.py``), so
no save may be refused as stale: any failure is an error. Each save that got a success answer is appended to
``LOAD_RECORDS`` (one JSON line per save) for ``run.py`` to read back from the database afterwards.
"""
import itertools
import json
import os
import random
import re
import threading

from locust import HttpUser, between, events, task

ACCOUNTS = json.loads(open(os.environ["LOAD_ACCOUNTS"], encoding="utf-8").read())
LEAVES = ACCOUNTS["leaves"]
FORM = re.compile(r'action="(?P<url>/(?:danh-gia|tham-dinh)/\d+/tieu-chi/(?P<code>[\w.]+)/)".*?'
                  r'name="version" value="(?P<version>\d*)"', re.S)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_next = {kind: itertools.count() for kind in ("officers", "council", "leaders")}
_lock = threading.Lock()
_records = open(os.environ["LOAD_RECORDS"], "a", encoding="utf-8")


def _account(kind):
    with _lock:
        return ACCOUNTS[kind][next(_next[kind]) % len(ACCOUNTS[kind])]


def _record(kind, assessment, code, value):
    with _lock:
        _records.write(json.dumps({"kind": kind, "assessment": assessment, "code": code, "value": value}) + "\n")
        _records.flush()


@events.quitting.add_listener
def _close(environment, **kwargs):
    _records.close()


class SignedIn(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    kind = ""

    def on_start(self):
        self.account = _account(self.kind)
        page = self.client.get("/dang-nhap/", name="login page")
        token = CSRF.search(page.text).group(1)
        answer = self.client.post("/dang-nhap/", name="login", data={
            "username": self.account["username"], "password": ACCOUNTS["password"], "csrfmiddlewaretoken": token})
        assert "dang-nhap" not in answer.url, f"login refused for {self.account['username']}"

    @property
    def csrf(self):
        return self.client.cookies.get("csrftoken")


class Scorer(SignedIn):
    """Opens its page of criteria, then saves one criterion after another with the version it last saw."""

    abstract = True
    page_url = ""
    page_name = ""
    save_name = ""
    saved_text = ""  # what a successful save's answer says

    def on_start(self):
        super().on_start()
        self.versions = {}
        self.open_page()

    def open_page(self):
        page = self.client.get(self.page_url.format(self.account["assessment"]), name=self.page_name)
        for form in FORM.finditer(page.text):
            self.versions[form["code"]] = (form["url"], form["version"])

    def save(self, extra):
        leaf = random.choice(LEAVES)
        url, version = self.versions[leaf["code"]]
        value = random.choice(["0", leaf["max"]])
        with self.client.post(url, name=self.save_name, catch_response=True,
                              data={"value": value, "version": version, **extra},
                              headers=self.save_headers()) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}: {answer.text[:200]}")
                return
            if self.saved_text and self.saved_text.format(leaf["code"]) not in answer.text:
                answer.failure(f"refused: {answer.text[:200]}")
                return
            forms = {form["code"]: (form["url"], form["version"]) for form in FORM.finditer(answer.text)}
            if leaf["code"] not in forms:
                answer.failure("no form in the answer")
                return
            self.versions.update(forms)
            _record(self.kind, self.account["assessment"], leaf["code"], value)


    def save_headers(self):
        return {"X-CSRFToken": self.csrf, "HX-Request": "true"}  # both pages save through htmx


class UnitOfficer(Scorer):
    weight = 4
    kind = "officers"
    page_url, page_name, save_name = "/danh-gia/{}/", "entry page", "save self-score"

    @task(5)
    def save_score(self):
        self.save({})

    @task(1)
    def reload(self):
        self.open_page()


class CouncilMember(Scorer):
    weight = 2
    kind = "council"
    page_url, page_name, save_name = "/tham-dinh/{}/", "appraisal page", "save appraised score"
    # The answer is the criterion's row, which says it was saved.
    saved_text = "Đã lưu điểm thẩm định tiêu chí {}."

    @task(5)
    def appraise(self):
        self.save({"reason": "Điều chỉnh theo minh chứng của đơn vị"})

    @task(1)
    def reload(self):
        self.open_page()


class Leader(SignedIn):
    weight = 2
    kind = "leaders"

    @task(3)
    def dashboard(self):
        self.client.get(f"/ket-qua/{ACCOUNTS['dashboard']}/", name="dashboard")

    @task(1)
    def unit_report(self):
        self.client.get(f"/bao-cao/ho-so/{random.choice(ACCOUNTS['assessments'])}/", name="unit report")
