"""The priority themes in the portal: the board's themes, and one theme's year
through the golden thread (reports.themes), each record linked to its own page
where the reader may open it. The annual report prints the same template."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from boards import permissions
from boards.mixins import BoardMixin
from lscb_portal.periods import reporting_years, year_label
from reviews import permissions as review_permissions
from reviews.models import LearningTheme

from .documents import parse_year
from .themes import theme_latest_year, theme_year


class ThemeListView(BoardMixin, TemplateView):
    template_name = "reports/themes/list.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        themes = LearningTheme.objects.filter(board=self.board).order_by("name")
        return super().get_context_data(**kwargs, themes=themes)


class ThemeYearView(BoardMixin, TemplateView):
    template_name = "reports/themes/detail.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        theme = get_object_or_404(
            LearningTheme, board=self.board, slug=self.kwargs["theme_slug"]
        )
        latest = theme_latest_year(self.board, theme)
        if "year" in self.kwargs:
            try:
                year = parse_year(self.kwargs["year"])
            except ValueError:
                raise Http404("Not a reporting year") from None
        else:
            year = latest
        user = self.request.user
        found = theme_year(self.board, theme, year, user)
        years = [y for y in reporting_years() if y <= latest]

        def year_url(y):
            return reverse(
                "reports:theme-year", args=[self.board.slug, theme.slug, year_label(y)]
            )

        kwargs.pop("year", None)
        return super().get_context_data(
            **kwargs,
            theme=theme,
            year_label=year_label(year),
            data={"theme_year": found},
            earlier_url=year_url(year - 1) if year - 1 in years else "",
            later_url=year_url(year + 1) if year + 1 in years else "",
            may_open_reviews=review_permissions.can_view_restricted_reviews(
                user, self.board
            ),
        )
