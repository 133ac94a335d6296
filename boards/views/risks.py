"""The risk log and its 5 x 5 matrix."""

urlpatterns: list = []
