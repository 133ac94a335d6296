"""The challenge log."""

urlpatterns: list = []
