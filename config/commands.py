"""What the management commands share: look-ups that fail as a CommandError, and writing a result.

A command that fails should print one Vietnamese line and exit non-zero, never a traceback; these
helpers keep those lines the same in every command.
"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from assessments.errors import UNKNOWN_UNITS, USER_NOT_FOUND, AssessmentError
from assessments.models import Period
from assessments.selectors import assessment_get, period_get
from frameworks.errors import FRAMEWORK_NOT_FOUND
from frameworks.models import Framework
from organizations.models import Unit

OUTPUT_REQUIRED = "Kết quả dạng tệp nhị phân cần -o TỆP"
OUTPUT_NOT_WRITTEN = "Không ghi được tệp {path}: {reason}"


def period_or_error(identifier: str) -> Period:
    """The period ``KEY/YEAR``, or a CommandError with the same message as the pages give."""
    try:
        return period_get(identifier=identifier)
    except AssessmentError as error:
        raise CommandError(str(error)) from None


def actor_or_error(username: str | None):
    """Who a command acts as: ``--as USERNAME``, else the operator account (``OPERATOR_USERNAME``)."""
    username = username or settings.OPERATOR_USERNAME
    user = get_user_model().objects.select_related("unit__parent__parent").filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(str(USER_NOT_FOUND % {"username": username}))
    return user


def assessment_or_error(period: Period, unit_code: str):
    try:
        return assessment_get(period=period, unit_code=unit_code)
    except AssessmentError as error:
        raise CommandError(str(error)) from None


def unit_or_error(code: str) -> Unit:
    unit = Unit.objects.select_related("parent__parent").filter(code=code).first()
    if unit is None:
        raise CommandError(str(UNKNOWN_UNITS % {"codes": code}))
    return unit


def framework_or_error(key: str) -> Framework:
    framework = Framework.objects.filter(key=key).first()
    if framework is None:
        raise CommandError(str(FRAMEWORK_NOT_FOUND % {"key": key}))
    return framework


def write_output(command: BaseCommand, payload: str | bytes, output: str | None) -> None:
    """Write a command's result: text to stdout when no ``-o`` is given, else to the file ``output``.

    Text goes to a file as UTF-8 with a final newline, as stdout would show it. Bytes (xlsx, pdf) have no
    screen form and need ``output``; commands check that themselves before building an expensive
    payload, so the check here only guards against a forgotten one.
    """
    if not output:
        if isinstance(payload, bytes):
            raise CommandError(OUTPUT_REQUIRED)
        command.stdout.write(payload)
        return
    try:
        if isinstance(payload, bytes):
            with open(output, "wb") as handle:
                handle.write(payload)
        else:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(payload + "\n")
    except OSError as error:
        raise CommandError(OUTPUT_NOT_WRITTEN.format(path=output, reason=error.strerror or error)) from None
