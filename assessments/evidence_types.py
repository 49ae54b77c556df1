"""Recognise an uploaded file's type by its content, never by its name."""
import zipfile

PDF, DOCX, XLSX, JPEG, PNG = "application/pdf", (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "image/jpeg", "image/png"


def sniff_content_type(head: bytes, whole) -> str | None:
    """The content type of an accepted evidence file, or None.

    ``head`` is the file's first bytes; ``whole`` a seekable file object, read only for ZIP-based
    Office files, whose type is told by the parts inside (``word/`` or ``xl/``).
    """
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            whole.seek(0)
            names = zipfile.ZipFile(whole).namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            whole.seek(0)
        if "[Content_Types].xml" in names:
            if any(name.startswith("word/") for name in names):
                return DOCX
            if any(name.startswith("xl/") for name in names):
                return XLSX
    return None
