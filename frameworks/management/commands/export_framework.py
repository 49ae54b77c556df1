import json
import sys

from django.core.management.base import BaseCommand, CommandError

from frameworks.errors import FRAMEWORK_NOT_FOUND
from frameworks.exports import framework_xlsx_bytes
from frameworks.models import Framework
from frameworks.selectors import framework_export_rows


class Command(BaseCommand):
    help = "Xuất một bộ chỉ số: JSON (mặc định, ra màn hình) hoặc xlsx (nhập lại được)."

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("-o", "--output", help="tệp kết quả (mặc định: màn hình với JSON)")

    def handle(self, key, format, output, **options):
        framework = Framework.objects.filter(key=key).first()
        if framework is None:
            raise CommandError(str(FRAMEWORK_NOT_FOUND % {"key": key}))
        if format == "json":
            text = json.dumps(framework_export_rows(framework=framework), ensure_ascii=False, indent=2)
            if output:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")
            else:
                self.stdout.write(text)
            return
        if not output:
            raise CommandError("Xuất xlsx cần -o TỆP.xlsx")
        with open(output, "wb") as handle:
            handle.write(framework_xlsx_bytes(framework=framework))
        self.stdout.write(output)
