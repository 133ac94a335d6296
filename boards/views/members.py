"""The members directory, attendance rates and declarations of interest."""

urlpatterns: list = []
