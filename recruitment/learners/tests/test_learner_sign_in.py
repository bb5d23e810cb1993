import pytest

from conftest import PASSWORD
from recruitment.learners.models import Learner


def sign_in(client, tenant, learner):
    return client.post(
        f"/t/{tenant.slug}/sign-in/",
        {"email": learner.user.email, "password": PASSWORD},
    )


def test_full_user_signs_in(client, tenant, learner):
    learner.status = Learner.Status.FULL_USER
    learner.save()

    response = sign_in(client, tenant, learner)

    assert response.status_code == 302
    assert response.wsgi_request.user == learner.user


@pytest.mark.parametrize(
    "state",
    [
        Learner.Status.CANCELLED,
        Learner.Status.PROSPECT,
        Learner.Status.INVITED,
        Learner.Status.EXPIRED,
    ],
)
def test_learner_in_state_cannot_sign_in(client, tenant, learner, state):
    learner.status = state
    learner.save()

    response = sign_in(client, tenant, learner)

    assert response.status_code == 200
    assert "cannot sign in" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_cancelling_ends_a_signed_in_session(client, tenant, learner):
    learner.status = Learner.Status.FULL_USER
    learner.save()
    sign_in(client, tenant, learner)
    assert client.get("/learners/me/").status_code == 200

    Learner.objects.filter(pk=learner.pk).update(status=Learner.Status.CANCELLED)

    response = client.get("/learners/me/")
    assert response.status_code == 302
    assert response["Location"] == "/"
