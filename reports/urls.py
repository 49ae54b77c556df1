from django.urls import path

from . import views, views_simulator, views_upward

app_name = "reports"
urlpatterns = [
    path("bo-chi-so/<slug:key>/pdf/", views.framework_pdf_view, name="framework_pdf"),
    path("ky/<int:period_pk>/ket-qua.pdf", views.period_pdf_view, name="period_pdf"),
    path("ky/<int:period_pk>/ket-qua.xlsx", views.period_xlsx_view, name="period_xlsx"),
    path("ho-so/<int:assessment_pk>/", views.unit_report_view, name="unit_report"),
    path("ho-so/<int:assessment_pk>/ket-qua.pdf", views.unit_pdf_view, name="unit_pdf"),
    path("ho-so/<int:assessment_pk>/ket-qua.xlsx", views.unit_xlsx_view, name="unit_xlsx"),
    path("ho-so/<int:assessment_pk>/gia-dinh/", views_simulator.what_if_view, name="what_if"),
    path("ho-so/<int:assessment_pk>/bao-cao-tu-danh-gia.docx", views_upward.self_report_view, {"extension": "docx"},
         name="self_report_docx"),
    path("ho-so/<int:assessment_pk>/bao-cao-tu-danh-gia.pdf", views_upward.self_report_view, {"extension": "pdf"},
         name="self_report_pdf"),
    path("ky/<int:period_pk>/bao-cao-tu-danh-gia.zip", views_upward.self_reports_archive_view, name="self_reports_zip"),
    path("ky/<int:period_pk>/bao-cao-nam/", views_upward.annual_report_view, name="annual_report"),
    path("ky/<int:period_pk>/bao-cao-nam.docx", views_upward.annual_report_file_view, {"extension": "docx"},
         name="annual_report_docx"),
    path("ky/<int:period_pk>/bao-cao-nam.pdf", views_upward.annual_report_file_view, {"extension": "pdf"},
         name="annual_report_pdf"),
    path("ho-so/<int:assessment_pk>/bien-ban.pdf", views.minutes_pdf_view, name="minutes_pdf"),
]
