"""Run the whole system locally: the NAS sandbox, a task worker and the web app.

Started by `make run` after migrations and demo data. Ends all three when any
one of them stops or when it receives SIGINT or SIGTERM.
"""

import os
import signal
import subprocess
import sys
import time

PYTHON = sys.executable


def main():
    port = os.environ.get("PORT", "8000")
    sandbox_port = os.environ.get("SANDBOX_PORT", "8001")
    commands = {
        "sandbox": [PYTHON, "-m", "sandbox", "serve", "--port", sandbox_port],
        "worker": [PYTHON, "manage.py", "db_worker"],
        "web": [
            PYTHON,
            "manage.py",
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
        ],
    }
    processes = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}

    def stop(*_args):
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 10
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(
        f"\nApp:     http://127.0.0.1:{port}/t/demo-college/sign-in/\n"
        f"Sandbox: http://127.0.0.1:{sandbox_port}/\n",
        flush=True,
    )
    while True:
        for name, process in processes.items():
            if process.poll() is not None:
                print(f"{name} stopped with exit code {process.returncode}")
                stop()
        time.sleep(0.5)


if __name__ == "__main__":
    main()
