import json

from django.core.management.base import BaseCommand, CommandError

from config.commands import framework_or_error
from frameworks import rules
from frameworks.errors import NODE_NOT_FOUND
from frameworks.points import points_to_str


class Command(BaseCommand):
    help = "Tính điểm một tiêu chí theo cách tính chính thức, ví dụ: evaluate_rule haiphong-2023 1.1 --inputs '{\"a\": 10, \"b\": 8}'"

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("code")
        parser.add_argument("--inputs", default="{}", help="giá trị đầu vào, dạng JSON")

    def handle(self, key, code, inputs, **options):
        node = framework_or_error(key).nodes.filter(code=code).first()
        if node is None:
            raise CommandError(str(NODE_NOT_FOUND % {"key": key, "code": code}))
        try:
            # parse_float=str: a JSON 1.5 reaches the engine as the text "1.5", never as a float.
            values = json.loads(inputs, parse_float=str)
        except json.JSONDecodeError as error:
            raise CommandError(f"--inputs không phải JSON hợp lệ: {error}") from None
        if node.rule is None and "value" not in values:
            raise CommandError(f"Tiêu chí {code} chấm thủ công: cho --inputs '{{\"value\": ...}}'")
        try:
            score = rules.evaluate(node.scoring_rule, node.max_points, values)
        except rules.RuleInputError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(score) if score is rules.NOT_ASSESSED else points_to_str(score))
