"""The server's limits on typed text (``config.text``) as ``maxlength`` in the pages, from one place."""
from django import template

from config.text import EXPLANATION_MAX, REASON_MAX

register = template.Library()

LIMITS = {"reason": REASON_MAX, "explanation": EXPLANATION_MAX}


@register.simple_tag
def text_max(kind: str) -> int:
    """``maxlength="{% text_max 'reason' %}"``: the longest text the services accept for that kind."""
    return LIMITS[kind]
