"""The meeting pack: cover, agenda, contents, then one part per report due at the
meeting according to the Reporting Planner. Returns (pdf bytes, page count) and
reports progress as (steps done, steps total, label), like documents.py."""

from lscb_portal.pdf import render_pdf
from lscb_portal.periods import reporting_year_start
from subgroups.models import ReportKind

from .documents import no_progress


def _previous_quarter(day):
    """The quarter before the one holding `day`, as quarter_of() writes it."""
    from datetime import timedelta

    from lscb_portal.periods import quarter_bounds, quarter_of

    start, _ = quarter_bounds(quarter_of(day))
    return quarter_of(start - timedelta(days=1))


def _business_plan_part(meeting, cell):
    from business_plan.models import BusinessPlan, PlanStatus
    from business_plan.selectors import monitoring_report

    plan = (
        BusinessPlan.objects.filter(board=meeting.board, status=PlanStatus.ACTIVE)
        .order_by("-first_year")
        .first()
    )
    if plan is None:
        return None
    return {
        "plan": plan,
        "report": monitoring_report(plan, _previous_quarter(meeting.date)),
    }


def _indicators_part(meeting, cell):
    from indicators.pdf import key_indicators

    year = reporting_year_start(meeting.date)
    return key_indicators(meeting.board, year) or key_indicators(
        meeting.board, year - 1
    )


def _risks_part(meeting, cell):
    from boards.models import Risk, RiskStatus

    risks = sorted(
        Risk.objects.filter(board=meeting.board, status=RiskStatus.OPEN),
        key=lambda r: (-r.score, r.title),
    )
    return {"risks": risks}


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
# taking the meeting and the planner cell). A kind without one (other…) is
# listed as due, with its status; so is a part without data.
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


def meeting_pack_context(meeting, progress=no_progress) -> dict:
    """What the meeting pack shows: the agenda, then one part per report due at
    the meeting (subgroups.planner.meeting_reports), numbered, each chosen by the
    report's kind in the planner."""
    from subgroups.planner import meeting_reports

    cells = meeting_reports(meeting, today=meeting.date)
    parts = []
    for done, cell in enumerate(cells, start=1):
        what = cell.item.what
        kind, build = PARTS.get(cell.item.kind, ("due", None))
        data = build(meeting, cell) if build is not None else None
        if data is None:
            kind = "due"
        number = len(parts) + 1
        parts.append(
            {
                "number": number,
                "key": f"part-{number}",
                "heading": f"{number}. {what}",
                "kind": kind,
                "cell": cell,
                "producer": cell.item.produced_by,
                "data": data,
            }
        )
        progress(done, len(cells), what)
    agenda = list(meeting.agenda_items.order_by("order"))
    return {
        "board": meeting.board,
        "meeting": meeting,
        "kind_label": meeting.get_kind_display(),
        "running_title": f"{meeting.get_kind_display()} {meeting.date:%-d %B %Y}",
        "agenda": agenda,
        "parts": parts,
    }


def meeting_pack(meeting, progress=no_progress) -> tuple[bytes, int]:
    """The papers for one meeting: cover, agenda, contents, then each report due."""
    context = meeting_pack_context(meeting, progress)
    return render_pdf(
        "reports/pdf/meeting_pack.html",
        context,
        title=f"{meeting.board.name} {context['running_title']} meeting pack",
        author=meeting.board.name,
    )
