import datetime

from django.utils import timezone

from recruitment.applications.models import JobApplication

from .factories import (
    make_applicant,
    make_application,
    make_job,
    make_learner,
    make_organisation,
)

URL = "/candidates/"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def listed_ids(response):
    return [application.pk for application in response.context["page"].object_list]


def test_grid_lists_applied_newest_first(admin_client, job):
    now = timezone.now()
    older = make_applicant(job, first_name="Older")
    older.applied_at = now - datetime.timedelta(days=2)
    older.save()
    newer = make_applicant(job, first_name="Newer")
    shortlisted = make_applicant(job, first_name="Shortlisted")
    shortlisted.status = JobApplication.Status.SHORTLISTED
    shortlisted.save()

    response = admin_client.get(URL)

    assert response.status_code == 200
    assert listed_ids(response) == [newer.pk, older.pk]


def test_grid_row_shows_every_column(admin_client, job, admin_user):
    application = make_applicant(
        job,
        first_name="Robin",
        last_name="Ashby",
        email="robin@example.com",
        phone="07700 900456",
        case_owner=admin_user,
    )

    content = admin_client.get(URL).content.decode()

    assert "Robin Ashby" in content
    assert "robin@example.com" in content
    assert "07700 900456" in content
    assert job.title in content
    assert job.organisation.name in content
    assert "Applied" in content
    assert f"{timezone.localtime(application.applied_at):%-d %b %Y}" in content
    assert str(admin_user) in content
    assert f"/learners/{application.learner.pk}/" in content


def test_status_all_lists_every_status(admin_client, job):
    applied = make_applicant(job)
    placed = make_applicant(job)
    placed.status = JobApplication.Status.PLACED
    placed.save()

    response = admin_client.get(URL, {"status": "all"})

    assert set(listed_ids(response)) == {applied.pk, placed.pk}


def test_status_filter_picks_one_status(admin_client, job):
    make_applicant(job)
    placed = make_applicant(job)
    placed.status = JobApplication.Status.PLACED
    placed.save()

    response = admin_client.get(URL, {"status": "placed"})

    assert listed_ids(response) == [placed.pk]


def test_job_filter(admin_client, tenant, job):
    other_job = make_job(tenant, title="Apprentice plumber")
    wanted = make_applicant(other_job)
    make_applicant(job)

    response = admin_client.get(URL, {"job": other_job.pk})

    assert listed_ids(response) == [wanted.pk]


def test_organisation_filter(admin_client, tenant, job):
    garage = make_organisation(tenant, "Northside Garage")
    wanted = make_applicant(make_job(tenant, organisation=garage))
    make_applicant(job)

    response = admin_client.get(URL, {"organisation": garage.pk})

    assert listed_ids(response) == [wanted.pk]


def test_case_owner_filter(admin_client, job, recruiter):
    owned = make_applicant(job, case_owner=recruiter)
    unowned = make_applicant(job)

    by_owner = admin_client.get(URL, {"case_owner": recruiter.pk})
    without_owner = admin_client.get(URL, {"case_owner": "none"})

    assert listed_ids(by_owner) == [owned.pk]
    assert listed_ids(without_owner) == [unowned.pk]


def test_applied_date_range_uses_london_dates(admin_client, job):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    july = make_applicant(job)
    july.applied_at = datetime.datetime(2027, 6, 30, 23, 30, tzinfo=datetime.UTC)
    july.save()
    june = make_applicant(job)
    june.applied_at = datetime.datetime(2027, 6, 30, 22, 30, tzinfo=datetime.UTC)
    june.save()

    in_july = admin_client.get(URL, {"applied_from": "2027-07-01"})
    in_june = admin_client.get(
        URL, {"applied_from": "2027-06-01", "applied_to": "2027-06-30"}
    )

    assert listed_ids(in_july) == [july.pk]
    assert listed_ids(in_june) == [june.pk]


def test_search_by_name_and_email(admin_client, job):
    robin = make_applicant(
        job, first_name="Robin", last_name="Ashby", email="r.ashby@example.com"
    )
    make_applicant(job, first_name="Kim", last_name="Lowe", email="kim@example.com")

    by_full_name = admin_client.get(URL, {"q": "robin ashby"})
    by_email = admin_client.get(URL, {"q": "R.ASHBY@"})

    assert listed_ids(by_full_name) == [robin.pk]
    assert listed_ids(by_email) == [robin.pk]


def test_sort_by_name_both_ways(admin_client, job):
    zed = make_applicant(job, first_name="Ann", last_name="Zed")
    abel = make_applicant(job, first_name="Ann", last_name="Abel")

    ascending = admin_client.get(URL, {"sort": "name"})
    descending = admin_client.get(URL, {"sort": "-name"})

    assert listed_ids(ascending) == [abel.pk, zed.pk]
    assert listed_ids(descending) == [zed.pk, abel.pk]


def test_sort_by_case_owner_puts_empty_last(admin_client, job, recruiter):
    unowned = make_applicant(job)
    owned = make_applicant(job, case_owner=recruiter)

    ascending = admin_client.get(URL, {"sort": "case_owner"})
    descending = admin_client.get(URL, {"sort": "-case_owner"})

    assert listed_ids(ascending) == [owned.pk, unowned.pk]
    assert listed_ids(descending) == [owned.pk, unowned.pk]


def test_equal_sort_keys_page_by_id(admin_client, tenant, job):
    applied_at = timezone.now()
    learners = [make_learner(tenant, last_name="Same") for _ in range(55)]
    rows = [make_application(job, one, applied_at=applied_at) for one in learners]

    first = admin_client.get(URL, {"sort": "name"})
    second = admin_client.get(URL, {"sort": "name", "page": 2})

    expected = sorted(row.pk for row in rows)
    assert listed_ids(first) == expected[:50]
    assert listed_ids(second) == expected[50:]


def test_invalid_filters_are_field_errors(admin_client, job, other_tenant):
    application = make_applicant(job)
    foreign_job = make_job(other_tenant)

    response = admin_client.get(
        URL,
        {
            "job": foreign_job.pk,
            "organisation": "abc",
            "status": "hired",
            "case_owner": "999999",
            "applied_from": "31/02/2027",
            "sort": "password",
            "page": "x",
        },
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {
        "job",
        "organisation",
        "status",
        "case_owner",
        "applied_from",
        "sort",
    }
    assert "Some filters were ignored" in response.content.decode()
    assert listed_ids(response) == [application.pk]


def test_reversed_date_range_is_an_error(admin_client, job):
    make_applicant(job)

    response = admin_client.get(
        URL, {"applied_from": "2027-07-02", "applied_to": "2027-07-01"}
    )

    assert "applied_to" in response.context["form"].errors


def test_far_dates_do_not_fail(admin_client, job):
    application = make_applicant(job)

    response = admin_client.get(
        URL, {"applied_from": "0001-01-01", "applied_to": "9999-12-31"}
    )

    assert response.status_code == 200
    assert listed_ids(response) == [application.pk]


def test_page_past_the_end_shows_last_page(admin_client, job):
    application = make_applicant(job)

    response = admin_client.get(URL, {"page": 99})

    assert listed_ids(response) == [application.pk]


def test_htmx_request_gets_results_only(admin_client, job):
    make_applicant(job, first_name="Robin")

    response = admin_client.get(URL, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert '<div id="candidate-results"' in content
    assert "<html" not in content
    assert "Robin" in content
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_whole_page(admin_client, job):
    response = admin_client.get(
        URL,
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert "<html" in response.content.decode()


def test_page_works_without_javascript(admin_client, job):
    content = admin_client.get(URL).content.decode()

    assert 'method="get" action="/candidates/"' in content
    assert "Apply filters" in content


def test_hostile_name_is_escaped(admin_client, job):
    make_applicant(job, first_name=HOSTILE_NAME, last_name="")

    content = admin_client.get(URL).content.decode()

    assert HOSTILE_NAME not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_grid_lists_only_own_tenant(outsider_client, job):
    make_applicant(job, first_name="Robin")

    response = outsider_client.get(URL, {"status": "all"})

    assert response.status_code == 200
    assert listed_ids(response) == []
    assert job.title not in response.content.decode()


def test_viewer_can_see_grid(client, viewer, job):
    application = make_applicant(job)
    client.force_login(viewer)

    response = client.get(URL)

    assert listed_ids(response) == [application.pk]


def test_signed_out_visitor_is_sent_home(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_learner_is_forbidden(client, learner):
    learner.status = learner.Status.FULL_USER
    learner.save()
    client.force_login(learner.user)

    assert client.get(URL).status_code == 403


def test_results_stay_out_of_browser_history_cache(admin_client, job):
    content = admin_client.get(URL).content.decode()

    assert 'hx-history="false"' in content
