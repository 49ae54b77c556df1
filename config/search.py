"""Case-insensitive search for Vietnamese text, the same on PostgreSQL and SQLite.

Django's ``icontains`` is ``UPPER(...) LIKE UPPER(...)`` on PostgreSQL, which folds every letter, but a
plain ``LIKE`` on SQLite, which folds ASCII letters only: "hoàng" finds "Hoàng" there but not "HOÀNG"
("à" and "À" differ), and "đồng" never finds "Đồng". The ``folded`` lookup compares Python's ``casefold``
of both sides in NFC on SQLite, through a function registered on every new connection, and is
``icontains`` elsewhere.
"""
import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField
from django.db.models.lookups import IContains

SQLITE_FOLD = "parindex_fold"


def fold(text):
    """What both sides are compared as: NFC, case folded (None stays None, as SQL's NULL)."""
    return None if text is None else unicodedata.normalize("NFC", str(text)).casefold()


class Folded(IContains):
    """``field__folded="hoàng"``: contains, ignoring the case of every letter."""

    lookup_name = "folded"

    def as_sql(self, compiler, connection):  # PostgreSQL: ``icontains`` folds every letter already
        return IContains(self.lhs, self.rhs).as_sql(compiler, connection)

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{SQLITE_FOLD}({lhs}) LIKE {SQLITE_FOLD}({rhs}) ESCAPE '\\'", (*lhs_params, *rhs_params)


def _register_fold(sender, connection, **_kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD, 1, fold, deterministic=True)


def install() -> None:
    """Register the lookup and the SQLite function (from ``assessments.apps``, once at start)."""
    for field in (CharField, TextField):
        field.register_lookup(Folded)
    connection_created.connect(_register_fold, dispatch_uid="parindex-sqlite-fold")
