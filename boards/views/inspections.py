"""Inspections, their judgements, recommendations and yearly updates."""

urlpatterns: list = []
