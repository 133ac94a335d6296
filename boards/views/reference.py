"""The glossary of acronyms and links to other strategic boards."""

import string
from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin

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


def glossary_by_letter(board) -> list[dict]:
    """Every letter A to Z (and # if needed) with its terms, sorted regardless of
    case: one query."""
    terms = sorted(
        GlossaryTerm.objects.filter(board=board),
        key=lambda term: (term.acronym.casefold(), term.acronym),
    )
    groups = {letter: [] for letter in string.ascii_uppercase}
    for term in terms:
        groups.setdefault(letter_of(term.acronym), []).append(term)
    return [
        {
            "letter": letter,
            "anchor": "other" if letter == OTHER else letter.lower(),
            "terms": found,
        }
        for letter, found in groups.items()
        if letter != OTHER or found
    ]


class GlossaryView(BoardMixin, TemplateView):
    template_name = "boards/reference/glossary.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        letters = glossary_by_letter(self.board)
        return super().get_context_data(
            letters=letters,
            term_count=sum(len(group["terms"]) for group in letters),
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
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


class StrategicLinkListView(BoardMixin, TemplateView):
    template_name = "boards/reference/strategic_links.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            links=StrategicLink.objects.filter(board=self.board).order_by("name"),
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


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
