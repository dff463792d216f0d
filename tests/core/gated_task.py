"""A task for the worker tests: it marks that it started, waits for a gate file, then marks
that it finished — so a test can kill its worker while it runs."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_gate(*, directory: str) -> int:
    here = Path(directory)
    (here / f"started-{os.getpid()}").touch()
    while not (here / "gate").exists():
        time.sleep(0.05)
    (here / "done").write_text(str(os.getpid()))
    return os.getpid()
