"""The annual report's contents: `SECTIONS` lists every section in printed order,
naming the plain function of the app's `pdf.py` (or reports.narrative) that builds
it. Apps import nothing from reports; this list imports them.

A section's `build(board, year)` returns the context its template shows, or None
when the board has no data for the year: the section is then left out, not
printed empty. A context may hold "charts": {name: svg markup}; the PDF fetches
them as <img src="chart:name">, the HTML edition shows them inline, and a
"section_title" replaces the section's title where it names the year.

Sections of the board's own words (reports.narrative) set `wants_draft`: their
build also takes `draft`, the chair's approved text when False, the text as it
stands when True. Other sections print data, the same either way."""

from collections.abc import Callable
from dataclasses import dataclass

from audits import pdf as audits_pdf
from boards import pdf as boards_pdf
from business_plan import pdf as business_plan_pdf
from indicators import pdf as indicators_pdf
from reviews import pdf as reviews_pdf
from subgroups import pdf as subgroups_pdf
from training import pdf as training_pdf

from . import narrative
from .themes import theme_section


@dataclass(frozen=True)
class Section:
    key: str  # also the template name: reports/pdf/_<key>.html, and the anchor
    title: str
    build: Callable  # (board, year) -> dict | None
    wants_draft: bool = False  # build(board, year, draft=...) instead
    template_name: str = ""  # a template shared by several sections, else the key

    @property
    def template(self) -> str:
        return f"reports/pdf/_{self.template_name or self.key}.html"


def _theme(key: str, title: str, slug: str) -> Section:
    """A priority theme followed through the year (reports.themes)."""
    return Section(key, title, theme_section(slug), True, "theme")


def _words(key: str, title: str, build=None) -> Section:
    """A section of the board's own words."""
    return Section(key, title, build or narrative.text_section(key), wants_draft=True)


def inspections_with_training(board, year):
    """boards' inspections section, each recommendation given the training table
    its update prints (`rec.year_training_table`, or None): boards cannot import
    training, so the two meet here."""
    context = boards_pdf.inspections(board, year)
    if context is None:
        return None
    tables = training_pdf.recommendation_tables(board, year)
    for inspection in context["inspections"]:
        for rec in inspection.recommendations.all():
            rec.year_training_table = tables.get(rec.pk)
    return context


# The order of the 2016-17 report.
SECTIONS: tuple[Section, ...] = (
    _words("foreword", "Foreword from the Chair"),
    _words("introduction", "Introduction"),
    _words("views_of_children", "The views of children and young people"),
    _words("context", "Children and young people in the area"),
    Section("members", "Who are members of the LSCB", boards_pdf.members),
    Section(
        "strategic_links",
        "Links between the LSCB and the strategic boards",
        boards_pdf.strategic_links,
    ),
    Section("structure", "LSCB structure", subgroups_pdf.structure),
    Section("budget", "LSCB budget", boards_pdf.budget),
    Section("subgroups", "Subgroups", subgroups_pdf.subgroups),
    Section(
        "indicators", "Key LSCB performance indicators", indicators_pdf.key_indicators
    ),
    Section("case_audits", "Multi-agency quality audits", audits_pdf.case_audits),
    _theme("neglect", "Neglect", "neglect"),
    _theme("domestic_abuse", "Domestic Abuse", "domestic-abuse"),
    Section(
        "inspections",
        "Inspection recommendations and updates",
        inspections_with_training,
    ),
    Section("section_11", "Safeguarding (Section 11) audit", audits_pdf.section_11),
    Section("staff_survey", "Front line staff", audits_pdf.staff_survey),
    Section(
        "learning_and_improvement",
        "Learning and improvement – including multi-agency training",
        training_pdf.learning_and_improvement,
    ),
    _theme(
        "cse_missing",
        "Child Sexual Exploitation (CSE) and Missing from Home (MFH)",
        "child-sexual-exploitation",
    ),
    Section("lado", "Local Authority Designated Officer (LADO)", indicators_pdf.lado),
    Section(
        "private_fostering",
        "Privately fostered children",
        indicators_pdf.private_fostering,
    ),
    Section(
        "learning_from_reviews",
        "Learning from reviews",
        reviews_pdf.learning_from_reviews,
    ),
    Section(
        "serious_case_reviews",
        "Serious case reviews",
        reviews_pdf.serious_case_reviews,
    ),
    Section("practice_reviews", "Practice reviews", reviews_pdf.practice_reviews),
    Section("child_deaths", "Learning from child deaths", reviews_pdf.child_deaths),
    Section(
        "business_plan",
        "Business plan update",
        business_plan_pdf.business_plan_update,
    ),
    _words("conclusion", "Conclusion"),
    _words("priorities", "LSCB priorities", narrative.priorities),
    Section("glossary", "Glossary", boards_pdf.glossary),
    _words("report_on_a_page", "Annual report on a page", narrative.report_on_a_page),
)


@dataclass
class BuiltSection:
    section: Section
    number: int
    context: dict

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.context.get("section_title") or self.section.title

    @property
    def template(self) -> str:
        return self.section.template

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


def build_sections(
    board, year: int, progress=None, *, draft: bool = False
) -> list[BuiltSection]:
    """Each section's context for the year, numbered in order; sections without
    data are left out. progress(done, total, title) after each section. `draft`
    goes only to the sections that want it."""
    sections = SECTIONS
    built = []
    for done, section in enumerate(sections, start=1):
        if section.wants_draft:
            context = section.build(board, year, draft=draft)
        else:
            context = section.build(board, year)
        if context is not None:
            built.append(BuiltSection(section, len(built) + 1, context))
        if progress is not None:
            progress(done, len(sections), section.title)
    return built
