from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("bo-chi-so/<slug:key>/pdf/", views.framework_pdf_view, name="framework_pdf"),
    path("ky/<int:period_pk>/ket-qua.pdf", views.period_pdf_view, name="period_pdf"),
    path("ky/<int:period_pk>/ket-qua.xlsx", views.period_xlsx_view, name="period_xlsx"),
    path("ho-so/<int:assessment_pk>/", views.unit_report_view, name="unit_report"),
    path("ho-so/<int:assessment_pk>/ket-qua.pdf", views.unit_pdf_view, name="unit_pdf"),
    path("ho-so/<int:assessment_pk>/ket-qua.xlsx", views.unit_xlsx_view, name="unit_xlsx"),
    path("ho-so/<int:assessment_pk>/gia-dinh/", views.what_if_view, name="what_if"),
    path("ho-so/<int:assessment_pk>/bien-ban.pdf", views.minutes_pdf_view, name="minutes_pdf"),
]
