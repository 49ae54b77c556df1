"""A whole year run by the Nội vụ office's commands alone, for units that have no accounts.

On the demo's data: a new period of the 14 wards; the operator imports every ward's Excel file, leaves
one merged ward out, submits the others on their behalf, runs the appraisal and publishes. The
ranking then holds the 13 others, and the progress lists 13 published and 1 excluded.
"""
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from accounts.models import User

from assessments.models import Assessment, StatusChange
from organizations.models import Unit

PERIOD = "hoangmai-phuong-2024/2025"
MERGED = "HM-W-TRANPHU"
PAPER_FILE = "đơn vị gửi hồ sơ giấy ngày 20/11/2025"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def filled_template(tmp_path, unit_code: str, points: str):
    """The unit's downloaded template with ``points`` typed on every hand-scored criterion."""
    path = tmp_path / f"{unit_code}.xlsx"
    run("export_self_score_template", PERIOD, unit_code, "-o", str(path))
    book = load_workbook(path)
    for row in book.active.iter_rows(min_row=5):
        if row[0].value and row[3].protection.locked is False:
            row[3].value = points
    book.save(path)
    return path


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())


def test_the_office_runs_a_year_to_publication_by_commands_alone(demo, tmp_path):
    wards = list(Unit.objects.filter(kind="ward", framework_family="hoangmai-phuong").order_by("order", "code").values_list("code", flat=True))
    assert len(wards) == 14
    run("open_period", "hoangmai-phuong-2024", "2025")
    # The ward's new officers' accounts, from the office's list
    users = tmp_path / "can-bo.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Tên đăng nhập", "Email", "Mã đơn vị", "Vai trò"])
    book.active.append(["Nguyễn Văn An", "an.yenso", "an@yenso.gov.vn", "HM-W-YENSO", "Cán bộ đơn vị"])
    book.save(users)
    assert "an.yenso" in run("import_users", str(users))
    assert User.objects.get(username="an.yenso").unit.code == "HM-W-YENSO"

    # Every ward's file, typed in by the operator (the README's `noivu`) without --as
    for n, code in enumerate(wards):
        assert "Đã nhập" in run("import_self_scores", PERIOD, code, str(filled_template(tmp_path, code, "0" if n % 2 else "0,25")))
    run("exclude_unit", PERIOD, MERGED, "--reason", "Sáp nhập vào phường Hoàng Liệt")
    for code in wards:
        if code != MERGED:
            run("workflow", PERIOD, code, "submit", "--reason", PAPER_FILE)
            run("workflow", PERIOD, code, "start_appraisal")
            run("workflow", PERIOD, code, "finish_appraisal")
    run("publish_period", PERIOD)

    ranking = json.loads(run("index_report", PERIOD, "--format", "json"))
    assert len(ranking) == 13 and MERGED not in {row["unit_code"] for row in ranking}
    ranks = sorted({row["rank"] for row in ranking})
    assert len(ranks) == 2 and ranks[0] == 1  # two groups of equal files, each sharing its rank
    progress = json.loads(run("period_progress", PERIOD, "--format", "json"))
    assert len(progress) == 14
    assert set(progress[0]) == {"unit_code", "status", "excluded", "scored", "leaves", "self_total",
                                "evidence_missing", "submitted_at"}
    assert sum(row["status"] == "published" for row in progress) == 13
    assert [row["unit_code"] for row in progress if row["excluded"]] == [MERGED]
    merged = next(row for row in progress if row["excluded"])
    assert (merged["status"], merged["submitted_at"]) == ("draft", None)
    published = next(row for row in progress if not row["excluded"])
    assert published["scored"] == published["leaves"] == 67 and published["submitted_at"]
    assert Decimal(published["self_total"]) > 0
    # The history says who acted, and for whom
    submission = StatusChange.objects.filter(action="submit", assessment__period__year=2025).first()
    assert (submission.by.username, submission.reason) == ("noivu", PAPER_FILE)
    score = Assessment.objects.get(period__year=2025, unit__code=wards[0]).self_scores.first()
    assert score.history.first().history_user.username == "noivu"
    assert "Phòng Nội vụ nhập thay" in score.history.first().history_change_reason


def test_submitting_for_a_unit_needs_a_reason_and_an_excluded_unit_comes_back_only_before_publication(demo):
    run("open_period", "hoangmai-phuong-2024", "2025")
    with pytest.raises(CommandError, match="thay cho đơn vị cần nêu lý do"):
        run("workflow", PERIOD, "HM-W-YENSO", "submit")
    with pytest.raises(CommandError, match="--criteria"):
        run("workflow", PERIOD, "HM-W-YENSO", "request_explanation", "--reason", "Bổ sung")
    run("exclude_unit", PERIOD, MERGED, "--reason", "Sáp nhập")
    with pytest.raises(CommandError, match="đã không tham gia"):
        run("exclude_unit", PERIOD, MERGED, "--reason", "Sáp nhập")
    run("exclude_unit", PERIOD, MERGED, "--reason", "Nhập nhầm", "--undo")
    assert not Assessment.objects.get(period__year=2025, unit__code=MERGED).excluded
    with pytest.raises(CommandError, match="Không có người dùng đang hoạt động “ai-do”"):
        run("workflow", PERIOD, "HM-W-YENSO", "return", "--as", "ai-do", "--reason", "x")
