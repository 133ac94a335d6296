"""The board's own words in the annual report: the narrative blocks, saving and
approving them, and their sections (the foreword, introduction, views of children
and young people, the area's children, conclusion, priorities and the report on a page).

The published report prints the chair's latest approved copy of the texts; a
draft prints the texts as they stand. Users write plain text: paragraphs split
on blank lines, lines starting "- " are bullets; templates escape everything."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from audits.models import Submission
from boards.models import Contribution
from business_plan.pdf import business_plan_update
from indicators.models import BreakdownTable
from indicators.pdf import key_indicators
from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.periods import year_label
from lscb_portal.versioning import StaleVersion, lock, update_versioned
from reviews.models import CaseReview, ReviewType
from training import selectors as training_selectors

from .models import NARRATIVE_FIELDS, NarrativeApproval, ReportNarrative

# Blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    key: str  # the ReportNarrative field
    label: str  # as the narrative pages name it


BLOCKS = (
    Block("foreword", "Foreword from the Chair"),
    Block("introduction", "Introduction"),
    Block("views_of_children", "The views of children and young people"),
    Block("context", "Children and young people in the area"),
    Block("governance", "Governance"),
    Block("private_fostering", "Privately fostered children"),
    Block("conclusion", "Conclusion"),
    Block("priorities", "LSCB priorities"),
    Block("achievements", "Achievements (report on a page)"),
    Block("members_view", "View from LSCB members (report on a page)"),
)
assert tuple(b.key for b in BLOCKS) == NARRATIVE_FIELDS


@dataclass
class Paragraph:
    text: str  # may hold single line breaks (shown with linebreaksbr)


@dataclass
class BulletList:
    items: list[str] = field(default_factory=list)


BULLET = re.compile(r"^\s*-\s+(.*)$")
BLANK_LINES = re.compile(r"\n[ \t]*\n")


def clean_text(text) -> str:
    """One newline convention, no trailing blanks: what is stored and compared."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def text_blocks(text) -> list[Paragraph | BulletList]:
    """Plain text as paragraphs and bullet lists: a blank line ends a paragraph,
    a line starting "- " is a bullet (bullets split by blank lines stay one list).
    Only structure: the words stay text for templates to escape."""
    blocks: list[Paragraph | BulletList] = []
    for chunk in BLANK_LINES.split(clean_text(text)):
        lines: list[str] = []
        for line in chunk.split("\n"):
            bullet = BULLET.match(line)
            if bullet is None:
                if line.strip():
                    lines.append(line.strip())
                continue
            if lines:
                blocks.append(Paragraph("\n".join(lines)))
                lines = []
            if not bullet[1].strip():
                continue
            if not blocks or not isinstance(blocks[-1], BulletList):
                blocks.append(BulletList())
            blocks[-1].items.append(bullet[1].strip())
        if lines:
            blocks.append(Paragraph("\n".join(lines)))
    return blocks


# Reading ---------------------------------------------------------------------------


@dataclass
class BlockState:
    block: Block
    draft: str
    approved: str | None  # None: no version approved yet

    @property
    def key(self) -> str:
        return self.block.key

    @property
    def label(self) -> str:
        return self.block.label

    @property
    def status(self) -> str:
        if not self.draft and not self.approved:
            return "Not written"
        if self.approved is not None and self.draft == self.approved:
            return "Approved"
        if not self.approved:
            return "Not yet approved"
        return "Changed since approval"

    @property
    def tag_class(self) -> str:
        return {
            "Approved": "govuk-tag--green",
            "Not written": "govuk-tag--grey",
        }.get(self.status, "govuk-tag--yellow")

    @property
    def is_changed(self) -> bool:
        return self.status in ("Not yet approved", "Changed since approval")

    @property
    def draft_blocks(self):
        return text_blocks(self.draft)

    @property
    def approved_blocks(self):
        return text_blocks(self.approved or "")

    def compared(self) -> tuple[list, list]:
        """(approved, draft) as [(paragraph or list, changed)]: changed when the
        other version has no paragraph or list exactly like it."""
        approved, draft = self.approved_blocks, self.draft_blocks
        in_approved = {_identity(b) for b in approved}
        in_draft = {_identity(b) for b in draft}
        return (
            [(b, _identity(b) not in in_draft) for b in approved],
            [(b, _identity(b) not in in_approved) for b in draft],
        )


def _identity(block) -> tuple:
    if isinstance(block, BulletList):
        return ("list", *block.items)
    return ("paragraph", block.text)


@dataclass
class NarrativeState:
    """A year's narrative as its pages show it: the texts as they stand, the
    latest approval, and each block's status."""

    narrative: ReportNarrative | None
    approval: NarrativeApproval | None

    @property
    def version(self) -> int:
        return self.narrative.version if self.narrative else 0

    @property
    def blocks(self) -> list[BlockState]:
        texts = self.narrative.texts() if self.narrative else {}
        return [
            BlockState(
                block,
                texts.get(block.key, ""),
                self.approval.text(block.key) if self.approval else None,
            )
            for block in BLOCKS
        ]

    @property
    def has_unapproved_changes(self) -> bool:
        """Something the chair could approve: text never approved, or changed
        since (clearing every block after an approval withdraws the text)."""
        if self.narrative is None:
            return False
        if self.approval is None:
            return not self.narrative.is_empty
        return self.approval.version != self.version


def narrative_state(board, year: int) -> NarrativeState:
    """Two queries: the narrative with its editor, the latest approval."""
    narrative = (
        ReportNarrative.objects.filter(board=board, year=year)
        .select_related("updated_by")
        .first()
    )
    approval = None
    if narrative is not None:
        approval = (
            NarrativeApproval.objects.filter(narrative=narrative)
            .select_related("approved_by")
            .order_by("-version")
            .first()
        )
    return NarrativeState(narrative, approval)


def report_texts(board, year: int, *, draft: bool) -> dict[str, str]:
    """The texts a report prints: the latest approved copy, or with `draft` the
    texts as they stand; empty when there is none."""
    if draft:
        narrative = ReportNarrative.objects.filter(board=board, year=year).first()
        return narrative.texts() if narrative else {}
    approval = (
        NarrativeApproval.objects.filter(narrative__board=board, narrative__year=year)
        .order_by("-version")
        .first()
    )
    if approval is None:
        return {}
    return {name: approval.text(name) for name in NARRATIVE_FIELDS}


# Writing ---------------------------------------------------------------------------


def changed_by_message(narrative: ReportNarrative) -> str:
    last = narrative.history.select_related("history_user").first()
    who = (last.history_user if last else None) or "someone"
    if last is None:
        return f"The narrative was changed by {who} after you opened the page."
    when = timezone.localtime(last.history_date)
    return (
        f"The narrative was changed by {who} at {when:%H:%M} on "
        f"{when:%-d %B %Y} after you opened the page."
    )


def narrative_save(
    *, board, year: int, version: int, changes: dict, user
) -> ReportNarrative:
    """Saves the texts unless someone changed them since `version` (0: the page
    showed no narrative yet); StaleVersion names who did. Unchanged texts save
    nothing."""
    changes = {
        name: clean_text(value)
        for name, value in changes.items()
        if name in NARRATIVE_FIELDS
    }
    narrative = ReportNarrative.objects.filter(board=board, year=year).first()
    if narrative is None:
        if version != 0:
            raise DomainError("This narrative no longer exists: reload the page.")
        narrative = ReportNarrative(board=board, year=year, updated_by=user, **changes)
        full_clean(narrative)
        narrative._history_user = user
        try:
            with transaction.atomic():
                narrative.save()
        except IntegrityError:
            # Someone else wrote the year's first version in the meantime.
            raise StaleVersion(
                ReportNarrative.objects.get(board=board, year=year)
            ) from None
        return narrative
    if all(getattr(narrative, name) == value for name, value in changes.items()):
        return narrative
    return update_versioned(
        ReportNarrative,
        pk=narrative.pk,
        version=version,
        changes={**changes, "updated_by": user},
        user=user,
    )


def narrative_approve(*, board, year: int, version: int, user) -> NarrativeApproval:
    """Records the chair's approval of `version` with a copy of its texts, unless
    the narrative has changed since the page showed that version."""
    with transaction.atomic():
        try:
            narrative = lock(ReportNarrative, board=board, year=year)
        except ReportNarrative.DoesNotExist:
            raise DomainError("There is no narrative to approve yet.") from None
        if narrative.version != version:
            raise StaleVersion(
                narrative,
                message=f"{changed_by_message(narrative)} Version {version} has not "
                "been approved: check the changes and approve again.",
            )
        approvals = narrative.approvals.all()
        if approvals.filter(version=version).exists():
            raise AlreadyRecorded(
                f"Version {version} is approved already.",
                approvals.get(version=version),
            )
        if narrative.is_empty and not approvals.exists():
            raise DomainError("There is nothing to approve: every block is empty.")
        return NarrativeApproval.objects.create(
            narrative=narrative,
            version=version,
            texts=narrative.texts(),
            approved_by=user,
        )


# Figures for the report on a page ---------------------------------------------------

RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "C": "Complete", "": "Not rated"}


@dataclass
class Figure:
    key: str
    label: str
    value: str
    detail: str = ""
    counts: dict = field(default_factory=dict)


def _pounds(value: Decimal) -> str:
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"


def _rag_text(counts: dict[str, int], always: tuple[str, ...]) -> str:
    return ", ".join(
        f"{RAG_WORDS[rag]} {counts.get(rag, 0)}"
        for rag in RAG_WORDS
        if rag in always or counts.get(rag)
    )


def _plan_figure(board, year) -> Figure | None:
    plan = business_plan_update(board, year)
    if plan is None:
        return None
    counts = dict(plan["total_counts"].counts)
    return Figure(
        "business_plan",
        f"{plan['plan'].title}: actions at 31 March {year + 1}",
        _rag_text(counts, ("R", "A", "G", "C")),
        f"{sum(counts.values())} actions",
        counts,
    )


def _indicator_figure(board, year) -> Figure | None:
    scorecard = key_indicators(board, year)
    if scorecard is None:
        return None
    counts: dict[str, int] = {}
    for item in scorecard["rows"]:
        rag = item["row"].rag or ""
        counts[rag] = counts.get(rag, 0) + 1
    return Figure(
        "indicators",
        f"Key performance indicators at 31 March {year + 1}",
        _rag_text(counts, ("G", "A", "R")),
        f"{sum(counts.values())} indicators",
        counts,
    )


def _budget_figure(board, year) -> Figure | None:
    totals = Contribution.objects.filter(board=board, year=year).aggregate(
        total=Sum("amount"), agencies=Count("agency", distinct=True)
    )
    if not totals["agencies"]:
        return None
    agencies = totals["agencies"]
    return Figure(
        "budget",
        f"Budget {year_label(year)}",
        _pounds(totals["total"]),
        f"contributed by {agencies} partner agenc{'y' if agencies == 1 else 'ies'}",
        {"total": totals["total"]},
    )


def _lado_figure(board, year) -> Figure | None:
    """The total of the year's table of allegations to the LADO (the one the
    LADO section prints first), if the board keeps one."""
    table = (
        BreakdownTable.objects.filter(board=board, year=year, title__icontains="LADO")
        .filter(title__icontains="allegation")
        .annotate(total=Sum("cells__value"))
        .order_by("pk")
        .first()
    )
    if table is None or table.total is None:
        return None
    total = table.total.to_integral_value()
    return Figure(
        "lado",
        "Allegations about people working with children (LADO)",
        f"{total:,}",
        f"recorded in {year_label(year)}",
        {"total": int(total)},
    )


def _training_figure(board, year) -> Figure | None:
    totals = {t.year: t.attendances for t in training_selectors.year_totals(board)}
    if not totals.get(year):
        return None
    before = totals.get(year - 1)
    return Figure(
        "training",
        "Multi-agency training attendances",
        f"{totals[year]:,}",
        f"{before:,} in {year_label(year - 1)}" if before else "",
        {"total": totals[year]},
    )


def _section_11_figure(board, year) -> Figure | None:
    valid = Submission.objects.valid().filter(cycle__board=board, cycle__year=year)
    valid = valid.count()
    if not valid:
        return None
    return Figure(
        "section_11",
        "Valid responses to the Safeguarding (Section 11) audit",
        f"{valid:,}",
        f"in {year_label(year)}",
        {"total": valid},
    )


def _reviews_figure(board, year) -> Figure | None:
    published = CaseReview.objects.filter(
        board=board,
        review_type__in=(ReviewType.SCR, ReviewType.LCSPR),
        published_on__range=(date(year, 4, 1), date(year + 1, 3, 31)),
    ).count()
    if not published:
        return None
    return Figure(
        "reviews",
        "Serious case reviews published",
        f"{published:,}",
        f"in {year_label(year)}",
        {"total": published},
    )


def key_figures(board, year: int) -> list[Figure]:
    """Figures of the year from the board's data; only those it has."""
    found = (
        _plan_figure(board, year),
        _indicator_figure(board, year),
        _budget_figure(board, year),
        _lado_figure(board, year),
        _reviews_figure(board, year),
        _section_11_figure(board, year),
        _training_figure(board, year),
    )
    return [figure for figure in found if figure is not None]


# Sections ---------------------------------------------------------------------------


def text_section(name: str):
    """The build function of a section printing one narrative text."""

    def build(board, year, *, draft=False):
        blocks = text_blocks(report_texts(board, year, draft=draft).get(name, ""))
        return {"blocks": blocks} if blocks else None

    build.__name__ = f"{name}_section"
    return build


def report_on_a_page(board, year, *, draft=False):
    """Achievements, key figures of the year and the members' view, on a page."""
    texts = report_texts(board, year, draft=draft)
    achievements = text_blocks(texts.get("achievements", ""))
    members_view = text_blocks(texts.get("members_view", ""))
    figures = key_figures(board, year)
    if not (achievements or members_view or figures):
        return None
    return {
        "achievements": achievements,
        "figures": figures,
        "members_view": members_view,
        "year_label": year_label(year),
        "year_end": date(year + 1, 3, 31),
    }
