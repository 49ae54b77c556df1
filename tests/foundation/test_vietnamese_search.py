"""Searching ignores the case of every Vietnamese letter, on PostgreSQL and on SQLite alike."""
from django.db.utils import ConnectionHandler

from config.search import fold
from organizations.models import Unit


def test_fold_ignores_case_and_normal_form():
    assert fold("PHƯỜNG ĐỊNH CÔNG") == fold("phường định công")
    assert fold("Hoa\u0300ng") == fold("hoàng")  # decomposed, as typed on a Mac
    assert fold(None) is None


def test_the_assessment_list_finds_a_unit_in_any_case(client_for, secretariat, period, district):
    Unit.objects.filter(code="HM-W-YENSO").update(name="Phường Đại Kim")
    client = client_for(secretariat)

    def units(q):
        return [a.unit.code for a in client.get("/danh-gia/", {"q": q}).context["page"]]

    assert units("HOÀNG LIỆT") == units("hoàng liệt") == ["HM-W-HOANGLIET"]
    assert units("đại kim") == units("ĐẠI KIM") == ["HM-W-YENSO"]
    assert units("100%") == [] and units("_") == []  # LIKE's wildcards are only characters


def test_on_sqlite_the_lookup_folds_non_ascii_letters_where_like_does_not(db):  # db: pytest-django lets any connection open
    sqlite = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})["default"]
    try:
        with sqlite.cursor() as cursor:
            cursor.execute("CREATE TABLE organizations_unit (id integer PRIMARY KEY, code text, name text)")
            cursor.executemany("INSERT INTO organizations_unit (id, code, name) VALUES (%s, %s, %s)",
                               [(1, "HM-W-DAIKIM", "Phường Đại Kim"), (2, "HM-W-HOANGLIET", "Phường Hoàng Liệt")])

            def ids(**lookup):
                sql, params = Unit.objects.filter(**lookup).order_by("id").values_list("id").query.get_compiler(connection=sqlite).as_sql()
                cursor.execute(sql, params)
                return [row[0] for row in cursor.fetchall()]

            assert ids(name__icontains="đại kim") == []  # SQLite's LIKE: ASCII only
            assert ids(name__folded="đại kim") == [1]
            assert ids(name__folded="HOÀNG") == [2]
            assert ids(name__folded="%") == []
    finally:
        sqlite.close()
