"""Text typed by users, in forms and in Excel alike: one normal form (NFC), a bounded length, and
values echoed back in messages shortened."""
import unicodedata

from django.utils.translation import gettext_lazy as _

# About two printed pages: an explanation cites documents, it does not carry them (evidence does).
EXPLANATION_MAX = 5000
REASON_MAX = 2000
ECHO_MAX = 60

TOO_LONG = _("“%(name)s” dài %(length)s ký tự; tối đa %(limit)s ký tự.")


class TextTooLong(ValueError):
    pass


def normalized(text) -> str:
    """``text`` stripped, in NFC: decomposed input (macOS, PDFs) is stored as everybody else's."""
    return unicodedata.normalize("NFC", str(text or "")).strip()


def bounded(text, *, name: str, limit: int) -> str:
    """``normalized(text)``, refused with ``TOO_LONG`` naming the field when longer than ``limit``."""
    text = normalized(text)
    if len(text) > limit:
        raise TextTooLong(str(TOO_LONG % {"name": name, "length": len(text), "limit": limit}))
    return text


def echoed(value) -> str:
    """A typed value as quoted back in a message: at most ``ECHO_MAX`` characters."""
    text = str(value)
    return text if len(text) <= ECHO_MAX else text[:ECHO_MAX] + "…"
