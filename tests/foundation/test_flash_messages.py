"""Flash messages go through gettext: Vietnamese by default, English for a user who switched."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "appraisal", "assessments", "frameworks", "organizations", "reports", "surveys", "demo")
LEVELS = {"debug", "info", "success", "warning", "error", "add_message"}


def _words(text: str) -> bool:
    return any(character.isalpha() for character in text)  # "{code}: {error}" only joins translated parts


def _has_literal_text(node) -> bool:
    """A string literal, an f-string or a concatenation holding one: words that skipped gettext."""
    match node:
        case ast.Constant(str() as text):
            return _words(text)
        case ast.JoinedStr(values):
            return any(isinstance(v, ast.Constant) and _words(v.value) for v in values)
        case ast.BinOp(left, _, right):
            return _has_literal_text(left) or _has_literal_text(right)
    return False


def _untranslated_flashes(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        texts = [keyword.value for keyword in node.keywords if keyword.arg in ("success", "error", "message")]
        if (isinstance(node.func, ast.Attribute) and node.func.attr in LEVELS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "messages"):
            texts += node.args[1:]
        found += [f"{name}:{node.lineno}" for text in texts if _has_literal_text(text)]
    return found


def test_no_view_flashes_a_literal_text():
    views = [path for app in APPS for path in sorted((ROOT / app).glob("views*.py"))]
    assert len(views) >= 5
    found = [where for path in views
             for where in _untranslated_flashes(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == []


def test_the_check_catches_a_literal_and_lets_translated_text_through():
    # A check that cannot fail is a defect: it must see the spellings the views used to have.
    source = "\n".join([
        'messages.success(request, f"Đã lưu tiêu chí {code}.")',
        '_back(request, a, success="Xong.")',
        'messages.error(request, "Không nhập gì. " + listed)',
        'messages.error(request, f"{code}: {error}")',
        'messages.success(request, _("Đã lưu tiêu chí %(code)s.") % {"code": code})',
    ])
    assert _untranslated_flashes(source, "view.py") == ["view.py:1", "view.py:2", "view.py:3"]


def test_a_flash_message_is_shown_in_english_after_switching(client_for, secretariat, period, ward):
    client = client_for(secretariat)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assessment = period.assessments.get(unit=ward)
    response = client.post(f"/dieu-tra/ky/{period.pk}/", {f"points-{assessment.pk}": "25"}, follow=True)
    page = response.content.decode()
    assert "Survey scores of 1 units saved." in page
    assert "Đã lưu điểm điều tra" not in page
