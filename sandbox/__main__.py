"""Run the sandbox: ``python -m sandbox serve --port 8001`` or any Django command.

``serve`` migrates the sandbox database, then replaces this process with
gunicorn bound to 127.0.0.1 only. Any other arguments run a Django management
command against the sandbox settings, for example
``python -m sandbox add_key --key K --ukprn 10012345 --legal-entity V7XJ4M:Name``.
"""

import argparse
import os
import sys


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox serve")
    parser.add_argument("--port", type=int, default=8001, help="TCP port on 127.0.0.1")
    parser.add_argument(
        "--threads", type=int, default=8, help="request threads in the worker"
    )
    options = parser.parse_args(argv)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)

    gunicorn_args = [
        sys.executable,
        "-m",
        "gunicorn",
        "sandbox.wsgi:application",
        "--bind",
        f"127.0.0.1:{options.port}",
        "--worker-class",
        "gthread",
        "--workers",
        "1",
        "--threads",
        str(options.threads),
        # Delay faults hold a request open for longer than a normal response.
        "--timeout",
        "120",
        "--graceful-timeout",
        "3",
        "--access-logfile",
        "-",
        # Several sandboxes (tests, demos) may run at once, and gunicorn's
        # control socket has one fixed default path.
        "--no-control-socket",
    ]
    os.execv(sys.executable, gunicorn_args)


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sandbox.settings"
    argv = sys.argv[1:]
    if argv[:1] == ["serve"]:
        serve(argv[1:])
        return

    from django.core.management import execute_from_command_line

    execute_from_command_line(["python -m sandbox", *argv])


if __name__ == "__main__":
    main()
