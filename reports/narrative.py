"""The board's own words in the annual report: the narrative blocks, saving and
approving them, and the sections that print one text (the foreword, introduction,
views of children and young people, the area's children, conclusion…; the report
on a page is reports.on_a_page).

The published report prints the chair's latest approved copy of the texts; a
draft prints the texts as they stand. Users write plain text: paragraphs split
on blank lines, lines starting "- " are bullets; templates escape everything."""

import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.versioning import StaleVersion, lock, update_versioned

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


# Sections ---------------------------------------------------------------------------


def text_section(name: str):
    """The build function of a section printing one narrative text."""

    def build(board, year, *, draft=False):
        blocks = text_blocks(report_texts(board, year, draft=draft).get(name, ""))
        return {"blocks": blocks} if blocks else None

    build.__name__ = f"{name}_section"
    return build
