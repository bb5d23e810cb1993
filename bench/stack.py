"""Start and stop the processes a benchmark or a load test runs against.

A throwaway PostgreSQL cluster on a free loopback port, the web app under
gunicorn and the NAS sandbox. Every process binds 127.0.0.1 only, and each
`stop()` ends only the process that this module started.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STARTUP_TIMEOUT_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin_dir() -> Path:
    """Return the bin folder of the newest PostgreSQL server installed."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: (
            int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0
        ),
    )
    if not candidates:
        raise RuntimeError(
            "No PostgreSQL server found under /usr/lib/postgresql. Install it "
            "with scripts/install-system-packages (as root)."
        )
    return candidates[-1].parent


class PostgresCluster:
    """A PostgreSQL cluster in a temporary folder, removed by `stop()`.

    As root the server runs as the `postgres` system user, because initdb
    refuses to run as root.
    """

    def __init__(self, max_connections: int = 300):
        self.bin_dir = postgres_bin_dir()
        self.port = free_port()
        self.max_connections = max_connections
        self.folder = Path(tempfile.mkdtemp(prefix="bench-postgres-"))
        self.data = self.folder / "data"
        self._started = False

    @property
    def version(self) -> str:
        output = subprocess.run(
            [str(self.bin_dir / "postgres"), "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return output.strip()

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [*prefix, *command], check=True, stdout=subprocess.DEVNULL, cwd="/"
        )

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
        )
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections}"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-o",
            options,
            "start",
        )
        self._started = True

    def create_database(self, name: str) -> None:
        self._run(
            str(self.bin_dir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            name,
        )

    def stop(self) -> None:
        if self._started:
            try:
                self._run(
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "fast",
                    "stop",
                )
            except subprocess.CalledProcessError:
                pass
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)


class ServerProcess:
    """A server started as a child process, ready once `health_url` responds."""

    def __init__(self, command: list[str], env: dict, log_path: Path, health_url):
        self.command = command
        self.env = env
        self.log_path = log_path
        self.health_url = health_url
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.command[:4]} exited with status "
                    f"{self.process.returncode}; its log is {self.log_path}:\n"
                    + self.log_path.read_text(errors="replace")[-3000:]
                )
            try:
                httpx.get(self.health_url, timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"{self.health_url} did not respond within {STARTUP_TIMEOUT_SECONDS} s; "
            f"see {self.log_path}."
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def child_pids(self) -> list[int]:
        """Return the ids of the processes whose parent is this server."""
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The second field (the command) can contain spaces; the parent
            # id is the second field after its closing bracket.
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == self.pid:
                children.append(int(entry.name))
        return sorted(children)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def gunicorn_app(
    env: dict, port: int, log_path: Path, *, workers: int, threads: int
) -> ServerProcess:
    """Return the web app under gunicorn (gthread workers) on 127.0.0.1:port."""
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "recruitment.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--no-control-socket",
    ]
    return ServerProcess(command, env, log_path, f"http://127.0.0.1:{port}/")


def sandbox_server(env: dict, port: int, log_path: Path) -> ServerProcess:
    command = [PYTHON, "-m", "sandbox", "serve", "--port", str(port)]
    return ServerProcess(
        command, env, log_path, f"http://127.0.0.1:{port}/_sandbox/health"
    )


def peak_rss_kib(pid: int) -> int:
    """Return the process's peak resident set size (VmHWM) in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/{pid}/status has no VmHWM line.")
