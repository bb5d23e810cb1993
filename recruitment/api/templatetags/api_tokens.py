from django import template

from recruitment.tenancy.scoping import for_tenant

from ..forms import ApiTokenForm
from ..models import ApiToken

register = template.Library()


@register.inclusion_tag("api/profile_tokens.html", takes_context=True)
def api_tokens_section(context):
    """Render the signed-in user's API tokens and the form to create one."""
    request = context["request"]
    tokens = for_tenant(ApiToken, request.tenant).filter(user=request.user)
    return {
        "tokens": tokens,
        "form": context.get("api_token_form") or ApiTokenForm(),
        "csrf_token": context.get("csrf_token"),
    }
