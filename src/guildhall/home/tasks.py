from django_tasks import task

from guildhall.home import services


@task()
def home_rollup() -> dict:
    """The periodic rollup behind "what's popular" and "who's popular"."""
    return services.home_rollup_refresh()
