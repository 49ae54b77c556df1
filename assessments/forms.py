"""Parsing of posted forms into plain values for the services: the entry page (scores, evidence), opening a
period and reopening an assessment."""
from django import forms
from django.utils.translation import gettext_lazy as _

from config.text import REASON_MAX
from config.widgets import QuickSelectMultiple
from frameworks import rules

from . import errors


def inputs_from_post(node, data) -> dict:
    """Rebuild a rule's inputs from form fields named ``in-<name>`` (``in-x.b`` nests under ``x``).

    A hand-typed score is posted as ``value`` (``_leaf.html``), also where it is one branch of a rule.
    """
    inputs: dict = {}
    for field in rules.input_fields(node.rule):
        raw_name = _posted_name(field)
        value = raw_name in data if field.type == "boolean" else data.get(raw_name, "")
        target = inputs
        *groups, leaf = field.name.split(".")
        for group in groups:
            target = target.setdefault(group, {})
        target[leaf] = value
    return inputs


def _posted_name(field) -> str:
    return "value" if field.name == "value" else f"in-{field.name}"


def nothing_typed(node, data) -> bool:
    """Whether the form was emptied: no box ticked and every other field blank (the score is to be cleared).

    A form of boxes only is always an answer: all unticked is a score of 0, not an empty form.
    """
    fields = rules.input_fields(node.rule)
    if all(field.type == "boolean" for field in fields):
        return False
    names = [_posted_name(field) for field in fields]
    return not any(str(data.get(name, "")).strip() for name in names)


def parse_version(raw) -> int | None:
    # isdigit() alone accepts "²", which int() then refuses: only ASCII digits are a version.
    text = str(raw or "")
    return int(text) if text.isascii() and text.isdigit() else None


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG)"), required=False)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=300, required=False)
    document_number = forms.CharField(label=_("Số, ký hiệu văn bản"), max_length=100, required=False)
    document_date = forms.DateField(label=_("Ngày ban hành (dd/mm/yyyy)"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    document_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    # A list of a hundred criteria, of which a document often proves several: how to pick more than one is not
    # obvious to whoever has not met a multiple select.
    nodes = forms.ModelMultipleChoiceField(label=_("Tiêu chí được chứng minh"), queryset=None,
                                           widget=QuickSelectMultiple(attrs={"size": 8}),
                                           help_text=_("Giữ phím Ctrl (Cmd trên máy Mac) và bấm để chọn nhiều tiêu chí."))

    def __init__(self, *args, leaf_nodes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nodes"].queryset = leaf_nodes
        self.fields["nodes"].label_from_instance = lambda node: f"{node.code}. {node.title[:80]}"
        self.fields["nodes"].error_messages["required"] = errors.EVIDENCE_NO_CRITERIA


class PeriodOpenForm(forms.Form):
    organiser = forms.ModelChoiceField(
        label=_("Cơ quan tổ chức đánh giá"), queryset=None,
        error_messages={"invalid_choice": _("Cơ quan tổ chức đánh giá không có trong danh sách.")},
    )
    framework = forms.ModelChoiceField(label=_("Bộ chỉ số"), queryset=None)
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=2000, max_value=2100)
    self_assessment_deadline = forms.DateField(label=_("Hạn tự đánh giá (dd/mm/yyyy)"), required=False,
                                               input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    appraisal_deadline = forms.DateField(label=_("Hạn thẩm định (dd/mm/yyyy)"), required=False,
                                         input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham gia (để trống: mọi đơn vị áp dụng bộ chỉ số)"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Đơn vị không có trong danh sách."), "invalid_pk_value": _("Đơn vị không hợp lệ.")},
    )

    def __init__(self, *args, organisers, frameworks, units, units_url, **kwargs):
        """``units``: those of the organiser chosen (or offered first); changing the organiser asks
        ``units_url`` for the units of the new one (htmx), which replace the list."""
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
        if self.initial.get("organiser") is not None:  # the office's own: nothing to leave unchosen
            self.fields["organiser"].empty_label = None
        self.fields["organiser"].label_from_instance = lambda unit: f"{unit.name} ({unit.code})"
        self.fields["organiser"].widget.attrs.update({
            "hx-get": units_url, "hx-trigger": "change", "hx-target": "#field-units", "hx-select": "#field-units",
            "hx-select-oob": "#field-framework", "hx-swap": "outerHTML"})
        self.fields["framework"].queryset = frameworks
        self.fields["units"].queryset = units
        self.fields["units"].label_from_instance = lambda unit: f"{unit.name} ({unit.code})"
        self.fields["framework"].label_from_instance = lambda framework: f"{framework.key} — {framework.name}"

    def clean(self):
        data = super().clean()
        own, council = data.get("self_assessment_deadline"), data.get("appraisal_deadline")
        if own and council and council < own:
            self.add_error("appraisal_deadline", _("Hạn thẩm định phải sau hạn tự đánh giá."))
        return data


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("Mở lại đến ngày (dd/mm/yyyy)"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    reason = forms.CharField(label=_("Lý do"), max_length=REASON_MAX)


class UntilForm(forms.Form):
    """The new deadline a step gives the unit (a return); a bad or missing date is refused by the step itself."""

    until = forms.DateField(input_formats=["%d/%m/%Y", "%Y-%m-%d"])
