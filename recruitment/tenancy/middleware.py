class TenantMiddleware:
    """Set `request.tenant` to the signed-in user's tenant (None otherwise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        request.tenant = (
            user.tenant if user is not None and user.is_authenticated else None
        )
        return self.get_response(request)
