"""Demo periods with plausible scores, so every page has something to show after `make run`."""
import csv
import hashlib
import io
import json
from datetime import date, datetime
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from appraisal.models import CouncilRole, PublishedResult
from appraisal.services import (
    appraisal_finish, appraisal_save, assignments_apply_defaults, assignments_set, council_member_add, period_publish,
)
from appraisal.services_office_review import office_review_part_set, office_review_save
from assessments import actions
from assessments.models import Assessment, Period, SelfScore, StatusChange
from assessments.results import results_batch, results_refresh
from assessments.services import period_open, self_score_save
from assessments.workflow import SELF_EDITABLE, Status
from contributors.selectors import assigned_node_ids, unit_contributors
from contributors.services import contribution_review, contributions_assign, contributions_prefill
from frameworks.models import Framework, Node
from frameworks.points import quantize_points
from frameworks.selectors import office_changes, tree_for
from frameworks.services import responsible_offices_set
from improvement.models import Plan
from improvement.services import TargetRow, plan_ensure, targets_load, task_add
from improvement.tasks import deadline_from_text
from organizations.models import Unit, UnitKind
from reports.history import history_import, seed_history_rows
from reports.models import ImportedResult
from surveys.imports import survey_responses_import
from surveys.services import survey_design_set, survey_result_save


# Share of the maximum a unit earns on a criterion, picked by a stable hash (no randomness: reruns agree).
_SHARES = [Decimal(1), Decimal(1), Decimal(1), Decimal("0.75"), Decimal("0.5"), Decimal(0)]


def _pick(choices: list, *parts):
    """One of ``choices``, the same for the same ``parts`` on every run."""
    digest = hashlib.sha256("/".join(map(str, parts)).encode()).digest()
    return choices[digest[0] % len(choices)]


def _share(*parts) -> Decimal:
    return _pick(_SHARES, *parts)


def _demo_points(period: Period, unit, node, *, step=None) -> Decimal:
    """The share ``_share`` picks of the leaf's maximum, on ``step`` (by default the framework's)."""
    step = Decimal(step or period.framework.points_step)
    share = node.max_points * _share(str(period.year), unit.code, node.code)
    return quantize_points((share / step).to_integral_value(ROUND_FLOOR) * step)


def _fill_self_scores(period: Period, *, skip_units=()) -> None:
    rows = []
    for assessment in period.assessments.select_related("unit"):
        if assessment.unit.code in skip_units:
            continue
        for node in tree_for(period.framework).leaves:
            rows.append(SelfScore(assessment=assessment, node_id=node.pk,
                                  value=_demo_points(period, assessment.unit, node),
                                  explanation="Số liệu mẫu", updated_by=assessment.unit.users.first()))
    # Demo data only: bulk insert, without the per-save history the services write.
    SelfScore.objects.bulk_create(rows)
    results_refresh(list(period.assessments.all()))


def unit_slug(unit) -> str:
    """HM-W-HOANGLIET → hoangliet: the part of a demo username after ``truong.`` or ``canbo.``."""
    return unit.code.rsplit("-", 1)[-1].lower()


# Illustrative people's names for the demo's unit accounts. A name made of the role and the unit ("Cán bộ Phường
# Đại Kim") was repeated beside the role and the unit wherever a user is shown, and split into "Cán bộ Phường
# Đại" + "Kim" by the family/given name fields.
_FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
_MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Thu", "Đức", "Thanh", "Quang", "Ngọc", "Hữu", "Thúy"]
_GIVEN_NAMES = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Lan", "Linh", "Long", "Mai",
                "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"]


def demo_person_name(username: str) -> str:
    """An illustrative Vietnamese full name, the same for ``username`` on every run."""
    return " ".join(_pick(names, username, n) for n, names in enumerate((_FAMILY_NAMES, _MIDDLE_NAMES, _GIVEN_NAMES)))


def demo_unit_accounts(units) -> list[tuple[str, Role, object, str]]:
    """A head (``truong.<slug>``) and an officer (``canbo.<slug>``) for every ward and department, so that
    every demo unit can fill in and submit its own file: (username, role, unit, full name)."""
    accounts = []
    for unit in units:
        if unit.kind in (UnitKind.WARD, UnitKind.DEPARTMENT):
            for username, role in ((f"truong.{unit_slug(unit)}", Role.UNIT_HEAD),
                                   (f"canbo.{unit_slug(unit)}", Role.UNIT_STAFF)):
                accounts.append((username, role, unit, demo_person_name(username)))
    return accounts


def _unit_head(unit) -> User:
    """Only a unit's head submits; ``demo_unit_accounts`` gave every demo unit one."""
    return unit.users.filter(role=Role.UNIT_HEAD, is_active=True).earliest("pk")


def _start_appraisal(assessment, *, secretariat) -> None:
    if assessment.status in SELF_EDITABLE:
        actions.assessment_submit(assessment=assessment, by=_unit_head(assessment.unit))
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)


def _appraise_all(period: Period, *, secretariat) -> None:
    for assessment in period.assessments.select_related("unit"):
        _start_appraisal(assessment, secretariat=secretariat)
        first_leaf = assessment.self_scores.select_related("node").order_by("node__order").first()
        if first_leaf and first_leaf.value:
            appraisal_save(assessment=assessment, node=first_leaf.node, by=secretariat, value="0",
                           reason="Tài liệu kiểm chứng không đúng năm đánh giá", expected_version=None)
        appraisal_finish(assessment=assessment, by=secretariat)
        points = quantize_points(Decimal(20) + Decimal(10) * _share(str(period.year), assessment.unit.code, "survey"))
        survey_result_save(assessment=assessment, points=points, by=secretariat, respondents=120)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9))


def _date_in_its_year(period: Period, *, published_on: date) -> None:
    """A past period's steps carry the dates of its own cycle, not the day the demo was seeded: the
    self-assessment at its deadline, the appraisal at its deadline, the publication on ``published_on``."""
    steps = StatusChange.objects.filter(assessment__period=period)
    steps.filter(new_status=Status.SUBMITTED).update(at=_at(period.self_assessment_deadline))
    steps.exclude(new_status__in=[Status.SUBMITTED, Status.PUBLISHED]).update(at=_at(period.appraisal_deadline))
    steps.filter(new_status=Status.PUBLISHED).update(at=_at(published_on))
    Assessment.objects.filter(period=period).update(status_changed_at=_at(published_on))
    PublishedResult.objects.filter(assessment__period=period).update(published_at=_at(published_on))
    Period.objects.filter(pk=period.pk).update(published_at=_at(published_on))


# Seed 000 names no responsible office for any Hoàng Mai criterion (the "Chú thích" column of both appendices
# is empty; Điều 2 gives offices duties in running the index, not criteria). The demo therefore sets an
# illustrative split by area, as the office would, so that "Phân công theo đơn vị phụ trách" has something to
# follow: not a source, and the history says "Dữ liệu mẫu". Both Hoàng Mai trees number their areas alike.
DEMO_OFFICES = {
    "2": ["Phòng Tư pháp"],  # legal documents
    "3": ["Văn phòng HĐND và UBND Quận"],  # administrative procedures, one-stop shop
    "4": ["Phòng Nội vụ"], "5": ["Phòng Nội vụ"],  # organisation, civil service
    "6": ["Phòng Tài chính - Kế hoạch"],
    "7": ["Phòng Văn hóa và Thông tin"],  # e-government
}


def demo_offices(framework: Framework, *, by) -> None:
    """``DEMO_OFFICES`` on a Hoàng Mai tree, once: never over offices the office has set (or cleared)."""
    nodes = Node.objects.filter(framework=framework)
    if not nodes.exclude(responsible_offices=[]).exists() and not office_changes(framework).exists():
        responsible_offices_set(framework=framework, offices=DEMO_OFFICES, by=by, reason="Dữ liệu mẫu")


# The district offices' assessment of the 2024 wards (as seed 004's Hà Đông does for Phú La): a few criteria,
# worth 3,75 together, in a part of 10 so that the scaling shows.
DEMO_OFFICE_REVIEW = ("10", ["1.1.3", "1.2.1", "1.3.2", "2.2", "3.1.1"])


def _office_review(period: Period, assessments, *, secretariat, office_head) -> None:
    """The part, scored by the office for the first units under appraisal, and by the Justice office's head
    on 2.2 (area 2 is assigned to it) for the first of them; the others wait for the offices."""
    maximum, codes = DEMO_OFFICE_REVIEW
    part = office_review_part_set(period=period, max_points=maximum, codes=codes, by=secretariat)
    nodes = {node.code: node for node in Node.objects.filter(framework=period.framework, code__in=part.criteria)
             .select_related("framework")}
    with transaction.atomic(), results_batch():  # each unit's result refreshed once
        for assessment in assessments:
            for code in part.criteria[:3]:
                office_review_save(assessment=assessment, node=nodes[code], by=secretariat,
                                   points=_demo_points(period, assessment.unit, nodes[code]))
        office_review_save(assessment=assessments[0], node=nodes["2.2"], by=office_head,
                           points=_demo_points(period, assessments[0].unit, nodes["2.2"]),
                           reason="Theo báo cáo theo dõi thi hành pháp luật của phường")


# The 2024 wards' sociological survey, so that the office has a designed part to look at and import again. Seed 000
# (lines 99–103) gives its maximum (30) and its four respondent groups, taken from the framework as written; it
# names no criteria nor questions, so those, the groups' equal weights and the responses are illustrative: the
# criteria say so in their titles and the responses file in its name.
DEMO_SURVEY_CRITERIA = [
    ("DT1", "(Minh họa) Công tác chỉ đạo, điều hành cải cách hành chính của phường", "10"),
    ("DT2", "(Minh họa) Giải quyết thủ tục hành chính tại Bộ phận một cửa", "12"),
    ("DT3", "(Minh họa) Thái độ, tinh thần phục vụ của cán bộ, công chức phường", "8"),
]
DEMO_SURVEY_GROUPS = ["CCQ", "CCP", "CD", "TDP"]  # in the order of the framework's respondent_groups
# (question, criterion, groups asked): answers 1–5, 4 and 5 favourable.
DEMO_SURVEY_QUESTIONS = [
    ("Q1", "DT1", ["CCQ", "CCP", "TDP"]), ("Q2", "DT2", ["CD", "TDP"]), ("Q3", "DT2", ["CD"]),
    ("Q4", "DT3", ["CCQ", "CD", "TDP"]),
]
DEMO_SURVEY_FILE = "phieu-dieu-tra-minh-hoa-2024.csv"
_ANSWERS = [5, 5, 4, 4, 4, 3, 2]  # picked by ``_pick``, as ``_SHARES``
RESPONDENTS_PER_GROUP = 5


def demo_survey_design(framework: Framework) -> dict:
    """DESIGN.json of the demo's survey on ``framework``: its maximum and respondent groups, the rest illustrative."""
    survey = framework.extra["survey"]
    return {
        "max_points": survey["max_points"],
        "criteria": [{"code": code, "title": title, "max_points": points}
                     for code, title, points in DEMO_SURVEY_CRITERIA],
        "groups": [{"code": code, "title": title, "weight": "1"}
                   for code, title in zip(DEMO_SURVEY_GROUPS, survey["respondent_groups"], strict=True)],
        "questions": [{"code": code, "criterion": criterion, "groups": groups, "scale": [1, 5], "favourable": [4, 5]}
                      for code, criterion, groups in DEMO_SURVEY_QUESTIONS],
    }


def _demo_survey_responses(period: Period) -> bytes:
    """A CSV of ``RESPONDENTS_PER_GROUP`` respondents per group and ward, each answering what its group is asked."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "group", *(code for code, _criterion, _groups in DEMO_SURVEY_QUESTIONS)])
    for unit_code in period.assessments.order_by("unit__code").values_list("unit__code", flat=True):
        for group in DEMO_SURVEY_GROUPS:
            for n in range(RESPONDENTS_PER_GROUP):
                writer.writerow([unit_code, group, *(_pick(_ANSWERS, unit_code, group, n, code) if group in asked else ""
                                                     for code, _criterion, asked in DEMO_SURVEY_QUESTIONS)])
    return out.getvalue().encode("utf-8")


def _demo_survey(period: Period, *, secretariat) -> None:
    survey_design_set(period=period, data=demo_survey_design(period.framework), by=secretariat)
    survey_responses_import(period=period, file=io.BytesIO(_demo_survey_responses(period)), name=DEMO_SURVEY_FILE,
                            by=secretariat)


def seed_demo_periods(*, users: dict) -> list[str]:
    """Create the demo periods once; returns what it created."""
    created = []
    secretariat = users["noivu"]
    ward_framework = Framework.objects.get(key="hoangmai-phuong-2024")
    department_framework = Framework.objects.get(key="hoangmai-phong-2024")
    for framework in (ward_framework, department_framework):
        demo_offices(framework, by=secretariat)

    if not Period.objects.filter(framework=ward_framework, year=2023).exists():
        earlier = period_open(framework=ward_framework, year=2023, by=secretariat,
                              self_assessment_deadline=date(2023, 11, 30), appraisal_deadline=date(2023, 12, 20))
        _fill_self_scores(earlier)
        _appraise_all(earlier, secretariat=secretariat)
        period_publish(period=earlier, by=secretariat)
        _date_in_its_year(earlier, published_on=date(2024, 1, 15))
        created.append(earlier.identifier)

    if not Period.objects.filter(framework=ward_framework, year=2024).exists():
        current = period_open(framework=ward_framework, year=2024, by=secretariat,
                              self_assessment_deadline=date(2026, 12, 31), appraisal_deadline=date(2027, 1, 31))
        # Hoàng Liệt is left as a draft for the demo officer to fill in.
        _fill_self_scores(current, skip_units={"HM-W-HOANGLIET"})
        seat = council_member_add(period=current, user=users["hoidong"], role=CouncilRole.MEMBER)
        council_member_add(period=current, user=users["lanhdao"], role=CouncilRole.CHAIR)
        council_member_add(period=current, user=secretariat, role=CouncilRole.VICE_CHAIR)
        # The Justice office's head gets area 2 by its responsible office, and area 1 by hand.
        assignments_apply_defaults(period=current)
        assignments_set(member=seat, codes=["1"])
        appraising = list(current.assessments.select_related("unit").exclude(unit__code="HM-W-HOANGLIET")[:6])
        for assessment in appraising:
            _start_appraisal(assessment, secretariat=secretariat)
        _office_review(current, appraising[:3], secretariat=secretariat, office_head=users["hoidong"])
        _demo_survey(current, secretariat=secretariat)
        created.append(current.identifier)

    if not Period.objects.filter(framework=department_framework, year=2024).exists():
        departments = period_open(framework=department_framework, year=2024, by=secretariat,
                                  self_assessment_deadline=date(2026, 12, 31))
        _fill_self_scores(departments, skip_units={"HM-P-TUPHAP"})
        created.append(departments.identifier)
    return created


# -- other organisers in the same installation: Hải Phòng (seed 001) and Hà Nội's own index (seed 003) --------

ECONOMIC_ZONE = "HP-S-BQLKKT"
# The Economic Zone board gathers its figures from its divisions (seed 001, line 25: "các phòng chuyên môn, đơn vị
# sự nghiệp trực thuộc ... phối hợp với Văn phòng Ban Quản lý"). Only the Văn phòng is named there; the other two
# are the board's usual divisions, and the split by area is illustrative, as the board's head would make it.
# (username, division, full name, areas)
ECONOMIC_ZONE_DIVISIONS = [
    ("vanphong.bqlkkt", "Văn phòng Ban Quản lý", "Trần Thị Thu Hằng", ["1", "4", "5", "6"]),
    ("dautu.bqlkkt", "Phòng Quản lý Đầu tư", "Nguyễn Văn Đức", ["3", "8"]),
    ("doanhnghiep.bqlkkt", "Phòng Quản lý Doanh nghiệp và Lao động", "Phạm Thị Hòa", ["2", "7"]),
]
ECONOMIC_ZONE_HEAD = "truong.bqlkkt"
HA_NOI_HEAD = "truong.hanoi"


def lead_agency_accounts(units) -> list[tuple[str, object, str, str]]:
    """A contributor of Hà Nội (``HN``) for each lead agency seed 003 names ("Chủ trì tham mưu", the city
    departments of ``fixtures/units/hanoi.json``), its division the agency's name as the seed prints it:
    (username ``chutri.<slug>``, unit, division, full name)."""
    city = next(unit for unit in units if unit.code == "HN")
    return [(f"chutri.{unit_slug(unit)}", city, unit.name, f"Đầu mối {unit.name}")
            for unit in sorted(units, key=lambda unit: unit.code)
            if unit.parent_id == city.pk and unit.kind == UnitKind.CITY_DEPARTMENT]


def contributor_accounts(units) -> list[tuple[str, object, str, str]]:
    """Every demo contributor: the Economic Zone's divisions, and Hà Nội's lead agencies (``lead_agency_accounts``)."""
    zone = next(unit for unit in units if unit.code == ECONOMIC_ZONE)
    return [(username, zone, division, name) for username, division, name, _areas in ECONOMIC_ZONE_DIVISIONS] + \
        lead_agency_accounts(units)


def _contributor_scores(assessment: Assessment, contributor, *, count: int) -> list[Node]:
    """The contributor's first ``count`` hand-typed criteria, saved through the service as it would on the page."""
    held = assigned_node_ids(assessment_id=assessment.pk, contributor_id=contributor.pk)
    nodes = Node.objects.select_related("framework").filter(pk__in=held).order_by("order")
    typed = [node for node in nodes if node.scoring_rule["kind"] == "manual"][:count]
    for node in typed:
        points = _demo_points(assessment.period, assessment.unit, node, step=node.scoring_rule["step"])
        self_score_save(assessment=assessment, node=node, by=contributor, expected_version=None, value=str(points),
                        explanation="Số liệu mẫu")
    return typed


def seed_hai_phong(*, users: dict) -> list[str]:
    """Hải Phòng's 2023 period (seed 001's 65-point tree) over its sở, ban, ngành, opened by the city's Nội vụ
    office; every file self-scored but the Economic Zone board's, which its divisions are filling in. Once."""
    framework = Framework.objects.get(key="haiphong-2023")
    if Period.objects.filter(framework=framework, year=2023, organiser__code="HP").exists():
        return []
    period = period_open(framework=framework, year=2023, by=users["noivu.haiphong"],
                         self_assessment_deadline=date(2026, 12, 31), appraisal_deadline=date(2027, 1, 31))
    _fill_self_scores(period, skip_units={ECONOMIC_ZONE})
    zone, head = period.assessments.get(unit__code=ECONOMIC_ZONE), users[ECONOMIC_ZONE_HEAD]
    for username, _division, _name, areas in ECONOMIC_ZONE_DIVISIONS:
        contributor = User.objects.get(username=username)
        contributions_assign(assessment=zone, contributor=contributor, codes=areas, by=head)
        typed = _contributor_scores(zone, contributor, count=2)
        if username == ECONOMIC_ZONE_DIVISIONS[0][0]:  # the head has looked at the Văn phòng's first one
            contribution_review(assessment=zone, node=typed[0], by=head)
    return [period.full_identifier]


def seed_ha_noi_index(*, users: dict) -> list[str]:
    """Hà Nội's own 2020 index (seed 003), opened by the city's office, its criteria shared out by the head among
    the lead agencies as the seed names them (``contributions_prefill``), each with one criterion scored. Once."""
    framework = Framework.objects.get(key="hanoi-province-2020")
    if Period.objects.filter(framework=framework, year=2020, organiser__code="HN").exists():
        return []
    period = period_open(framework=framework, year=2020, by=users["noivu.hanoi"],
                         self_assessment_deadline=date(2026, 12, 31), appraisal_deadline=date(2027, 1, 31))
    city = period.assessments.select_related("unit").get()
    contributions_prefill(assessment=city, by=users[HA_NOI_HEAD])
    for contributor in unit_contributors(unit_id=city.unit_id):
        _contributor_scores(city, contributor, count=1)
    return [period.full_identifier]


def seed_ha_dong(*, users: dict) -> list[str]:
    """A second district of Hà Nội running a 2024 ward period, so that the city's leadership has two districts to
    rank together. Illustrative: Hà Đông's own ward tree is not in the seeds (Phú La's results are period data
    only), so its office assesses Phú La on Hoàng Mai's ward tree, its units named. Once."""
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    if Period.objects.filter(framework=framework, year=2024, organiser__code="HD").exists():
        return []
    period = period_open(framework=framework, year=2024, by=users["noivu.hadong"], unit_codes=["HD-W-PHULA"],
                         self_assessment_deadline=date(2026, 12, 31), appraisal_deadline=date(2027, 1, 31))
    _fill_self_scores(period)
    return [period.full_identifier]


TARGETS_DIR = Path(settings.BASE_DIR) / "fixtures" / "targets"
# The seeds' plans: (fixture, how its years are named, unit, family).
SEED_PLANS = [
    ("hanoi-province-2020.json", "hanoi-province-2020", "HN", "hanoi-province"),
    ("phula-2021.json", "hadong-phuong", "HD-W-PHULA", "hadong-phuong"),
]


def seed_targets_fixture(name: str) -> dict:
    return json.loads((TARGETS_DIR / name).read_text(encoding="utf-8"))


def seed_history() -> list[str]:
    """Hà Nội 2019 (seed 003) and Phú La 2019–2020 (seed 004) through the history import, once each."""
    created = []
    for name, period, unit_code, _family in SEED_PLANS:
        if ImportedResult.objects.filter(unit__code=unit_code).exists():
            continue
        data = seed_targets_fixture(name)
        history_import(rows=seed_history_rows(data, period=period, unit_code=unit_code), source=data["source_file"],
                       by=None)
        created.append(f"{unit_code} ({data['source_file']})")
    return created


def seed_plans() -> list[str]:
    """Seed 003's 2020 targets for Hà Nội and seed 004's 2021 targets for Phú La, each on its seed line; once."""
    created = []
    for name, _period, unit_code, family in SEED_PLANS:
        data = seed_targets_fixture(name)
        unit, year = Unit.objects.get(code=unit_code), data["target_year"]
        if Plan.objects.filter(unit=unit, year=year, family=family).exists():
            continue
        plan = plan_ensure(unit=unit, year=year, family=family, document=data["document"], source=data["source_file"],
                           framework=Framework.objects.filter(key=data["framework"]).first())
        rows = [TargetRow(line=row["source_line"], code=row["code"], value=row[f"target_{year}"],
                          title=row.get("title", ""), max_points=row.get("max_points"),
                          responsible=tuple(row.get("responsible_sections", ())), source_line=row["source_line"])
                for row in data["rows"]]
        targets_load(plan=plan, rows=rows, by=None, reason=data["source_file"])
        created.append(f"{unit_code} {year}")
    return created


def seed_tasks() -> int:
    """Seed 003's appendix 1 (20 tasks) in Hà Nội's 2020 plan, each with its seed line; once."""
    data = seed_targets_fixture("hanoi-tasks-2020.json")
    plan = Plan.objects.get(unit__code="HN", year=2020, family="hanoi-province")
    if plan.tasks.exists():
        return 0
    for row in data["tasks"]:
        task_add(plan=plan, by=None, number=row["stt"], title=row["task"], lead_agency=row["lead_agency"],
                 co_lead_agencies=row["co_lead_agencies"], cooperating_agencies=row["cooperating_agencies"],
                 deadline=deadline_from_text(row["deadline"]), deadline_text=row["deadline"],
                 criteria=",".join(filter(None, [row["code"]])), source_line=row["source_line"],
                 reason=data["source_file"])
    return len(data["tasks"])
