from django import forms
from django.utils import timezone

from .errors import BAD_DEADLINE


class ExplanationDeadlineForm(forms.Form):
    """The optional answer deadline of an explanation request: dd/mm/yyyy, today or later."""

    answer_deadline = forms.DateField(required=False, input_formats=["%d/%m/%Y"],
                                      error_messages={"invalid": BAD_DEADLINE})

    def clean_answer_deadline(self):
        deadline = self.cleaned_data["answer_deadline"]
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(BAD_DEADLINE)
        return deadline
