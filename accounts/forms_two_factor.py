"""The one field of the two-factor pages: a code from the app, or a recovery code."""
from django import forms
from django.utils.translation import gettext_lazy as _

from . import errors


class TokenForm(forms.Form):
    token = forms.CharField(label=_("Mã xác thực"), max_length=20, strip=True,
                            error_messages={"required": errors.TWO_FACTOR_CODE_REQUIRED},
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True,
                                                          "inputmode": "text", "spellcheck": "false"}))
