"""The budget: contributions by agency and spend by heading, per year."""

urlpatterns: list = []
