"""Where an explanation round stands, from its messages alone (no ORM): which questions are still open."""
from dataclasses import dataclass, field
from datetime import date

from .models import ExplanationMessage

Kind = ExplanationMessage.Kind


@dataclass(frozen=True)
class Reply:
    code: str
    text: str


@dataclass(frozen=True)
class RoundState:
    open: list[str] = field(default_factory=list)  # questions the unit must still answer or leave
    overdue: list[str] = field(default_factory=list)  # questions not answered by their deadline
    left: list[Reply] = field(default_factory=list)  # questions the unit left, with its reason


def round_state(messages, *, today: date) -> RoundState:
    """``messages``: (criterion code, kind, text, answer deadline) in the order they were written.

    Only a criterion's latest message counts: a later question opens it again. A question whose
    answer deadline has passed can no longer be answered, so it no longer holds the round up.
    """
    latest = {}
    for code, kind, text, deadline in messages:
        latest[code] = (kind, text, deadline)
    state = RoundState()
    for code, (kind, text, deadline) in latest.items():
        if kind == Kind.LEFT:
            state.left.append(Reply(code, text))
        elif kind == Kind.QUESTION:
            (state.overdue if deadline is not None and today > deadline else state.open).append(code)
    return state
