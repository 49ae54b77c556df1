import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_evaluate_rule_prints_the_official_worked_case(frameworks):
    # Hải Phòng 1.1: (b/a) × 1,5 with a = 10 tasks planned and b = 8 done.
    assert run("evaluate_rule", "haiphong-2023", "1.1", "--inputs", '{"a": 10, "b": 8}') == "1.2"


def test_evaluate_rule_below_the_threshold_scores_zero(frameworks):
    assert run("evaluate_rule", "haiphong-2023", "1.1", "--inputs", '{"a": 10, "b": 7}') == "0"


def test_evaluate_rule_reads_json_decimals_without_floats(frameworks):
    assert run("evaluate_rule", "haiphong-2023", "1.3.2", "--inputs", '{"a": 0, "b": 0, "c": 0}') == "1"


def test_evaluate_rule_bad_input_fails_with_the_message(frameworks):
    with pytest.raises(CommandError, match="“b” không được lớn hơn “a”"):
        run("evaluate_rule", "haiphong-2023", "1.1", "--inputs", '{"a": 8, "b": 10}')


def test_evaluate_rule_unknown_code(frameworks):
    with pytest.raises(CommandError, match="không có tiêu chí “9.9.9”"):
        run("evaluate_rule", "haiphong-2023", "9.9.9")


def test_diff_lists_added_renamed_and_repointed_criteria(frameworks):
    output = run("diff_frameworks", "haiphong-2022", "haiphong-2023").splitlines()
    assert any(line.startswith("added     3.6") for line in output)
    assert any(line.startswith("added     3.7") for line in output)
    assert any(line.startswith("repointed 1.2  1.5 -> 0.5 (-1)") for line in output)
    assert any(line.startswith("renamed   1.1") for line in output)


def test_diff_page_shows_the_comparison_like_the_letter(client_for, leadership, frameworks):
    html = client_for(leadership).get("/bo-chi-so/haiphong-2023/so-sanh/").content.decode()
    assert "Thay đổi điểm" in html and "Hạ điểm" in html and "Thêm mới tiêu chí" in html


def test_diff_page_summarises_the_changes(client_for, leadership, frameworks):
    from frameworks.selectors import framework_diff

    diff = framework_diff(old=frameworks["haiphong-2022"], new=frameworks["haiphong-2023"])
    html = client_for(leadership).get("/bo-chi-so/haiphong-2023/so-sanh/").content.decode()
    expected = (f"{len(diff.repointed)} mục thay đổi điểm, {len(diff.renamed)} mục đổi nội dung, "
                f"{len(diff.added)} tiêu chí thêm mới, {len(diff.removed)} tiêu chí bỏ.")
    assert expected in html
    assert len(diff.added) >= 2  # 3.6 and 3.7 are new in 2023
