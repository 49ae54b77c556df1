"""Constants and helpers shared by tests (conftest.py itself is not importable by name)."""
import datetime

PASSWORD = "mat-khau-thu-nghiem-1"
# A new deadline a return gives the unit: far enough ahead for any test run.
SOON = datetime.date.today() + datetime.timedelta(days=30)


def score_remaining_leaves(assessment, *, by, value="0"):
    """Give every leaf the unit has not scored ``value``, so that the file may be submitted.

    Tests that care about a few criteria score those through the services; the rest only has to be
    complete. Bulk rows, then the stored result refreshed as every score write does.
    """
    from decimal import Decimal

    from assessments.models import SelfScore
    from assessments.results import results_refresh
    from frameworks.selectors import tree_for

    done = set(SelfScore.objects.filter(assessment=assessment).values_list("node_id", flat=True))
    SelfScore.objects.bulk_create(
        SelfScore(assessment=assessment, node_id=leaf.pk, value=Decimal(value), updated_by=by)
        for leaf in tree_for(assessment.period.framework).leaves if leaf.pk not in done
    )
    results_refresh([assessment])


def score_at_max_except(assessment, *, by, scores: dict):
    """Every leaf self-scored at its maximum, except ``scores`` (code -> points); bulk rows, as
    ``score_remaining_leaves``, then the stored result refreshed."""
    from decimal import Decimal

    from assessments.models import SelfScore
    from assessments.results import results_refresh
    from frameworks.selectors import tree_for

    SelfScore.objects.bulk_create(
        SelfScore(assessment=assessment, node_id=leaf.pk, value=Decimal(scores.get(leaf.code, leaf.max_points)),
                  updated_by=by)
        for leaf in tree_for(assessment.period.framework).leaves
    )
    results_refresh([assessment])


def submit_completed(*, assessment, by):
    """Score what is left with 0 (``score_remaining_leaves``), then submit the file as ``by``."""
    from assessments.actions import assessment_submit

    score_remaining_leaves(assessment, by=by)
    return assessment_submit(assessment=assessment, by=by)


def publish_period(period, *, by):
    """Walk every unit of ``period`` through submission and appraisal (as self-scored), then publish it."""
    from accounts.models import Role, User
    from appraisal.services import appraisal_finish, period_publish
    from assessments import actions

    for assessment in period.assessments.select_related("unit"):
        head = (User.objects.filter(unit=assessment.unit, role=Role.UNIT_HEAD).first()
                or User.objects.create(username=f"{assessment.unit.code}.head", role=Role.UNIT_HEAD,
                                       unit=assessment.unit))
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=by)
        appraisal_finish(assessment=assessment, by=by)
    period_publish(period=period, by=by)
    period.refresh_from_db()
    return period


def hanoi_runs_its_own_index(*, district, office):
    """Hà Nội's 2020 period as seed 003 runs it: the city (``district``'s parent) assessed on the province
    framework and opened by its own office, ``office`` moving to the city for it."""
    from assessments.services import period_open
    from conftest import load_framework

    framework = load_framework("hanoi-province-2020")
    city = district.parent
    city.framework_family = framework.family
    city.save()
    office.unit = city
    office.save()
    return period_open(framework=framework, year=2020, by=office)


def xlsx_upload(header, rows, *, name="tep.xlsx", title_row=None):
    """An in-memory workbook to upload: an optional title row, ``header``, then ``rows``; named ``name``."""
    from io import BytesIO

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    if title_row:
        sheet.append([title_row])
    for row in (header, *rows):
        sheet.append(list(row))
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer


def pdf_text(pdf: bytes) -> str:
    """The text of every page, each run of whitespace as one space (table cells wrap anywhere)."""
    import io

    from pypdf import PdfReader

    assert pdf.startswith(b"%PDF-")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def xlsx_of(header, *rows):
    """A workbook in memory whose one sheet holds ``header`` and then ``rows``, ready to import."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    for row in (header, *rows):
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


class SelfScoreTemplate:
    """The unit's downloaded template, typed into as a user would (openpyxl ignores the protection)."""

    def __init__(self, assessment):
        from io import BytesIO

        from openpyxl import load_workbook

        from assessments.excel import self_score_template_xlsx

        self.workbook = load_workbook(BytesIO(self_score_template_xlsx(assessment=assessment)))
        self.sheet = self.workbook.active
        self.rows = {row[0].value: row for row in self.sheet.iter_rows(min_row=5)}

    def type(self, code, score, explanation=None):
        self.rows[code][3].value = score
        self.rows[code][4].value = explanation
        return self

    def file(self):
        from io import BytesIO

        buffer = BytesIO()
        self.workbook.save(buffer)
        buffer.seek(0)
        return buffer


# The survey design of issue 13, word for word: 20 + 10 points, citizens weigh 2, ward civil servants 1.
SURVEY_DESIGN = {
    "max_points": "30",
    "criteria": [{"code": "S1", "title": "Sự hài lòng về thủ tục hành chính", "max_points": "20"},
                 {"code": "S2", "title": "Công khai, minh bạch", "max_points": "10"}],
    "groups": [{"code": "CD", "title": "Công dân", "weight": "2"},
               {"code": "CC", "title": "Công chức cấp phường", "weight": "1"}],
    "questions": [{"code": "Q1", "criterion": "S1", "groups": ["CD", "CC"], "scale": [1, 5], "favourable": [4, 5]},
                  {"code": "Q2", "criterion": "S2", "groups": ["CD"], "scale": [0, 1], "favourable": [1]}],
}

# Responses to SURVEY_DESIGN: three Hoàng Liệt respondents (two citizens, one civil servant), one of Yên Sở.
SURVEY_ROWS = [["unit", "group", "Q1", "Q2"],
               ["HM-W-HOANGLIET", "CD", "5", "1"],
               ["HM-W-HOANGLIET", "CD", "3", "0"],
               ["HM-W-HOANGLIET", "CC", "4", ""],
               ["HM-W-YENSO", "CD", "", "1"]]


def csv_file(folder, rows, *, delimiter=",", bom=False, name="phieu.csv"):
    """``rows`` written as a UTF-8 CSV file in ``folder``; its path."""
    path = folder / name
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def import_survey(period, path, *args) -> str:
    """``import_survey`` as the office (bob); what it printed."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("import_survey", period.identifier, str(path), "--as", "bob", *args, stdout=out)
    return out.getvalue().strip()


def job_file(client, url, capture_on_commit) -> bytes:
    """POST ``url``, a view that queues a background job; the file the job made, once run, as downloaded
    from its page (``capture_on_commit``: pytest-django's ``django_capture_on_commit_callbacks``)."""
    with capture_on_commit(execute=True):
        started = client.post(url)
    download = client.get(started["Location"] + "tai-ve/")
    assert download.status_code == 200, started["Location"]
    return b"".join(download.streaming_content)


def job_failed_then_retried(client, url, data=None, *, broken: str, monkeypatch, capture_on_commit):
    """The job that POST ``url`` starts fails, ``broken`` (a dotted name) raising, and is retried from its page
    once mended: (its page after the failure, the job after the retry)."""
    from operations.models import Job

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(broken, fail)
    with capture_on_commit(execute=True):
        job_url = client.post(url, data or {})["Location"]
    failed = client.get(job_url).content.decode()
    monkeypatch.undo()
    with capture_on_commit(execute=True):
        client.post(job_url + "chay-lai/")
    return failed, Job.objects.get(pk=int(job_url.strip("/").rsplit("/", 1)[1]))
