"""The app, its task worker and the NAS sandbox as real processes for browser tests.

Each run gets free loopback ports, its own SQLite files and its own var
folder, so it never touches `var/` or a PostgreSQL database named in
DATABASE_URL. Emails go to the task worker's console output, which the
tests read back from its log file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_SECONDS = 40
COMMAND_TIMEOUT_SECONDS = 120
# The console email backend writes this line after every message.
EMAIL_SEPARATOR = "-" * 79


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CommandFailed(RuntimeError):
    pass


class Stack:
    """The web app (gunicorn), a task worker and the sandbox, on loopback."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.app_port = free_port()
        self.sandbox_port = free_port()
        # SITE_URL is what emails and the advert's apply link carry.
        self.app_url = f"http://localhost:{self.app_port}"
        self.sandbox_url = f"http://127.0.0.1:{self.sandbox_port}"
        self.logs = {
            name: folder / f"{name}.log" for name in ("web", "worker", "sandbox")
        }
        self._processes: dict[str, subprocess.Popen] = {}
        self.environment = self._environment()
        # What `seed_demo --json` printed: the demo tenant's sign-in and jobs.
        self.demo: dict = {}

    def _environment(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "SANDBOX_")) and key != "DATABASE_URL"
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="recruitment.settings",
            # The local defaults (secrets, static files from the finders) apply
            # whatever the calling shell sets.
            DEBUG="true",
            PYTHONUNBUFFERED="1",
            VAR_DIR=str(self.folder / "var"),
            STATIC_ROOT=str(self.folder / "var" / "static"),
            CV_STORAGE_BACKEND="django.core.files.storage.FileSystemStorage",
            CV_STORAGE_LOCATION=str(self.folder / "var" / "cvs"),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"sqlite:///{self.folder / 'app.sqlite3'}",
            SANDBOX_DATABASE=str(self.folder / "sandbox.sqlite3"),
            PORT=str(self.app_port),
            SANDBOX_PORT=str(self.sandbox_port),
            SITE_URL=self.app_url,
            NAS_SANDBOX_BASE_URL=f"{self.sandbox_url}/managevacancies",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            LOG_LEVEL="INFO",
        )
        return environment

    # Commands

    def run(self, *arguments: str, extra_env: dict | None = None) -> str:
        """Run `python <arguments>` in the repository with this stack's settings."""
        environment = {**self.environment, **(extra_env or {})}
        completed = subprocess.run(
            [sys.executable, *arguments],
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_SECONDS,
        )
        if completed.returncode != 0:
            raise CommandFailed(
                f"`python {' '.join(arguments)}` exited with status "
                f"{completed.returncode}:\n{completed.stdout}\n{completed.stderr}"
            )
        return completed.stdout

    def manage(self, *arguments: str, extra_env: dict | None = None) -> str:
        return self.run("manage.py", *arguments, extra_env=extra_env)

    def sandbox_command(self, *arguments: str) -> str:
        return self.run("-m", "sandbox", *arguments)

    def orm(self, code: str) -> str:
        """Run Python code in `manage.py shell` against the app database."""
        return self.manage("shell", "--no-imports", "-c", code)

    def register_sandbox_key(self, key: str, ukprn: str, *legal_entities: str):
        arguments = ["add_key", "--key", key, "--ukprn", ukprn]
        for entity in legal_entities:
            arguments += ["--legal-entity", entity]
        return self.sandbox_command(*arguments)

    # Process control

    def start(self) -> None:
        """Migrate both databases, start the three servers and seed the demo."""
        self._migrate_both()
        self._spawn(
            "sandbox",
            ["-m", "sandbox", "serve", "--port", str(self.sandbox_port)],
            {"DJANGO_SETTINGS_MODULE": "sandbox.settings"},
        )
        self._spawn(
            "web",
            [
                "-m",
                "gunicorn",
                "recruitment.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.app_port}",
                "--worker-class",
                "gthread",
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "60",
                "--graceful-timeout",
                "3",
                "--access-logfile",
                "-",
                "--no-control-socket",
            ],
        )
        self._spawn(
            "worker",
            [
                "manage.py",
                "db_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
            ],
        )
        self._wait_for("sandbox", f"{self.sandbox_url}/_sandbox/health")
        self._wait_for("web", f"http://127.0.0.1:{self.app_port}/")
        self.demo = json.loads(self.manage("seed_demo", "--json"))

    def _migrate_both(self) -> None:
        """Migrate the app and sandbox databases at the same time."""
        commands = {
            "app": ([sys.executable, "manage.py", "migrate", "--noinput"], {}),
            "sandbox": (
                [sys.executable, "-m", "sandbox", "migrate", "--noinput"],
                {"DJANGO_SETTINGS_MODULE": "sandbox.settings"},
            ),
        }
        running = {
            name: subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env={**self.environment, **extra},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for name, (command, extra) in commands.items()
        }
        for name, process in running.items():
            output, _ = process.communicate(timeout=COMMAND_TIMEOUT_SECONDS)
            if process.returncode != 0:
                raise CommandFailed(f"migrate of the {name} database failed:\n{output}")

    def _spawn(self, name: str, arguments: list[str], extra_env=None) -> None:
        with self.logs[name].open("wb") as log:
            self._processes[name] = subprocess.Popen(
                [sys.executable, *arguments],
                cwd=REPO_ROOT,
                env={**self.environment, **(extra_env or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def _wait_for(self, name: str, url: str) -> None:
        process = self._processes[name]
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"The {name} server exited with status {process.returncode}:\n"
                    + self.logs[name].read_text(errors="replace")[-4000:]
                )
            try:
                if httpx.get(url, timeout=1).status_code < 500:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(
            f"The {name} server did not answer {url} within "
            f"{STARTUP_TIMEOUT_SECONDS} s. Its log: {self.logs[name]}"
        )

    def stop(self) -> None:
        for process in self._processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self._processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    # Emails

    def emails_to(self, address: str) -> list[str]:
        """Return the console output of every email sent to `address` so far."""
        text = self.logs["worker"].read_text(errors="replace")
        text += self.logs["web"].read_text(errors="replace")
        header = re.compile(rf"^To: .*{re.escape(address)}", re.MULTILINE)
        return [block for block in text.split(EMAIL_SEPARATOR) if header.search(block)]

    def wait_for_link(self, address: str, path_pattern: str, timeout=20) -> str:
        """Wait for an email to `address` with a link matching `path_pattern`."""
        link = re.compile(re.escape(self.app_url) + path_pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for block in reversed(self.emails_to(address)):
                found = link.search(block)
                if found:
                    return found.group(0)
            time.sleep(0.2)
        raise AssertionError(
            f"No email to {address} with a link {self.app_url}{path_pattern} "
            f"arrived within {timeout} s. Worker log: {self.logs['worker']}"
        )
