from lscb_portal.sections import nav_for


def boards(request):
    """The current board's slug and its sections' links, for the service navigation."""
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("board_slug") if match else None
    user = getattr(request, "user", None)
    if not slug or user is None or not user.is_authenticated:
        return {}
    return {"current_board_slug": slug, "board_nav": nav_for(slug)}
