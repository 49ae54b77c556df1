from django import template

from frameworks.points import format_points, quantize_percent

register = template.Library()


@register.filter
def points(value):
    """Show points the Vietnamese way: ``1,5``; empty for a missing value."""
    if value is None or value == "":
        return ""
    return format_points(value)


@register.filter
def get_input(inputs, name):
    """A saved rule input by its (possibly dotted) name, for refilling the form."""
    value = inputs or {}
    for part in str(name).split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


@register.filter
def percent(value, places=2):
    """Show a percentage the Vietnamese way with fixed places: ``84,64`` (``|percent:1`` gives ``87,5``)."""
    if value is None or value == "":
        return ""
    return format(quantize_percent(value, int(places)), "f").replace(".", ",")
