from django import template

from frameworks.points import format_points

register = template.Library()


@register.filter
def points(value):
    """Show points the Vietnamese way: ``1,5``; empty for a missing value."""
    if value is None or value == "":
        return ""
    return format_points(value)
