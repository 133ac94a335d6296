"""The members directory, attendance rates and declarations of interest."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text
from lscb_portal.periods import reporting_year_start, year_label

from .. import permissions
from ..forms.members import AnnualDeclarationForm, MembershipEditForm
from ..mixins import BoardMixin, LogsRecordViewMixin
from ..models import Membership
from ..selectors import members as selectors
from ..selectors.meetings import CONFIDENTIAL_TITLE
from ..services import members as services


def member_url(membership) -> str:
    return reverse("boards:member", args=[membership.board.slug, membership.pk])


def _by_date(field):
    """Sorts (membership, rate) rows by a date of the membership, blanks first."""
    return lambda row: (getattr(row[0], field) is not None, getattr(row[0], field))


def _date_column(key, label, field, blank):
    return Column(
        key,
        label,
        lambda row: date_text(getattr(row[0], field)) or blank,
        sort=_by_date(field),
    )


def attendance_text(row) -> str:
    rate = row[1]
    if not rate.recorded:
        return "No meetings recorded"
    return f"{rate.percent}% ({rate.attended} of {rate.recorded})"


class MembersView(ListPageMixin, BoardMixin, TemplateView):
    """The directory: every membership with its attendance in the chosen year (rows
    are (membership, rate) pairs), then the agencies' rates (a summary, not a list)."""

    template_name = "boards/members/directory.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "members"
    # The directory has always shown every member on one page.
    page_size = 1000

    @cached_property
    def years(self):
        return selectors.directory_years(self.board)

    @property
    def year_choices(self):
        return self.years[0]

    @cached_property
    def year(self) -> int:
        choices, default = self.years
        return selectors.chosen_year(self.request.GET.get("year"), choices, default)

    def get_columns(self):
        slug = self.board.slug
        return [
            # The user's full name, or e-mail without one.
            Column(
                "name",
                "Name",
                lambda row: str(row[0].user),
                sort=lambda row: str(row[0].user).casefold(),
                row_header=True,
                link=lambda row: reverse("boards:member", args=[slug, row[0].pk]),
            ),
            Column(
                "member",
                "Position",
                lambda row: row[0].position or "–",
                sort=lambda row: row[0].position.casefold(),
            ),
            Column(
                "role",
                "Role",
                lambda row: row[0].get_role_display(),
                sort=lambda row: row[0].get_role_display(),
            ),
            Column(
                "agency",
                "Agency",
                lambda row: row[0].agency.name if row[0].agency_id else "–",
                sort=lambda row: row[0].agency.name if row[0].agency_id else "",
            ),
            Column(
                "statutory",
                "Statutory partner",
                lambda row: (
                    ("Yes" if row[0].agency.statutory_partner else "No")
                    if row[0].agency_id
                    else "–"
                ),
            ),
            _date_column("from", "Member from", "member_from", "–"),
            _date_column("to", "Member to", "member_to", "–"),
            _date_column("induction", "Induction completed", "induction_done", NOT),
            _date_column("handbook", "Handbook signed", "handbook_signed", NOT),
            _date_column("one_to_one", "Last one-to-one", "last_one_to_one", NOT),
            Column(
                "attendance",
                f"Attendance {year_label(self.year)}",
                attendance_text,
                sort=lambda row: (row[1].recorded > 0, row[1].percent or 0),
                template="boards/members/_attendance_cell.html",
            ),
        ]

    def get_list(self):
        return selectors.directory(self.board, self.year)

    def get_caption(self):
        return f"Members and their attendance in {year_label(self.year)}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency_rates=selectors.agency_rates(self.board, self.year),
            year=self.year,
            year_label=year_label(self.year),
            year_choices=self.year_choices,
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


NOT = "Not recorded"


class MemberMixin(BoardMixin):
    @cached_property
    def membership(self) -> Membership:
        return get_object_or_404(
            Membership.objects.select_related("user", "agency", "board"),
            board=self.board,
            pk=self.kwargs["membership_id"],
        )

    def before_handler(self, request):
        self.membership  # noqa: B018 - a member of another board is a 404
        return super().before_handler(request)

    def get_back_url(self):
        return member_url(self.membership)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("membership", self.membership)
        kwargs.setdefault("member_name", selectors.member_label(self.membership))
        kwargs.setdefault("caption", selectors.member_label(self.membership))
        return super().get_context_data(**kwargs)


class MemberDetailView(LogsRecordViewMixin, MemberMixin, TemplateView):
    """A member's page; the confidential items their declarations name are logged
    as viewed by those who see them."""

    template_name = "boards/members/detail.html"
    permission = staticmethod(permissions.can_view_board)
    shown_confidential = ()

    def viewed_records(self):
        return self.shown_confidential

    def record_label(self, item) -> str:
        return f"{item.meeting}: item {item}"

    def get_context_data(self, **kwargs):
        confidential = permissions.can_view_confidential(self.request.user, self.board)
        declarations = selectors.member_declarations(self.membership)
        for declaration in declarations:
            item = declaration.agenda_item
            declaration.masked = bool(item and item.confidential and not confidential)
            year = declaration.year
            declaration.year_text = year_label(year) if year else ""
            declaration.item_title = (
                CONFIDENTIAL_TITLE if declaration.masked else item and item.title
            )
        self.shown_confidential = [
            d.agenda_item
            for d in declarations
            if d.agenda_item and d.agenda_item.confidential and not d.masked
        ]
        return super().get_context_data(
            declarations=declarations,
            attendance=selectors.member_attendance(self.membership),
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


class MemberHistoryView(MemberMixin, TemplateView):
    template_name = "boards/members/history.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.membership.history.all()), **kwargs
        )


class MemberEditView(MemberMixin, FormPageMixin, FormView):
    form_class = MembershipEditForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Change the member's dates and induction"
    submit_label = "Save changes"

    def get_initial(self):
        m = self.membership
        return {
            **{name: getattr(m, name) for name in services.MEMBER_EDITABLE_FIELDS},
            "version": m.version,
        }

    def form_save(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        services.membership_update(
            membership=self.membership,
            version=version,
            changes=data,
            user=self.request.user,
        )
        messages.success(self.request, "Member's details saved.")
        return redirect(member_url(self.membership))


class AnnualDeclarationCreateView(MemberMixin, FormPageMixin, FormView):
    form_class = AnnualDeclarationForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Record an annual declaration of interests"
    submit_label = "Record declaration"

    def get_initial(self):
        today = timezone.localdate()
        return {"year": reporting_year_start(today), "declared_on": today}

    def form_save(self, form):
        services.declaration_add_annual(
            membership=self.membership, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, "Declaration recorded.")
        return redirect(member_url(self.membership))


MEMBER = "<slug:board_slug>/members/<int:membership_id>/"

urlpatterns = [
    path("<slug:board_slug>/members/", MembersView.as_view(), name="members"),
    path(MEMBER, MemberDetailView.as_view(), name="member"),
    path(MEMBER + "edit/", MemberEditView.as_view(), name="member-edit"),
    path(MEMBER + "history/", MemberHistoryView.as_view(), name="member-history"),
    path(
        MEMBER + "declarations/new/",
        AnnualDeclarationCreateView.as_view(),
        name="member-declaration",
    ),
]
