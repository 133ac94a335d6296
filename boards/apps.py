from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "boards"
    verbose_name = "Boards and people"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        from .api import fields

        fields.use_everywhere()  # the date range on every API date

        from . import search

        search.register()

        from .selectors import governance as described

        for section in (
            BoardSection("Meetings", "boards:meetings", described.meetings),
            BoardSection("Members", "boards:members", described.members, False),
            BoardSection(
                "Challenge log",
                "boards:challenges",
                described.challenges,
                in_navigation=False,
            ),
            BoardSection("Risk log", "boards:risks", described.risks, False),
            BoardSection("Budget", "boards:budget", described.budget, False),
            BoardSection(
                "Inspections", "boards:inspections", described.inspections, False
            ),
            BoardSection("Glossary", "boards:glossary", described.glossary, False),
            BoardSection(
                "Partner agencies", "boards:agencies", described.agencies, False
            ),
        ):
            register(section)
