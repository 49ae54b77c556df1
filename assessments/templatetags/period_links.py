"""The way back from a unit's page to its period, for those who read the period's pages (the office, the
council, leadership): a unit's own people do not, and get no link that would answer 404."""
from django import template
from django.urls import reverse

from accounts.access import Actor, may_read_period

register = template.Library()


@register.inclusion_tag("assessments/_back_to_period.html", takes_context=True)
def back_to_period(context, period, url_name: str = "appraisal:period", anchor: str = ""):
    """``{% back_to_period period %}``: "← Chỉ số CCHC năm 2024 — UBND các phường" to the period page (or to
    ``url_name``, a page of the period taking ``period_pk``), if the signed-in user may read it."""
    shown = may_read_period(Actor.of(context["request"].user), organiser_line=period.organiser_line)
    return {"period": period, "url": reverse(url_name, args=[period.pk]) + anchor if shown else ""}
