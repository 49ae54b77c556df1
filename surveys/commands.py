"""What the survey commands share: reading a JSON file and running an import, failing as one CommandError."""
import json
import os

from django.core.management.base import CommandError

from config.excel import ExcelRefused

from .imports import SurveyImportRefused
from .services import SurveyError

NOT_READABLE = "Không đọc được tệp {path}: {reason}"
NOT_JSON = "Tệp {path} không phải JSON hợp lệ (dòng {line}, cột {column})."
NOTHING_IMPORTED = "Không nhập dòng nào:"


def read_json(path: str):
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return json.load(handle)
    except OSError as error:
        raise CommandError(NOT_READABLE.format(path=path, reason=error.strerror or error)) from None
    except UnicodeDecodeError:
        raise CommandError(NOT_READABLE.format(path=path, reason="không phải UTF-8")) from None
    except json.JSONDecodeError as error:
        raise CommandError(NOT_JSON.format(path=path, line=error.lineno, column=error.colno)) from None


def imported_or_error(service, path: str, **arguments):
    """``service(file=…, name=…, **arguments)`` on the file at ``path``; every refusal as a CommandError."""
    try:
        with open(path, "rb") as handle:
            return service(file=handle, name=os.path.basename(path), **arguments)
    except OSError as error:
        raise CommandError(NOT_READABLE.format(path=path, reason=error.strerror or error)) from None
    except SurveyImportRefused as refused:
        raise CommandError("\n".join([NOTHING_IMPORTED, *refused.problems])) from None
    except (SurveyError, ExcelRefused) as error:
        raise CommandError(str(error)) from None
