from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_views
from boards import forms as board_forms

from . import views

handler403 = "lscb_portal.views.error_403"
handler404 = "lscb_portal.views.error_404"
handler500 = "lscb_portal.views.error_500"

account_urls = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=board_forms.SignInForm, redirect_authenticated_user=True
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("", account_views.AccountView.as_view(), name="account"),
    path("two-factor/", account_views.ChallengeView.as_view(), name="two-factor"),
    path(
        "two-factor/recovery-code/",
        account_views.RecoveryChallengeView.as_view(),
        name="two-factor-recovery",
    ),
    path(
        "two-factor/set-up/",
        account_views.SetUpView.as_view(),
        name="two-factor-set-up",
    ),
    path(
        "two-factor/recovery-codes/",
        account_views.RecoveryCodesView.as_view(),
        name="two-factor-codes",
    ),
    path(
        "two-factor/remove/",
        account_views.RemoveView.as_view(),
        name="two-factor-remove",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=board_forms.QueuedPasswordResetForm
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=board_forms.GovukSetPasswordForm
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include(account_urls)),
    path("", include("subgroups.urls")),
    path("", include("indicators.urls")),
    path("", include("reviews.urls")),
    path("", include("audits.urls")),
    path("", include("training.urls")),
    path("", include("reports.urls")),
    path("boards/", include("business_plan.urls")),
    path("boards/", include("good_practice.urls")),
    path("boards/", include("boards.urls")),
    path("api/v1/", include("lscb_portal.api")),
    path("admin/", admin.site.urls),
]
