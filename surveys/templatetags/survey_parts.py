from django import template
from django.utils.translation import gettext as _

from frameworks.templatetags.points import percent
from surveys.models import SurveyMethod

register = template.Library()


@register.filter
def part_label(code: str) -> str:
    """How a part of the index is named: ``Thẩm định``, ``Đánh giá của các phòng``, ``Điều tra xã hội học``, ``SIPAS``…"""
    if code == "appraisal":
        return _("Thẩm định")
    if code == "office_review":
        return _("Đánh giá của các phòng")
    return SurveyMethod(code).label if code in SurveyMethod.values else _("Điều tra XHH")


@register.filter
def further_parts(parts) -> tuple:
    """The parts of an index beside the appraisal, which is always first: the offices' assessment, the surveys."""
    return tuple(parts)[1:]


@register.filter
def survey_parts(parts) -> tuple:
    """The survey parts of an index's parts."""
    return tuple(part for part in further_parts(parts) if part.code != "office_review")


@register.filter
def group_title(groups: dict, code: str) -> str:
    """A design group's title by its code (``CD`` → ``Công dân``); the code when the design has no such group."""
    group = groups.get(code)
    return group.title if group else code


@register.filter
def percent_of_one(share) -> str:
    """A share of 1 as a percentage with two places: ``0.6666…`` → ``66,67``."""
    return "" if share is None else percent(share * 100)
