"""Benchmark the Recruitment API client against a bare httpx POST.

    python -m bench.upload --base-url http://127.0.0.1:PORT/managevacancies --key K

Each request creates a new vacancy in the sandbox (a fresh vacancy id every
time), alternately through `RecruitmentApiClient.create_vacancy` and through
a bare `httpx.Client.post` of the same encoded body with the same headers.
Both keep their connection open between requests. The ratio of the median
times is the client's own overhead: building the request, logging and
reading the response.
"""

import argparse
import datetime
import sys
import time
import uuid
from decimal import Decimal

import django
import httpx

from bench.figures import format_pairs, median, percentile, print_table

SANDBOX_UKPRN = 10012345
WARM_UP = 5


def advert(today: datetime.date) -> dict:
    """Return a job, in our field names, that the sandbox accepts today."""
    return {
        "title": "Trainee chef apprentice",
        "description": (
            "Learn to prepare and cook fresh food in a busy city-centre kitchen "
            "while training towards a commis chef qualification."
        ),
        "address_line1": "12 Market Street",
        "address_line2": "Leeds",
        "postcode": "LS1 6DT",
        "web_address": "https://www.example.co.uk",
        "wage_type": "fixed_wage",
        "fixed_wage_yearly_amount": Decimal("17500.00"),
        "working_hours": "Monday to Friday, 9am to 5:30pm with a 30 minute break.",
        "maximum_enrolments": 2,
        "closing_date": today + datetime.timedelta(days=10),
        "expected_start_date": today + datetime.timedelta(days=40),
        "desired_skills": ["Team working"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {
                "type": "GCSE",
                "subject": "English",
                "grade": "4 (C) or above",
                "weighting": "desired",
            }
        ],
        "future_prospects": "A permanent commis chef role.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "An independent restaurant group with three sites.",
        "expected_duration_months": 15,
        "hours_per_week": Decimal("37.5"),
        "training_code": "119",
        "organisation": {
            "name": "Harbour Lane Bakery Ltd",
            "legal_entity_id": "V7XJ4M",
        },
        "contact": {
            "name": "Sam Taylor",
            "email": "sam.taylor@example.co.uk",
            "phone": "0113 496 0000",
        },
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--key", required=True, help="The sandbox API key.")
    parser.add_argument(
        "--requests", type=int, default=50, help="Requests of each kind."
    )
    options = parser.parse_args(argv)

    django.setup()
    from recruitment.nas.body import build_vacancy_body, encode_json
    from recruitment.nas.client import API_KEY_HEADER, API_VERSION, RecruitmentApiClient

    today = datetime.datetime.now(datetime.UTC).date()
    body = build_vacancy_body(
        advert(today),
        ukprn=SANDBOX_UKPRN,
        application_url="http://127.0.0.1/apply/benchmark/",
    )
    content = encode_json(body).encode("utf-8")
    headers = {
        API_KEY_HEADER: options.key,
        "X-Version": API_VERSION,
        "Accept": "application/json",
        "Content-Type": "application/json",
    }
    base_url = options.base_url.rstrip("/") + "/"

    def send_with_client():
        client.create_vacancy(uuid.uuid4(), body)

    def send_bare():
        response = bare.post(
            f"vacancy/{uuid.uuid4()}", content=content, headers=headers
        )
        if response.status_code != 201:
            raise RuntimeError(f"Bare POST: status {response.status_code}")

    times = {send_with_client: [], send_bare: []}
    with (
        RecruitmentApiClient(base_url, options.key) as client,
        httpx.Client(base_url=base_url, timeout=15) as bare,
    ):
        for attempt in range(options.requests + WARM_UP):
            # Alternate which goes first, so neither always follows the other.
            order = (send_with_client, send_bare)
            for send in order if attempt % 2 else reversed(order):
                started = time.perf_counter()
                send()
                if attempt >= WARM_UP:
                    times[send].append((time.perf_counter() - started) * 1000)

    client_times, bare_times = times[send_with_client], times[send_bare]
    report(options, client_times, bare_times)
    return 0


def report(options, client_times, bare_times) -> None:
    print(
        f"Vacancy creates in the sandbox: {options.requests} of each kind, "
        "alternating, each with a new vacancy id"
    )
    rows = [
        [name, f"{median(times):.2f}", f"{percentile(times, 0.9):.2f}"]
        for name, times in (
            ("RecruitmentApiClient", client_times),
            ("bare httpx", bare_times),
        )
    ]
    print_table(["sender", "median ms", "p90 ms"], rows)
    ratio = median(client_times) / median(bare_times)
    print(f"Client/bare ratio of medians: {ratio:.2f} (target at most 1.20)")
    print(
        format_pairs(
            {
                "client_ms": median(client_times),
                "bare_ms": median(bare_times),
                "ratio": ratio,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
