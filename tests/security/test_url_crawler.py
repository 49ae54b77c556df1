"""Every URL that names an object, walked from the URL configuration itself, refuses whoever the policy
keeps out: anonymous visitors go to the login page, signed-in outsiders get 403 or 404, and no answer
carries the object's data.

The list of URLs is never kept by hand: ``url_patterns()`` walks ``get_resolver()``. What the test keeps
is how to fill each pattern's parameters with an object of one unit (``PARAMETERS``) and who must be
refused; a new pattern without an entry fails ``test_every_url_with_parameters_is_mapped`` by name.
"""
import re
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role, User
from appraisal.models import CouncilRole
from appraisal.services import council_member_add
from appraisal.services_office_review import office_review_part_set
from assessments.models import Evidence
from contributors.models import Contribution
from improvement.services import plan_create, task_add
from operations.models import Job
from surveys.services import survey_design_set

from support import PASSWORD, SURVEY_DESIGN

# In the unit's name, its evidence (title and file) and the period's job: never shown to an outsider. The
# neighbouring ward's name holds its own, so that period pages are checked as well for the unit's own staff.
SECRET = "Bí-mật-7Q2X"
NEIGHBOUR_SECRET = "Láng-giềng-K4"
PDF = b"%PDF-1.4\n" + SECRET.encode() + b"\n%%EOF\n"

# The accounts that knock on the unit's doors: role, and the world's unit they belong to.
ACCOUNTS = {
    "own_unit_staff": (Role.UNIT_STAFF, "ward"),
    "own_unit_head": (Role.UNIT_HEAD, "ward"),
    "own_unit_contributor": (Role.CONTRIBUTOR, "ward"),
    "other_unit_staff": (Role.UNIT_STAFF, "other_ward"),
    "other_unit_head": (Role.UNIT_HEAD, "other_ward"),
    "secretariat": (Role.SECRETARIAT, "district"),
    "council_seated": (Role.COUNCIL_MEMBER, "district"),
    "council_unseated": (Role.COUNCIL_MEMBER, "district"),
    "leadership": (Role.LEADERSHIP, "district"),
    # Another organiser: the office and the leadership of a sibling district under the same city.
    "other_organiser_office": (Role.SECRETARIAT, "other_district"),
    "other_organiser_leadership": (Role.LEADERSHIP, "other_district"),
    "admin": (Role.ADMIN, None),
}
ANONYMOUS = "anonymous"
# Strangers to everything of the unit: anonymous visitors, every role of another unit, and the office and
# leadership of another organiser (``accounts.access.reaches``).
OTHER_UNIT = (ANONYMOUS, "other_unit_staff", "other_unit_head")
OTHER_ORGANISER = ("other_organiser_office", "other_organiser_leadership")
STRANGERS = (*OTHER_UNIT, *OTHER_ORGANISER)
# Who must be refused, by what the policy lets each role read (accounts/access.py).
UNIT_FILE = (*STRANGERS, "council_unseated")  # may_read_assessment: seated council only
UNIT = STRANGERS  # may_read_unit: the unit itself and the district-wide roles
OWN_UNIT = ("own_unit_staff", "own_unit_head", "own_unit_contributor")
RESULTS = (*STRANGERS, *OWN_UNIT)  # may_read_results: district-wide roles only
OFFICE = (*RESULTS, "council_seated", "council_unseated", "leadership")  # is_office
# may_read_office_review: the period's office and its seated council; units and leadership read the part in results.
OFFICE_REVIEW = (*UNIT_FILE, *OWN_UNIT, "leadership")
# may_read_plan / may_edit_plan: the district-wide readers and the office its organiser reaches, the unit's people.
PLAN = STRANGERS
# Frameworks belong to no organiser: every office sets their responsible offices (may_edit_responsible_offices).
FRAMEWORK_OFFICE = tuple(name for name in OFFICE if name != "other_organiser_office")
SIGNED_IN = (ANONYMOUS,)  # pages every signed-in user reads
# The admin site asks only is_staff, whatever the role: the anonymous visitor and the two ends of the roles.
NOT_STAFF = (ANONYMOUS, "own_unit_staff", "secretariat")

# For each pattern: its parameters from the world, who is refused, and who may open it (a GET that must
# not be 404, so that a wrong parameter cannot make every refusal pass).
PARAMETERS = {
    "unit_detail": (lambda w: {"code": w.ward.code}, UNIT, "own_unit_staff"),
    "accounts:edit": (lambda w: {"pk": w.accounts["own_unit_staff"].pk}, OFFICE, "secretariat"),
    "accounts:reset_password": (lambda w: {"pk": w.accounts["own_unit_staff"].pk}, OFFICE, None),
    "accounts:reset_two_factor": (lambda w: {"pk": w.accounts["own_unit_staff"].pk}, OFFICE, None),
    # Frameworks are public to every signed-in user by design: the official text, not a unit's data.
    "frameworks:detail": (lambda w: {"key": w.framework.key}, SIGNED_IN, "own_unit_staff"),
    "frameworks:diff": (lambda w: {"key": w.framework.key}, SIGNED_IN, "own_unit_staff"),
    "reports:framework_pdf": (lambda w: {"key": w.framework.key}, SIGNED_IN, "own_unit_staff"),
    "assessments:entry": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, "council_seated"),
    "assessments:save_score": (lambda w: {"pk": w.assessment.pk, "code": "1.1.1"}, UNIT_FILE, None),
    "assessments:evidence_upload": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "assessments:excel_template": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "assessments:excel_import": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "assessments:transition": (lambda w: {"pk": w.assessment.pk, "action": "return"}, UNIT_FILE, None),
    "assessments:reopen": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "assessments:exclude": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "assessments:evidence_download": (lambda w: w.evidence_kwargs, UNIT_FILE, "council_seated"),
    "assessments:evidence_replace": (lambda w: w.evidence_kwargs, UNIT_FILE, None),
    "assessments:evidence_delete": (lambda w: w.evidence_kwargs, UNIT_FILE, None),
    "appraisal:page": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, "council_seated"),
    "appraisal:save": (lambda w: {"pk": w.assessment.pk, "code": "1.1.1"}, UNIT_FILE, None),
    "appraisal:request_explanation": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "appraisal:answer": (lambda w: {"pk": w.assessment.pk, "code": "1.1.1"}, UNIT_FILE, None),
    "appraisal:finish": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "appraisal:republish": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "appraisal:period": (lambda w: {"period_pk": w.period.pk}, RESULTS, "leadership"),
    "appraisal:publish": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "appraisal:export": (lambda w: {"period_pk": w.period.pk}, OFFICE, "secretariat"),
    "appraisal:council_add": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "appraisal:council_remove": (lambda w: w.seat_kwargs, OFFICE, None),
    "appraisal:assignments_edit": (lambda w: w.seat_kwargs, OFFICE, None),
    "appraisal:assignments_default": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "appraisal:import": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "appraisal:office_review": (lambda w: {"period_pk": w.period.pk}, OFFICE_REVIEW, "council_seated"),
    "appraisal:office_review_setup": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "appraisal:office_review_unit": (lambda w: {"pk": w.assessment.pk}, OFFICE_REVIEW, "council_seated"),
    "appraisal:office_review_score": (lambda w: {"pk": w.assessment.pk, "code": "1.1.3"}, OFFICE_REVIEW, None),
    "periods:progress": (lambda w: {"period_pk": w.period.pk}, RESULTS, "leadership"),
    "periods:remind": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "periods:start_appraisal": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "reports:period_pdf": (lambda w: {"period_pk": w.period.pk}, RESULTS, None),
    "reports:period_xlsx": (lambda w: {"period_pk": w.period.pk}, RESULTS, "leadership"),
    "reports:unit_report": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "reports:unit_pdf": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "reports:unit_xlsx": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "reports:minutes_pdf": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "dashboard:period": (lambda w: {"period_pk": w.period.pk}, RESULTS, "leadership"),
    "dashboard:csv": (lambda w: {"period_pk": w.period.pk, "chart": "xep-hang"}, RESULTS, "leadership"),
    "surveys:save": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "surveys:design": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "surveys:responses": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "surveys:unit": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "assessments:difficulties": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "contributors:assignments": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, "own_unit_head"),
    "contributors:prefill": (lambda w: {"pk": w.assessment.pk}, UNIT_FILE, None),
    "contributors:assign": (lambda w: {"pk": w.assessment.pk, "contributor_pk": w.accounts["own_unit_contributor"].pk},
                            UNIT_FILE, None),
    "contributors:review": (lambda w: {"pk": w.assessment.pk, "code": "1.1.1"}, UNIT_FILE, None),
    "frameworks:offices": (lambda w: {"key": w.framework.key}, FRAMEWORK_OFFICE, "secretariat"),
    "frameworks:offices_template": (lambda w: {"key": w.framework.key}, FRAMEWORK_OFFICE, "secretariat"),
    "frameworks:offices_import": (lambda w: {"key": w.framework.key}, FRAMEWORK_OFFICE, None),
    "improvement:plan": (lambda w: {"pk": w.plan.pk}, PLAN, "own_unit_staff"),
    "improvement:gaps": (lambda w: {"pk": w.plan.pk}, PLAN, "leadership"),
    "improvement:tasks_pdf": (lambda w: {"pk": w.plan.pk}, PLAN, None),
    "improvement:tasks_xlsx": (lambda w: {"pk": w.plan.pk}, PLAN, "own_unit_contributor"),
    "improvement:targets_save": (lambda w: {"pk": w.plan.pk}, PLAN, None),
    "improvement:targets_import": (lambda w: {"pk": w.plan.pk}, PLAN, None),
    "improvement:task_add": (lambda w: {"pk": w.plan.pk}, PLAN, None),
    "improvement:task_update": (lambda w: {"pk": w.plan.pk, "task_pk": w.task.pk}, PLAN, None),
    "reports:what_if": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "reports:self_report_docx": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    "reports:self_report_pdf": (lambda w: {"assessment_pk": w.assessment.pk}, UNIT_FILE, None),
    "reports:self_reports_zip": (lambda w: {"period_pk": w.period.pk}, OFFICE, None),
    "reports:annual_report": (lambda w: {"period_pk": w.period.pk}, RESULTS, "leadership"),
    "reports:annual_report_docx": (lambda w: {"period_pk": w.period.pk}, RESULTS, None),
    "reports:annual_report_pdf": (lambda w: {"period_pk": w.period.pk}, RESULTS, None),
    "operations:job": (lambda w: {"job_pk": w.job.pk}, RESULTS, "leadership"),
    "operations:job_download": (lambda w: {"job_pk": w.job.pk}, RESULTS, None),
    "operations:job_retry": (lambda w: {"job_pk": w.job.pk}, RESULTS, None),
}
# The job URLs above are walked with a period PDF's job; each kind of job answers through its own object's
# loader: its parameters from the world, who is refused, and who may follow it.
JOB_KINDS = {
    "period_pdf": (lambda w: {"period_id": w.period.pk}, RESULTS, "leadership"),
    "annual_report": (lambda w: {"period_id": w.period.pk, "extension": "pdf"}, RESULTS, "leadership"),
    "self_reports_zip": (lambda w: {"period_id": w.period.pk}, OFFICE, "secretariat"),
    "period_publish": (lambda w: {"period_id": w.period.pk}, OFFICE, "secretariat"),
    "survey_import": (lambda w: {"period_id": w.period.pk, "method": "dtxhh"}, OFFICE, "secretariat"),
    "self_score_import": (lambda w: {"assessment_id": w.assessment.pk}, UNIT_FILE, "own_unit_staff"),
    # Earlier years belong to no period: only the office that sent the file follows its import.
    "history_import": (lambda w: {}, OFFICE, "secretariat"),
    # An office's list of accounts: that office (its file of passwords is the sender's alone, once).
    "accounts_import": (lambda w: {"organiser_id": w.district.pk}, OFFICE, "secretariat"),
}
JOB_URLS = ("operations:job", "operations:job_download", "operations:job_retry")
# Public by design, not crawled: the link of a password reset email, guarded by its own signed token.
PUBLIC = {"password_reset_confirm"}
# Every page of the admin site is behind AdminSite.admin_view, which sends anyone but staff to its login.
ADMIN_NAMESPACE = "admin"


@dataclass(frozen=True)
class Pattern:
    route: str
    name: str | None
    namespace: str
    parameters: tuple[str, ...]

    @property
    def key(self):
        return f"{self.namespace}:{self.name}" if self.namespace else self.name


_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def url_patterns(patterns=None, prefix="", namespace=""):
    """Every pattern of the URL configuration, with its full route and the names of its parameters."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, (namespace, entry.namespace)))
            yield from url_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            names = tuple(a or b for a, b in _PARAMETER.findall(route))
            yield Pattern(route.lstrip("^").rstrip("$"), entry.name, namespace, names)


def with_parameters():
    return [pattern for pattern in url_patterns() if pattern.parameters]


def test_every_url_with_parameters_is_mapped():
    keys = {pattern.key for pattern in with_parameters() if pattern.namespace != ADMIN_NAMESPACE}
    unmapped = sorted(keys - PARAMETERS.keys() - PUBLIC)
    assert not unmapped, (
        f"URL patterns without a parameter map in {__name__}.PARAMETERS (say how to fill them with an object "
        f"of one unit and who must be refused, or add them to PUBLIC with a reason): {', '.join(unmapped)}")
    assert not sorted(PARAMETERS.keys() - keys), "PARAMETERS names patterns that no longer exist"


def test_the_crawler_sees_every_kind_of_parameter():
    """The walk itself: included URL files, namespaces, int, slug and str parameters, the admin site."""
    found = {pattern.key: pattern for pattern in with_parameters()}
    assert found["assessments:evidence_download"].parameters == ("pk", "evidence_pk")
    assert found["assessments:transition"].route == "danh-gia/<int:pk>/buoc/<slug:action>/"
    assert found["appraisal:save"].parameters == ("pk", "code")
    assert found["unit_detail"].parameters == ("code",)
    assert sum(pattern.namespace == ADMIN_NAMESPACE for pattern in found.values()) > 20


class World:
    """One unit's file under appraisal with its evidence, a contributor's criterion, a period with a survey
    design and an offices' assessment, a council seat, a job, an improvement plan with a task; the accounts of ``ACCOUNTS``; a
    neighbouring ward and another district that must see none of it."""

    def __init__(self, *, district, other_district, ward, other_ward, assessment, framework):
        self.district, self.ward, self.other_ward = district, ward, other_ward
        self.assessment, self.period, self.framework = assessment, assessment.period, framework
        for unit, secret in ((ward, SECRET), (other_ward, NEIGHBOUR_SECRET)):
            unit.name = f"Phường {secret}"
            unit.save(update_fields=["name"])
        self.accounts = {}
        units = {"district": district, "other_district": other_district, "ward": ward, "other_ward": other_ward,
                 None: None}
        for name, (role, unit) in ACCOUNTS.items():
            user = User(username=name, role=role, unit=units[unit], is_staff=role == Role.ADMIN,
                        is_superuser=role == Role.ADMIN, division="Bộ phận Kinh tế" if role == Role.CONTRIBUTOR else "")
            user.set_password(PASSWORD)
            user.save()
            self.accounts[name] = user
        seat = council_member_add(period=self.period, user=self.accounts["council_seated"], role=CouncilRole.MEMBER)
        self.seat_kwargs = {"period_pk": self.period.pk, "member_pk": seat.pk}
        evidence = Evidence.objects.create(assessment=assessment, title=f"Kế hoạch {SECRET}", original_name="a.pdf",
                                           file=SimpleUploadedFile("ke-hoach.pdf", PDF), content_type="application/pdf")
        self.evidence_kwargs = {"pk": assessment.pk, "evidence_pk": evidence.pk}
        self.job = Job.objects.create(kind="period_pdf", key=f"period_pdf:{self.period.pk}",
                                      title=f"{SECRET} {NEIGHBOUR_SECRET}", params={"period_id": self.period.pk},
                                      created_by=self.accounts["secretariat"])
        office = self.accounts["secretariat"]
        Contribution.objects.create(assessment=assessment, node=framework.nodes.get(code="1.1.1"),
                                    contributor=self.accounts["own_unit_contributor"])
        survey_design_set(period=self.period, data=SURVEY_DESIGN, by=office)
        office_review_part_set(period=self.period, max_points="7", codes=["1.1.3", "1.3.2"], by=office)
        self.plan = plan_create(unit=ward, year=self.period.year + 1, framework=framework, by=office)
        self.task = task_add(plan=self.plan, by=office, number="1", title=f"Nhiệm vụ {SECRET}",
                             lead_agency="Văn phòng UBND phường", deadline="31/12/2025", criteria="1.1")

    def secrets_hidden_from(self, name: str) -> list[str]:
        """The secrets of every ward the account does not belong to."""
        unit_id = self.accounts[name].unit_id if name != ANONYMOUS else None
        return [secret for unit, secret in ((self.ward, SECRET), (self.other_ward, NEIGHBOUR_SECRET))
                if unit.pk != unit_id]

    def url(self, pattern: Pattern) -> str:
        if pattern.namespace == ADMIN_NAMESPACE:
            # Any value will do: the admin site answers before it looks the object up.
            values = {name: str(self.accounts["own_unit_staff"].pk) for name in pattern.parameters}
            values.update({"app_label": "accounts"})
            return "/" + _PARAMETER.sub(lambda m: values[m.group(1) or m.group(2)], pattern.route)
        return reverse(pattern.key, kwargs=PARAMETERS[pattern.key][0](self))


@pytest.fixture
def world(district, other_district, ward, other_ward, under_appraisal, ward_framework):
    return World(district=district, other_district=other_district, ward=ward, other_ward=other_ward,
                 assessment=under_appraisal, framework=ward_framework)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _refusal_problem(response, *, secrets: list[str], anonymous: bool, admin: bool) -> str | None:
    """What is wrong with the answer to an outsider, or None: a refusal carrying none of the unit's data."""
    body = _body(response).decode(errors="replace").lower()
    if leaked := [secret for secret in secrets if secret.lower() in body]:
        return f"{response.status_code} with {', '.join(leaked)} in the body"
    if response.status_code == 405:
        return None  # the view does not take this method; its other method is asked too
    login = reverse("admin:login") if admin else reverse("login")
    if anonymous or admin:
        if response.status_code == 302 and response["Location"].startswith(login):
            return None
        return f"{response.status_code} instead of a redirect to {login}"
    return None if response.status_code in (403, 404) else f"{response.status_code} instead of 403/404"


def _ask(client, world, name, url) -> dict:
    """The answers to GET and POST of ``url`` as account ``name``, signed in with the password alone."""
    client.logout()
    if name != ANONYMOUS:
        client.force_login(world.accounts[name])
    return {method: getattr(client, method)(url) for method in ("get", "post")}


def test_every_url_with_an_object_refuses_outsiders_without_their_data(world, client):
    """GET and POST to every mapped pattern as every outsider; the expected insider opens the GET pages."""
    problems, crawled = [], 0
    for pattern in with_parameters():
        if pattern.key in PUBLIC:
            continue
        admin = pattern.namespace == ADMIN_NAMESPACE
        outsiders, insider = (NOT_STAFF, None) if admin else PARAMETERS[pattern.key][1:]
        url = world.url(pattern)
        for name in outsiders:
            answers = _ask(client, world, name, url)
            problems += [f"{method.upper()} {url} ({pattern.key or pattern.route}) as {name}: {problem}"
                         for method, response in answers.items()
                         if (problem := _refusal_problem(response, secrets=world.secrets_hidden_from(name),
                                                         anonymous=name == ANONYMOUS, admin=admin))]
            if all(response.status_code == 405 for response in answers.values()):
                problems.append(f"{url} as {name}: neither GET nor POST reached the view")
            crawled += 1
        if insider:
            client.force_login(world.accounts[insider])
            status = client.get(url).status_code
            if status not in (200, 302):
                problems.append(f"GET {url} as {insider}, who may open it: {status} (are its parameters right?)")
    assert not problems, "\n".join(problems)
    assert crawled > 250  # every pattern above, several outsiders each


def test_every_kind_of_job_refuses_who_may_not_read_its_object(world, client):
    from operations.jobs import KINDS

    assert JOB_KINDS.keys() == KINDS.keys(), "say who may follow each kind of job"
    problems = []
    for kind, (params, outsiders, insider) in JOB_KINDS.items():
        job = Job.objects.create(kind=kind, key=f"crawl:{kind}", title=f"{SECRET} {NEIGHBOUR_SECRET}",
                                 params=params(world), created_by=world.accounts["secretariat"])
        for url in (reverse(name, kwargs={"job_pk": job.pk}) for name in JOB_URLS):
            for name in outsiders:
                problems += [f"{method.upper()} {url} ({kind}) as {name}: {problem}"
                             for method, response in _ask(client, world, name, url).items()
                             if (problem := _refusal_problem(response, secrets=world.secrets_hidden_from(name),
                                                             anonymous=name == ANONYMOUS, admin=False))]
        client.force_login(world.accounts[insider])
        if (status := client.get(reverse("operations:job", kwargs={"job_pk": job.pk})).status_code) != 200:
            problems.append(f"{kind}'s job as {insider}, who may follow it: {status}")
    assert not problems, "\n".join(problems)


def test_with_two_factor_required_a_password_alone_opens_no_url_of_the_office(world, client, settings):
    """A stolen office or administrator password: every URL leads to enrolment, with none of the data."""
    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.ADMIN})
    enrolment = reverse("two_factor_setup")
    problems = []
    for pattern in with_parameters():
        if pattern.key in PUBLIC:
            continue
        url = world.url(pattern)
        for name in ("secretariat", "council_seated", "admin"):
            for method, response in _ask(client, world, name, url).items():
                body = _body(response).decode(errors="replace")
                if response.status_code != 302 or not response["Location"].startswith(enrolment):
                    problems.append(f"{method.upper()} {url} as {name}: {response.status_code}, not led to enrolment")
                elif SECRET in body or NEIGHBOUR_SECRET in body:
                    problems.append(f"{method.upper()} {url} as {name}: the redirect carries the units' data")
    assert not problems, "\n".join(problems)
