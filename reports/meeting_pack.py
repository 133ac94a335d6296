"""The meeting pack: cover, the numbered agenda, contents, then the papers under
the agenda items that take them (3.1, 3.2…), the papers no item takes under
"Papers for information" (numbered after the agenda), and one page listing the
reports due under the Reporting Planner that are neither received nor produced
from the portal's data. Returns (pdf bytes, page count) and reports progress as
(steps done, steps total, label), like documents.py.

An agenda item takes the paper linked to it (a report received for the meeting, a
subgroup return, a business plan, whose exceptions and highlights it prints, or an
earlier meeting, whose minutes and action log it prints) and the other reports
due of the same kind (all the review action plans under
the item that has one). A confidential item's papers are left out of the pack."""

from datetime import datetime, time

from django.db.models import prefetch_related_objects
from django.utils import timezone

from lscb_portal.pdf import render_pdf
from lscb_portal.periods import quarter_of, reporting_year_start
from subgroups.models import MeetingPaper, ReportKind, SubgroupReturn

from .documents import no_progress

FOR_INFORMATION = "Papers for information"


def plan_for(meeting):
    """The business plan the meeting monitors: of those covering its reporting
    year, the active one, else the latest."""
    from business_plan.models import BusinessPlan, PlanStatus

    year = reporting_year_start(meeting.date)
    plans = BusinessPlan.objects.filter(
        board=meeting.board, first_year__lte=year, last_year__gt=year
    ).exclude(status=PlanStatus.DRAFT)
    return max(
        plans,
        key=lambda p: (p.status == PlanStatus.ACTIVE, p.first_year),
        default=None,
    )


def _plan_report(plan, meeting) -> dict:
    """Exceptions and highlights of the meeting's quarter."""
    from business_plan.selectors import monitoring_report

    return {"plan": plan, "report": monitoring_report(plan, quarter_of(meeting.date))}


def _business_plan_part(meeting, cell):
    plan = plan_for(meeting)
    return _plan_report(plan, meeting) if plan is not None else None


def _indicators_part(meeting, cell):
    from indicators.pdf import key_indicators

    year = reporting_year_start(meeting.date)
    return key_indicators(meeting.board, year) or key_indicators(
        meeting.board, year - 1
    )


def risks_as_at(board, day) -> list:
    """The board's open risks as they stood at the end of `day`, from their
    history, highest score first. One query."""
    from boards.models import Risk, RiskStatus

    at = timezone.make_aware(datetime.combine(day, time.max))
    risks = Risk.history.as_of(at).filter(board=board, status=RiskStatus.OPEN)
    return sorted(risks, key=lambda r: (-r.score, r.title))


def _risks_part(meeting, cell):
    return {"risks": risks_as_at(meeting.board, meeting.date)}


def _return_part(meeting, cell):
    """The subgroup return received as the report's paper, if it is one."""
    if cell.paper is not None and cell.paper.subgroup_return_id:
        return {"return": cell.paper.subgroup_return}
    return None


def _review_action_plans_part(meeting, cell):
    from reviews.pdf import review_action_plans

    return review_action_plans(meeting.board, meeting.date)


def _child_deaths_part(meeting, cell):
    from reviews.pdf import latest_child_deaths

    return latest_child_deaths(meeting.board)


def _section_11_part(meeting, cell):
    from audits.pdf import section_11_pack

    return section_11_pack(meeting.board, meeting.date)


def _previous_report_date(meeting, cell):
    """The date of the last earlier meeting of the kind at which the cell's report
    was due, in the meeting's reporting year; None if this is the first."""
    from subgroups.planner import due_meeting_ids, year_meetings

    meetings = year_meetings(
        meeting.board, reporting_year_start(meeting.date), kinds=[meeting.kind]
    )
    due = due_meeting_ids(cell.item, meetings)
    earlier = [m.date for m in meetings if m.pk in due and m.date < meeting.date]
    return max(earlier, default=None)


def _case_audits_part(meeting, cell):
    from audits.pdf import case_audits_pack

    since = _previous_report_date(meeting, cell)
    return case_audits_pack(meeting.board, meeting.date, since)


def _training_part(meeting, cell):
    from training.pdf import training_pack

    return training_pack(meeting.board, meeting.date)


# What each kind of planner report prints: (the part's template kind, its builder
# taking the meeting and the planner cell). A kind without one (other…), or a
# part without data, is printed only if its paper was received; otherwise it is
# listed under "Reports not received".
PARTS = {
    ReportKind.BUSINESS_PLAN: ("business_plan", _business_plan_part),
    ReportKind.INDICATORS: ("indicators", _indicators_part),
    ReportKind.RISK_LOG: ("risks", _risks_part),
    ReportKind.SUBGROUP_RETURN: ("return", _return_part),
    ReportKind.REVIEW_ACTION_PLANS: ("review_action_plans", _review_action_plans_part),
    ReportKind.CHILD_DEATHS: ("child_deaths", _child_deaths_part),
    ReportKind.SECTION_11: ("section_11", _section_11_part),
    ReportKind.MULTI_AGENCY_AUDITS: ("case_audits", _case_audits_part),
    ReportKind.TRAINING: ("training", _training_part),
}
# Builders whose data depends on the cell; the others are built once per pack,
# so that several reports of a kind cost no more queries than one.
PER_CELL = {ReportKind.SUBGROUP_RETURN, ReportKind.MULTI_AGENCY_AUDITS}


def _build_parts(meeting, cells, progress) -> list[dict]:
    """A part per report due that the pack can print: with data, or received."""
    built, parts = {}, []
    for done, cell in enumerate(cells, start=1):
        kind, build = PARTS.get(cell.item.kind, ("received", None))
        if build is None:
            data = None
        elif cell.item.kind in PER_CELL:
            data = build(meeting, cell)
        else:
            if cell.item.kind not in built:
                built[cell.item.kind] = build(meeting, cell)
            data = built[cell.item.kind]
        if data is None:
            kind = "received"
        progress(done, len(cells), cell.item.what)
        if data is not None or cell.paper is not None:
            parts.append(_part(kind, cell.item.what, data, cell.item.kind, cell))
    return parts


def _part(kind, what, data, report_kind=None, cell=None) -> dict:
    return {
        "kind": kind,
        "what": what,
        "data": data,
        "report_kind": report_kind,
        "cell": cell,
        "producer": cell.item.produced_by if cell else "",
    }


def _minutes_part(earlier) -> dict:
    """An earlier meeting's minutes and decisions by item, and its action log (as
    it stood then, each action's status now). Confidential items' words are left
    out: the pack goes to every member. A constant number of queries."""
    from boards.selectors.meetings import action_is_masked, action_log, agenda

    actions = action_log(earlier)
    for action in actions:
        action.masked = action_is_masked(action, can_view_confidential=False)
    return {
        "meeting": earlier,
        "items": agenda(earlier, can_view_confidential=False, file_url=lambda i: None),
        "actions": actions,
    }


def _record_part(paper, meeting):
    """The part an agenda item's linked record prints of itself: a business
    plan's exceptions and highlights, an earlier meeting's minutes; else None."""
    from boards.models import Meeting
    from business_plan.models import BusinessPlan

    if isinstance(paper, BusinessPlan):
        what = f"{paper.title}: exceptions and highlights"
        data = _plan_report(paper, meeting)
        return _part("business_plan", what, data, ReportKind.BUSINESS_PLAN)
    if isinstance(paper, Meeting):
        what = (
            f"Minutes of the {paper.get_kind_display().lower()} of "
            f"{paper.date:%-d %B %Y} and the action log"
        )
        return _part("minutes", what, _minutes_part(paper))
    return None


def _linked_kind(paper):
    """The kind of report an agenda item's linked paper is, if it is one."""
    from business_plan.models import BusinessPlan

    if isinstance(paper, MeetingPaper):
        return paper.plan_item.kind
    if isinstance(paper, SubgroupReturn):
        return ReportKind.SUBGROUP_RETURN
    if isinstance(paper, BusinessPlan):
        return ReportKind.BUSINESS_PLAN
    return None


def _takes(paper, part) -> bool:
    """Whether the agenda item's linked paper is this part's report."""
    cell_paper = part["cell"].paper
    if isinstance(paper, MeetingPaper):
        return cell_paper is not None and cell_paper.pk == paper.pk
    if isinstance(paper, SubgroupReturn):
        return cell_paper is not None and cell_paper.subgroup_return_id == paper.pk
    return False


def _place(meeting, items, parts) -> tuple[list[dict], list[dict]]:
    """The agenda entries, each with its papers numbered under it, and the parts
    in the order of the agenda."""
    entries = [
        {"number": str(item.order), "item": item, "papers": []} for item in items
    ]
    placed = set()
    kinds = {}
    for entry in entries:
        item = entry["item"]
        paper = item.paper if item.paper_id else None
        # A confidential item's papers are left out, and it takes no others.
        kind = None if item.confidential else _linked_kind(paper)
        entry["own"] = None if item.confidential else _record_part(paper, meeting)
        if entry["own"] is not None:
            entry["papers"].append(entry["own"])
        for index, part in enumerate(parts):
            if index not in placed and _takes(paper, part):
                placed.add(index)
                entry["papers"].append(part)
        if kind and kind != ReportKind.OTHER:
            kinds.setdefault(kind, entry)
    # The other reports of a kind an item takes join it, unless the item's record
    # prints that report itself (a business plan's exceptions and highlights).
    for index, part in enumerate(parts):
        entry = kinds.get(part["report_kind"])
        if index in placed or entry is None:
            continue
        placed.add(index)
        own = entry["own"]
        if own is None or own["report_kind"] != part["report_kind"]:
            entry["papers"].append(part)
    rest = [part for index, part in enumerate(parts) if index not in placed]
    if rest:
        last = max((item.order for item in items), default=0)
        entries.append(
            {"number": str(last + 1), "item": None, "own": None, "papers": rest}
        )
    numbered = []
    for entry in entries:
        if entry["item"] is not None and entry["item"].confidential:
            entry["papers"] = []  # never printed, whoever reads the pack
        for sub, part in enumerate(entry["papers"], start=1):
            part["number"] = f"{entry['number']}.{sub}"
            part["key"] = f"part-{entry['number']}-{sub}"
            part["heading"] = f"{part['number']} {part['what']}"
            numbered.append(part)
    return entries, numbered


def meeting_pack_context(meeting, progress=no_progress) -> dict:
    """What the meeting pack shows: the agenda with each item's papers, the
    papers, and the reports due (subgroups.planner.meeting_reports) that are
    missing. A constant number of queries whatever the size of the data."""
    from subgroups.planner import meeting_reports

    cells = meeting_reports(meeting, today=meeting.date)
    returns = [
        c.paper.subgroup_return for c in cells if c.paper and c.paper.subgroup_return_id
    ]
    prefetch_related_objects(returns, "subgroup")
    parts = _build_parts(meeting, cells, progress)
    printed = {id(part["cell"]) for part in parts}
    missing = sorted(
        (c for c in cells if id(c) not in printed),
        key=lambda c: (c.deadline, c.item.what),
    )
    items = list(meeting.agenda_items.order_by("order").prefetch_related("paper"))
    papers = [
        i.paper for i in items if i.paper_id and isinstance(i.paper, MeetingPaper)
    ]
    prefetch_related_objects(papers, "plan_item")
    agenda, parts = _place(meeting, items, parts)
    return {
        "board": meeting.board,
        "meeting": meeting,
        "kind_label": meeting.get_kind_display(),
        "running_title": f"{meeting.get_kind_display()} {meeting.date:%-d %B %Y}",
        "agenda": agenda,
        "for_information": FOR_INFORMATION,
        "parts": parts,
        "missing": missing,
    }


def meeting_pack(meeting, progress=no_progress) -> tuple[bytes, int]:
    """The papers for one meeting: cover, agenda, contents, then each paper."""
    context = meeting_pack_context(meeting, progress)
    return render_pdf(
        "reports/pdf/meeting_pack.html",
        context,
        title=f"{meeting.board.name} {context['running_title']} meeting pack",
        author=meeting.board.name,
    )
