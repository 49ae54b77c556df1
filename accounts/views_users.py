"""The office's account pages: the list, creating, editing (role, unit, disabling), a new one-time
password, and importing an Excel list. A one-time password is shown once, on the page answering the
POST that made it, and stored nowhere but as a hash; an imported list's passwords are in its job's file,
downloaded once by the list's sender (``accounts.jobs``)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.downloads import xlsx_response

from . import selectors, services
from .errors import AccountError
from .excel import Issued, users_template_xlsx
from .jobs import accounts_import_start
from .forms import AccountCreateForm, AccountEditForm, AccountImportForm
from .access import Actor, may_manage_accounts
from .roles import MANAGED_ROLES, Role, role_label
from .two_factor import is_enrolled


def _refused(form, error: AccountError) -> None:
    for field, message in error.problems.items():
        form.add_error(field if field in form.fields else None, str(message))


def _issued(request, issued: list[Issued], title: str):
    return render(request, "accounts/users/issued.html", {"issued": issued, "title": title})


def _contributors_of(user):
    """The unit whose contributors ``user`` manages, when it does not manage every account (a unit's head)."""
    return None if may_manage_accounts(Actor.of(user)) else user.unit


@login_required
def user_list(request):
    selectors.ensure_may_open_account_pages(request.user)
    search, unit_code, role = (request.GET.get(name, "").strip() for name in ("q", "don_vi", "vai_tro"))
    users = selectors.managed_users(by=request.user, search=search, unit_code=unit_code, role=role)
    return render(request, "accounts/users/list.html", {
        "office": may_manage_accounts(Actor.of(request.user)),
        "page": Paginator(users, 50).get_page(request.GET.get("trang")),
        "search": search, "unit_code": unit_code, "role": role,
        "units": selectors.managed_units(request.user).order_by("kind", "order", "code"),
        "roles": [(r.value, role_label(r, request.user.unit)) for r in Role if r in MANAGED_ROLES],
    })


@login_required
def user_create(request):
    selectors.ensure_may_open_account_pages(request.user)
    form = AccountCreateForm(request.POST or None, units=selectors.managed_units(request.user),
                             contributors_of=_contributors_of(request.user), office_unit=request.user.unit)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = services.user_create(**form.cleaned_data, by=request.user)
        except AccountError as error:
            _refused(form, error)
        else:
            return _issued(request, [Issued(user, password)], _("Đã tạo tài khoản"))
    return render(request, "accounts/users/form.html", {"form": form, "title": _("Tạo tài khoản")})


@login_required
def user_edit(request, pk):
    account = selectors.get_managed_user_for_user(request.user, pk)
    initial = {"full_name": account.display_name if account.first_name or account.last_name else "",
               "email": account.email, "unit": account.unit, "role": account.role, "division": account.division,
               "is_active": account.is_active}
    form = AccountEditForm(request.POST or None, initial=initial, units=selectors.managed_units(request.user),
                           contributors_of=_contributors_of(request.user), office_unit=request.user.unit)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(user=account, **form.cleaned_data, by=request.user)
        except AccountError as error:
            _refused(form, error)
        else:
            messages.success(request, _("Đã lưu tài khoản %(username)s.") % {"username": account.username})
            return redirect("accounts:list")
    return render(request, "accounts/users/form.html", {
        "form": form, "account": account, "title": _("Sửa tài khoản %(username)s") % {"username": account.username},
        "history": selectors.account_history(user=account), "two_factor_enrolled": is_enrolled(account),
    })


@login_required
@require_POST
def user_reset_password(request, pk):
    account = selectors.get_managed_user_for_user(request.user, pk)
    password = services.user_reset_password(user=account, by=request.user)
    return _issued(request, [Issued(account, password)], _("Đã cấp lại mật khẩu"))


@login_required
@require_POST
def user_reset_two_factor(request, pk):
    """The phone and the recovery codes are lost: the account enrols again at its next sign-in."""
    account = selectors.get_managed_user_for_user(request.user, pk)
    try:
        services.user_reset_two_factor(user=account, by=request.user)
    except AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã đặt lại xác thực hai bước của %(username)s: lần đăng nhập tới, người dùng "
                                    "cài lại ứng dụng xác thực.") % {"username": account.username})
    return redirect("accounts:edit", pk=account.pk)


@login_required
def user_import(request):
    """The list is created by a background job (a password hash per account): its page shows the progress,
    every refused row, and the file of one-time passwords for its sender to download once."""
    selectors.ensure_may_manage_accounts(request.user)
    form = AccountImportForm(*([request.POST, request.FILES] if request.method == "POST" else []))
    if form.is_valid():
        upload = form.cleaned_data["file"]
        return redirect("operations:job", accounts_import_start(upload=upload, name=upload.name, by=request.user).pk)
    return render(request, "accounts/users/import.html", {"form": form})


@login_required
def user_import_template(request):
    selectors.ensure_may_manage_accounts(request.user)
    return xlsx_response(users_template_xlsx(), "danh-sach-tai-khoan.xlsx")
