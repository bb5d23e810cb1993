import pytest

from recruitment.applications.models import JobApplication
from recruitment.learners.models import Invitation, Learner


def learner_urls(learner):
    cv = learner.cvs.get()
    application = learner.applications.get()
    base = f"/learners/{learner.pk}"
    return {
        "get": [
            f"{base}/",
            f"{base}/cvs/",
            f"{base}/cvs/{cv.pk}/download/",
            f"{base}/applications/{application.pk}/delete/",
        ],
        "post": [
            f"{base}/case-owner/",
            f"{base}/invitation/",
            f"{base}/applications/{application.pk}/delete/",
            f"{base}/reinstate/",
        ],
    }


@pytest.mark.parametrize("index", range(4))
def test_outsider_gets_404_on_get(outsider_client, learner, index):
    url = learner_urls(learner)["get"][index]

    assert outsider_client.get(url).status_code == 404


@pytest.mark.parametrize("index", range(4))
def test_outsider_gets_404_on_post(outsider_client, outsider, learner, index):
    url = learner_urls(learner)["post"][index]

    response = outsider_client.post(url, {"case_owner": outsider.pk})

    assert response.status_code == 404


def test_outsider_changes_nothing(outsider_client, outsider, learner, recruiter):
    learner.case_owner = recruiter
    learner.save()
    for url in learner_urls(learner)["post"]:
        outsider_client.post(url, {"case_owner": outsider.pk})

    learner.refresh_from_db()
    assert learner.case_owner == recruiter
    assert learner.status == Learner.Status.PROSPECT
    assert JobApplication.objects.filter(learner=learner).exists()
    assert not Invitation.objects.exists()


def test_outsider_cv_download_with_own_learner_id(
    outsider_client, other_tenant, learner
):
    from .factories import make_learner

    own = make_learner(other_tenant, email="own@northgate.example")
    cv = learner.cvs.get()

    response = outsider_client.get(f"/learners/{own.pk}/cvs/{cv.pk}/download/")

    assert response.status_code == 404
