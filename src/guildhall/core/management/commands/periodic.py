"""`guildhall periodic`: queue the periodic jobs that are due (popularity rollup, digests...).

`guildhall worker` does this every minute by itself; this command is for cron set-ups and for
running the jobs at once (`--list` shows them; `--force NAME` queues one now, due or not).
"""

from django.core.management.base import BaseCommand, CommandError

from guildhall.core.schedule import enqueue_due, enqueue_now, periodic_jobs


class Command(BaseCommand):
    help = "Queue the periodic jobs whose time has come."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")
        parser.add_argument("--force", metavar="JOB", help="Queue this job now, due or not.")

    def handle(self, *args, list: bool, force: str | None, **options):
        if force:
            try:
                enqueue_now(force)
            except LookupError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"Queued {force}.")
            return
        if list:
            for job in periodic_jobs():
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        queued = enqueue_due()
        self.stdout.write(f"Queued {len(queued)} job(s): {', '.join(queued) or 'none due'}")
