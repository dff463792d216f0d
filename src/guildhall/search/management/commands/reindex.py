from django.core.management.base import BaseCommand

from guildhall.search.services import search_index_rebuild, search_index_summary


class Command(BaseCommand):
    help = "Rebuild the search index of every item, person and community (in batches)."

    def handle(self, *args, **options):
        summary = search_index_summary(search_index_rebuild(stdout=self.stdout))
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {summary}."))
