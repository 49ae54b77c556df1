"""Hypothesis profiles, and the imports the harness (``importers.py``) tries.

Profiles: ``ci`` (the default: few examples, seconds per test, for ``make test``) and ``thorough`` (many
examples, for ``make proof``: ``pytest --hypothesis-profile=thorough``).
"""
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from accounts.excel import ImportRejected as UsersRejected
from accounts.excel import users_import_xlsx, users_template_xlsx
from accounts.models import User
from appraisal.excel import AppraisalImportRejected, appraisal_import, appraisal_workbook
from appraisal.models import AppraisedScore
from assessments.excel import ImportRejected, self_score_template_xlsx, self_scores_import_xlsx
from assessments.models import SelfScore

from properties.importers import Importer, decomposed, huge_text, raw_numbers, workbook_with


# Database fixtures are shared by a test's examples on purpose: each example rolls back what it wrote.
_SHARED = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
               print_blob=True)
settings.register_profile("ci", max_examples=15, derandomize=True, **_SHARED)
settings.register_profile("thorough", max_examples=200, **_SHARED)
settings.load_profile("ci")


# -- the imports tried: adding one is a fixture ``<name>_importer`` and its name here ---------------

IMPORTERS = ["self_scores", "appraisal", "users"]

bad_points = st.one_of(st.integers(min_value=-10**9, max_value=-1), st.integers(min_value=1000, max_value=10**12),
                       st.sampled_from(["abc", "1,5.2", "=1/0", "=D7*2", "½"]), huge_text,
                       raw_numbers.filter(lambda raw: raw.token not in ("", "1,5")))


@pytest.fixture(params=IMPORTERS)
def importer(request) -> Importer:
    return request.getfixturevalue(f"{request.param}_importer")


@pytest.fixture
def self_scores_importer(assessment, ward_staff) -> Importer:
    nodes = list(assessment.period.framework.nodes.order_by("order"))
    parents = {node.parent_id for node in nodes}
    first = 5  # the template's first row under its header
    return Importer(
        name="self_scores",
        valid=lambda: self_score_template_xlsx(assessment=assessment),
        run=lambda file: self_scores_import_xlsx(assessment=assessment, file=file, by=ward_staff),
        rejected=ImportRejected, problems=lambda rejected: rejected.problems,
        rows=lambda: SelfScore.objects.count() + SelfScore.history.count(),
        url=reverse("assessments:excel_import", args=[assessment.pk]), user=ward_staff,
        data_rows=range(first, first + len(nodes)),
        bad_rows=[first + index for index, node in enumerate(nodes) if node.pk not in parents],
        bad_cells={"D": bad_points},
    )


@pytest.fixture
def appraisal_importer(under_appraisal, secretariat) -> Importer:
    period = under_appraisal.period
    leaves = period.framework.nodes.filter(children__isnull=True).count() * period.assessments.count()
    return Importer(
        name="appraisal",
        valid=lambda: appraisal_workbook(period=period),
        run=lambda file: appraisal_import(period=period, file=file, by=secretariat),
        rejected=AppraisalImportRejected, problems=lambda rejected: rejected.problems,
        rows=lambda: AppraisedScore.objects.count() + AppraisedScore.history.count(),
        url=reverse("appraisal:import", args=[period.pk]), user=secretariat,
        data_rows=range(2, 2 + leaves), bad_rows=list(range(2, 2 + leaves)),
        bad_cells={"A": st.sampled_from(["HM-W-KHONGCO", "1.1.1"]) | decomposed, "C": st.sampled_from(["9.9.9", "1.1"]),
                   "G": bad_points.filter(lambda value: not str(value).startswith("=")), "H": huge_text},
    )


ACCOUNTS = [
    ["Nguyễn Thị Thu Hà", "canbo2.yenso", "ha@example.gov.vn", "HM-W-YENSO", "Cán bộ đơn vị"],
    ["Trần Văn Bình", "truong2.yenso", "", "HM-W-YENSO", "unit_head"],
    ["Lê Thị Mai", "lanhdao2", "mai@example.gov.vn", "HM", "Lãnh đạo"],
]


@pytest.fixture
def users_importer(secretariat, other_ward) -> Importer:
    valid = workbook_with(users_template_xlsx(), {
        f"{letter}{row}": value for row, account in enumerate(ACCOUNTS, 2) for letter, value in zip("ABCDE", account)})
    return Importer(
        name="users",
        valid=lambda: valid,
        run=lambda file: users_import_xlsx(file=file, by=secretariat),
        rejected=UsersRejected, problems=lambda rejected: rejected.rows,
        rows=lambda: User.objects.count() + User.history.count(),
        url=reverse("accounts:import"), user=secretariat,
        data_rows=range(2, 2 + len(ACCOUNTS)), bad_rows=list(range(2, 2 + len(ACCOUNTS))),
        bad_cells={"B": st.sampled_from(["bob", "có dấu cách", "x" * 200]), "C": st.sampled_from(["khong-phai-email"]),
                   "D": st.sampled_from(["HM-W-KHONGCO"]) | decomposed, "E": st.sampled_from(["Chủ tịch", "admin"])
                   | decomposed | huge_text},
    )
