"""`guildhall ensure_demo`: load the demo organisation only into an empty database.

`make run` calls this after migrating, so the first run shows a living organisation and later
runs keep whatever is there. "Empty" means no members and no communities: a database someone
has started using (even one `createsuperuser`) is never touched. `guildhall demo` itself refuses
a non-empty database; this command just makes "load it if empty" a step that always succeeds.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand


def database_is_empty() -> bool:
    # Looked up by label: `core` imports no other app.
    community = apps.get_model("communities", "Community")
    return not get_user_model().objects.exists() and not community.objects.exists()


class Command(BaseCommand):
    help = "Load the demo organisation (`guildhall demo`) if the database has no members yet."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=None, help="Passed to `demo`.")
        parser.add_argument("--seed", type=int, default=None, help="Passed to `demo`.")

    def handle(self, *args, members, seed, verbosity, **options):
        if not database_is_empty():
            if verbosity >= 1:
                self.stdout.write("The database already has data: demo not loaded.")
            return
        if "demo" not in get_commands():
            self.stderr.write(
                self.style.WARNING("No `demo` command in this version: starting empty.")
            )
            return
        kwargs = {"verbosity": verbosity}
        if members is not None:
            kwargs["members"] = members
        if seed is not None:
            kwargs["seed"] = seed
        if verbosity >= 1:
            self.stdout.write("Empty database: loading the demo organisation...")
        call_command("demo", **kwargs)  # prints the sign-in; `guildhall serve` repeats it
