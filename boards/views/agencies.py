"""One partner agency: everything the board holds about it."""

urlpatterns: list = []
