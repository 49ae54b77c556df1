"""Writes on users: the office's account management, and creating demo accounts.

Every write records who made it in the user's history. ``by=None`` is the operator at the shell
(``import_users``): trusted like the office, and like it never allowed to make an administrator.
"""
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from config.text import TextTooLong, bounded

from config.text import normalized

from . import errors, two_factor
from organizations.hierarchy import organiser_line

from .access import Actor, may_manage_account, may_manage_accounts, reaches
from .errors import AccountError
from .models import Role, User
from .roles import MANAGED_ROLES, UNIT_MEMBER_ROLES

# No 0/O, 1/l/I: a one-time password is read out on the phone or copied from paper.
_ONE_TIME_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_ONE_TIME_LENGTH = 12
# The columns' sizes (a full name as the account form takes it): an Excel list can hold longer text.
_LIMITS = {
    "full_name": (_("Họ và tên"), 150),
    "username": (_("Tên đăng nhập"), User._meta.get_field("username").max_length),
    "email": (_("Email"), User._meta.get_field("email").max_length),
}


def _split_name(full_name: str) -> dict:
    """Vietnamese order: the last word is the given name (Nguyễn Thị Thu | Hà)."""
    last_name, _, first_name = " ".join(full_name.split()).rpartition(" ")
    return {"last_name": last_name, "first_name": first_name}


def _actor(by) -> Actor:
    """The shell operator is trusted with every organiser's accounts (still never an administrator's)."""
    return Actor(Role.ADMIN) if by is None else Actor.of(by)


def _ensure_may_manage(by, *, user: User | None = None, role=None, unit=None) -> None:
    """``user`` is the account as it is now, None for a new one; ``role`` and ``unit`` what it would become.

    The office's new roles and units are ``account_problems``' to check; a unit's head only makes and
    keeps contributors of its own unit.
    """
    actor = _actor(by)
    now = user is None or may_manage_account(actor, role=user.role, is_superuser=user.is_superuser,
                                             organiser_line=organiser_line(user.unit), unit_id=user.unit_id)
    becomes = may_manage_accounts(actor) or may_manage_account(
        actor, role=role, is_superuser=False, organiser_line=organiser_line(unit), unit_id=unit.pk if unit else None)
    if not (now and becomes):
        raise AccountError({None: errors.NO_PERMISSION})


def account_problems(*, full_name: str, email: str, role, unit, by, username: str | None = None,
                     division: str = "") -> dict:
    """What is wrong with an account's fields, by field name (empty when nothing is).

    ``username`` is checked (format, not yet taken) only for a new account: it never changes afterwards.
    The unit must belong to the organiser of the office ``by`` works for.
    """
    problems = {}
    for field, value in {"full_name": full_name, "username": username or "", "email": email}.items():
        name, limit = _LIMITS[field]
        try:
            bounded(value, name=name, limit=limit)
        except TextTooLong as error:
            problems[field] = str(error)
    if not full_name.strip():
        problems["full_name"] = errors.FULL_NAME_REQUIRED
    if username is not None and "username" not in problems:
        if not username:
            problems["username"] = errors.USERNAME_REQUIRED
        else:
            try:
                User.username_validator(username)
            except ValidationError:
                problems["username"] = errors.USERNAME_INVALID % {"username": username}
            else:
                if User.objects.filter(username__iexact=username).exists():
                    problems["username"] = errors.USERNAME_TAKEN % {"username": username}
    if email and "email" not in problems:
        try:
            validate_email(email)
        except ValidationError:
            problems["email"] = errors.EMAIL_INVALID % {"email": email}
    if role not in MANAGED_ROLES:
        problems["role"] = errors.ROLE_NOT_ALLOWED % {"role": dict(Role.choices).get(role, role)}
    elif role in UNIT_MEMBER_ROLES and unit is None:
        problems["unit"] = errors.UNIT_REQUIRED % {"role": Role(role).label}
    elif not reaches(_actor(by), organiser_line(unit)):
        problems["unit"] = errors.UNIT_OUTSIDE % {"unit": unit} if unit else errors.UNIT_OUTSIDE_NONE
    if role == Role.CONTRIBUTOR and not division:
        problems["division"] = errors.DIVISION_REQUIRED % {"role": Role(role).label}
    elif len(division) > User._meta.get_field("division").max_length:
        problems["division"] = errors.DIVISION_TOO_LONG % {"limit": User._meta.get_field("division").max_length}
    return problems


def _one_time_password(user: User) -> str:
    password = get_random_string(_ONE_TIME_LENGTH, _ONE_TIME_CHARS)
    user.set_password(password)
    user.must_change_password = True
    return password


@transaction.atomic
def user_create(*, username: str, full_name: str, email: str, role, unit, by, division: str = "") -> tuple[User, str]:
    """A new account with a one-time password, returned once and stored only as a hash."""
    _ensure_may_manage(by, role=role, unit=unit)
    division = normalized(division)
    problems = account_problems(username=username, full_name=full_name, email=email, role=role, unit=unit,
                                division=division, by=by)
    if problems:
        raise AccountError(problems)
    user = User(username=username, email=email, role=role, unit=unit, division=division, **_split_name(full_name))
    password = _one_time_password(user)
    user._history_user, user._change_reason = by, str(errors.CREATED)
    user.save()
    return user, password


@transaction.atomic
def user_update(*, user: User, full_name: str, email: str, role, unit, is_active: bool, by,
                division: str = "") -> User:
    """Change an account's name, email, role, unit, division, or disable it; the username never changes."""
    _ensure_may_manage(by, user=user, role=role, unit=unit)
    division = normalized(division)
    problems = account_problems(full_name=full_name, email=email, role=role, unit=unit, division=division, by=by)
    if not is_active and by is not None and by.pk == user.pk:
        problems["is_active"] = errors.CANNOT_DISABLE_SELF
    if problems:
        raise AccountError(problems)
    for field, value in {**_split_name(full_name), "email": email, "role": role, "unit": unit,
                         "division": division, "is_active": is_active}.items():
        setattr(user, field, value)
    user._history_user, user._change_reason = by, str(errors.UPDATED)
    user.save(update_fields=["first_name", "last_name", "email", "role", "unit", "division", "is_active"])
    return user


@transaction.atomic
def user_reset_password(*, user: User, by) -> str:
    """A new one-time password, to be replaced at the next login."""
    _ensure_may_manage(by, user=user, role=user.role, unit=user.unit)
    password = _one_time_password(user)
    user._history_user, user._change_reason = by, str(errors.PASSWORD_RESET)
    user.save(update_fields=["password", "must_change_password"])
    return password


@transaction.atomic
def user_reset_two_factor(*, user: User, by) -> None:
    """A lost phone and lost recovery codes: whoever manages the account removes its app and codes, so that
    its owner enrols again at the next sign-in where two-factor is required; the history says who did it."""
    _ensure_may_manage(by, user=user, role=user.role, unit=user.unit)
    if not two_factor.devices_remove(user=user):
        raise AccountError({None: errors.TWO_FACTOR_NOT_ENROLLED % {"username": user.username}})
    # Nothing of the account's own row changes: a history row of its own records the step.
    User.history.bulk_history_create([user], update=True, default_user=by,
                                     default_change_reason=str(errors.TWO_FACTOR_RESET))


@transaction.atomic
def user_ensure(*, username: str, password: str, role: Role, unit=None, full_name: str = "",
                division: str = "") -> tuple[User, bool]:
    """Create the user if missing; an existing one keeps its password (re-running changes nothing)."""
    user, created = User.objects.get_or_create(username=username, defaults={
        "role": role, "unit": unit, "division": division, **_split_name(full_name)})
    if created:
        user.is_staff = role == Role.ADMIN
        user.is_superuser = role == Role.ADMIN
        user.set_password(password)
        user.full_clean()
        user.save()
    return user, created
