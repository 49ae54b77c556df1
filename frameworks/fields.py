from django.db import models

from .points import POINTS_MAX_DIGITS, POINTS_PLACES


class PointsField(models.DecimalField):
    """Points with the project-wide precision (see ``frameworks.points``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", POINTS_MAX_DIGITS)
        kwargs.setdefault("decimal_places", POINTS_PLACES)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "frameworks.fields.PointsField", args, kwargs
