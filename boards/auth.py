def lockout_username(request, credentials):
    """The address typed at sign-in, lower-cased, so changing its case does not
    escape a lockout (django-axes AXES_USERNAME_CALLABLE)."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username")
    return (typed or "").strip().lower() or None
