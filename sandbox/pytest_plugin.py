"""Pytest fixtures that run the sandbox as a real server process.

Load with ``-p sandbox.pytest_plugin`` or ``pytest_plugins``. The
session-scoped ``sandbox_server`` starts ``python -m sandbox serve`` on a free
loopback port with a temporary database, seeds one API key and stops the
server at the end of the session. The ``sandbox`` fixture returns the same
object after clearing the fault switches and the request log.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_SECONDS = 30


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SandboxServer:
    """A running sandbox and the test key seeded into it."""

    ukprn = 10012345
    legal_entity_id = "V7XJ4M"
    legal_entity_name = "Harbour Lane Bakery Ltd"

    def __init__(self, database: Path, log_path: Path):
        self.port = _free_port()
        self.site_url = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.site_url}/managevacancies"
        self.api_key = "test-" + secrets.token_urlsafe(24)
        self.admin_token = "admin-" + secrets.token_urlsafe(16)
        self.log_path = log_path
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sandbox.settings",
            "SANDBOX_DATABASE": str(database),
            "SANDBOX_ADMIN_TOKEN": self.admin_token,
        }
        self._process: subprocess.Popen | None = None

    # Process control

    def run_command(self, *arguments: str) -> str:
        """Run ``python -m sandbox <arguments>`` against this server's database."""
        completed = subprocess.run(
            [sys.executable, "-m", "sandbox", *arguments],
            cwd=REPO_ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if completed.returncode != 0:
            raise RuntimeError(
                f"python -m sandbox {arguments[0]} failed: {completed.stderr}"
            )
        return completed.stdout

    def add_key(self, key: str, ukprn: int, *legal_entities: str) -> str:
        """Store a key; each legal entity is given as ``HASHEDID:NAME``."""
        arguments = ["add_key", "--key", key, "--ukprn", str(ukprn)]
        for entity in legal_entities:
            arguments += ["--legal-entity", entity]
        return self.run_command(*arguments)

    def start(self) -> None:
        self.run_command("migrate", "--verbosity", "0")
        self.add_key(
            self.api_key,
            self.ukprn,
            f"{self.legal_entity_id}:{self.legal_entity_name}",
        )
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "sandbox", "serve", "--port", str(self.port)],
                cwd=REPO_ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"The sandbox server exited with status {self._process.returncode}:"
                    f"\n{self.log_path.read_text(errors='replace')}"
                )
            try:
                if httpx.get(f"{self.site_url}/_sandbox/health", timeout=1).is_success:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"The sandbox server did not respond within {STARTUP_TIMEOUT_SECONDS} s."
        )

    def stop(self) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)

    # Control endpoints

    def _admin(self, method: str, path: str, **kwargs) -> httpx.Response:
        response = httpx.request(
            method,
            f"{self.site_url}/_sandbox/{path}",
            headers={"X-Sandbox-Admin": self.admin_token},
            timeout=10,
            **kwargs,
        )
        response.raise_for_status()
        return response

    def set_fault(
        self, mode: str, seconds: float | None = None, times: int = 1
    ) -> None:
        payload: dict = {"mode": mode, "times": times}
        if seconds is not None:
            payload["seconds"] = seconds
        self._admin("POST", "faults", json=payload)

    def reset(self, *, vacancies: bool = False) -> None:
        self._admin("POST", "reset", json={"vacancies": vacancies})

    def received_creates(self, vacancy_id: object | None = None) -> list[dict]:
        params = {} if vacancy_id is None else {"vacancy_id": str(vacancy_id)}
        return self._admin("GET", "requests", params=params).json()

    def api_headers(self, **extra: str) -> dict[str, str]:
        return {
            "Ocp-Apim-Subscription-Key": self.api_key,
            "X-Version": "1",
            "Accept": "application/json",
            **extra,
        }


@pytest.fixture(scope="session")
def sandbox_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sandbox")
    server = SandboxServer(folder / "sandbox.sqlite3", folder / "server.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sandbox(sandbox_server):
    sandbox_server.reset()
    return sandbox_server
