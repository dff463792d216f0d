"""A community's podcast feed: RSS 2.0 with the iTunes tags podcast apps read."""

from email.utils import parseaddr
from html import unescape as html_unescape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import slugify

from guildhall.core.markdown import render_markdown

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# Podcast directories file every feed under one of Apple's fixed categories.
ITUNES_CATEGORY = "Education"
ARTWORK = "guildhall/podcast-artwork.png"  # 1400x1400, the smallest size Apple accepts


def _hms(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def _text(html: str) -> str:
    """Plain text for the tags podcast apps show as is (never raw Markdown or HTML)."""
    return html_unescape(strip_tags(html)).strip()


class PodcastFeedGenerator(Rss201rev2Feed):
    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:itunes"] = ITUNES
        return attrs

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed.get("itunes_author") or "")
        handler.addQuickElement("itunes:summary", feed.get("description") or "")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", "", {"href": feed["itunes_image"]})
        handler.addQuickElement("itunes:category", "", {"text": ITUNES_CATEGORY})
        owner_name, owner_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", owner_name or feed.get("itunes_author") or "")
        handler.addQuickElement("itunes:email", owner_email)
        handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:author", item.get("itunes_author") or "")
        handler.addQuickElement("itunes:duration", item.get("itunes_duration") or "")
        handler.addQuickElement("itunes:summary", item.get("itunes_summary") or "")


class CommunityPodcastFeed(Feed):
    """Built per request for one community; `token` (private communities) goes on every URL."""

    feed_type = PodcastFeedGenerator

    def __init__(self, *, community, episodes, token: str = ""):
        super().__init__()
        self.community = community
        self.episodes = list(episodes)
        self.token = token

    def _with_token(self, url: str) -> str:
        url = self.request.build_absolute_uri(url)  # podcast apps need absolute enclosures
        return f"{url}?token={self.token}" if self.token else url

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.community

    def title(self, obj):
        return f"{obj.name} — podcast"

    def link(self, obj):
        return reverse("podcasts:community", args=[obj.slug])

    def description(self, obj):
        return _text(obj.purpose_html) or f"Short tips from the {obj.name} community."

    def feed_extra_kwargs(self, obj):
        return {
            "itunes_author": obj.name,
            "itunes_image": self.request.build_absolute_uri(static(ARTWORK)),
        }

    def items(self, obj):
        return self.episodes

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html or render_markdown(item.body)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"guildhall-episode-{item.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, item):
        return item.author.name

    def item_pubdate(self, item):
        return item.published_at

    def item_enclosure_url(self, item):
        # Some podcast apps decide what they can play from the URL's extension alone.
        extension = item.episode.audio.name.rsplit(".", 1)[-1].lower()
        filename = f"{slugify(item.title) or 'episode'}.{extension}"
        return self._with_token(reverse("podcasts:audio_file", args=[item.pk, filename]))

    def item_enclosure_length(self, item):
        return item.episode.size

    def item_enclosure_mime_type(self, item):
        return item.episode.mime_type

    def item_extra_kwargs(self, item):
        return {
            "itunes_author": item.author.name,
            "itunes_duration": _hms(item.episode.duration_seconds),
            "itunes_summary": (_text(self.item_description(item)) or item.title)[:4000],
        }
