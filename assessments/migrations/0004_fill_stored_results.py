"""Stored results for assessments and publications made before results were stored.

Uses the pure scoring functions (no ORM of their own) over the historical rows, so that a database
seeded before this change — a demo database, say — shows the same results as before.
"""
from django.db import migrations

from assessments.scoring import (
    Record, areas_to_json, records_from_json, result_figures, shortfalls_to_json, unit_scoring,
)
from frameworks.tree import NODE_FIELDS, tree_from_rows

APPRAISAL_CLOSED = ("appraised", "published")


def fill(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    AssessmentResult = apps.get_model("assessments", "AssessmentResult")
    SelfScore = apps.get_model("assessments", "SelfScore")
    AppraisedScore = apps.get_model("appraisal", "AppraisedScore")
    PublishedResult = apps.get_model("appraisal", "PublishedResult")
    SurveyResult = apps.get_model("surveys", "SurveyResult")
    Node = apps.get_model("frameworks", "Node")
    trees = {}

    def tree(framework_id):
        if framework_id not in trees:
            trees[framework_id] = tree_from_rows(
                Node.objects.filter(framework_id=framework_id).order_by("order").values(*NODE_FIELDS))
        return trees[framework_id]

    def records(model, assessment, by_id):
        return {by_id[row.node_id].code: Record(row.value, row.not_assessed) for row in model.objects.filter(assessment=assessment)}

    for assessment in Assessment.objects.filter(result__isnull=True).select_related("period"):
        framework_tree = tree(assessment.period.framework_id)
        scoring = unit_scoring(framework_tree, records(SelfScore, assessment, framework_tree.by_id),
                               records(AppraisedScore, assessment, framework_tree.by_id),
                               appraisal_closed=assessment.status in APPRAISAL_CLOSED)
        figures = result_figures(framework_tree, scoring)
        survey = SurveyResult.objects.filter(assessment=assessment).first()
        AssessmentResult.objects.create(
            assessment=assessment, self_total=figures.self_total, appraised_total=figures.appraised_total,
            combined_total=figures.combined_total, appraisal_max=figures.appraisal_max,
            survey_total=survey.points if survey else None, scored=figures.scored, leaves=figures.leaves,
            areas=areas_to_json(figures.areas), shortfalls=shortfalls_to_json(figures.shortfalls),
        )
    for publication in PublishedResult.objects.select_related("assessment__period"):
        if publication.areas:
            continue
        framework_tree = tree(publication.assessment.period.framework_id)
        own, decided = records_from_json(publication.scores)
        figures = result_figures(framework_tree, unit_scoring(framework_tree, own, decided, appraisal_closed=True))
        publication.areas, publication.shortfalls = areas_to_json(figures.areas), shortfalls_to_json(figures.shortfalls)
        publication.save(update_fields=["areas", "shortfalls"])


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0003_assessmentresult"),
        ("appraisal", "0005_publishedresult_current"),
        ("surveys", "0002_alter_historicalsurveyresult_history_change_reason"),
        ("frameworks", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
