from datetime import date, timedelta
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin, LogsRecordViewMixin
from boards.models import Meeting
from lscb_portal.errors import AlreadyRecorded
from lscb_portal.forms import FormPageMixin, FormSaveMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text
from lscb_portal.periods import (
    quarter_bounds,
    quarter_of,
    reporting_year_start,
    year_label,
)
from lscb_portal.sections import deadlines_for

from . import actions, calendar, permissions, planner, services
from .forms import (
    ActionEntryForm,
    AttachmentForm,
    ExceptionsForm,
    HighlightsForm,
    PlanItemForm,
    ReceivePaperForm,
    ReturnStartForm,
    SubgroupForm,
)
from .models import (
    CalendarFeed,
    ReportingPlanItem,
    Responsibility,
    ReturnStatus,
    Subgroup,
    SubgroupReturn,
)

# Subgroups ---------------------------------------------------------------------


def chair_text(group) -> str:
    chair = group.chair
    if chair is None:
        return "–"
    who = chair.position or str(chair.user)
    return f"{who} ({chair.agency.name})" if chair.agency_id else who


class SubgroupListView(ListPageMixin, BoardMixin, TemplateView):
    """The subgroups, each followed by its groups (indented while in that order)."""

    template_name = "subgroups/subgroup_list.html"
    permission = staticmethod(permissions.can_view_subgroups)
    list_name = "subgroups"
    page_size = 1000  # one page, so the tree is never cut

    @cached_property
    def tree(self):
        groups = list(
            Subgroup.objects.filter(board=self.board).select_related(
                "chair__user", "chair__agency", "parent"
            )
        )
        top = [g for g in groups if g.parent_id is None]
        children = {}
        for group in groups:
            if group.parent_id:
                children.setdefault(group.parent_id, []).append(group)
        return [(g, children.get(g.pk, [])) for g in top]

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "group",
                "Group",
                "name",
                sort=lambda g: g.name.casefold(),
                row_header=True,
                link=lambda g: reverse("subgroups:detail", args=[slug, g.pk]),
                template="subgroups/_group_cell.html",
            ),
            Column(
                "kind", "Kind", lambda g: g.get_kind_display(), sort=lambda g: g.kind
            ),
            Column("chair", "Chair", chair_text, sort=chair_text),
        ]

    def get_list(self):
        return [g for top, children in self.tree for g in (top, *children)]

    def get_caption(self):
        return f"Subgroups and groups of {self.board.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tree=self.tree, in_tree_order=self.sort_choice()[0] is None, **kwargs
        )


class SubgroupMixin(BoardMixin):
    permission = staticmethod(permissions.can_view_subgroups)

    @cached_property
    def subgroup(self) -> Subgroup:
        return get_object_or_404(
            Subgroup.objects.select_related(
                "chair__user", "vice_chair__user", "parent", "board"
            ),
            board=self.board,
            pk=self.kwargs["subgroup_id"],
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("subgroup", self.subgroup)
        return super().get_context_data(**kwargs)


def submitted_text(subgroup_return) -> str:
    if not subgroup_return.submitted_at:
        return "–"
    when = date_text(timezone.localtime(subgroup_return.submitted_at))
    return f"{when} by {subgroup_return.submitted_by}"


class SubgroupDetailView(ListPageMixin, SubgroupMixin, TemplateView):
    """A subgroup's page; its returns are the page's list."""

    template_name = "subgroups/subgroup_detail.html"
    list_name = "returns"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "period",
                "Period",
                "period",
                sort="period",
                row_header=True,
                link=lambda r: reverse("subgroups:return", args=[slug, r.pk]),
            ),
            Column(
                "status",
                "Status",
                lambda r: r.get_status_display(),
                sort="status",
                template="subgroups/_return_status_cell.html",
            ),
            Column("submitted", "Submitted", submitted_text, sort="submitted_at"),
        ]

    def get_list(self):
        returns = SubgroupReturn.objects.filter(subgroup=self.subgroup)
        return permissions.visible_returns(
            self.request.user, returns, [self.subgroup]
        ).select_related("submitted_by")

    def get_caption(self):
        return f"Returns from {self.subgroup.name}"

    def export_filename(self, kind):
        return f"{self.board.slug}-{self.subgroup.pk}-returns.{kind}"

    def get_context_data(self, **kwargs):
        user = self.request.user
        subgroup = self.subgroup
        return super().get_context_data(
            responsibilities=Responsibility.objects.filter(subgroup=subgroup),
            members=subgroup.members.select_related("user", "agency"),
            agencies=subgroup.member_agencies.all(),
            children=subgroup.children.all(),
            plan_items=subgroup.plan_items.all(),
            owned_actions=actions.provider.owned(subgroup, timezone.localdate()),
            can_enter_return=permissions.can_enter_return(user, subgroup),
            can_manage=permissions.can_manage_subgroups(user, self.board),
            **kwargs,
        )


class SubgroupEditView(SubgroupMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = SubgroupForm
    permission = staticmethod(permissions.can_manage_subgroups)
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.subgroup}"

    def get_back_url(self):
        return reverse("subgroups:detail", args=[self.board.slug, self.subgroup.pk])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["board"] = self.board
        return kwargs

    def versioned_record(self):
        return self.subgroup

    def save(self, data, version):
        services.subgroup_update(
            subgroup=self.subgroup,
            version=version,
            changes=data,
            user=self.request.user,
        )
        messages.success(self.request, f"{self.subgroup} saved.")
        return redirect(self.get_back_url())


class SubgroupHistoryView(SubgroupMixin, TemplateView):
    template_name = "subgroups/subgroup_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.subgroup.history.all()), **kwargs
        )


# Returns -----------------------------------------------------------------------


def default_return_period(subgroup, today) -> tuple[str, str]:
    """The quarter a new return starts on, and why: today's, or the last of the
    latest year with meetings when the board's meetings stop before this year;
    the one after the subgroup's latest return if it has returned for that
    already (never a quarter still to begin). Two queries."""
    year = planner.latest_year(subgroup.board, today)
    if year == reporting_year_start(today):
        quarter, why = quarter_of(today), "this quarter"
    else:
        quarter = quarter_of(date(year + 1, 3, 31))
        why = f"the last quarter of {year_label(year)}, the latest year with meetings"
    # "2016-17 Q4" < "2017-18 Q1": quarters written alike sort by date.
    latest = (
        SubgroupReturn.objects.filter(subgroup=subgroup)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )
    if latest and latest >= quarter:
        following = quarter_of(quarter_bounds(latest)[1] + timedelta(days=1))
        if quarter_bounds(following)[0] <= today:
            quarter, why = following, f"the quarter after its return for {latest}"
    return quarter, why


class ReturnStartView(SubgroupMixin, FormPageMixin, FormView):
    form_class = ReturnStartForm
    submit_label = "Continue"

    @cached_property
    def default_period(self):
        return default_return_period(self.subgroup, timezone.localdate())

    def get_initial(self):
        return {"period": self.default_period[0]}

    def get_context_data(self, **kwargs):
        quarter, why = self.default_period
        kwargs.setdefault(
            "intro",
            "You will be asked for the subgroup's highlights and how many times it "
            "met, its exceptions and risks, and a RAG update on each business-plan "
            "action it owns, then can check "
            "your answers before submitting. Your answers are saved as a draft at "
            f"each step. The quarter offered is {quarter}, {why}.",
        )
        return super().get_context_data(**kwargs)

    def before_handler(self, request):
        if not permissions.can_enter_return(request.user, self.subgroup):
            raise PermissionDenied
        return None

    def get_page_title(self):
        return f"New return from {self.subgroup}"

    def get_back_url(self):
        return reverse("subgroups:detail", args=[self.board.slug, self.subgroup.pk])

    def form_save(self, form):
        period = form.cleaned_data["period"]
        existing = SubgroupReturn.objects.filter(
            subgroup=self.subgroup, period=period
        ).first()
        if existing is not None:
            link = reverse("subgroups:return", args=[self.board.slug, existing.pk])
            form.add_error(
                "period",
                f"{self.subgroup} already has a return for {period}: "
                "open it to change it instead.",
            )
            return self.render_to_response(
                self.get_context_data(form=form, existing_url=link)
            )
        subgroup_return = services.return_start(
            subgroup=self.subgroup, period=period, user=self.request.user
        )
        return redirect(
            "subgroups:return-highlights", self.board.slug, subgroup_return.pk
        )


class ReturnMixin(LogsRecordViewMixin, BoardMixin):
    """Resolves /boards/<board>/returns/<return_id>/ to self.subgroup_return; a
    draft is a 404 for those who may not see it, and each view of one is logged."""

    permission = staticmethod(permissions.can_view_subgroups)
    writes = False  # True for the question pages

    @cached_property
    def subgroup_return(self) -> SubgroupReturn:
        return get_object_or_404(
            SubgroupReturn.objects.select_related(
                "subgroup__board", "subgroup__chair", "subgroup__vice_chair"
            ),
            subgroup__board=self.board,
            pk=self.kwargs["return_id"],
        )

    def before_handler(self, request):
        if not permissions.can_view_return(request.user, self.subgroup_return):
            raise Http404
        if self.writes and not permissions.can_enter_return(
            request.user, self.subgroup_return.subgroup
        ):
            raise PermissionDenied
        if self.writes and self.subgroup_return.status == ReturnStatus.NOTED:
            messages.error(
                request, "This return has been noted at a meeting: it is final."
            )
            return redirect(
                "subgroups:return", self.board.slug, self.subgroup_return.pk
            )
        return None

    def viewed_records(self):
        return [self.subgroup_return] if self.subgroup_return.is_draft else []

    def get_context_data(self, **kwargs):
        kwargs.setdefault("subgroup_return", self.subgroup_return)
        kwargs.setdefault("subgroup", self.subgroup_return.subgroup)
        return super().get_context_data(**kwargs)

    def url(self, name):
        return reverse(
            f"subgroups:{name}", args=[self.board.slug, self.subgroup_return.pk]
        )


RETURN_STEPS = [
    ("return-highlights", "Highlights"),
    ("return-exceptions", "Exceptions and risks"),
    ("return-actions", "Business plan actions"),
    ("return-attachments", "Attachments"),
    ("return-check", "Check your answers"),
]


def next_step(current: str) -> str:
    names = [name for name, _ in RETURN_STEPS]
    return names[names.index(current) + 1]


class ReturnQuestionView(ReturnMixin, VersionedEditMixin, FormPageMixin, FormView):
    """One question page of a return; saves the draft and moves on."""

    writes = True
    step = ""
    submit_label = "Save and continue"

    def get_page_title(self):
        return dict(RETURN_STEPS)[self.step]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", f"{self.subgroup_return}")
        return super().get_context_data(**kwargs)

    def get_back_url(self):
        names = [name for name, _ in RETURN_STEPS]
        index = names.index(self.step)
        return self.url(names[index - 1]) if index else self.url("return")

    def versioned_record(self):
        return self.subgroup_return

    def save(self, data, version):
        services.return_save(
            subgroup_return=self.subgroup_return,
            version=version,
            changes=data,
            user=self.request.user,
        )
        return redirect(self.url(next_step(self.step)))


class ReturnHighlightsView(ReturnQuestionView):
    form_class = HighlightsForm
    step = "return-highlights"


class ReturnExceptionsView(ReturnQuestionView):
    form_class = ExceptionsForm
    step = "return-exceptions"


class ReturnActionsView(ReturnMixin, TemplateView):
    """One page listing the subgroup's actions, a RAG and narrative for each."""

    template_name = "subgroups/return_actions.html"
    writes = True

    def rows(self, data=None):
        owned = actions.provider.owned(
            self.subgroup_return.subgroup,
            services.return_update_date(self.subgroup_return),
        )
        drafts = services.draft_entries(self.subgroup_return)
        rows = []
        for action in owned:
            rag, narrative = drafts.get(action.id, ("skip", ""))
            form = ActionEntryForm(
                data,
                prefix=f"a{action.id}",
                initial={"rag": rag, "narrative": narrative},
            )
            rows.append((action, form))
        return rows

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(rows=self.rows()))

    def post(self, request, *args, **kwargs):
        rows = self.rows(request.POST)
        if not all(form.is_valid() for _, form in rows):
            return self.render_to_response(
                self.get_context_data(rows=rows, has_errors=True)
            )
        entries = {
            action.id: (form.cleaned_data["rag"], form.cleaned_data["narrative"])
            for action, form in rows
            if form.cleaned_data["rag"] != "skip"
        }
        services.return_save_actions(
            subgroup_return=self.subgroup_return, entries=entries, user=request.user
        )
        return redirect(self.url("return-attachments"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_url=self.url("return-exceptions"),
            update_date=services.return_update_date(self.subgroup_return),
            **kwargs,
        )


class ReturnAttachmentsView(ReturnMixin, FormSaveMixin, FormView):
    template_name = "subgroups/return_attachments.html"
    form_class = AttachmentForm
    writes = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            attachments=self.subgroup_return.attachments.all(),
            back_url=self.url("return-actions"),
            next_url=self.url("return-check"),
            **kwargs,
        )

    def form_save(self, form):
        attachment = services.attachment_add(
            subgroup_return=self.subgroup_return,
            upload=form.cleaned_data["file"],
            user=self.request.user,
        )
        messages.success(self.request, f"{attachment.name} attached.")
        return redirect(self.url("return-attachments"))


class ReturnCheckView(ReturnMixin, TemplateView):
    """Check your answers, then submit."""

    template_name = "subgroups/return_check.html"
    writes = True

    def get_context_data(self, **kwargs):
        subgroup_return = self.subgroup_return
        owned = {
            a.id: a
            for a in actions.provider.owned(
                subgroup_return.subgroup, services.return_update_date(subgroup_return)
            )
        }
        entries = [
            (owned[action_id], rag, narrative)
            for action_id, (rag, narrative) in services.draft_entries(
                subgroup_return
            ).items()
            if action_id in owned
        ]
        return super().get_context_data(
            entries=sorted(entries, key=lambda e: e[0].ref),
            attachments=subgroup_return.attachments.all(),
            steps={n.replace("-", "_"): self.url(n) for n, _ in RETURN_STEPS},
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        version = request.POST.get("version", "")
        try:
            services.return_submit(
                subgroup_return=self.subgroup_return,
                user=request.user,
                version=int(version) if version.isdigit() else None,
            )
        except AlreadyRecorded as already:
            messages.info(request, str(already))
            return redirect(self.url("return"))
        except ValidationError as error:
            texts = (
                [f"{k}: {m}" for k, ms in error.message_dict.items() for m in ms]
                if hasattr(error, "message_dict")
                else error.messages
            )
            return self.render_to_response(
                self.get_context_data(submit_errors=texts), status=400
            )
        messages.success(request, f"{self.subgroup_return} submitted.")
        return redirect(self.url("return"))


class ReturnDetailView(ReturnMixin, TemplateView):
    template_name = "subgroups/return_detail.html"

    def get_context_data(self, **kwargs):
        subgroup_return = self.subgroup_return
        return super().get_context_data(
            attachments=subgroup_return.attachments.all(),
            updates=actions.provider.recorded(subgroup_return),
            papers=subgroup_return.papers.select_related("meeting", "plan_item"),
            can_edit=permissions.can_enter_return(
                self.request.user, subgroup_return.subgroup
            )
            and subgroup_return.status != ReturnStatus.NOTED,
            **kwargs,
        )


class ReturnHistoryView(ReturnMixin, TemplateView):
    template_name = "subgroups/return_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.subgroup_return.history.all()), **kwargs
        )


class AttachmentDownloadView(ReturnMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            self.subgroup_return.attachments, pk=self.kwargs["attachment_id"]
        )
        return FileResponse(
            attachment.file.open("rb"), as_attachment=True, filename=attachment.name
        )


# Reporting Planner ---------------------------------------------------------------


class PlannerView(BoardMixin, TemplateView):
    """Meetings across, due reports down, with statuses, for a reporting year."""

    template_name = "subgroups/planner.html"
    permission = staticmethod(permissions.can_view_subgroups)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        this_year = reporting_year_start(today)
        asked = self.request.GET.get("year")
        try:
            year = int(asked) if asked else planner.latest_year(self.board, today)
        except ValueError:
            raise Http404 from None
        if not 2000 <= year <= this_year + 5:
            raise Http404
        return super().get_context_data(
            **planner.planner_grid(self.board, year, today),
            deadlines=deadlines_for(self.board, self.request.user, today),
            year=year,
            year_label=year_label(year),
            opened_on_latest=not asked and year != this_year,
            years=[(y, year_label(y)) for y in range(this_year + 1, 2013, -1)],
            can_manage=permissions.can_manage_subgroups(self.request.user, self.board),
            **kwargs,
        )


class PlanItemCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = PlanItemForm
    permission = staticmethod(permissions.can_manage_subgroups)
    page_title = "Add a report to the planner"
    submit_label = "Add report"

    def get_back_url(self):
        return reverse("subgroups:planner", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        form.instance._history_user = self.request.user
        form.save()
        messages.success(self.request, f"{form.instance} added to the planner.")
        return redirect(self.get_back_url())


class PlanItemEditView(PlanItemCreateView):
    page_title = "Change a report in the planner"
    submit_label = "Save changes"

    def get_form_kwargs(self):
        item = get_object_or_404(
            ReportingPlanItem, board=self.board, pk=self.kwargs["item_id"]
        )
        return {**super().get_form_kwargs(), "instance": item}


class MeetingPapersView(BoardMixin, TemplateView):
    """The reports due at one meeting and their status; the business team records
    a paper as received."""

    template_name = "subgroups/meeting_papers.html"
    permission = staticmethod(permissions.can_view_subgroups)

    @cached_property
    def meeting(self):
        return get_object_or_404(
            Meeting, board=self.board, pk=self.kwargs["meeting_id"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            cells=planner.meeting_reports(self.meeting, timezone.localdate()),
            can_manage=permissions.can_manage_subgroups(self.request.user, self.board),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not permissions.can_manage_subgroups(request.user, self.board):
            raise PermissionDenied
        form = ReceivePaperForm(request.POST)
        if form.is_valid():
            item = get_object_or_404(
                ReportingPlanItem, board=self.board, pk=form.cleaned_data["plan_item"]
            )
            try:
                services.paper_receive(
                    meeting=self.meeting,
                    plan_item=item,
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
                messages.success(request, f"{item} recorded as received.")
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("subgroups:meeting-papers", self.board.slug, self.meeting.pk)


# Calendar ------------------------------------------------------------------------


class CalendarView(BoardMixin, TemplateView):
    """The user's secret feed address: they make one, replace it with a new one (if
    it has been shared) or turn it off."""

    template_name = "subgroups/calendar.html"
    permission = staticmethod(permissions.can_view_subgroups)

    def get_context_data(self, **kwargs):
        feed = CalendarFeed.objects.filter(
            user=self.request.user, board=self.board
        ).first()
        url = feed and self.request.build_absolute_uri(
            reverse("subgroups:feed", args=[feed.token])
        )
        return super().get_context_data(feed_url=url, **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "stop":
            if calendar.feed_stop(user=request.user, board=self.board):
                messages.success(
                    request,
                    "Your calendar address has been turned off: calendars using it "
                    "will no longer update.",
                )
        else:
            calendar.feed_renew(user=request.user, board=self.board)
            messages.success(
                request,
                "A new calendar address has been made; any old one no longer works.",
            )
        return redirect("subgroups:calendar", self.board.slug)


def calendar_feed(request, token):
    """The .ics feed: no sign-in (calendar apps cannot), the secret token instead."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user", "board"), token=token
    )
    if not feed.user.is_active or not permissions.can_view_subgroups(
        feed.user, feed.board
    ):
        raise Http404
    body = calendar.board_calendar(feed.board, timezone.localdate())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{feed.board.slug}.ics"'
    return response
