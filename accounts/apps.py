from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Sign-in and two-factor"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .two_factor import start_unverified

        user_logged_in.connect(start_unverified, dispatch_uid="two_factor_unverified")
