from django.db import connection
from django.test.utils import CaptureQueriesContext

from recruitment.applications.models import JobApplication
from recruitment.learners.models import Learner
from recruitment.tenancy.models import User, earliest_root_group

from .factories import make_job, make_organisation

# Session, user, tenant, three filter lists, count and rows make 8 queries.
# The limit leaves a small margin for middleware.
MAX_QUERIES = 10


def add_applications(tenant, job, case_owner, count, start):
    group = earliest_root_group(tenant)
    users = User.objects.bulk_create(
        User(
            tenant=tenant,
            email=f"bulk{number}@example.com",
            email_key=f"bulk{number}@example.com",
            role=User.Role.LEARNER,
            first_name="Bulk",
            last_name=f"Learner {number}",
        )
        for number in range(start, start + count)
    )
    learners = Learner.objects.bulk_create(
        Learner(tenant=tenant, user=user, user_group=group, case_owner=case_owner)
        for user in users
    )
    JobApplication.objects.bulk_create(
        JobApplication(tenant=tenant, job=job, learner=learner) for learner in learners
    )


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/candidates/", params)
    assert response.status_code == 200
    return len(queries), len(response.context["page"].object_list)


def test_query_count_does_not_grow_with_rows(
    admin_client, tenant, admin_user, django_assert_max_num_queries
):
    job = make_job(tenant, organisation=make_organisation(tenant))
    add_applications(tenant, job, admin_user, 10, start=0)
    with django_assert_max_num_queries(MAX_QUERIES):
        few_queries, few_rows = count_queries(admin_client, {})

    add_applications(tenant, job, admin_user, 190, start=10)
    with django_assert_max_num_queries(MAX_QUERIES):
        many_queries, many_rows = count_queries(admin_client, {})

    assert few_rows == 10
    assert many_rows == 50
    assert many_queries == few_queries


def test_query_count_same_with_filters_and_sort(admin_client, tenant, admin_user):
    job = make_job(tenant, organisation=make_organisation(tenant))
    add_applications(tenant, job, admin_user, 200, start=0)
    params = {"sort": "-case_owner", "case_owner": admin_user.pk, "q": "bulk"}

    plain_queries, _ = count_queries(admin_client, {})
    filtered_queries, filtered_rows = count_queries(admin_client, params)
    last_page_queries, _ = count_queries(admin_client, {**params, "page": 4})

    assert filtered_rows == 50
    assert filtered_queries == plain_queries
    assert last_page_queries == plain_queries
