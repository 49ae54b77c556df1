"""Fixtures of the fault tests: the environment of the app's processes, and an Excel file whose import the
test can hold half-way."""
import io
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook

from assessments.excel import self_score_template_xlsx
from assessments.services import self_score_save
from config.excel import workbook_bytes
from frameworks.selectors import tree_for

from faults.processes import app_env, database_url

SCORED = 20  # leaves the file scores; the tenth already had a score, whose row the test locks


@dataclass(frozen=True)
class HeldImport:
    content: bytes
    locked_score_id: int  # the tenth leaf's score: its import waits on this row, nine scores written
    before: list  # (code, value) of every score before the import
    after: dict  # code -> value once imported


@pytest.fixture
def held_import(assessment, ward_staff) -> HeldImport:
    """A file scoring 20 leaves of Hoàng Liệt at their maximum, the tenth of which was scored 0 before."""
    nodes = {node.code: node for node in assessment.period.framework.nodes.all()}
    codes = [leaf.code for leaf in tree_for(assessment.period.framework).leaves[:SCORED]]
    tenth = self_score_save(assessment=assessment, node=nodes[codes[9]], by=ward_staff, expected_version=None,
                            value="0")
    workbook = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    for row in workbook.active.iter_rows(min_row=5):
        if row[0].value in codes:
            row[3].value = nodes[row[0].value].max_points
    return HeldImport(workbook_bytes(workbook), tenth.pk, [(codes[9], 0)],
                      {code: nodes[code].max_points for code in codes})


@pytest.fixture
def env(tmp_path, settings) -> dict:
    """The environment of a worker or a server on the test database, sharing the test's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Recovery takes a job at once: its heartbeat stopped when its worker was killed.
    return app_env(database_url(settings.DATABASES["default"]), settings.MEDIA_ROOT, JOB_STALE_AFTER_SECONDS="0")
