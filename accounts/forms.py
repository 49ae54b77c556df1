"""The office's account forms, and the password forms that end a one-time password."""
from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from organizations.models import Unit

from . import errors
from .roles import MANAGED_ROLES, Role, role_label


class _EndsOneTimePassword:
    """The password its owner picks replaces the one-time one, so the forced change is over."""

    def save(self, commit=True):
        self.user.must_change_password = False
        return super().save(commit)


class OwnPasswordChangeForm(_EndsOneTimePassword, PasswordChangeForm):
    pass


class OwnSetPasswordForm(_EndsOneTimePassword, SetPasswordForm):
    pass


class AccountForm(forms.Form):
    """Name, email, unit, role and division; the services check the values, so the fields only parse them.

    ``contributors_of``: a unit's head manages its contributors only, so unit and role offer just those.
    ``office_unit``: the officer's unit, whose organiser names the secretariat ("Thường trực Sở Nội vụ").
    """

    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    email = forms.CharField(label=_("Email"), max_length=254, required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(),
                                  required=False, empty_label=_("— không thuộc đơn vị nào —"))
    role = forms.ChoiceField(label=_("Vai trò"), choices=[(role.value, role.label) for role in Role
                                                          if role in MANAGED_ROLES])
    division = forms.CharField(label=_("Bộ phận, cơ quan tham mưu (chỉ cho bộ phận tham mưu)"), max_length=200,
                               required=False)

    def __init__(self, *args, units, contributors_of=None, office_unit=None, **kwargs):
        """``units``: those whose accounts the office manages (``selectors.managed_units``)."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, role_label(value, office_unit)) for value, _label in
                                       self.fields["role"].choices]
        self.fields["unit"].queryset = units.select_related("parent__parent").order_by("kind", "order", "code")
        if contributors_of is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=contributors_of.pk)
            self.fields["unit"].empty_label = None
            self.fields["role"].choices = [(Role.CONTRIBUTOR.value, Role.CONTRIBUTOR.label)]


class AccountCreateForm(AccountForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150, required=False)
    field_order = ["full_name", "username", "email", "unit", "role", "division"]


class AccountEditForm(AccountForm):
    is_active = forms.BooleanField(label=_("Đang hoạt động (bỏ chọn để khóa tài khoản)"), required=False)


class AccountImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"), error_messages={"required": errors.EXCEL_NO_FILE})
