"""Background work for learners: the invitation email."""

import logging

from django.utils import timezone
from django_tasks import task

from recruitment.core.crypto import decrypt
from recruitment.core.emails import send_templated_email

from .invitations import hash_token, invitation_link
from .models import Invitation

logger = logging.getLogger(__name__)


@task()
def send_invitation_email(invitation_id: int, sealed_token: str) -> bool:
    """Email the invitation link, unless the invitation is no longer open.

    `sealed_token` is the token encrypted with FIELD_ENCRYPTION_KEYS, because
    task arguments are stored in the task table until the task is cleaned up.
    Returns whether an email was sent.
    """
    invitation = (
        Invitation.objects.select_related(
            "learner__user", "learner__case_owner", "tenant"
        )
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        logger.info("Invitation %s not found, so no email sent", invitation_id)
        return False
    if invitation.used_at or invitation.revoked_at:
        logger.info("Invitation %s is used or revoked, so no email sent", invitation_id)
        return False
    if invitation.expires_at <= timezone.now():
        logger.info("Invitation %s expired before sending", invitation_id)
        return False

    token = decrypt(sealed_token)
    if hash_token(token) != invitation.token_hash:
        logger.error(
            "Invitation %s token does not match the stored hash, so no email sent",
            invitation_id,
        )
        return False

    learner = invitation.learner
    send_templated_email(
        "invitation",
        [learner.user.email],
        {
            "learner": learner,
            "tenant": invitation.tenant,
            "case_owner": learner.case_owner,
            "link": invitation_link(token),
            "expires_at": invitation.expires_at,
        },
    )
    logger.info("Invitation %s emailed to learner %s", invitation_id, learner.pk)
    return True
