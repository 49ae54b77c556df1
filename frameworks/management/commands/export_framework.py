import json

from django.core.management.base import BaseCommand, CommandError

from config.commands import framework_or_error, write_output
from frameworks.exports import framework_xlsx_bytes
from frameworks.selectors import framework_export_rows


class Command(BaseCommand):
    help = "Xuất một bộ chỉ số: JSON (mặc định, ra màn hình) hoặc xlsx (nhập lại được)."

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("-o", "--output", help="tệp kết quả (mặc định: màn hình với JSON)")

    def handle(self, key, format, output, **options):
        framework = framework_or_error(key)
        if format == "json":
            rows = framework_export_rows(framework=framework)
            write_output(self, json.dumps(rows, ensure_ascii=False, indent=2), output)
            return
        if not output:
            raise CommandError("Xuất xlsx cần -o TỆP.xlsx")
        write_output(self, framework_xlsx_bytes(framework=framework), output)
        self.stdout.write(output)
