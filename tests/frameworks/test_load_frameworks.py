import pytest
from django.core.management import call_command

from assessments.models import Period
from organizations.models import Unit
from frameworks.errors import FrameworkError
from frameworks.models import Framework, Node
from frameworks.services import FIXTURE_DIR, framework_load, frameworks_load_all, read_fixture


def test_loading_creates_every_framework_with_its_nodes(frameworks):
    ward = frameworks["hoangmai-phuong-2024"]
    assert ward.nodes.count() == 91
    assert ward.family == "hoangmai-phuong"
    assert ward.appraisal_max_points == 70 and ward.survey_max_points == 30
    sub = ward.nodes.get(code="1.1.1")
    assert (sub.level, sub.parent.code, sub.parent.parent.code) == (3, "1.1", "1")


def test_loading_again_changes_nothing(frameworks):
    before = {f.key: (f.pk, f.nodes.count()) for f in Framework.objects.all()}
    node_ids = set(Node.objects.values_list("pk", flat=True))
    results = frameworks_load_all()
    assert {r.status for r in results} == {"unchanged"}
    assert {f.key: (f.pk, f.nodes.count()) for f in Framework.objects.all()} == before
    assert set(Node.objects.values_list("pk", flat=True)) == node_ids


def test_the_area_3_mismatch_is_a_warning_not_a_failure(db, capsys):
    call_command("load_frameworks")
    captured = capsys.readouterr()
    assert "hoangmai-phong-2024: created" in captured.out
    assert "“3”: điểm tối đa công bố 14 nhưng tổng các tiêu chí con là 13." in captured.err


def test_a_changed_fixture_updates_a_framework_no_period_uses(frameworks):
    data = read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json")
    data["nodes"][0]["title"] = "Tiêu đề đã sửa"
    result = framework_load(data=data)
    assert result.status == "updated"
    assert Node.objects.get(framework__key="hoangmai-phuong-2024", code="1").title == "Tiêu đề đã sửa"


def test_a_framework_used_by_a_period_is_immutable(frameworks):
    Period.objects.create(organiser=Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind="district"),
                          framework=frameworks["hoangmai-phuong-2024"], year=2024)
    data = read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json")
    data["nodes"][1]["max_points"] = "2.5"
    with pytest.raises(FrameworkError, match="đã được dùng cho kỳ đánh giá"):
        framework_load(data=data)
    assert Node.objects.get(framework__key="hoangmai-phuong-2024", code=data["nodes"][1]["code"]).max_points != 2.5


def test_a_malformed_fixture_is_refused_whole(db):
    data = read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json")
    data["nodes"][5]["max_points"] = "một"
    with pytest.raises(FrameworkError, match="điểm tối đa không hợp lệ"):
        framework_load(data=data, source="bad.json")
    assert not Framework.objects.filter(key="hoangmai-phuong-2024").exists()
    assert not Node.objects.exists()


def test_a_child_listed_before_its_parent_is_refused(db):
    data = read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json")
    data["nodes"][0], data["nodes"][1] = data["nodes"][1], data["nodes"][0]
    with pytest.raises(FrameworkError, match="không đứng trước nó"):
        framework_load(data=data)
