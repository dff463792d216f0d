import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
application = get_wsgi_application()

# What is loaded by now (Django, the apps, their modules) lives as long as the process: keep it
# out of the collector's full passes, which would otherwise walk it on every request or so
# (about a tenth of a page's CPU, bench/README.md).
gc.collect()
gc.freeze()
