"""``survey_sample``: the planned sample size n = ⌈N ÷ (1 + N·e²)⌉ from the shell."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def sample(*args):
    out = StringIO()
    call_command("survey_sample", *args, stdout=out)
    return out.getvalue().strip()


def test_ten_thousand_people_at_five_percent_need_385_answers():
    assert sample("--population", "10000") == "385"
    assert sample("--population", "10000", "--margin", "0.05") == "385"


def test_a_wider_margin_needs_fewer_answers():
    assert sample("--population", "10000", "--margin", "0,1") == "100"  # 10000 ÷ 101 = 99,01


@pytest.mark.parametrize(("args", "message"), [
    (("--population", "-5"), "Số người (--population) phải là số nguyên không âm."),
    (("--population", "mười"), "Số người (--population) phải là số nguyên không âm."),
    (("--population", "100", "--margin", "5"), "Sai số (--margin) phải là số lớn hơn 0 và nhỏ hơn 1, ví dụ 0.05."),
    (("--population", "100", "--margin", "abc"), "Sai số (--margin) phải là số lớn hơn 0 và nhỏ hơn 1, ví dụ 0.05."),
])
def test_bad_arguments_are_refused_in_vietnamese(args, message):
    with pytest.raises(CommandError) as error:
        sample(*args)
    assert str(error.value) == message
