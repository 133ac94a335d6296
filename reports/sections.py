"""The annual report's contents: `SECTIONS` lists every section in printed order,
naming the plain function of the app's `pdf.py` (or reports.narrative) that builds
it. Apps import nothing from reports; this list imports them.

A section's `build(board, year)` returns the context its template shows, or None
when the board has no data for the year: the section is then left out, not
printed empty. A context may hold "charts": {name: svg markup}; the PDF fetches
them as <img src="chart:name">, the HTML edition shows them inline, and a
"section_title" replaces the section's title where it names what only the data
knows. A title may name the board's area and the year (`title_words`).

Sections of the board's own words (reports.narrative) set `wants_draft`: their
build also takes `draft`, the chair's approved text when False, the text as it
stands when True. Other sections print data, the same either way."""

from collections.abc import Callable
from dataclasses import dataclass

from audits import pdf as audits_pdf
from boards import pdf as boards_pdf
from business_plan import pdf as business_plan_pdf
from good_practice import pdf as good_practice_pdf
from indicators import pdf as indicators_pdf
from lscb_portal.memo import one_build
from lscb_portal.periods import year_label
from reviews import pdf as reviews_pdf
from subgroups import pdf as subgroups_pdf
from training import pdf as training_pdf

from . import narrative, on_a_page, statements
from .themes import PRIORITY_THEMES, theme_headlines, theme_section


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


def _theme(key: str, title: str) -> Section:
    """A priority theme followed through the year (reports.themes)."""
    return Section(key, title, theme_section(PRIORITY_THEMES[key]), True, "theme")


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


def private_fostering_with_narrative(board, year, *, draft=False):
    """indicators' private fostering table followed by the board's own words on
    it (the `private_fostering` narrative block): indicators cannot import
    reports, so the two meet here. Left out when there is neither."""
    context = indicators_pdf.private_fostering(board, year) or {}
    text = narrative.report_texts(board, year, draft=draft).get("private_fostering")
    blocks = narrative.text_blocks(text or "")
    if not context and not blocks:
        return None
    return {
        **context,
        "blocks": blocks,
    }


def governance(board, year, *, draft=False):
    """The approved governance narrative, then boards' figures of the year's
    meetings, attendance and challenges and the subgroups' meetings their
    returns record (subgroups' figures: boards cannot import subgroups, so the
    two meet here); None when there are none of these."""
    words = narrative.text_section("governance")(board, year, draft=draft)
    figures = boards_pdf.governance_figures(board, year)
    subgroup_meetings = subgroups_pdf.year_meetings(board, year)
    if words is None and figures is None and not subgroup_meetings:
        return None
    return {
        "blocks": (words or {}).get("blocks", []),
        **(figures or {}),
        "subgroup_meetings": subgroup_meetings,
    }


def priorities(board, year, *, draft=False):
    """The approved words on the priorities ahead, then where each priority
    theme stood at the year's end in figures; None when there are neither."""
    words = narrative.text_section("priorities")(board, year, draft=draft)
    headlines = theme_headlines(board, year)
    if words is None and not headlines:
        return None
    return {"blocks": (words or {}).get("blocks", []), "headlines": headlines}


# The order of the 2016-17 report.
SECTIONS: tuple[Section, ...] = (
    _words("foreword", "Foreword from the Chair"),
    _words("introduction", "Introduction"),
    _words("views_of_children", "The views of Children and Young People (CYP)"),
    _words("context", "{area}’s Children and Young People"),
    Section("members", "Who are members of the LSCB", boards_pdf.members),
    _words(
        "member_statements",
        "A brief word from the LSCB Members",
        statements.member_statements,
    ),
    Section(
        "strategic_links",
        "Links between the LSCB and {area}’s Strategic Boards – in relation to "
        "Safeguarding Children",
        boards_pdf.strategic_links,
    ),
    Section("structure", "LSCB Structure", subgroups_pdf.structure),
    _words("governance", "Governance", governance),
    Section("budget", "LSCB Budget", boards_pdf.budget),
    Section("subgroups", "Subgroups", subgroups_pdf.subgroups),
    Section(
        "indicators", "Key LSCB Performance Indicators", indicators_pdf.key_indicators
    ),
    Section("case_audits", "Multi-Agency Quality Audits", audits_pdf.case_audits),
    Section("good_practice", "Good Practice", good_practice_pdf.good_practice),
    _theme("neglect", "Neglect"),
    _theme("domestic_abuse", "Domestic Abuse"),
    Section(
        "inspections",
        "The Shape of Safeguarding in {area}",
        inspections_with_training,
    ),
    Section("section_11", "Safeguarding (Section 11) Audit", audits_pdf.section_11),
    Section("staff_survey", "Front Line Staff", audits_pdf.staff_survey),
    Section(
        "learning_and_improvement",
        "Learning and Improvement – including Multi-Agency Training",
        training_pdf.learning_and_improvement,
    ),
    _theme(
        "cse_missing", "Child Sexual Exploitation (CSE) and Missing from Home (MFH)"
    ),
    Section(
        "lado", "Local Authority Designated Officer (LADO) ({yy})", indicators_pdf.lado
    ),
    Section(
        "private_fostering",
        "Privately Fostered Children ({year})",
        private_fostering_with_narrative,
        wants_draft=True,
    ),
    Section(
        "learning_from_reviews",
        "Learning from Reviews",
        reviews_pdf.learning_from_reviews,
    ),
    Section(
        "serious_case_reviews",
        "Serious Case Reviews",
        reviews_pdf.serious_case_reviews,
    ),
    Section("practice_reviews", "Practice Reviews", reviews_pdf.practice_reviews),
    Section("child_deaths", "Learning from Child Deaths", reviews_pdf.child_deaths),
    Section(
        "business_plan",
        "{year} Business Plan Update",
        business_plan_pdf.business_plan_update,
    ),
    _words("conclusion", "Conclusion"),
    _words("priorities", "LSCB Priorities {next_three}", priorities),
    Section("glossary", "Glossary", boards_pdf.glossary),
    _words(
        "report_on_a_page", "LSCB Annual Report on a Page", on_a_page.report_on_a_page
    ),
)


def title_words(board, year: int) -> dict[str, str]:
    """What a section's title may name: {area}, the year as {year} ("2016-17") or
    {yy} ("16-17"), and the three years after it as {next_three} ("2017-20")."""
    return {
        "area": board.area,
        "year": year_label(year),
        "yy": year_label(year)[2:],
        "next_three": f"{year + 1}-{str(year + 4)[2:]}",
    }


@dataclass
class BuiltSection:
    section: Section
    number: int
    context: dict
    board_title: str  # the section's title with the board's area and year

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.context.get("section_title") or self.board_title

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
    words = title_words(board, year)
    built = []
    with one_build():  # figures several sections print are read once
        for done, section in enumerate(sections, start=1):
            title = section.title.format(**words)
            if section.wants_draft:
                context = section.build(board, year, draft=draft)
            else:
                context = section.build(board, year)
            if context is not None:
                built.append(BuiltSection(section, len(built) + 1, context, title))
            if progress is not None:
                progress(done, len(sections), title)
    return built
