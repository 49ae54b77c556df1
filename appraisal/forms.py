from django import forms
from django.utils import timezone

from .errors import BAD_DEADLINE, COUNCIL_CHOICE_REQUIRED
from .models import CouncilRole
from .selectors import council_candidates


class ExplanationDeadlineForm(forms.Form):
    """The optional answer deadline of an explanation request: dd/mm/yyyy, today or later."""

    answer_deadline = forms.DateField(required=False, input_formats=["%d/%m/%Y"],
                                      error_messages={"invalid": BAD_DEADLINE})

    def clean_answer_deadline(self):
        deadline = self.cleaned_data["answer_deadline"]
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(BAD_DEADLINE)
        return deadline


class CouncilSeatForm(forms.Form):
    """A seat on the council: one of the people who may sit, and a position."""

    user = forms.ModelChoiceField(queryset=None, error_messages={
        "required": COUNCIL_CHOICE_REQUIRED, "invalid_choice": COUNCIL_CHOICE_REQUIRED})
    role = forms.ChoiceField(choices=CouncilRole.choices, error_messages={
        "required": COUNCIL_CHOICE_REQUIRED, "invalid_choice": COUNCIL_CHOICE_REQUIRED})

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = council_candidates(period=period)
