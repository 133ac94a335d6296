"""The glossary of acronyms and links to other strategic boards."""

urlpatterns: list = []
