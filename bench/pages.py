"""Benchmark the candidates grid and the JSON API lists at two data sizes.

    python -m bench.pages --base-url http://127.0.0.1:PORT --tenants FILE.json

Each page is requested over HTTP from the running server, as a signed-in
staff user (the grid) or with a bearer token (the API). The bench-only
middleware reports the SQL query count and the server time of each request.
The server time is set beside one hand-written SQL query that returns the
same page (its rows and the total count the page shows), run from Python on
the same database after each request. Needs DJANGO_SETTINGS_MODULE set to
bench.settings and the server's DATABASE_URL.
"""

import argparse
import json
import re
import sys
import time

import django
import httpx

from bench.figures import format_pairs, median, print_table

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")
PAGE_SIZE = 50

# The first page of the grid with its default filters: applications with the
# status Applied, newest first, 50 rows, with the total for the paginator.
CANDIDATES_SQL = """
WITH page AS (
    SELECT a.id, a.status, a.applied_at,
           l.id AS learner_id, l.status AS learner_status, l.phone,
           u.id AS user_id, u.first_name, u.last_name, u.email,
           o.id AS owner_id, o.first_name AS owner_first_name,
           o.last_name AS owner_last_name, o.email AS owner_email,
           j.id AS job_id, j.title,
           g.id AS organisation_id, g.name AS organisation_name
    FROM applications_jobapplication a
    JOIN learners_learner l ON l.id = a.learner_id
    JOIN tenancy_user u ON u.id = l.user_id
    LEFT JOIN tenancy_user o ON o.id = l.case_owner_id
    JOIN jobs_job j ON j.id = a.job_id
    JOIN organisations_organisation g ON g.id = j.organisation_id
    WHERE a.tenant_id = %(tenant)s AND a.status = 'applied'
    ORDER BY a.applied_at DESC, a.id DESC
    LIMIT %(limit)s
)
SELECT page.*,
       (SELECT count(*) FROM applications_jobapplication
        WHERE tenant_id = %(tenant)s AND status = 'applied') AS total
FROM page
"""

# The first page of the jobs list: every column, newest first, with the total.
JOBS_SQL = """
WITH page AS (
    SELECT * FROM jobs_job
    WHERE tenant_id = %(tenant)s
    ORDER BY created_at DESC, id DESC
    LIMIT %(limit)s
)
SELECT page.*,
       (SELECT count(*) FROM jobs_job WHERE tenant_id = %(tenant)s) AS total
FROM page
"""

PAGES = {
    "grid": ("/candidates/", CANDIDATES_SQL),
    "api": (f"/api/v1/candidates?page_size={PAGE_SIZE}", CANDIDATES_SQL),
    "jobs_api": (f"/api/v1/jobs?page_size={PAGE_SIZE}", JOBS_SQL),
}


def sign_in(client: httpx.Client, tenant: dict) -> None:
    path = f"/t/{tenant['tenant']}/sign-in/"
    form = client.get(path)
    token = CSRF_INPUT.search(form.text).group(1)
    response = client.post(
        path,
        data={
            "email": tenant["staff_email"],
            "password": tenant["staff_password"],
            "csrfmiddlewaretoken": token,
        },
    )
    if response.status_code != 302:
        raise RuntimeError(
            f"Signing in to {tenant['tenant']} failed: status {response.status_code}"
        )


def measure_page(client, path, headers, repeats, sql=None) -> dict:
    """Request a page `repeats` times (after 3 unmeasured requests).

    With `sql` (a query and its tenant id), the hand-written query runs
    after each request, so a change in the machine's load during the run
    falls on both timings alike.
    """
    server, wall, sql_times, queries = [], [], [], set()
    for attempt in range(repeats + 3):
        started = time.perf_counter()
        response = client.get(path, headers=headers)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: status {response.status_code}")
        sql_elapsed = run_sql(*sql) if sql else 0.0
        if attempt < 3:
            continue
        wall.append(elapsed * 1000)
        sql_times.append(sql_elapsed * 1000)
        server.append(float(SERVER_TIMING.search(response.headers["server-timing"])[1]))
        queries.add(int(response.headers["x-bench-queries"]))
    if len(queries) != 1:
        raise RuntimeError(f"GET {path}: the query count varied: {sorted(queries)}")
    return {
        "server_ms": median(server),
        "wall_ms": median(wall),
        "sql_ms": median(sql_times),
        "queries": queries.pop(),
    }


def run_sql(sql: str, tenant_id: int) -> float:
    """Run a hand-written page query; return its time in seconds."""
    from django.db import connection

    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(sql, {"tenant": tenant_id, "limit": PAGE_SIZE})
        rows = cursor.fetchall()
        elapsed = time.perf_counter() - started
    if not rows:
        raise RuntimeError("The hand-written query returned no rows.")
    return elapsed


def measure_export(client: httpx.Client) -> dict:
    """Download the grid's CSV export (default filters) and time it."""
    started = time.perf_counter()
    size = lines = 0
    with client.stream("GET", "/learners/candidates/export/") as response:
        if response.status_code != 200:
            raise RuntimeError(f"CSV export: status {response.status_code}")
        for chunk in response.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    return {
        "rows": lines - 1,
        "megabytes": size / 1024 / 1024,
        "seconds": time.perf_counter() - started,
    }


def measure_tenant(base_url, tenant, repeats, tenant_id=None) -> dict:
    """Measure the pages of one tenant; with `tenant_id`, beside the SQL too."""
    results = {}
    bearer = {"Authorization": f"Bearer {tenant['api_token']}"}
    # The API client sends no session cookie, as an integration would not.
    with (
        httpx.Client(base_url=base_url, timeout=60) as browser,
        httpx.Client(base_url=base_url, timeout=60) as integration,
    ):
        sign_in(browser, tenant)
        for name, (path, page_sql) in PAGES.items():
            sql = (page_sql, tenant_id) if tenant_id else None
            if name == "grid":
                client, headers = browser, {}
            else:
                client, headers = integration, bearer
            results[name] = measure_page(client, path, headers, repeats, sql)
        # A page of 1 row and one of 100 must cost the same queries; a query
        # per row would show here.
        for size in (1, 100):
            path = f"/api/v1/candidates?page_size={size}"
            results[f"api_{size}"] = measure_page(integration, path, bearer, 3)
        results["export"] = measure_export(browser)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--tenants", required=True, help="JSON file from run.py")
    parser.add_argument("--repeats", type=int, default=20)
    options = parser.parse_args(argv)

    django.setup()
    from recruitment.tenancy.models import Tenant

    tenants = json.loads(open(options.tenants).read())
    big_id = Tenant.objects.get(slug=tenants["big"]["tenant"]).pk
    measured = {
        "small": measure_tenant(options.base_url, tenants["small"], options.repeats),
        "big": measure_tenant(
            options.base_url, tenants["big"], options.repeats, tenant_id=big_id
        ),
    }
    report(tenants, measured)
    return 0


def report(tenants, measured) -> None:
    small, big = measured["small"], measured["big"]
    sql_ms = {name: big[name]["sql_ms"] for name in PAGES}
    print(
        f"Pages of {PAGE_SIZE} rows; medians of the measured requests. "
        f"small = {tenants['small']['tenant']}, big = {tenants['big']['tenant']}"
    )
    rows = []
    for name in PAGES:
        rows.append(
            [
                name,
                small[name]["queries"],
                big[name]["queries"],
                f"{small[name]['server_ms']:.1f}",
                f"{big[name]['server_ms']:.1f}",
                f"{big[name]['wall_ms']:.1f}",
                f"{sql_ms[name]:.1f}",
                f"{big[name]['server_ms'] / sql_ms[name]:.1f}",
            ]
        )
    print_table(
        [
            "page",
            "queries small",
            "queries big",
            "server ms small",
            "server ms big",
            "client ms big",
            "SQL ms big",
            "server/SQL",
        ],
        rows,
    )
    print(
        "API queries at page_size 1 and 100 (big): "
        f"{big['api_1']['queries']} and {big['api_100']['queries']}"
    )
    export = big["export"]
    print(
        f"CSV export (big, default filters): {export['rows']} rows, "
        f"{export['megabytes']:.1f} MB in {export['seconds']:.1f} s"
    )

    def same(name):
        return int(small[name]["queries"] == big[name]["queries"])

    print(
        format_pairs(
            {
                "grid_queries_small": small["grid"]["queries"],
                "grid_queries_max": max(
                    small["grid"]["queries"], big["grid"]["queries"]
                ),
                "grid_queries_same": same("grid"),
                "api_queries_max": max(
                    small["api"]["queries"],
                    big["api"]["queries"],
                    big["api_1"]["queries"],
                    big["api_100"]["queries"],
                ),
                "api_queries_same": int(
                    same("api") and big["api_1"]["queries"] == big["api_100"]["queries"]
                ),
                "jobs_api_queries_same": same("jobs_api"),
                "grid_server_ms": big["grid"]["server_ms"],
                "api_server_ms": big["api"]["server_ms"],
                "jobs_api_server_ms": big["jobs_api"]["server_ms"],
                "sql_ms": sql_ms["grid"],
                "jobs_sql_ms": sql_ms["jobs_api"],
                "grid_vs_sql": big["grid"]["server_ms"] / sql_ms["grid"],
                "api_vs_sql": big["api"]["server_ms"] / sql_ms["api"],
                "jobs_api_vs_sql": big["jobs_api"]["server_ms"] / sql_ms["jobs_api"],
                "export_rows": export["rows"],
                "export_s": export["seconds"],
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
