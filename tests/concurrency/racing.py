"""Running steps in real threads at the same moment, against PostgreSQL's row locks.

Each step runs in its own thread, so on its own database connection and in its own transaction, as
two requests would. A barrier releases the threads together; every thread closes its connection at
the end, so that the test database can be flushed afterwards.

``lingering_before_save`` widens the window a race needs: the thread that is inside the critical
section (it has read the row and is about to write) pauses there. With the services' locks the
other thread waits at its ``SELECT … FOR UPDATE`` meanwhile; without them it would read the same
old state during the pause, and the assertions of the tests would catch the lost update.
"""
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

import pytest
from django.db import connection

ROUNDS = 5
LINGER = 0.025  # seconds; long next to a query on a local PostgreSQL, short for the test's budget
JOIN_TIMEOUT = 10  # a deadlock fails the test instead of hanging the run
# One criterion per round of a race (all hand-scored, worth 0,5), so each round starts unscored.
ROUND_LEAVES = ["1.1.1", "1.1.2", "1.1.3", "1.2.2", "1.2.4"]
# Criteria saved beside those, one per round, when two people work on different criteria.
BESIDE_LEAVES = ["1.3.1", "1.3.3", "1.4.1", "1.4.3", "1.8.1"]

CONCURRENCY_TEST = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrency tests need PostgreSQL: SQLite ignores SELECT … FOR UPDATE and locks the "
               "whole database file, so two transactions never overlap there. Set DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True),  # the threads must see each other's commits
]


@dataclass
class Outcome:
    result: object = None
    error: Exception | None = None

    @property
    def won(self) -> bool:
        return self.error is None


def race(*steps) -> list[Outcome]:
    """Run every step in its own thread, all released at once; their outcomes, in the steps' order."""
    barrier = threading.Barrier(len(steps))
    outcomes = [Outcome() for _ in steps]

    def run(step, outcome):
        try:
            barrier.wait(timeout=JOIN_TIMEOUT)
            outcome.result = step()
        except Exception as error:  # the step's refusal is what the tests assert on
            outcome.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in zip(steps, outcomes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a step is still running: deadlock?"
    return outcomes


def winner_and_loser(outcomes: list[Outcome]) -> tuple[Outcome, Outcome]:
    """Exactly one of two steps was taken; the other was refused."""
    errors = [o.error for o in outcomes]
    assert sorted(o.won for o in outcomes) == [False, True], f"expected one step taken and one refused: {errors}"
    return (outcomes[0], outcomes[1]) if outcomes[0].won else (outcomes[1], outcomes[0])


@contextmanager
def lingering_before_save(*models, seconds: float = LINGER):
    """Make every ``save()`` of these models pause just before writing (see the module's docstring)."""
    patches = []
    for model in models:
        original = model.save

        def slow_save(self, *args, _original=original, **kwargs):
            time.sleep(seconds)
            return _original(self, *args, **kwargs)

        patches.append(mock.patch.object(model, "save", slow_save))
    for patch in patches:
        patch.start()
    try:
        yield
    finally:
        for patch in reversed(patches):
            patch.stop()


def fresh(instance):
    """The row as a new request loads it: threads never share a model instance."""
    return type(instance).objects.get(pk=instance.pk)
