from django.contrib.auth.decorators import login_required

from frameworks.selectors import framework_get

from .documents import framework_pdf
from .pdf import pdf_response


@login_required
def framework_pdf_view(request, key):
    """Every signed-in user may read frameworks, so the appendix needs no further permission."""
    framework = framework_get(key=key)
    return pdf_response(framework_pdf(framework=framework), f"Phụ lục khung chỉ số {framework.key}.pdf")
