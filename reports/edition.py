"""The annual report's HTML edition: the same sections as the PDF, on screen, for
the board's members."""

from django.http import Http404
from django.views.generic import TemplateView

from boards import permissions
from boards.mixins import BoardMixin

from .documents import annual_report_context, parse_year


class AnnualReportEditionView(BoardMixin, TemplateView):
    template_name = "reports/edition/annual_report.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        try:
            year = parse_year(self.kwargs["year"])
        except ValueError:
            raise Http404("Not a reporting year") from None
        context = annual_report_context(self.board, year)
        context.pop("charts")  # shown inline on screen
        kwargs.pop("year", None)
        return super().get_context_data(**kwargs, **context)
