from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts import views as account_views
from accounts import views_two_factor
from accounts.forms import OwnPasswordChangeForm, OwnSetPasswordForm
from operations import views as operations_views

admin.site.site_header = admin.site.site_title = _("Quản trị ParIndex")
admin.site.index_title = _("Quản trị hệ thống")

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", operations_views.healthz, name="healthz"),
    path("favicon.ico", operations_views.favicon, name="favicon"),
    path("don-vi/<slug:code>/", account_views.unit_detail, name="unit_detail"),
    path("thong-bao/", account_views.notifications, name="notifications"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", account_views.PasswordChangeView.as_view(form_class=OwnPasswordChangeForm),
         name="password_change"),
    # Forgotten passwords: a link by email (Django's email framework; see EMAIL_* in the settings).
    path("xac-thuc-hai-buoc/", views_two_factor.two_factor_verify, name="two_factor_verify"),
    path("xac-thuc-hai-buoc/dang-ky/", views_two_factor.two_factor_setup, name="two_factor_setup"),
    path("xac-thuc-hai-buoc/ma-khoi-phuc/", views_two_factor.recovery_codes_renew, name="recovery_codes_renew"),
    path("quen-mat-khau/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("quen-mat-khau/<uidb64>/<token>/",
         auth_views.PasswordResetConfirmView.as_view(form_class=OwnSetPasswordForm), name="password_reset_confirm"),
    path("quen-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("tai-khoan/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("bo-chi-so/", include("frameworks.urls")),
    path("danh-gia/", include("assessments.urls")),
    path("danh-gia/", include("contributors.urls")),
    path("tham-dinh/", include("appraisal.urls")),
    path("ky-danh-gia/", include("assessments.urls_periods")),
    path("bao-cao/", include("reports.urls")),
    path("ket-qua/", include("reports.urls_dashboard")),
    path("dieu-tra/", include("surveys.urls")),
    path("cong-viec/", include("operations.urls")),
    path("cai-thien/", include("improvement.urls")),
    path("admin/", admin.site.urls),
]
