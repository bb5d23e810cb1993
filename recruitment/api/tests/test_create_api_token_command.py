import io

import pytest
from django.core.management import CommandError, call_command

from recruitment.api.models import ApiToken, hash_token
from recruitment.tenancy.models import User


def run(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("create_api_token", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue().strip(), stderr.getvalue()


def test_prints_token_that_is_stored_hashed(admin_user, tenant):
    token, note = run(
        "--tenant", tenant.slug, "--user", "ADMIN@harbour.example", "--name", "ETL"
    )

    row = ApiToken.objects.get(user=admin_user)
    assert row.token_hash == hash_token(token)
    assert row.name == "ETL"
    assert row.prefix in note
    assert token not in note


def test_default_name(admin_user, tenant):
    run("--tenant", tenant.slug, "--user", admin_user.email)

    assert ApiToken.objects.get(user=admin_user).name == "Command line token"


def test_unknown_tenant_fails(admin_user):
    with pytest.raises(CommandError, match="No tenant has the slug"):
        run("--tenant", "nowhere", "--user", admin_user.email)


def test_user_of_other_tenant_fails(outsider, tenant):
    with pytest.raises(CommandError, match="has no user"):
        run("--tenant", tenant.slug, "--user", outsider.email)


def test_learner_user_fails(tenant):
    User.objects.create_user(
        "learner@harbour.example", "pw", tenant=tenant, role=User.Role.LEARNER
    )

    with pytest.raises(CommandError, match="not active staff"):
        run("--tenant", tenant.slug, "--user", "learner@harbour.example")
    assert not ApiToken.objects.exists()
