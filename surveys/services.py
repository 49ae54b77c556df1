"""Entering survey points: only the secretariat, never above the framework's survey maximum."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.access import Actor, may_enter_surveys
from assessments.results import result_changed, results_batch
from assessments.workflow import Status
from frameworks.points import PointsParseError, format_points, parse_points, quantize_points

from .models import SurveyMethod, SurveyResult

NO_SURVEY_PART = _("Bộ chỉ số “%(key)s” không có phần điều tra xã hội học.")
ABOVE_SURVEY_MAX = _("Điểm điều tra của %(unit)s không được lớn hơn %(max)s.")
NOT_POINTS = _("Điểm điều tra của %(unit)s “%(value)s” không phải là số không âm.")
TOO_MANY_PLACES = _("Điểm điều tra của %(unit)s chỉ được có tối đa 3 chữ số thập phân.")
UNKNOWN_METHOD = _("Hình thức điều tra “%(method)s” không hợp lệ.")
PUBLISHED = _("Kết quả của %(unit)s đã công bố: không thể sửa điểm điều tra.")
NOT_ALLOWED = _("Chỉ Phòng Nội vụ nhập điểm điều tra xã hội học.")


class SurveyError(Exception):
    pass


@transaction.atomic
def survey_result_save(*, assessment, points, by, method: str = SurveyMethod.SOCIOLOGICAL,
                       respondents: int | None = None, note: str = "") -> SurveyResult:
    if not may_enter_surveys(Actor.of(by), organiser_line=assessment.period.organiser_line):
        raise SurveyError(NOT_ALLOWED)
    framework = assessment.period.framework
    if not framework.survey_max_points:
        raise SurveyError(NO_SURVEY_PART % {"key": framework.key})
    if assessment.status == Status.PUBLISHED:
        raise SurveyError(PUBLISHED % {"unit": assessment.unit.name})
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})
    try:
        value = parse_points(points)
    except PointsParseError:
        raise SurveyError(NOT_POINTS % {"unit": assessment.unit.name, "value": points}) from None
    if value < 0:
        raise SurveyError(NOT_POINTS % {"unit": assessment.unit.name, "value": points})
    if value > framework.survey_max_points:
        raise SurveyError(ABOVE_SURVEY_MAX % {"unit": assessment.unit.name,
                                              "max": format_points(framework.survey_max_points)})
    # Points keep 3 places: refuse what rounding would change ("0,0001") rather than guess, but
    # accept trailing zeros ("12,3000") by storing the value with exactly 3 places.
    if quantize_points(value) != value:
        raise SurveyError(TOO_MANY_PLACES % {"unit": assessment.unit.name})
    value = quantize_points(value)
    result = SurveyResult.objects.filter(assessment=assessment).first() or SurveyResult(assessment=assessment)
    result.points, result.method, result.respondents, result.note = value, method, respondents, note.strip()
    result.entered_by = by
    result._history_user = by
    try:
        result.full_clean()
    except ValidationError as error:
        # Whatever the checks above missed is still the user's input, not a server error.
        raise SurveyError(f"{assessment.unit.name}: {' '.join(error.messages)}") from None
    result.save()
    result_changed(assessment)
    return result


@transaction.atomic
def survey_results_save(*, period, typed: dict, by, method: str = SurveyMethod.SOCIOLOGICAL) -> int:
    """Every unit's survey points of a period at once (``typed``: assessment id → text), all or none.

    Empty texts are skipped; every refused value is listed in one ``SurveyError``.
    """
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})  # once, not once per unit
    problems, saved = [], 0
    with results_batch():
        for assessment in period.assessments.select_related("unit", "period__framework"):
            points = (typed.get(assessment.pk) or "").strip()
            if not points:
                continue
            try:
                survey_result_save(assessment=assessment, points=points, by=by, method=method)
                saved += 1
            except SurveyError as error:
                problems.append(str(error))
        if problems:
            # Raising leaves the atomic block: the units saved before the bad value are rolled back too.
            # Each problem is a sentence naming its unit: one after the other, no ".;".
            raise SurveyError(" ".join(problems))
    return saved
