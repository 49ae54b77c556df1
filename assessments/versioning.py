"""The optimistic lock shared by self-scores and appraised scores.

A form carries the version of the criterion's score it was loaded with; a save based on an older
version is refused with who changed it and the value now stored, so nobody overwrites unseen work.
"""
from frameworks.points import format_points


def current_score(model, *, assessment, node, expected_version: int | None, author_field: str, stale_message, error):
    """The criterion's score row, locked (inside a transaction), or a new unsaved one at version 0.

    Raises ``error(stale_message % {code, who, value})`` unless its version is ``expected_version``
    (None: the form was loaded when the criterion had no score yet).
    """
    score = model.objects.select_for_update().filter(assessment=assessment, node=node).first()
    if (score.version if score else None) != expected_version:
        author = getattr(score, author_field) if score else None
        raise error(stale_message % {
            "code": node.code,
            "who": author.display_name if author else "—",
            "value": format_points(score.value) if score and score.value is not None else "—",
        })
    return score or model(assessment=assessment, node=node, version=0)


def save_next_version(score, *, by, fields: list[str]) -> None:
    """Save ``score`` as the next version, with ``by`` in its history row."""
    score.version += 1
    score._history_user = by
    score.save(update_fields=None if score.pk is None else fields)
