"""The glossary of acronyms and links to other strategic boards."""

import string
from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin

from .. import permissions
from ..forms.reference import GlossaryTermForm, StrategicLinkForm
from ..mixins import BoardMixin
from ..models import GlossaryTerm, StrategicLink
from ..services import reference as services
from ..services.finance import AlreadyRecorded, last_change_id
from .finance import already_recorded

OTHER = "#"  # terms starting with a digit or a symbol


def letter_of(acronym: str) -> str:
    first = acronym[:1].upper()
    return first if first in string.ascii_uppercase else OTHER


def a_to_z(term) -> tuple:
    """A to Z regardless of case, then terms starting with a digit or a symbol."""
    return (letter_of(term.acronym) == OTHER, term.acronym.casefold(), term.acronym)


def glossary_by_letter(terms) -> list[dict]:
    """Every letter A to Z (and # if needed) with its terms, in A to Z order; the
    first term of each letter gets the `anchor` the letter links to."""
    groups = {letter: [] for letter in string.ascii_uppercase}
    for term in sorted(terms, key=a_to_z):
        groups.setdefault(letter_of(term.acronym), []).append(term)
    letters = []
    for letter, found in groups.items():
        if letter == OTHER and not found:
            continue
        anchor = "other" if letter == OTHER else letter.lower()
        if found:
            found[0].anchor = f"letter-{anchor}"
        letters.append({"letter": letter, "anchor": anchor, "terms": found})
    return letters


class GlossaryView(ListPageMixin, BoardMixin, TemplateView):
    """The glossary as one table, A to Z with a letter's first term as the target
    of its link (one page, so every letter's link works)."""

    template_name = "boards/reference/glossary.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "glossary"
    page_size = 5000

    @cached_property
    def can_manage(self) -> bool:
        return permissions.can_manage_governance(self.request.user, self.board)

    @cached_property
    def letters(self) -> list[dict]:
        return glossary_by_letter(GlossaryTerm.objects.filter(board=self.board))

    def get_columns(self):
        columns = [
            Column(
                "acronym",
                "Acronym",
                "acronym",
                sort=a_to_z,
                row_header=True,
                template="boards/reference/_acronym_cell.html",
            ),
            Column(
                "meaning",
                "What it stands for",
                "meaning",
                sort=lambda term: term.meaning.casefold(),
            ),
        ]
        if self.can_manage:
            columns.append(
                Column(
                    "actions",
                    "Actions",
                    lambda term: "",
                    template="boards/reference/_term_actions_cell.html",
                    exported=False,
                )
            )
        return columns

    def get_list(self):
        return [term for group in self.letters for term in group["terms"]]

    def get_caption(self):
        return f"Acronyms used by {self.board.name}, A to Z"

    def get_context_data(self, **kwargs):
        column, descending = self.sort_choice()
        return super().get_context_data(
            letters=self.letters,
            term_count=sum(len(group["terms"]) for group in self.letters),
            # The letters link into the table only while it reads A to Z.
            a_to_z=column is None or (column.key == "acronym" and not descending),
            can_manage=self.can_manage,
            **kwargs,
        )


class ReferenceFormMixin(BoardMixin, FormPageMixin):
    """Add and change pages of glossary terms and strategic links."""

    template_name = "boards/finance/line_form.html"
    permission = staticmethod(permissions.can_manage_governance)
    model = None
    noun = ""
    list_url_name = ""
    edit_url_name = ""
    fields = ()

    @cached_property
    def record(self):
        """The record being changed, or None on an add page."""
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.model, board=self.board, pk=self.kwargs["pk"])

    def before_handler(self, request):
        self.record  # noqa: B018 -- another board's record is a 404 first
        return None

    def get_back_url(self):
        return reverse(self.list_url_name, args=[self.board.slug])

    def get_initial(self):
        if self.record is None:
            return {}
        initial = {name: getattr(self.record, name) for name in self.fields}
        return {**initial, "seen": last_change_id(self.record)}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("noun", self.noun)
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        data = {name: form.cleaned_data[name] for name in self.fields}
        try:
            if self.record is None:
                record = self.create(data)
            else:
                record = self.update(data, seen=form.cleaned_data["seen"])
        except AlreadyRecorded as duplicate:
            return already_recorded(self, form, self.fields[0], duplicate)
        verb = "added" if self.record is None else "saved"
        messages.success(self.request, f"{record} {verb}.")
        return redirect(self.success_url_for(record))


class GlossaryTermMixin(ReferenceFormMixin):
    form_class = GlossaryTermForm
    model = GlossaryTerm
    noun = "entry"
    list_url_name = "boards:glossary"
    edit_url_name = "boards:glossary-edit"
    fields = ("acronym", "meaning")

    def success_url_for(self, term):
        return f"{self.get_back_url()}#letter-{letter_of(term.acronym).lower()}"

    def create(self, data):
        return services.glossary_term_create(
            board=self.board, user=self.request.user, **data
        )

    def update(self, data, *, seen):
        return services.glossary_term_update(
            term=self.record, seen=seen, user=self.request.user, **data
        )


class GlossaryTermCreateView(GlossaryTermMixin, FormView):
    page_title = "Add an acronym to the glossary"
    submit_label = "Add acronym"


class GlossaryTermEditView(GlossaryTermMixin, FormView):
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.record.acronym}"


class StrategicLinkMixin(ReferenceFormMixin):
    form_class = StrategicLinkForm
    model = StrategicLink
    noun = "link"
    list_url_name = "boards:strategic-links"
    edit_url_name = "boards:strategic-link-edit"
    fields = ("name", "relationship", "url")

    def success_url_for(self, link):
        return self.get_back_url()

    def create(self, data):
        return services.strategic_link_create(
            board=self.board, user=self.request.user, **data
        )

    def update(self, data, *, seen):
        return services.strategic_link_update(
            link=self.record, seen=seen, user=self.request.user, **data
        )


class StrategicLinkCreateView(StrategicLinkMixin, FormView):
    page_title = "Add a link to another strategic board"
    submit_label = "Add link"


class StrategicLinkEditView(StrategicLinkMixin, FormView):
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change the link with {self.record.name}"


class ReferenceDeleteView(BoardMixin, TemplateView):
    template_name = "boards/reference/confirm_delete.html"
    permission = staticmethod(permissions.can_manage_governance)
    model = None
    list_url_name = ""

    @cached_property
    def record(self):
        return get_object_or_404(self.model, board=self.board, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_url=reverse(self.list_url_name, args=[self.board.slug]),
            **self.wording(self.record),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        description = str(self.record)
        self.remove(self.record)
        messages.success(request, f"{description} removed.")
        return redirect(self.list_url_name, board_slug=self.board.slug)


class GlossaryTermDeleteView(ReferenceDeleteView):
    model = GlossaryTerm
    list_url_name = "boards:glossary"

    @staticmethod
    def wording(term):
        return {
            "page_title": f"Remove {term.acronym} from the glossary",
            "question": f"{term.acronym} stands for {term.meaning}.",
            "submit_label": "Remove acronym",
        }

    def remove(self, term):
        services.glossary_term_delete(term=term, user=self.request.user)


class StrategicLinkDeleteView(ReferenceDeleteView):
    model = StrategicLink
    list_url_name = "boards:strategic-links"

    @staticmethod
    def wording(link):
        return {
            "page_title": f"Remove the link with {link.name}",
            "question": "The link and what it says about how the boards work "
            "together will no longer be listed. Its history is kept.",
            "submit_label": "Remove link",
        }

    def remove(self, link):
        services.strategic_link_delete(link=link, user=self.request.user)


class StrategicLinkListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/reference/strategic_links.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "strategic-links"
    page_size = 1000  # every link on one page, as the list always was

    @cached_property
    def can_manage(self) -> bool:
        return permissions.can_manage_governance(self.request.user, self.board)

    def get_columns(self):
        columns = [
            Column(
                "name",
                "Board or partnership",
                "name",
                sort=lambda link: link.name.casefold(),
                row_header=True,
            ),
            Column(
                "relationship",
                "How the boards work together",
                lambda link: link.relationship or "Not recorded",
                sort=lambda link: link.relationship.casefold(),
                template="boards/reference/_relationship_cell.html",
            ),
            Column(
                "url",
                "Web address",
                lambda link: link.url or "Not recorded",
                sort=lambda link: link.url,
                template="boards/reference/_url_cell.html",
            ),
        ]
        if self.can_manage:
            columns.append(
                Column(
                    "actions",
                    "Actions",
                    lambda link: "",
                    template="boards/reference/_link_actions_cell.html",
                    exported=False,
                )
            )
        return columns

    def get_list(self):
        # A list, not a query: one page, so counting the links would be a query more.
        return list(
            StrategicLink.objects.filter(board=self.board).order_by("name", "pk")
        )

    def get_caption(self):
        return f"Links of {self.board.name} with other strategic boards"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(can_manage=self.can_manage, **kwargs)
        context["links"] = context["page"].object_list
        return context


urlpatterns = [
    path("<slug:board_slug>/glossary/", GlossaryView.as_view(), name="glossary"),
    path(
        "<slug:board_slug>/glossary/new/",
        GlossaryTermCreateView.as_view(),
        name="glossary-create",
    ),
    path(
        "<slug:board_slug>/glossary/<int:pk>/edit/",
        GlossaryTermEditView.as_view(),
        name="glossary-edit",
    ),
    path(
        "<slug:board_slug>/glossary/<int:pk>/remove/",
        GlossaryTermDeleteView.as_view(),
        name="glossary-delete",
    ),
    path(
        "<slug:board_slug>/strategic-links/",
        StrategicLinkListView.as_view(),
        name="strategic-links",
    ),
    path(
        "<slug:board_slug>/strategic-links/new/",
        StrategicLinkCreateView.as_view(),
        name="strategic-link-create",
    ),
    path(
        "<slug:board_slug>/strategic-links/<int:pk>/edit/",
        StrategicLinkEditView.as_view(),
        name="strategic-link-edit",
    ),
    path(
        "<slug:board_slug>/strategic-links/<int:pk>/remove/",
        StrategicLinkDeleteView.as_view(),
        name="strategic-link-delete",
    ),
]
