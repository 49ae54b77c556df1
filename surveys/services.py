"""Survey parts of a period and the points of each unit in them: only the office writes them.

A period holds a survey when it has parts; adding or removing one changes every unit's maximum, so
every unit's stored result is refreshed. Typed points are the "entered points" of a part and never
exceed its maximum; a part with a design gets its points from the responses (``surveys.imports``).
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.access import Actor, may_enter_surveys
from assessments.results import result_changed, results_batch
from assessments.workflow import Status
from frameworks.points import PointsParseError, format_points, parse_points, quantize_points
from frameworks.selectors import tree_for
from organizations.hierarchy import home_affairs_office

from .aggregation import Design
from .design import read_design
from .models import SurveyMethod, SurveyPart, SurveyResult

NO_SURVEY_PART = _("Bộ chỉ số “%(key)s” không có phần điều tra xã hội học.")
ABOVE_SURVEY_MAX = _("Điểm điều tra của %(unit)s không được lớn hơn %(max)s.")
NOT_POINTS = _("Điểm điều tra của %(unit)s “%(value)s” không phải là số không âm.")
TOO_MANY_PLACES = _("Điểm điều tra của %(unit)s chỉ được có tối đa 3 chữ số thập phân.")
UNKNOWN_METHOD = _("Hình thức điều tra “%(method)s” không hợp lệ.")
PUBLISHED = _("Kết quả của %(unit)s đã công bố: không thể sửa điểm điều tra.")
NOT_ALLOWED = _("Chỉ %(office)s nhập điểm điều tra xã hội học.")  # the period organiser's office
DESIGNED_PART = _("Phần “%(part)s” tính điểm từ phiếu điều tra: nhập phiếu thay vì gõ điểm.")
PERIOD_PUBLISHED = _("Kỳ %(identifier)s đã công bố: không thể đổi phần điều tra.")
BAD_PART_MAX = _("Điểm tối đa của phần “%(part)s” “%(value)s” phải là số không âm, tối đa 3 chữ số thập phân.")
NO_SUCH_PART = _("Kỳ %(identifier)s không có phần điều tra “%(part)s”.")


class SurveyError(Exception):
    pass


def refresh_period(period) -> None:
    """Every unit's maximum follows the period's parts: refresh them all, once each."""
    with results_batch():
        for assessment in period.assessments.select_related("period__framework"):
            result_changed(assessment)


def check_office(by, period) -> None:
    if not may_enter_surveys(Actor.of(by), organiser_line=period.organiser_line):
        raise SurveyError(NOT_ALLOWED % {"office": home_affairs_office(period.organiser)})
    if period.published_at is not None:
        raise SurveyError(PERIOD_PUBLISHED % {"identifier": period.identifier})


@transaction.atomic
def survey_part_set(*, period, method: str, max_points, by) -> SurveyPart:
    """Hold the survey part ``method`` in the period with this maximum (SIPAS, PAPI, the district's survey)."""
    check_office(by, period)
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})
    label = SurveyMethod(method).label
    try:
        value = parse_points(max_points)
    except PointsParseError:
        value = None
    if value is None or value < 0 or quantize_points(value) != value:
        raise SurveyError(BAD_PART_MAX % {"part": label, "value": max_points})
    part = SurveyPart.objects.filter(period=period, method=method).first() or SurveyPart(period=period, method=method)
    part.max_points = quantize_points(value)
    part._history_user = by
    part.save()
    refresh_period(period)
    return part


@transaction.atomic
def survey_part_remove(*, period, method: str, by) -> None:
    """The period no longer holds this part: its points go with it and every unit's maximum shrinks."""
    check_office(by, period)
    part = SurveyPart.objects.filter(period=period, method=method).first()
    if part is None:
        raise SurveyError(NO_SUCH_PART % {"identifier": period.identifier, "part": method})
    part._history_user = by
    part.delete()
    refresh_period(period)


def _entered_part(period, method: str, by) -> SurveyPart:
    """The part typed points go to; typing the first one holds it with the framework's survey maximum."""
    part = SurveyPart.objects.filter(period=period, method=method).first()
    if part is None:
        framework = period.framework
        if not framework.survey_max_points:
            raise SurveyError(NO_SURVEY_PART % {"key": framework.key})
        part = survey_part_set(period=period, method=method, max_points=framework.survey_max_points, by=by)
    if part.design is not None:
        raise SurveyError(DESIGNED_PART % {"part": part.get_method_display()})
    return part


@transaction.atomic
def survey_result_save(*, assessment, points, by, method: str = SurveyMethod.SOCIOLOGICAL,
                       respondents: int | None = None, note: str = "") -> SurveyResult:
    if not may_enter_surveys(Actor.of(by), organiser_line=assessment.period.organiser_line):
        raise SurveyError(NOT_ALLOWED % {"office": home_affairs_office(assessment.period.organiser)})
    if assessment.status == Status.PUBLISHED:
        raise SurveyError(PUBLISHED % {"unit": assessment.unit.name})
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})
    part = _entered_part(assessment.period, method, by)
    try:
        value = parse_points(points)
    except PointsParseError:
        raise SurveyError(NOT_POINTS % {"unit": assessment.unit.name, "value": points}) from None
    if value < 0:
        raise SurveyError(NOT_POINTS % {"unit": assessment.unit.name, "value": points})
    if value > part.max_points:
        raise SurveyError(ABOVE_SURVEY_MAX % {"unit": assessment.unit.name, "max": format_points(part.max_points)})
    # Points keep 3 places: refuse what rounding would change ("0,0001") rather than guess, but
    # accept trailing zeros ("12,3000") by storing the value with exactly 3 places.
    if quantize_points(value) != value:
        raise SurveyError(TOO_MANY_PLACES % {"unit": assessment.unit.name})
    value = quantize_points(value)
    result = (SurveyResult.objects.filter(assessment=assessment, part=part).first()
              or SurveyResult(assessment=assessment, part=part))
    result.points, result.respondents, result.note = value, respondents, note.strip()
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


# -- design ------------------------------------------------------------------------------------

DESIGN_LOCKED = _("Đã nhập phiếu điều tra của phần “%(part)s”: không thể thay thiết kế.")
ENTERED_POINTS = _("Phần “%(part)s” đã có điểm nhập tay của %(count)s đơn vị: bỏ phần này trước khi thiết kế phiếu.")


def part_design(part: SurveyPart) -> Design:
    """The part's stored design, read again (it was checked when it was set up)."""
    framework = part.period.framework
    return read_design(part.design, tree=tree_for(framework), framework_key=framework.key,
                       framework_max=framework.survey_max_points)


@transaction.atomic
def survey_design_set(*, period, data, by, method: str = SurveyMethod.SOCIOLOGICAL) -> SurveyPart:
    """Set up (or replace, until responses exist) a part's design; the period then holds that part.

    Raises ``DesignRefused`` with every problem of the design, ``SurveyError`` for the rest.
    """
    check_office(by, period)
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})
    framework = period.framework
    design = read_design(data, tree=tree_for(framework), framework_key=framework.key,
                         framework_max=framework.survey_max_points)
    part = SurveyPart.objects.select_for_update().filter(period=period, method=method).first()
    label = SurveyMethod(method).label
    if part is not None and part.responses_count:
        raise SurveyError(DESIGN_LOCKED % {"part": label})
    if part is not None and part.design is None and part.results.exists():
        raise SurveyError(ENTERED_POINTS % {"part": label, "count": part.results.count()})
    part = part or SurveyPart(period=period, method=method)
    part.design, part.max_points = data, design.max_points
    part._history_user = by
    part.save()
    refresh_period(period)
    return part
