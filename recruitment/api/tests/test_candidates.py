import datetime

from django.utils import timezone

from recruitment.applications.models import JobApplication

from .factories import make_application, make_learner


def names(response):
    return [item["learner"]["last_name"] for item in response.json()["items"]]


def test_lists_applied_candidates(api, application):
    response = api.get("/api/v1/candidates")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["application_id"] == application.pk
    assert item["status"] == "applied"
    assert item["learner"]["email"] == application.learner.user.email
    assert item["learner"]["case_owner"] is None
    assert item["job"]["title"] == "Bakery Apprentice"
    assert item["job"]["organisation_name"] == "Harbour Lane Bakery Ltd"


def test_default_status_is_applied(api, job):
    make_application(job, make_learner(job.tenant, last_name="Applied"))
    make_application(
        job,
        make_learner(job.tenant, last_name="Placed"),
        status=JobApplication.Status.PLACED,
    )

    assert names(api.get("/api/v1/candidates")) == ["Applied"]
    assert sorted(names(api.get("/api/v1/candidates", {"status": "all"}))) == [
        "Applied",
        "Placed",
    ]


def test_search_and_sort(api, job):
    for last_name in ["Young", "Adams", "Moss"]:
        make_application(job, make_learner(job.tenant, last_name=last_name))

    assert names(api.get("/api/v1/candidates", {"sort": "name"})) == [
        "Adams",
        "Moss",
        "Young",
    ]
    assert names(api.get("/api/v1/candidates", {"q": "moss"})) == ["Moss"]


def test_case_owner_filters(api, job, recruiter):
    make_application(
        job, make_learner(job.tenant, last_name="Owned", case_owner=recruiter)
    )
    make_application(job, make_learner(job.tenant, last_name="Free"))

    owned = api.get("/api/v1/candidates", {"case_owner": recruiter.pk})
    free = api.get("/api/v1/candidates", {"case_owner": "none"})

    assert names(owned) == ["Owned"]
    assert names(free) == ["Free"]


def test_applied_date_filters(api, job):
    old = make_application(job, make_learner(job.tenant, last_name="Old"))
    JobApplication.objects.filter(pk=old.pk).update(
        applied_at=timezone.now() - datetime.timedelta(days=30)
    )
    make_application(job, make_learner(job.tenant, last_name="New"))
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    assert names(api.get("/api/v1/candidates", {"applied_from": since})) == ["New"]


def test_pages_do_not_overlap(api, job):
    for number in range(5):
        make_application(job, make_learner(job.tenant, last_name=f"Person {number}"))

    seen = []
    for page in (1, 2, 3):
        response = api.get("/api/v1/candidates", {"page": page, "page_size": 2})
        seen += [item["application_id"] for item in response.json()["items"]]

    assert len(seen) == 5
    assert len(set(seen)) == 5


def test_invalid_filters_get_field_errors(api, job):
    response = api.get(
        "/api/v1/candidates",
        {"applied_from": "2027-05-02", "applied_to": "2027-05-01", "sort": "name"},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "applied_to"


def test_unknown_sort_gets_400(api, tenant):
    response = api.get("/api/v1/candidates", {"sort": "password"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "sort"


def test_other_tenants_job_filter_gets_400(api, outsider, other_tenant):
    from conftest import make_programme
    from recruitment.organisations.models import Organisation

    from .factories import complete_job

    elsewhere = complete_job(
        make_programme(other_tenant),
        Organisation.objects.create(tenant=other_tenant, name="Elsewhere"),
        None,
    )

    response = api.get("/api/v1/candidates", {"job": elsewhere.pk})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "job"


def test_viewer_can_list(viewer_api, application):
    assert viewer_api.get("/api/v1/candidates").json()["count"] == 1
