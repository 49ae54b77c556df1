import json

from django.core.management.base import BaseCommand, CommandError

from config.commands import assessment_or_error, period_or_error
from reports.exports import outcome_as_json
from reports.selectors_simulator import SimulationBasis, simulation_basis
from reports.simulator import NOT_RANKED, SimulationError, change_value

NOT_A_SETTING = "«{text}» không có dạng MÃ=ĐIỂM (ví dụ 3.2.1=max hoặc 1.1.1=0,5)"
SET_TWICE = "Tiêu chí {code} được đặt hai lần"


def basis_or_error(period: str, unit_code: str) -> SimulationBasis:
    """The figures a simulation of ``unit_code`` in ``period`` starts from, or the command's one-line error."""
    assessment = assessment_or_error(period_or_error(period), unit_code)
    basis = simulation_basis(assessment=assessment)
    if basis is None:
        raise CommandError(str(NOT_RANKED % {"unit": unit_code}))
    return basis


def print_answer(command: BaseCommand, ask, as_json) -> None:
    """Print ``as_json(ask())``; a refusal of the simulator exits with its message."""
    try:
        answer = ask()
    except SimulationError as error:
        raise CommandError(str(error)) from None
    command.stdout.write(json.dumps(as_json(answer), ensure_ascii=False, indent=2))


def parsed_settings(settings: list[str]) -> dict:
    """``["3.2.1=max", "1.1.1=0,5"]`` -> ``{"3.2.1": MAX, "1.1.1": Decimal("0.5")}``."""
    changes = {}
    for text in settings:
        code, sign, value = text.partition("=")
        code = code.strip()
        if not sign or not code:
            raise CommandError(NOT_A_SETTING.format(text=text))
        if code in changes:
            raise CommandError(SET_TWICE.format(code=code))
        try:
            changes[code] = change_value(code, value)
        except SimulationError as error:
            raise CommandError(str(error)) from None
    return changes


class Command(BaseCommand):
    help = ("Chỉ số và thứ hạng của một đơn vị nếu một số tiêu chí đạt điểm khác (không lưu gì): "
            "what_if KEY/YEAR UNIT --set MÃ=ĐIỂM|max [--set …] --format json")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("unit")
        parser.add_argument("--set", action="append", default=[], dest="changes", metavar="MÃ=ĐIỂM")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, period, unit, changes, **options):
        basis, settings = basis_or_error(period, unit), parsed_settings(changes)
        print_answer(self, lambda: basis.what_if(settings), outcome_as_json)
