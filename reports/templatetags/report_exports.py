"""Lets other apps' templates offer an export without their views importing
reports (nothing imports reports)."""

from django import template

from ..permissions import can_download_reports, can_export_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def may_export_reports(context, board) -> bool:
    """{% may_export_reports board as flag %}: the signed-in user may export."""
    request = context.get("request")
    return request is not None and can_export_reports(request.user, board)


@register.simple_tag(takes_context=True)
def may_download_reports(context, board) -> bool:
    """{% may_download_reports board as flag %}: the signed-in user may download
    the board's reports and read their HTML editions."""
    request = context.get("request")
    return request is not None and can_download_reports(request.user, board)
