from django.core.management.base import BaseCommand, CommandError

from guildhall.demo import loader
from guildhall.demo.organisation import MIN_MEMBERS


class Command(BaseCommand):
    help = (
        "Load a realistic demo organisation (members, departments, communities, items, "
        "comments) through the services. Refuses a database that already has members or "
        "communities unless --force, which deletes them first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--members",
            type=int,
            default=loader.DEFAULT_MEMBERS,
            help=f"how many members (default {loader.DEFAULT_MEMBERS}, at least {MIN_MEMBERS})",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=loader.DEFAULT_SEED,
            help=f"random seed: the same seed gives the same organisation "
            f"(default {loader.DEFAULT_SEED})",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="delete existing members (except other staff accounts), communities, items, "
            "comments, notifications and the event log, then load",
        )

    def handle(self, *args, members: int, seed: int, force: bool, **options):
        if members < MIN_MEMBERS:
            raise CommandError(f"--members must be at least {MIN_MEMBERS}.")
        if loader.database_has_data():
            if not force:
                raise CommandError(
                    "The database already has members or communities, so the demo was not "
                    "loaded. Use `guildhall demo --force` to delete them and load the demo "
                    "organisation instead."
                )
            deleted = loader.wipe()
            self.stdout.write(
                "Deleted the previous data: "
                + ", ".join(f"{count} {label}" for label, count in deleted.items() if count)
            )

        def log(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        result = loader.DemoLoader(members=members, seed=seed, log=log).run()
        kinds = ", ".join(f"{n} {kind}s" for kind, n in sorted(result["kinds"].items()))
        admin_note = "   (existing account: password unchanged)" if result["admin_existed"] else ""
        self.stdout.write(
            self.style.SUCCESS(f"Demo organisation loaded in {result['seconds']:.1f} s.")
        )
        self.stdout.write(
            f"  {result['members']} members in {result['departments']} departments; "
            f"{result['communities']} communities ({result['private_communities']} private, "
            f"{result['pending_requests']} join requests waiting)\n"
            f"  {result['published']} published items ({kinds}), {result['drafts']} drafts, "
            f"{result['comments']} comments\n"
            f"  {result['notifications']} notifications, {result['events']} events in the log\n"
            "Sign in at /accounts/login/ with:\n"
            f"  {loader.ADMIN_EMAIL} / {loader.ADMIN_PASSWORD}   (staff){admin_note}\n"
            f"  {result['example_email']} / {loader.MEMBER_PASSWORD}   "
            f"({result['example_name']}, {result['example_title']})\n"
            f"  — every member signs in as <username>@example.com / {loader.MEMBER_PASSWORD}"
        )
