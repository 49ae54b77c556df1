from django.urls import path

from . import views, views_excel

app_name = "assessments"
urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("<int:pk>/", views.assessment_entry, name="entry"),
    path("<int:pk>/tieu-chi/<str:code>/", views.self_score_save, name="save_score"),
    path("<int:pk>/tai-lieu/", views.evidence_upload, name="evidence_upload"),
    path("<int:pk>/excel/", views_excel.self_score_template, name="excel_template"),
    path("<int:pk>/excel/nhap/", views_excel.self_scores_import, name="excel_import"),
    path("<int:pk>/buoc/<slug:action>/", views.assessment_transition, name="transition"),
    path("<int:pk>/mo-lai/", views.assessment_reopen, name="reopen"),
    path("<int:pk>/kho-khan-de-xuat/", views.difficulties_save, name="difficulties"),
    path("<int:pk>/khong-tham-gia/", views.assessment_exclude, name="exclude"),
    path("<int:pk>/tai-lieu/<int:evidence_pk>/", views.evidence_download, name="evidence_download"),
    path("<int:pk>/tai-lieu/<int:evidence_pk>/thay/", views.evidence_replace, name="evidence_replace"),
    path("<int:pk>/tai-lieu/<int:evidence_pk>/xoa/", views.evidence_delete, name="evidence_delete"),
]
