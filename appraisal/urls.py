from django.urls import path

from . import views, views_office_review

app_name = "appraisal"
urlpatterns = [
    path("<int:pk>/", views.appraisal_page, name="page"),
    path("<int:pk>/tieu-chi/<str:code>/", views.appraisal_save, name="save"),
    path("<int:pk>/giai-trinh/", views.explanation_request, name="request_explanation"),
    path("<int:pk>/giai-trinh/<str:code>/", views.explanation_answer, name="answer"),
    path("<int:pk>/ket-thuc/", views.appraisal_finish, name="finish"),
    path("<int:pk>/cong-bo-phuc-tra/", views.reappraisal_publish, name="republish"),
    path("ky/<int:period_pk>/", views.period_overview, name="period"),
    path("ky/<int:period_pk>/cong-bo/", views.period_publish, name="publish"),
    path("ky/<int:period_pk>/excel/", views.appraisal_export, name="export"),
    path("ky/<int:period_pk>/hoi-dong/", views.council_add, name="council_add"),
    path("ky/<int:period_pk>/hoi-dong/<int:member_pk>/bo/", views.council_remove, name="council_remove"),
    path("ky/<int:period_pk>/hoi-dong/<int:member_pk>/phan-cong/", views.assignments_edit, name="assignments_edit"),
    path("ky/<int:period_pk>/phan-cong/", views.assignments_default, name="assignments_default"),
    path("ky/<int:period_pk>/excel/nhap/", views.appraisal_upload, name="import"),
    # The district offices' assessment, a second round on some criteria (seed 004).
    path("ky/<int:period_pk>/danh-gia-cua-phong/", views_office_review.office_review_period, name="office_review"),
    path("ky/<int:period_pk>/danh-gia-cua-phong/thiet-lap/", views_office_review.office_review_setup,
         name="office_review_setup"),
    path("<int:pk>/danh-gia-cua-phong/", views_office_review.office_review_unit, name="office_review_unit"),
    path("<int:pk>/danh-gia-cua-phong/<str:code>/", views_office_review.office_review_score,
         name="office_review_score"),
]
