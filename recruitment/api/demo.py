"""The demo tenant's API token, added by `seed_demo`."""

from .models import ApiToken, hash_token

# A fixed token so scripts and the README can use it. It is only as secret as
# this file, so it exists only in the demo tenant.
DEMO_API_TOKEN = "rk_demo_harbour-lane-local-only-2027"
DEMO_TOKEN_NAME = "Demo integration"


def add_demo_api_token(demo):
    """Give the demo staff user the fixed demo token, once.

    A token that staff revoked stays revoked: `seed_demo --json` then prints
    an empty `api_token`, and a new token can be made on the profile page.
    """
    token, created = ApiToken.objects.get_or_create(
        token_hash=hash_token(DEMO_API_TOKEN),
        defaults={
            "tenant": demo.tenant,
            "user": demo.staff,
            "name": DEMO_TOKEN_NAME,
            "prefix": DEMO_API_TOKEN[:8],
        },
    )
    demo.api_token = DEMO_API_TOKEN if token.revoked_at is None else ""
