"""The annual report's sections. Each app contributes its sections from its own
`pdf.py`; `all_sections()` imports those modules (reports may import every app,
no app imports reports) and returns the sections in the printed order.

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
from importlib import import_module

SECTION_MODULES = (
    "boards.pdf",
    "subgroups.pdf",
    "indicators.pdf",
    "business_plan.pdf",
    "reports.narrative",
)


@dataclass(frozen=True)
class Section:
    key: str  # also the template name: reports/pdf/_<key>.html, and the anchor
    title: str
    order: int  # the place in the report (the 2016-17 report's section numbers x10)
    build: Callable  # (board, year) -> dict | None
    wants_draft: bool = False  # build(board, year, draft=...) instead

    @property
    def template(self) -> str:
        return f"reports/pdf/_{self.key}.html"


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> Section:
    """Adds (or replaces, by key) a section. Registering twice is harmless."""
    _SECTIONS[section.key] = section
    return section


def all_sections() -> list[Section]:
    for name in SECTION_MODULES:
        import_module(name)  # each registers its sections on import
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


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
    sections = all_sections()
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
