"""Text boxes tell the browser the same limits the services enforce (``config.text``)."""
import re

from config.text import EXPLANATION_MAX, REASON_MAX

LIMITS = {"reason": REASON_MAX, "question": REASON_MAX, "explanation": EXPLANATION_MAX, "text": EXPLANATION_MAX}
BOX = re.compile(r'<(?:textarea|input)\b[^>]*\bname="(reason|question|explanation|text)"[^>]*>')


def boxes(html):
    """(name, maxlength or None) of every free-text box of the page."""
    found = []
    for match in BOX.finditer(html):
        length = re.search(r'maxlength="(\d+)"', match.group(0))
        found.append((match.group(1), int(length.group(1)) if length else None))
    return found


def assert_limited(html, expected_names):
    found = boxes(html)
    assert {name for name, _length in found} >= expected_names
    assert all(length == LIMITS[name] for name, length in found), found


def test_the_entry_page_bounds_explanations(client_for, ward_staff, assessment):
    assert_limited(client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/").content.decode(), {"explanation"})


def test_the_appraisal_page_bounds_reasons_questions_and_answers(client_for, secretariat, ward_staff, under_appraisal):
    assert_limited(client_for(secretariat).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode(),
                   {"reason", "question"})


def test_the_progress_overview_bounds_every_reason(client_for, secretariat, period):
    assert_limited(client_for(secretariat).get(f"/ky-danh-gia/{period.pk}/tien-do/").content.decode(), {"reason"})
