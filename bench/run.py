"""Run every benchmark against a production-like stack: `make bench`.

Starts a throwaway PostgreSQL cluster, migrates a fresh database, loads the
benchmark data, and runs the web app under gunicorn with production settings
(DEBUG off, generated secrets, the database cache) plus the NAS sandbox, all
on 127.0.0.1. Then it runs each benchmark as its own process, prints each
one's figures, and ends with a table of the targets. Everything it started is
stopped at the end. The exit status is 1 when a benchmark fails to run or a
target is missed.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench import stack  # noqa: E402
from bench.figures import format_pairs, parse_pairs, print_table  # noqa: E402

STAFF_PASSWORD = "bench-" + secrets.token_urlsafe(12)
SANDBOX_UKPRN = "10012345"
SANDBOX_LEGAL_ENTITY = "V7XJ4M:Harbour Lane Bakery Ltd"

# (name, figure, test, limit, description) for the summary table.
TARGETS = [
    ("submissions", "ratio", ">=", 0.6, "throughput vs floor"),
    ("submissions", "errors", "<=", 0, "failed submissions"),
    ("memory", "worker_peak_rss_mb", "<", 150, "worker peak RSS (MB)"),
    ("pages", "grid_queries_max", "<=", 10, "grid queries per page"),
    ("pages", "grid_queries_same", "==", 1, "grid queries same at 1k/100k"),
    ("pages", "api_queries_max", "<=", 10, "API queries per page"),
    ("pages", "api_queries_same", "==", 1, "API queries same at 1k/100k"),
    ("pages", "grid_vs_sql", "<=", 3, "grid server time vs SQL"),
    ("pages", "api_vs_sql", "<=", 3, "API server time vs SQL"),
    ("upload", "ratio", "<=", 1.2, "client vs bare httpx"),
]


def parse_arguments():
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description="Run the benchmarks.")
    parser.add_argument(
        "--workers", type=int, default=cores, help="gunicorn worker processes"
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--uploads", type=int, default=50)
    return parser.parse_args()


def describe_machine(cluster) -> None:
    memory_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"Machine: {os.cpu_count()} cores, {memory_kib / 1024 / 1024:.1f} GiB "
        f"memory, load average {' '.join(load)}"
    )
    print(f"Python {platform.python_version()}, {cluster.version}")


def app_environment(folder: Path, database_url: str, app_port: int, sandbox_port):
    from cryptography.fernet import Fernet

    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SHARED_CACHE": "true",
        "RATELIMIT_ENABLE": "false",
        # Plain HTTP on loopback: there is no TLS proxy in front.
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": database_url,
        # As docs/deploy.md recommends: each gunicorn thread keeps its
        # database connection for a minute instead of connecting per request.
        "DATABASE_CONN_MAX_AGE": "60",
        "VAR_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
        "CV_STORAGE_LOCATION": str(folder / "cvs"),
        "SITE_URL": f"http://127.0.0.1:{app_port}",
        "NAS_SANDBOX_BASE_URL": f"http://127.0.0.1:{sandbox_port}/managevacancies",
    }


def manage(env, *arguments) -> str:
    completed = subprocess.run(
        [stack.PYTHON, "manage.py", *arguments],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"manage.py {arguments[0]} failed:\n{completed.stderr[-3000:]}"
        )
    return completed.stdout


def generate(env, slug, jobs, applications, nas_key="") -> dict:
    print(f"Generating {slug}: {jobs} jobs, {applications} applications ...")
    output = manage(
        env,
        "generate_bench_data",
        "--tenant",
        slug,
        "--jobs",
        str(jobs),
        "--applications",
        str(applications),
        "--staff-password",
        STAFF_PASSWORD,
        "--api-token",
        *(["--nas-key", nas_key] if nas_key else []),
    )
    summary = json.loads(output.strip().splitlines()[-1])
    print(f"  done in {summary['seconds']} s")
    return {**summary, "staff_password": STAFF_PASSWORD}


def run_benchmark(env, folder: Path, module: str, *arguments) -> dict:
    """Run `python -m bench.<module>`, echo its output, return its last line.

    Its log messages (stderr) go to <module>.log in the run's folder.
    """
    print(f"\n== {module}", flush=True)
    log_path = folder / f"{module}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [stack.PYTHON, "-m", f"bench.{module}", *arguments],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        last_line = ""
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.strip():
                last_line = line
    if process.wait() != 0:
        raise RuntimeError(
            f"bench.{module} failed with status {process.returncode}:\n"
            + log_path.read_text()[-3000:]
        )
    return parse_pairs(last_line)


def worker_memory(app, after: str) -> dict:
    peaks = [stack.peak_rss_kib(pid) / 1024 for pid in app.child_pids()]
    print(
        f"\n== memory\nPeak RSS (VmHWM) of each gunicorn worker after {after}: "
        + ", ".join(f"{peak:.1f} MB" for peak in peaks)
    )
    figures = {"worker_peak_rss_mb": round(max(peaks), 1), "workers": len(peaks)}
    print(format_pairs(figures))
    return figures


def check_targets(results: dict) -> bool:
    print("\n== targets")
    rows = []
    all_met = True
    for name, figure, test, limit, description in TARGETS:
        value = results.get(name, {}).get(figure)
        if value is None:
            rows.append([description, "missing", f"{test} {limit}", "MISSED"])
            all_met = False
            continue
        number = float(value)
        met = {
            ">=": number >= limit,
            "<=": number <= limit,
            "<": number < limit,
            "==": number == limit,
        }[test]
        all_met &= met
        rows.append([description, value, f"{test} {limit}", "met" if met else "MISSED"])
    print_table(["figure", "value", "target", "result"], rows)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"Load average at the end: {load}")
    return all_met


def main() -> int:
    options = parse_arguments()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    cluster = stack.PostgresCluster()
    servers = []
    try:
        cluster.start()
        cluster.create_database("bench")
        describe_machine(cluster)
        app_port, sandbox_port = stack.free_port(), stack.free_port()
        env = app_environment(folder, cluster.url("bench"), app_port, sandbox_port)
        results = run_all(options, folder, env, app_port, sandbox_port, servers)
    except BaseException:
        print(f"\nThe benchmark failed; the server logs are in {folder}.")
        raise
    else:
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        for server in reversed(servers):
            server.stop()
        cluster.stop()
    return 0 if check_targets(results) else 1


def run_all(options, folder, env, app_port, sandbox_port, servers) -> dict:
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput")

    sandbox_key = "bench-" + secrets.token_urlsafe(16)
    sandbox_env = {
        **os.environ,
        "SANDBOX_DATABASE": str(folder / "sandbox.sqlite3"),
        "SANDBOX_ADMIN_TOKEN": secrets.token_urlsafe(16),
    }
    for arguments in (
        ["migrate", "--verbosity", "0"],
        ["add_key", "--key", sandbox_key, "--ukprn", SANDBOX_UKPRN]
        + ["--legal-entity", SANDBOX_LEGAL_ENTITY],
    ):
        subprocess.run(
            [stack.PYTHON, "-m", "sandbox", *arguments],
            cwd=REPO_ROOT,
            env=sandbox_env,
            check=True,
            capture_output=True,
        )

    forms = generate(env, "bench-forms", 1, 0, nas_key=sandbox_key)
    small = generate(env, "bench-1k", 10, 1000)
    big = generate(env, "bench-100k", options.jobs, options.applications)
    manage(env, "shell", "-c", ANALYZE)

    sandbox = stack.sandbox_server(sandbox_env, sandbox_port, folder / "sandbox.log")
    sandbox.start()
    servers.append(sandbox)
    app = stack.gunicorn_app(
        env,
        app_port,
        folder / "app.log",
        workers=options.workers,
        threads=options.threads,
    )
    app.start()
    servers.append(app)
    print(
        f"\nApp under gunicorn: {options.workers} workers x {options.threads} "
        f"threads (gthread); sandbox: 1 worker x 8 threads"
    )

    base_url = f"http://127.0.0.1:{app_port}"
    results = {}
    results["submissions"] = run_benchmark(
        env,
        folder,
        "submissions",
        *("--base-url", base_url, "--job-key", forms["job_keys"][0]),
        *("--tenant", forms["tenant"], "--clients", str(options.clients)),
        *("--rounds", str(options.rounds), "--per-round", str(options.per_round)),
    )
    results["memory"] = worker_memory(app, "the submission load")

    tenants_file = folder / "tenants.json"
    tenants_file.write_text(json.dumps({"small": small, "big": big}))
    results["pages"] = run_benchmark(
        env, folder, "pages", "--base-url", base_url, "--tenants", str(tenants_file)
    )
    # Not a target: shows whether the pages and the CSV export raised the peak.
    results["memory_after_pages"] = worker_memory(app, "the pages and CSV export")
    results["upload"] = run_benchmark(
        env,
        folder,
        "upload",
        *("--base-url", env["NAS_SANDBOX_BASE_URL"], "--key", sandbox_key),
        *("--requests", str(options.uploads)),
    )
    return results


# After the bulk load, VACUUM ANALYZE does what autovacuum does on a live
# database: fresh planner statistics, and a visibility map so that counts
# can use index-only scans. Without it the planner guesses from empty tables.
ANALYZE = (
    "from django.db import connection; connection.cursor().execute('VACUUM (ANALYZE)')"
)

if __name__ == "__main__":
    sys.exit(main())
