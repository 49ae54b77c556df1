"""The accounts' long work, run by a background worker (``operations.jobs``): the office's Excel list.

Each account's password hash and history take tens of milliseconds, so a list of hundreds runs outside the request,
in one transaction (all the accounts or none), telling its progress after each account. Its result is the
workbook of one-time passwords: the sender alone downloads it, once, and it then leaves the storage
(``JobKind.once``). The passwords are never written in the job's parameters, summary or error.
"""
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from operations.jobs import JobFailure, JobOutput, job_refused, job_start_with_upload, job_upload, job_upload_done

from . import errors
from .access import Actor, may_follow_accounts_import
from .errors import AccountError
from .excel import ImportRejected, issued_xlsx, users_import_xlsx
from .selectors import ensure_may_manage_accounts

PASSWORDS_FILE = "mat-khau-dung-mot-lan.xlsx"
SENDER_GONE = _("Người gửi danh sách không còn quản lý tài khoản; không tạo tài khoản nào.")


def accounts_import_start(*, upload, name: str, by):
    """Queue the import of the Excel list ``upload`` (or join the one the office has under way: one list of an
    office at a time); 404 for whoever may not manage accounts."""
    ensure_may_manage_accounts(by)
    organiser_id = Actor.of(by).organiser_id  # None for an administrator
    return job_start_with_upload(
        upload=upload, extension=".xlsx", kind="accounts_import",
        key=f"accounts_import:{organiser_id if organiser_id is not None else 'admin'}",
        params={"organiser_id": organiser_id, "name": name, "next": reverse("accounts:import")},
        title=_("Nhập danh sách tài khoản: %(name)s") % {"name": name}, by=by)


def accounts_import(job, progress) -> JobOutput:
    sender = job.created_by
    if sender is None or not sender.is_active or not may_follow_accounts_import(
            Actor.of(sender), organiser_id=job.params["organiser_id"]):
        raise JobFailure(SENDER_GONE)  # never ``by=None``: that is the operator at the shell, trusted with all
    progress(0, 1)
    try:
        # The accounts and their passwords' file together: an account whose password is lost is not made.
        with transaction.atomic(), job_upload(job) as file:
            issued = users_import_xlsx(file=file, by=sender, progress=progress)
            passwords = issued_xlsx(issued)
    except ImportRejected as rejected:
        raise job_refused(f"{rejected}:", rejected.rows) from None
    except AccountError as error:
        raise JobFailure(str(error)) from None
    job_upload_done(job)
    return JobOutput(PASSWORDS_FILE, passwords, summary=str(errors.EXCEL_IMPORTED_ONCE % {"count": len(issued)}))


def accounts_import_check(user, job) -> None:
    if not may_follow_accounts_import(Actor.of(user), organiser_id=job.params["organiser_id"]):
        raise Http404
