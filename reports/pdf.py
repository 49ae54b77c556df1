"""Official PDF documents: a Django template rendered by WeasyPrint with the project's own fonts."""
import unicodedata
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

STATIC_DIR = Path(settings.BASE_DIR) / "static"
FONT_DIR = STATIC_DIR / "fonts"
FONT_FAMILY = "ParIndex Serif"
# Liberation Serif 2.x: Times New Roman metrics (what official documents are typed in) and every
# Vietnamese letter; version 1.x, which Debian still installs as a system font, has neither tone marks
# nor ơ/ư, so the files are shipped and named by absolute path instead of looked up by family.
_FACES = [
    ("normal", "normal", "LiberationSerif-Regular.ttf"),
    ("bold", "normal", "LiberationSerif-Bold.ttf"),
    ("normal", "italic", "LiberationSerif-Italic.ttf"),
    ("bold", "italic", "LiberationSerif-BoldItalic.ttf"),
]
FONT_CSS = "\n".join(
    f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {style}; '
    f'src: url("{(FONT_DIR / file).as_uri()}"); }}'
    for weight, style, file in _FACES
) + f'\nhtml {{ font-family: "{FONT_FAMILY}"; }}'


def render_document_html(*, template_name: str, context: dict) -> str:
    # Text pasted from some Vietnamese keyboards and Word files is decomposed (a + U+0301); NFC
    # gives the precomposed letters, which are the glyphs the font has and the text readers search.
    return unicodedata.normalize("NFC", render_to_string(template_name, context))


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint with the shipped fonts only."""
    # Imported here: loading WeasyPrint loads Pango, which no other request needs.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    fonts = CSS(string=FONT_CSS, font_config=font_config)
    return HTML(string=html, base_url=str(STATIC_DIR)).write_pdf(
        stylesheets=[fonts], font_config=font_config
    )


def render_pdf(*, template_name: str, context: dict) -> bytes:
    return html_to_pdf(render_document_html(template_name=template_name, context=context))


def _ascii_filename(filename: str) -> str:
    """The name for clients that ignore ``filename*``: accents dropped, quotes and slashes gone."""
    plain = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    plain = plain.encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isprintable() and ch not in '"\\/') or "document.pdf"


def pdf_response(pdf_bytes: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_ascii_filename(filename)}"; '
        f"filename*=UTF-8''{quote(unicodedata.normalize('NFC', filename), safe='')}"
    )
    return response
