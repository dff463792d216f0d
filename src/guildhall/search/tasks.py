from django_tasks import task

from guildhall.search import services


@task()
def search_index_update(
    *,
    items: list[int] = (),
    people: list[int] = (),
    communities: list[int] = (),
    community_visibility: list[int] = (),
) -> None:
    """Re-index what one act touched (queued on commit by `search.receivers`)."""
    for community_id in community_visibility:
        services.search_community_visibility_sync(community_id=community_id)
    for type, ids in (("item", items), ("person", people), ("community", communities)):
        if ids:
            services.search_entries_sync(type=type, ids=ids)
