"""Logging filters the settings' LOGGING uses."""

import logging


class OneLineForbidden(logging.Filter):
    """Django logs every refused request (PermissionDenied, 403) with its traceback; a refusal
    is an ordinary answer, not a fault, so it is logged as its one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
