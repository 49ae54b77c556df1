"""Writes of the self-assessment: opening periods, saving scores, evidence (submitting is in actions.py)."""
import hashlib
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from accounts.access import (
    Actor, is_office, may_act_for_unit, may_contribute, may_write_criterion, may_write_self_scores, runs_period,
)
from contributors import errors as contributor_errors
from contributors.selectors import assigned_node_ids
from config.text import EXPLANATION_MAX, REASON_MAX, TextTooLong, bounded, normalized
from frameworks import rules
from frameworks.models import Framework, Node
from frameworks.selectors import tree_for
from organizations.hierarchy import (
    ORGANISER_KINDS, assessing_organiser, home_affairs_office, organiser_line, organiser_of,
)
from organizations.models import Unit

from . import errors, workflow
from .deadlines import last_self_assessment_day
from .errors import AssessmentError
from .evidence_types import sniff_content_type
from .models import Assessment, Evidence, Period, SelfScore
from .results import result_changed, results_refresh, survey_scored_leaves
from .versioning import current_score, save_next_version


# -- periods -----------------------------------------------------------------------------------


def _organiser_for(organiser: Unit | None, by) -> Unit:
    """The organiser named, else the one the acting user works for (``hierarchy.organiser_of``)."""
    organiser = organiser or (organiser_of(by.unit) if by is not None and by.unit_id else None)
    if organiser is None:
        raise AssessmentError(errors.NO_ORGANISER)
    if organiser.kind not in ORGANISER_KINDS:
        raise AssessmentError(errors.NOT_AN_ORGANISER % {"code": organiser.code})
    return organiser


@transaction.atomic
def period_open(
    *, framework: Framework, year: int, by, organiser: Unit | None = None, unit_codes: list[str] | None = None,
    self_assessment_deadline: date | None = None, appraisal_deadline: date | None = None,
) -> Period:
    """Open a period of ``organiser`` (by default the one ``by`` works for; ``by`` must be its office, or
    None for the operator at the shell) and one draft assessment per unit it assesses (by default every
    such unit of the framework's family)."""
    organiser = _organiser_for(organiser, by)
    if by is not None and not runs_period(Actor.of(by), organiser_line=organiser_line(organiser)):
        raise AssessmentError(errors.NOT_YOUR_ORGANISER % {"office": home_affairs_office(organiser),
                                                            "organiser": organiser.name})
    if Period.objects.filter(organiser=organiser, framework=framework, year=year).exists():
        raise AssessmentError(errors.PERIOD_EXISTS % {"identifier": f"{framework.key}/{year}"})
    candidates = Unit.objects.select_related("parent__parent")
    if unit_codes:
        units = list(candidates.filter(code__in=unit_codes))
        missing = sorted(set(unit_codes) - {u.code for u in units})
        if missing:
            raise AssessmentError(errors.UNKNOWN_UNITS % {"codes": ", ".join(missing)})
        for unit in units:
            if unit.kind != framework.assessed_kind:
                raise AssessmentError(errors.WRONG_UNIT_KIND % {"code": unit.code, "key": framework.key})
            if assessing_organiser(unit) != organiser:
                raise AssessmentError(errors.UNIT_OF_ANOTHER_ORGANISER % {"code": unit.code, "organiser": organiser.name})
    else:
        units = [unit for unit in candidates.filter(framework_family=framework.family, kind=framework.assessed_kind)
                 if assessing_organiser(unit) == organiser]
    if not units:
        raise AssessmentError(errors.NO_UNITS % {"key": framework.key})
    period = Period(
        organiser=organiser, framework=framework, year=year, created_by=by,
        self_assessment_deadline=self_assessment_deadline, appraisal_deadline=appraisal_deadline,
    )
    period.full_clean()
    period._history_user = by
    period.save()
    results_refresh(Assessment.objects.bulk_create(Assessment(period=period, unit=unit) for unit in units))
    return period


# -- editing self-scores ---------------------------------------------------------------------


def self_assessment_open(assessment: Assessment, today: date | None = None) -> bool:
    """Whether the deadline (or the secretariat's reopening) still lets the unit edit."""
    last_day = last_self_assessment_day(assessment.period.self_assessment_deadline, assessment.reopened_until)
    return last_day is None or (today or timezone.localdate()) <= last_day


def deadline_passed_message(assessment: Assessment) -> str:
    """Names the last day the unit could edit: the period's deadline, or the reopening's if later."""
    last_day = last_self_assessment_day(assessment.period.self_assessment_deadline, assessment.reopened_until)
    return errors.DEADLINE_PASSED % {"deadline": date_format(last_day, "SHORT_DATE_FORMAT"),
                                     "office": home_affairs_office(assessment.period.organiser)}


def lock_assessment(assessment: Assessment) -> None:
    """Re-read the workflow state under a row lock (inside a transaction): a step taken since the
    page was loaded, such as a submission, wins over a save based on the old state."""
    fresh = Assessment.objects.select_for_update().values("status", "reopened_until").get(pk=assessment.pk)
    assessment.status, assessment.reopened_until = fresh["status"], fresh["reopened_until"]


def ensure_self_editable(*, assessment: Assessment, by, on_behalf_reason: str = "", nodes=None) -> None:
    """``on_behalf_reason``: the office enters the self-scores for the unit (a file sent on paper).

    ``nodes``: the criteria the write touches, which a contributor must all hold; None is the whole file
    (an Excel import), never a contributor's.
    """
    actor = Actor.of(by)
    acting_for_unit = bool(on_behalf_reason.strip()) and may_act_for_unit(
        actor, organiser_line=assessment.period.organiser_line)
    if not (acting_for_unit or _may_write_nodes(actor, by, assessment, nodes)):
        raise AssessmentError(errors.NO_PERMISSION)
    if assessment.status not in workflow.SELF_EDITABLE:
        raise AssessmentError(errors.NOT_EDITABLE_STATUS % {"status": workflow.Status(assessment.status).label})
    if not self_assessment_open(assessment):
        raise AssessmentError(deadline_passed_message(assessment))


def _may_write_nodes(actor: Actor, by, assessment: Assessment, nodes) -> bool:
    """The policy asked per criterion; a contributor touching criteria it does not hold is told which."""
    if may_write_self_scores(actor, unit_id=assessment.unit_id):
        return True
    if nodes is None or not may_contribute(actor, unit_id=assessment.unit_id):
        return False
    held = assigned_node_ids(assessment_id=assessment.pk, contributor_id=by.pk)
    foreign = [node.code for node in nodes
               if not may_write_criterion(actor, unit_id=assessment.unit_id, assigned=node.pk in held)]
    if foreign:
        raise AssessmentError(contributor_errors.NOT_ASSIGNED % {"codes": ", ".join(foreign)})
    return True


def ensure_evidence_addable(*, assessment: Assessment, by, nodes=None) -> None:
    """Evidence is added while the self-scores are editable, and while answering the council, which
    may ask for more documents; removing or replacing it needs the self-scores editable.

    ``nodes``: the criteria it proves, which a contributor must hold (see ``ensure_self_editable``)."""
    if assessment.status != workflow.Status.EXPLANATION_REQUESTED:
        ensure_self_editable(assessment=assessment, by=by, nodes=nodes)
    elif not may_write_self_scores(Actor.of(by), unit_id=assessment.unit_id):
        raise AssessmentError(errors.NO_PERMISSION)


def score_node(*, node: Node, value=None, inputs: dict | None = None):
    """The points a leaf earns: by its rule from ``inputs``, or the hand-entered ``value``.

    Raises ``rules.RuleInputError`` naming the bad input.
    """
    rule = node.scoring_rule
    if rule["kind"] == "manual":
        return rules.evaluate(rule, node.max_points, {"value": value})
    return rules.evaluate(rule, node.max_points, inputs or {})


def ensure_may_skip(node: Node) -> None:
    """Only a criterion the framework applies to some units only may be marked "không đánh giá"."""
    if not rules.applies_only(node.rule):
        raise AssessmentError(errors.NOT_ASSESSED_NOT_ALLOWED % {"code": node.code})


def _bounded(text, *, name, limit: int) -> str:
    try:
        return bounded(text, name=name, limit=limit)
    except TextTooLong as error:
        raise AssessmentError(str(error)) from None


SELF_SCORE_FIELDS = ["value", "not_assessed", "inputs", "explanation", "version", "updated_by", "updated_at"]


@transaction.atomic
def self_score_save(
    *, assessment: Assessment, node: Node, by, expected_version: int | None,
    value=None, inputs: dict | None = None, explanation: str = "", on_behalf_reason: str = "",
    not_assessed: bool = False,
) -> SelfScore:
    """Save one leaf's self-score; refuse a save based on an older version (optimistic lock).

    ``expected_version`` is the version the user's form was loaded with (None: the criterion had
    no score yet). ``not_assessed``: the criterion does not apply to this unit (the explanation says
    why). Evaluation errors raise ``rules.RuleInputError``.
    """
    _ensure_leaf_editable(assessment, node, by, on_behalf_reason)
    explanation = _bounded(explanation, name=errors.EXPLANATION, limit=EXPLANATION_MAX)
    if not_assessed:
        ensure_may_skip(node)
        if not explanation.strip():
            raise AssessmentError(errors.NOT_ASSESSED_REASON_REQUIRED % {"code": node.code, "field": errors.EXPLANATION})
        points = rules.NOT_ASSESSED
    else:
        points = score_node(node=node, value=value, inputs=inputs)
    score = _current_self_score(assessment, node, expected_version)
    score.value = None if points is rules.NOT_ASSESSED else points
    score.not_assessed = points is rules.NOT_ASSESSED
    score.inputs = {} if node.scoring_rule["kind"] == "manual" or not_assessed else (inputs or {})
    score.explanation = explanation
    score.updated_by = by
    if on_behalf_reason.strip():  # the history says who typed it, and for whom
        reason = _bounded(on_behalf_reason, name=errors.ON_BEHALF_REASON, limit=REASON_MAX)
        score._change_reason = errors.ON_BEHALF % {"office": home_affairs_office(assessment.period.organiser),
                                                   "unit": assessment.unit.name, "reason": reason}
    save_next_version(score, by=by, fields=SELF_SCORE_FIELDS)
    result_changed(assessment)
    return score


@transaction.atomic
def self_score_clear(*, assessment: Assessment, node: Node, by, expected_version: int | None) -> None:
    """Remove one leaf's self-score (the form was emptied); its history keeps the removed row and who removed it.

    Refused, like a save, when based on an older version. Clearing a leaf with no score does nothing.
    """
    _ensure_leaf_editable(assessment, node, by)
    score = _current_self_score(assessment, node, expected_version)
    if score.pk is None:
        return
    score._history_user = by
    score.delete()
    result_changed(assessment)


def _ensure_leaf_editable(assessment: Assessment, node: Node, by, on_behalf_reason: str = "") -> None:
    lock_assessment(assessment)
    ensure_self_editable(assessment=assessment, by=by, on_behalf_reason=on_behalf_reason, nodes=[node])
    tree = tree_for(assessment.period.framework)
    if node.framework_id != assessment.period.framework_id or not tree.is_leaf(node.code):
        raise AssessmentError(errors.NOT_A_LEAF % {"code": node.code})
    if node.code in survey_scored_leaves(assessment.period, tree):
        raise AssessmentError(errors.SURVEY_SCORED % {"code": node.code})


def _current_self_score(assessment: Assessment, node: Node, expected_version: int | None) -> SelfScore:
    return current_score(SelfScore, assessment=assessment, node=node, expected_version=expected_version,
                         author_field="updated_by", stale_message=errors.STALE_VERSION, error=AssessmentError)


def may_reopen(*, assessment: Assessment, by) -> bool:
    """The office may reopen a unit whose self-assessment the deadline has closed."""
    return (runs_period(Actor.of(by), organiser_line=assessment.period.organiser_line)
            and assessment.status in workflow.SELF_EDITABLE
            and not self_assessment_open(assessment))


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, until: date, reason: str, by) -> Assessment:
    """Let one unit edit after the deadline (secretariat only), with the reason kept in the history."""
    if not runs_period(Actor.of(by), organiser_line=assessment.period.organiser_line):
        raise AssessmentError(errors.NO_PERMISSION)
    reason = _bounded(reason, name=errors.REOPEN_REASON, limit=REASON_MAX)
    if not reason:
        raise AssessmentError(errors.REOPEN_REASON_REQUIRED)
    assessment.reopened_until = until
    assessment._history_user = by
    assessment._change_reason = reason
    assessment.save(update_fields=["reopened_until"])
    return assessment


@transaction.atomic
def assessment_exclude(*, assessment: Assessment, by, reason: str, undo: bool = False) -> Assessment:
    """Leave a unit out of the period (or, with ``undo``, bring it back) while the period is unpublished."""
    if not runs_period(Actor.of(by), organiser_line=assessment.period.organiser_line):
        raise AssessmentError(errors.NO_PERMISSION)
    locked = Assessment.objects.select_for_update().select_related("unit", "period__framework").get(pk=assessment.pk)
    if locked.period.published_at is not None:
        raise AssessmentError(errors.PERIOD_ALREADY_PUBLISHED % {"identifier": locked.period.identifier})
    reason = _bounded(reason, name=errors.INCLUDE_REASON if undo else errors.EXCLUDE_REASON, limit=REASON_MAX)
    if not reason:
        raise AssessmentError(errors.INCLUDE_REASON_REQUIRED if undo else errors.EXCLUDE_REASON_REQUIRED)
    if locked.excluded != undo:
        raise AssessmentError((errors.NOT_EXCLUDED if undo else errors.ALREADY_EXCLUDED) % {"unit": locked.unit.name})
    locked.excluded, locked.excluded_reason = not undo, "" if undo else reason
    locked._history_user, locked._change_reason = by, reason
    locked.save(update_fields=["excluded", "excluded_reason"])
    assessment.excluded, assessment.excluded_reason = locked.excluded, locked.excluded_reason
    return assessment


# -- the texts of the documents that go up ------------------------------------------------------

# A few printed pages: the section of a report, not the report.
REPORT_TEXT_MAX = 20000


@transaction.atomic
def assessment_difficulties_save(*, assessment: Assessment, text: str, by) -> Assessment:
    """The difficulties and proposals of the unit's self-assessment report, written while it may still edit."""
    ensure_self_editable(assessment=assessment, by=by)
    assessment.difficulties = _bounded(text, name=errors.DIFFICULTIES, limit=REPORT_TEXT_MAX)
    assessment._history_user = by
    assessment.save(update_fields=["difficulties"])
    return assessment


@transaction.atomic
def period_findings_save(*, period: Period, text: str, by) -> Period:
    """The findings and proposals of the office's annual report; empty gives the drafted text back."""
    if not is_office(Actor.of(by)):
        raise AssessmentError(errors.FINDINGS_NOT_ALLOWED % {"office": home_affairs_office(period.organiser)})
    period.findings = _bounded(text, name=errors.FINDINGS, limit=REPORT_TEXT_MAX)
    period._history_user = by
    period.save(update_fields=["findings"])
    return period


# -- evidence ---------------------------------------------------------------------------------


def _checked_upload(uploaded) -> tuple[str, str]:
    """(content type, sha256) of an accepted upload; refuses large or unrecognised files."""
    limit = settings.EVIDENCE_MAX_BYTES
    if uploaded.size > limit:
        raise AssessmentError(errors.FILE_TOO_LARGE % {"name": uploaded.name, "limit": limit // (1024 * 1024)})
    uploaded.seek(0)
    head = uploaded.read(8)
    content_type = sniff_content_type(head, uploaded)
    if content_type is None:
        raise AssessmentError(errors.FILE_TYPE_REFUSED % {"name": uploaded.name})
    uploaded.seek(0)
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return content_type, digest.hexdigest()


@transaction.atomic
def evidence_add(
    *, assessment: Assessment, by, nodes: list[Node], title: str = "", uploaded=None,
    document_number: str = "", document_date: date | None = None, document_issuer: str = "",
) -> Evidence:
    """Attach a file and/or an official document reference to one or more criteria."""
    lock_assessment(assessment)
    ensure_evidence_addable(assessment=assessment, by=by, nodes=nodes)
    document_number = _evidence_text(document_number, name=errors.EVIDENCE_NUMBER, field="document_number")
    if uploaded is None and not document_number:
        raise AssessmentError(errors.EVIDENCE_EMPTY)
    if not nodes:
        raise AssessmentError(errors.EVIDENCE_NO_CRITERIA)
    evidence = Evidence(
        assessment=assessment, uploaded_by=by,
        title=_evidence_text(normalized(title) or (uploaded.name if uploaded else document_number),
                             name=errors.EVIDENCE_TITLE, field="title"),
        document_number=document_number, document_date=document_date,
        document_issuer=_evidence_text(document_issuer, name=errors.EVIDENCE_ISSUER, field="document_issuer"),
    )
    if uploaded is not None:
        _store_upload(evidence, uploaded)
    evidence._history_user = by
    evidence.save()
    evidence.nodes.set(nodes)
    return evidence


def _evidence_text(text, *, name, field: str) -> str:
    """``text`` composed, refused (not cut) when longer than the column ``field`` holds."""
    return _bounded(text, name=name, limit=Evidence._meta.get_field(field).max_length)


def _store_upload(evidence: Evidence, uploaded) -> None:
    evidence.content_type, evidence.sha256 = _checked_upload(uploaded)
    evidence.size = uploaded.size
    # Composed like the title, which starts as this name and follows it on a replacement.
    evidence.original_name = normalized(uploaded.name)[:255]
    evidence.file.save(uploaded.name, uploaded, save=False)


def _editable_evidence(*, evidence: Evidence, by) -> Evidence:
    lock_assessment(evidence.assessment)
    ensure_self_editable(assessment=evidence.assessment, by=by, nodes=list(evidence.nodes.all()))
    return evidence


@transaction.atomic
def evidence_replace(*, evidence: Evidence, by, uploaded) -> Evidence:
    """Put a new file in place of an evidence's file while the self-assessment is editable.

    The criteria it proves stay; a title that was only the old file's name follows the new one.
    """
    _editable_evidence(evidence=evidence, by=by)
    if evidence.title == evidence.original_name:
        evidence.title = _evidence_text(uploaded.name, name=errors.EVIDENCE_TITLE, field="title")
    _store_upload(evidence, uploaded)
    evidence._history_user = by
    evidence.save(update_fields=["title", "file", "original_name", "content_type", "size", "sha256"])
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by) -> None:
    """Remove an evidence while the self-assessment is editable; its history row keeps the record
    (and the stored file stays, as the file of that record)."""
    _editable_evidence(evidence=evidence, by=by)
    evidence._history_user = by
    evidence.delete()
