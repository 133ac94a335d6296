"""The boards app's pages, one module per area; each module lists its urlpatterns."""
