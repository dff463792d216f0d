"""`guildhall serve`: the production web server (granian, WSGI) plus one background worker.

Granian runs `guildhall.wsgi:application` in its own process tree; static files are served by
WhiteNoise inside Django, so nothing else is needed in front for a small installation. Unless
`--no-worker` is given, one `guildhall worker` runs beside it, so notifications and other queued
work are delivered. Both are children of this command: Ctrl-C or SIGTERM stops both cleanly
(in-flight requests and the running task finish first); if either dies, the other is stopped too
and the command exits non-zero, so a supervisor (systemd, a container runtime) restarts the pair.

Static files are collected into the data dir first when they changed since the last start
(core/staticfiles.py), and served under hashed names, compressed and cached for a year; set
GUILDHALL_STATIC_MANIFEST=false to serve them straight from the apps instead.

Migrations are not applied here: run `guildhall migrate` first (`make run` does).
"""

import os
import signal
import socket
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from guildhall.core import staticfiles
from guildhall.core.management.commands.worker import worker_needed

DEMO_ADMIN_EMAIL = "admin@example.com"
STOP_TIMEOUT = 30  # seconds to wait for a clean stop before killing
TRUE = {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError as exc:
        raise CommandError(f"{name} must be a whole number.") from exc


def _url(host: str, port: int) -> str:
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)  # noqa: S104
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # As granian binds: connections of a server just stopped (TIME-WAIT, ~1 min) do not
        # hold the port, so a supervisor's restart succeeds; a live listener still does.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            raise CommandError(
                f"Cannot listen on {host}:{port} ({exc.strerror}): is Guildhall or another "
                "server already running there? Choose another with --port or PORT."
            ) from exc


def _default_site_url(environ, host: str, port: int) -> None:
    """SITE_URL (links in emails and digests) defaults to where this server listens, as
    `make run` does, not to settings' port 8000: the web server and worker inherit `environ`."""
    environ.setdefault("SITE_URL", _url(host, port).rstrip("/"))


def _wait_for_port(host: str, port: int, proc: subprocess.Popen, timeout: float = 30) -> bool:
    target = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)  # noqa: S104
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection((target, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


class Command(BaseCommand):
    help = "Serve Guildhall in production (granian) with a background task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            default=os.environ.get("HOST", "127.0.0.1"),
            help="Address to bind (env HOST; default 127.0.0.1; 0.0.0.0 for every interface).",
        )
        parser.add_argument(
            "--port", type=int, default=None, help="Port to bind (env PORT; default 8000)."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Web worker processes (env WEB_CONCURRENCY; default 1). "
            "About one per CPU core in production.",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="Request threads per web worker (env GUILDHALL_THREADS; default 2 x cores + 1, "
            "at most 8). Each "
            "thread may hold a database connection: keep workers x threads under the "
            "database's connection limit.",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a background task worker (run `guildhall worker` elsewhere).",
        )
        parser.add_argument(
            "--access-log", action="store_true", help="Log every request to stdout."
        )

    def handle(self, *args, host, port, workers, threads, no_worker, access_log, **options):
        port = port if port is not None else _env_int("PORT", 8000)
        workers = workers if workers is not None else _env_int("WEB_CONCURRENCY", 1)
        default_threads = min(8, 2 * (os.cpu_count() or 1) + 1)
        threads = threads if threads is not None else _env_int("GUILDHALL_THREADS", default_threads)
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1.")
        if not 0 < port < 65536:
            raise CommandError("--port must be between 1 and 65535.")

        _check_port_free(host, port)
        _default_site_url(os.environ, host, port)
        self._warn_unapplied_migrations()
        demo = self._demo_loaded()
        connections.close_all()  # the children open their own
        if os.environ.get("GUILDHALL_STATIC_MANIFEST", "true").strip().lower() in TRUE:
            if staticfiles.collect_if_changed(os.environ):
                self.stdout.write("Collected the static files (hashed, compressed).")
            os.environ["GUILDHALL_STATIC_MANIFEST"] = "true"  # the web server and worker read it

        server_cmd = [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--no-ws",
            "--respawn-failed-workers",
            "--log-level",
            "warning",
            "--access-log" if access_log else "--no-access-log",
            "guildhall.wsgi:application",
        ]
        worker_cmd = [sys.executable, "-m", "guildhall.manage", "worker"]

        self._stopping = False
        self._signals = 0
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        children: dict[str, subprocess.Popen] = {}
        try:
            # Own process groups: a terminal's Ctrl-C reaches only us, and we stop each child
            # exactly once (a second signal would make the worker abandon its running task).
            # Arguments are ours (this Python, validated numbers), never a shell string.
            children["web server"] = subprocess.Popen(server_cmd, process_group=0)  # noqa: S603
            if not no_worker and worker_needed():
                children["task worker"] = subprocess.Popen(  # noqa: S603
                    [*worker_cmd, "--verbosity", "0"], process_group=0
                )
            if _wait_for_port(host, port, children["web server"]):
                self._banner(host, port, workers, threads, "task worker" in children, demo)
            failed = self._supervise(children)
        finally:
            self._stop(children)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if failed:
            raise CommandError(f"The {failed} stopped unexpectedly; stopped Guildhall.")
        self.stdout.write("Guildhall stopped.")

    def _on_signal(self, signum, frame):
        self._signals += 1
        self._stopping = True

    def _supervise(self, children: dict[str, subprocess.Popen]) -> str | None:
        """Wait until we are told to stop (None) or a child exits (its name)."""
        while not self._stopping:
            for name, proc in children.items():
                if proc.poll() is not None:
                    return name
            time.sleep(0.25)
        return None

    def _stop(self, children: dict[str, subprocess.Popen]) -> None:
        running = [p for p in children.values() if p.poll() is None]
        if not running:
            return
        self.stdout.write("Stopping Guildhall (in-flight requests and tasks finish first)...")
        self.stdout.flush()
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        signals_at_start = self._signals
        while any(p.poll() is None for p in running):
            # A second Ctrl-C, or the timeout, stops them at once.
            if time.monotonic() > deadline or self._signals > max(signals_at_start, 1):
                for proc in running:
                    if proc.poll() is None:
                        proc.kill()
                break
            time.sleep(0.1)
        for proc in running:
            proc.wait()

    def _banner(self, host, port, workers, threads, with_worker, demo) -> None:
        style = self.style
        url = _url(host, port)
        lines = [
            "",
            style.SUCCESS(f"Guildhall is running on {url}"),
            f"  web: granian, {workers} worker(s) x {threads} thread(s); "
            + ("background tasks: 1 worker" if with_worker else "background tasks: not here"),
        ]
        if demo:
            lines += [
                f"  demo sign-in: {DEMO_ADMIN_EMAIL} / guildhall-admin (staff)",
                "                members <username>@example.com / guildhall",
            ]
        lines += ["  Press Ctrl-C to stop.", ""]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()  # stdout may be a pipe (systemd, a log collector): say it now

    def _warn_unapplied_migrations(self) -> None:
        # The database down stops `serve` here with one line (guildhall/manage.py): starting a
        # web server and a worker that cannot work would only print their tracebacks.
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(plan)} migration(s) not applied: run `guildhall migrate` first."
                )
            )

    def _demo_loaded(self) -> bool:
        from django.contrib.auth import get_user_model

        try:
            return get_user_model().objects.filter(email__iexact=DEMO_ADMIN_EMAIL).exists()
        except Exception:
            return False
