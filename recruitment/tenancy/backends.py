from django.contrib.auth.backends import ModelBackend

from .emails import email_key
from .models import User


class TenantEmailBackend(ModelBackend):
    """Authenticate by email within one tenant, or support users without one.

    The tenant's sign-in page passes `tenant`; the Django admin passes only
    `username`, which matches support users (who have no tenant).
    """

    def authenticate(
        self, request, username=None, password=None, tenant=None, email=None, **kw
    ):
        address = email if email is not None else username
        if not address or password is None:
            return None
        users = User.objects.filter(email_key=email_key(address))
        users = (
            users.filter(tenant=tenant) if tenant else users.filter(tenant__isnull=True)
        )
        user = users.select_related("tenant").first()
        if user is None:
            # Spend the same time as a real check so timing does not reveal
            # which addresses exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if user.role == User.Role.LEARNER:
            learner = getattr(user, "learner", None)
            return learner is not None and learner.can_sign_in
        return True
