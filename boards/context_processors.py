from .models import Board


def boards(request):
    """The signed-in user's boards for the board switcher, and the current board."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    slug = match.kwargs.get("board_slug") if match else None

    def my_boards():
        return list(Board.objects.visible_to(user).only("name", "slug"))

    return {"my_boards": my_boards, "current_board_slug": slug}
