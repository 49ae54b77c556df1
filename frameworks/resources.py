"""Excel import/export of framework trees through django-import-export.

One row per node in document order; a parent is named by its code and must come before its
children, so importing the exported file rebuilds the same tree. The import runs in one
transaction and saves nothing when any row is wrong (errors are reported by row).
"""
import json

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from . import rules
from .errors import FRAMEWORK_IN_USE
from .models import Framework, Node
from .points import PointsParseError, parse_points, points_to_str


class PointsWidget(widgets.Widget):
    """Decimal points in both directions; reads ``1,5`` as well as ``1.5``; never a float."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError("Thiếu điểm tối đa.")
        try:
            return parse_points(str(value))
        except PointsParseError:
            raise ValueError(f"“{value}” không phải là số điểm.") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else points_to_str(value)


class ParentWidget(widgets.ForeignKeyWidget):
    """The parent named by its code inside the row's own framework."""

    def __init__(self):
        super().__init__(Node, field="code")

    def get_queryset(self, value, row, *args, **kwargs):
        return Node.objects.filter(framework__key=row["framework"])

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(value, row, **kwargs)
        except Node.DoesNotExist:
            raise ValueError(f"Tiêu chí cha “{value}” chưa có (phải đứng trước tiêu chí con).") from None


class RuleWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return json.loads(value, parse_float=str)
        except json.JSONDecodeError:
            raise ValueError("Cột cách tính điểm không phải JSON hợp lệ.") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else json.dumps(value, ensure_ascii=False)


class NamesWidget(widgets.Widget):
    """A list of office names as a JSON array; an empty cell is an empty list."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return []
        try:
            names = json.loads(value)
        except json.JSONDecodeError:
            raise ValueError("Cột đơn vị phụ trách phải là danh sách JSON.") from None
        if not isinstance(names, list):
            raise ValueError("Cột đơn vị phụ trách phải là danh sách JSON.")
        return names

    def render(self, value, obj=None, **kwargs):
        return json.dumps(value or [], ensure_ascii=False)


class NodeResource(resources.ModelResource):
    framework = fields.Field(
        attribute="framework", column_name="framework", widget=widgets.ForeignKeyWidget(Framework, field="key")
    )
    parent = fields.Field(attribute="parent", column_name="parent", widget=ParentWidget())
    max_points = fields.Field(attribute="max_points", column_name="max_points", widget=PointsWidget())
    rule = fields.Field(attribute="rule", column_name="rule", widget=RuleWidget())
    responsible_offices = fields.Field(
        attribute="responsible_offices", column_name="responsible_offices", widget=NamesWidget()
    )
    notes = fields.Field(attribute="notes", column_name="notes", widget=widgets.CharWidget(allow_blank=True))

    class Meta:
        model = Node
        import_id_fields = ["framework", "code"]
        fields = ["framework", "code", "parent", "title", "max_points", "order", "level", "rule",
                  "responsible_offices", "source_line", "notes"]
        export_order = fields
        use_transactions = True
        skip_unchanged = True

    def import_data(self, dataset, **kwargs):
        # All or nothing: one invalid row rolls back the rows already written.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        framework = Framework.objects.filter(key=row.get("framework")).first()
        if framework is not None and framework.periods.exists():
            raise ValidationError(str(FRAMEWORK_IN_USE % {"key": framework.key}))

    def before_save_instance(self, instance, row, **kwargs):
        if instance.rule is not None:
            try:
                rules.validate_rule(instance.rule, instance.max_points)
            except rules.RuleDefinitionError as error:
                raise ValidationError({"rule": str(error)}) from None
