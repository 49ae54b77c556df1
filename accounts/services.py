"""Writes on users: creating demo and real accounts with a role and a unit."""
from django.db import transaction

from .models import Role, User


@transaction.atomic
def user_ensure(*, username: str, password: str, role: Role, unit=None, full_name: str = "") -> tuple[User, bool]:
    """Create the user if missing; an existing one keeps its password (re-running changes nothing)."""
    last_name, _, first_name = full_name.rpartition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"role": role, "unit": unit, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.is_staff = role == Role.ADMIN
        user.is_superuser = role == Role.ADMIN
        user.set_password(password)
        user.full_clean()
        user.save()
    return user, created
