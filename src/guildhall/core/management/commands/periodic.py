"""`guildhall periodic`: queue the periodic jobs that are due (popularity rollup, digests...).

`guildhall worker` does this every minute by itself; this command is for cron set-ups and for
running the jobs at once (`--list` shows them).
"""

from django.core.management.base import BaseCommand

from guildhall.core.schedule import enqueue_due, periodic_jobs


class Command(BaseCommand):
    help = "Queue the periodic jobs whose time has come."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, list: bool, **options):
        if list:
            for job in periodic_jobs():
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        queued = enqueue_due()
        self.stdout.write(f"Queued {len(queued)} job(s): {', '.join(queued) or 'none due'}")
