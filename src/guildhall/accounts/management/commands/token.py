from django.core.management.base import BaseCommand, CommandError

from guildhall.accounts.services import api_token_create, user_get_by_email


class Command(BaseCommand):
    help = "Create a personal API token for a member and print it alone on stdout."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="API token")

    def handle(self, *args, email: str, name: str, **options):
        user = user_get_by_email(email)
        if user is None:
            raise CommandError(f"No member with email {email}.")
        self.stdout.write(api_token_create(user=user, name=name))
