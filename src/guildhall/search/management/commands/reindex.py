from django.core.management.base import BaseCommand

from guildhall.search.models import SearchEntry
from guildhall.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every item, person and community (in batches)."

    def handle(self, *args, **options):
        counts = search_index_rebuild(stdout=self.stdout)
        summary = ", ".join(
            f"{n} {SearchEntry.Type(type).label.lower()}" for type, n in counts.items()
        )
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {summary}."))
