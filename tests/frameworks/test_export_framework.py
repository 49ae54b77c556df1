import io
import json

import pytest
import tablib
from django.core.management import call_command
from django.core.management.base import CommandError

from frameworks.exports import framework_xlsx_bytes
from frameworks.models import Node
from frameworks.resources import NodeResource


def export_json(key):
    out = io.StringIO()
    call_command("export_framework", key, stdout=out)
    return json.loads(out.getvalue())


def test_json_export_lists_nodes_in_document_order_with_string_points(frameworks):
    rows = export_json("hoangmai-phong-2024")
    assert len(rows) == Node.objects.filter(framework__key="hoangmai-phong-2024").count()
    first = rows[0]
    assert set(first) == {"code", "title", "max_points", "parent", "rule", "errata"}
    assert (first["code"], first["parent"], first["max_points"]) == ("1", None, "15")
    area3 = next(row for row in rows if row["code"] == "3")
    assert area3["max_points"] == "14"
    assert [e["kind"] for e in area3["errata"]] == ["sum_mismatch"]
    assert all(isinstance(row["max_points"], str) for row in rows)


def test_unknown_key_is_an_error(frameworks):
    with pytest.raises(CommandError, match="Không có bộ chỉ số “nope”"):
        call_command("export_framework", "nope")


def test_xlsx_export_imports_back_into_an_identical_tree(frameworks, tmp_path):
    framework = frameworks["hoangmai-phuong-2024"]
    before = list(Node.objects.filter(framework=framework).values_list("code", "parent__code", "title", "max_points", "rule"))
    payload = framework_xlsx_bytes(framework=framework)
    Node.objects.filter(framework=framework).delete()

    dataset = tablib.Dataset().load(payload, format="xlsx")
    result = NodeResource().import_data(dataset, dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    after = list(Node.objects.filter(framework=framework).order_by("order").values_list("code", "parent__code", "title", "max_points", "rule"))
    assert after == before


def test_xlsx_import_with_one_bad_row_saves_nothing_and_names_the_row(frameworks):
    framework = frameworks["hoangmai-phuong-2024"]
    dataset = tablib.Dataset().load(framework_xlsx_bytes(framework=framework), format="xlsx")
    Node.objects.filter(framework=framework).delete()
    rows = [list(row) for row in dataset]
    max_column = dataset.headers.index("max_points")
    rows[10][max_column] = "mười"
    broken = tablib.Dataset(*rows, headers=dataset.headers)

    result = NodeResource().import_data(broken, dry_run=False, use_transactions=True)

    assert result.has_validation_errors()
    first_invalid = result.invalid_rows[0]
    assert first_invalid.number == 11
    assert first_invalid.error_dict == {"max_points": ["“mười” không phải là số điểm."]}
    assert not Node.objects.filter(framework=framework).exists()
