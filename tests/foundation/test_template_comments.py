"""Django's ``{# … #}`` comment ends at the end of its line: one left open is printed on the page."""
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def open_comments(text: str, name: str) -> list[str]:
    return [f"{name}:{number}" for number, line in enumerate(text.splitlines(), 1)
            if "{#" in line and "#}" not in line[line.index("{#"):]]


def test_no_template_leaves_a_one_line_comment_open():
    found = [where for path in sorted(TEMPLATES.rglob("*.html"))
             for where in open_comments(path.read_text(encoding="utf-8"), str(path.relative_to(TEMPLATES)))]
    assert found == []


def test_the_check_finds_a_comment_spread_over_two_lines():
    assert open_comments("{# one line #}\n{# two\nlines #}", "page.html") == ["page.html:2"]


def test_the_login_page_shows_no_template_comment(client, db):
    page = client.get("/dang-nhap/").content.decode()
    assert "{#" not in page and "#}" not in page
