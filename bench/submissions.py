"""Benchmark application submissions against the floor view.

    python -m bench.submissions --base-url http://127.0.0.1:PORT --job-key KEY

Concurrent clients (threads, one httpx client each) repeat what an applicant's
browser does: GET the form (for the CSRF cookie and token), then POST it as
multipart with a small PDF CV. The same clients do the same against
`/bench/floor/`, a view that only inserts one row and redirects. Rounds of
the two alternate, so a change in the machine's load during the run falls on
both. Latencies are of the POST alone; throughput counts whole GET+POST
cycles per second.
"""

import argparse
import re
import secrets
import sys
import threading
import time
from dataclasses import dataclass, field

import httpx

from bench.figures import format_pairs, percentile, print_table
from recruitment.applications.tests.files import make_pdf

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CV_BYTES = 20_000


@dataclass
class Target:
    name: str
    path: str
    # Text that the Location header of a successful POST must contain.
    success_location: str
    latencies: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # SQL queries per request, from the bench middleware's header.
    get_queries: set = field(default_factory=set)
    post_queries: set = field(default_factory=set)
    done: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


class Round:
    """One batch of `count` submissions to one target, shared by the clients."""

    def __init__(self, target: Target, count: int, run_id: str, offset: int):
        self.target = target
        self.count = count
        self.run_id = run_id
        self.offset = offset
        self._next = 0
        self._lock = threading.Lock()

    def take(self) -> int | None:
        with self._lock:
            if self._next >= self.count:
                return None
            self._next += 1
            return self.offset + self._next


def applicant(run_id: str, number: int) -> dict:
    return {
        "first_name": "Bench",
        "last_name": f"Applicant {number}",
        "email": f"bench.{run_id}.{number}@applicant.example",
        "phone": "07700 900123",
        "address_line1": "1 High Street",
        "town": "Leeds",
        "postcode": "LS1 6DT",
        "website": "",
    }


def submit_once(client: httpx.Client, target: Target, data: dict, cv: bytes):
    """GET the form and POST it, and return the POST's latency in seconds.

    Raises RuntimeError describing the failure when either step fails.
    """
    client.cookies.clear()
    form = client.get(target.path)
    if form.status_code != 200:
        raise RuntimeError(f"GET {target.path}: status {form.status_code}")
    match = CSRF_INPUT.search(form.text)
    if match is None:
        raise RuntimeError(f"GET {target.path}: no CSRF token in the form")

    started = time.perf_counter()
    response = client.post(
        target.path,
        data={**data, "csrfmiddlewaretoken": match.group(1)},
        files={"cv": ("cv.pdf", cv, "application/pdf")},
    )
    latency = time.perf_counter() - started
    target.get_queries.add(form.headers.get("x-bench-queries", "?"))
    target.post_queries.add(response.headers.get("x-bench-queries", "?"))

    location = response.headers.get("location", "")
    if response.status_code != 302 or target.success_location not in location:
        raise RuntimeError(
            f"POST {target.path}: status {response.status_code}, location {location!r}"
        )
    return latency


def client_loop(base_url: str, work: Round, cv: bytes, lock: threading.Lock):
    target = work.target
    with httpx.Client(base_url=base_url, timeout=60) as client:
        while (number := work.take()) is not None:
            try:
                latency = submit_once(
                    client, target, applicant(work.run_id, number), cv
                )
            except (RuntimeError, httpx.HTTPError) as error:
                with lock:
                    target.errors.append(str(error) or type(error).__name__)
                continue
            with lock:
                target.latencies.append(latency)
                target.done += 1


def run_round(base_url: str, work: Round, clients: int, cv: bytes) -> None:
    lock = threading.Lock()
    threads = [
        threading.Thread(target=client_loop, args=(base_url, work, cv, lock))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    work.target.seconds += time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--job-key", required=True, help="The job's public key.")
    parser.add_argument("--tenant", required=True, help="The job's tenant slug.")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument(
        "--per-round", type=int, default=100, help="Submissions per round per target."
    )
    parser.add_argument("--warm-up", type=int, default=40)
    options = parser.parse_args(argv)

    cv = make_pdf(size=CV_BYTES)
    run_id = secrets.token_hex(4)
    floor = Target("floor", "/bench/floor/", "/bench/floor/")
    application = Target(
        "application", f"/apply/{options.job_key}/", f"/t/{options.tenant}/sign-in/"
    )

    offset = 0
    for target in (floor, application):
        warm_up = Target(target.name, target.path, target.success_location)
        run_round(
            options.base_url,
            Round(warm_up, options.warm_up, run_id, offset),
            options.clients,
            cv,
        )
        offset += options.warm_up
        if warm_up.errors:
            print(f"Warm-up of {target.name} failed: {warm_up.errors[0]}")
            return 1

    for _ in range(options.rounds):
        for target in (floor, application):
            run_round(
                options.base_url,
                Round(target, options.per_round, run_id, offset),
                options.clients,
                cv,
            )
            offset += options.per_round

    report(options, floor, application)
    return 0


def report(options, floor: Target, application: Target) -> None:
    print(
        f"Application submissions: {options.clients} clients, {options.rounds} "
        f"rounds of {options.per_round} per target, CV of {CV_BYTES} bytes"
    )
    rows = []
    for target in (floor, application):
        rows.append(
            [
                target.name,
                target.done,
                len(target.errors),
                f"{target.per_second:.1f}",
                f"{percentile(target.latencies, 0.5) * 1000:.0f}",
                f"{percentile(target.latencies, 0.99) * 1000:.0f}",
                "/".join(sorted(target.get_queries)),
                "/".join(sorted(target.post_queries)),
            ]
        )
    headers = ["target", "done", "errors", "per s", "p50 ms", "p99 ms"]
    print_table([*headers, "GET queries", "POST queries"], rows)
    for target in (floor, application):
        for error in sorted(set(target.errors))[:5]:
            print(f"  {target.name} error: {error}")

    ratio = application.per_second / floor.per_second if floor.per_second else 0.0
    print(f"Throughput ratio application/floor: {ratio:.2f} (target at least 0.60)")
    print(
        format_pairs(
            {
                "submissions_per_s": application.per_second,
                "floor_per_s": floor.per_second,
                "ratio": ratio,
                "p50_ms": percentile(application.latencies, 0.5) * 1000,
                "p99_ms": percentile(application.latencies, 0.99) * 1000,
                "floor_p50_ms": percentile(floor.latencies, 0.5) * 1000,
                "floor_p99_ms": percentile(floor.latencies, 0.99) * 1000,
                "errors": len(application.errors) + len(floor.errors),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
