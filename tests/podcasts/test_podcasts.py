"""Podcast episodes: upload checks, storage, the player page, listens, feeds and the API."""

import xml.etree.ElementTree as ET

import pytest

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.podcasts.feed_tokens import feed_token
from guildhall.podcasts.models import Episode, PodcastSettings
from guildhall.podcasts.services import episode_create, episode_listen, podcast_settings_set
from tests.api.conftest import bearer
from tests.media import PNG, fixture_bytes, stored_files, upload, wav_bytes

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def make_episode(author, community, *, title="Checking pump seals", body="Notes", data=None):
    return episode_create(
        actor=author,
        community=community,
        title=title,
        body=body,
        tags="maintenance",
        file=upload("tip.wav", data or wav_bytes(1.0)),
    )


# --- the service: what is accepted, what is refused, nothing saved on refusal ---------------


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("tip.wav", wav_bytes(1.5), "audio/wav"),
        ("tip.mp3", fixture_bytes("tone.mp3"), "audio/mpeg"),
        ("tip.ogg", fixture_bytes("tone.ogg"), "audio/ogg"),
        ("no-extension", fixture_bytes("tone.mp3"), "audio/mpeg"),  # content decides
    ],
)
def test_upload_accepts_audio_by_content(expert, community, settings, name, content, mime):
    item = episode_create(
        actor=expert, community=community, title="Seal tip", file=upload(name, content)
    )
    episode = Episode.objects.get(item=item)
    assert episode.mime_type == mime
    assert episode.size == len(content)
    assert episode.duration_seconds >= 1
    assert episode.audio.name.startswith("podcasts/")
    assert (settings.MEDIA_ROOT / episode.audio.name).read_bytes() == content
    assert item.kind == "episode" and item.is_published
    assert Event.objects.filter(verb="publish", target_id=item.pk).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tip.mp3", PNG, "not a format we accept"),  # a PNG renamed .mp3
        ("tip.wav", b"RIFF\x00\x00\x00\x00WAVEjunk", "could not read this audio"),
        ("tip.mp3", b"", "empty"),
        ("tip.mp3", b"plain words, not sound", "not a format we accept"),
    ],
)
def test_upload_refuses_wrong_content_and_saves_nothing(
    expert, community, settings, name, content, message
):
    with pytest.raises(ValidationError) as exc:
        episode_create(actor=expert, community=community, title="T", file=upload(name, content))
    assert message in str(exc.value.message_dict["file"])
    assert not ContentItem.objects.exists() and not Episode.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_upload_refuses_missing_file(expert, community):
    with pytest.raises(ValidationError) as exc:
        episode_create(actor=expert, community=community, title="T", file=None)
    assert "Choose an audio file" in exc.value.message_dict["file"][0]


def test_upload_refuses_oversized_file(expert, community, settings):
    settings.GUILDHALL_MAX_AUDIO_MB = 0.01  # about 10 KB
    with pytest.raises(ValidationError) as exc:
        make_episode(expert, community, data=wav_bytes(3.0))
    assert "the limit is 10 KB" in exc.value.message_dict["file"][0]
    assert not ContentItem.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_upload_refuses_audio_longer_than_the_community_allows(
    expert, community, community_manager, settings
):
    podcast_settings_set(actor=community_manager, community=community, max_minutes=1)
    with pytest.raises(ValidationError) as exc:
        make_episode(expert, community, data=wav_bytes(61.0, rate=1000))
    message = exc.value.message_dict["file"][0]
    assert "1:01 long" in message and "at most 1 minutes" in message
    assert not ContentItem.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_a_bad_title_leaves_no_file_behind(expert, community, settings):
    with pytest.raises(ValidationError):
        make_episode(expert, community, title="   ")
    assert not ContentItem.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_non_members_cannot_upload(outsider, community, private_community):
    with pytest.raises(PermissionDenied):
        make_episode(outsider, community)
    from django.http import Http404

    with pytest.raises(Http404):
        make_episode(outsider, private_community)


def test_episode_needs_a_community(expert):
    with pytest.raises(ValidationError) as exc:
        make_episode(expert, None)
    assert "community" in exc.value.message_dict


def test_settings_only_for_managers(community, community_manager, member, staff):
    with pytest.raises(PermissionDenied):
        podcast_settings_set(actor=member, community=community, max_minutes=5)
    podcast_settings_set(actor=staff, community=community, max_minutes=4)
    row = podcast_settings_set(actor=community_manager, community=community, max_minutes=15)
    row.refresh_from_db()
    assert row.max_minutes == 15
    with pytest.raises(ValidationError):
        podcast_settings_set(actor=community_manager, community=community, max_minutes=0)
    assert PodcastSettings.objects.get(community=community).max_minutes == 15


def test_listens_count_once_per_member_per_hour(expert, member, community):
    item = make_episode(expert, community)
    assert episode_listen(actor=member, item=item)
    assert not episode_listen(actor=member, item=item)
    assert episode_listen(actor=expert, item=item)
    assert Episode.objects.get(item=item).listen_count == 2
    assert Event.objects.filter(verb="listen", target_id=item.pk).count() == 2


def test_deleting_the_item_removes_the_file(expert, community, settings, run_on_commit):
    from guildhall.content.services import content_item_delete

    item = make_episode(expert, community)
    with run_on_commit():
        content_item_delete(actor=expert, item=item)
    assert stored_files(settings.MEDIA_ROOT) == []


# --- pages ------------------------------------------------------------------------------------


def test_upload_page_publishes_and_shows_the_player(client, expert, community):
    client.force_login(expert)
    page = client.get(f"/podcasts/new/?community={community.slug}")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        "/podcasts/new/",
        {
            "community": community.slug,
            "title": "Two-minute tip: <b>seals</b>",
            "body": "Check the **faces** first <script>alert(1)</script>",
            "tags": "seals",
            "file": upload("tip.wav", wav_bytes(1.0)),
        },
    )
    item = ContentItem.objects.get(kind="episode")
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'<audio controls preload="metadata" src="/content/{item.pk}/audio/"' in html
    assert "<strong>faces</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "Two-minute tip: &lt;b&gt;seals&lt;/b&gt;" in html
    assert "0:01" in html


def test_upload_page_keeps_the_text_on_a_refused_file(client, expert, community):
    client.force_login(expert)
    response = client.post(
        "/podcasts/new/",
        {
            "community": community.slug,
            "title": "My carefully typed title",
            "body": "Long show notes I don't want to lose",
            "file": upload("renamed.mp3", PNG),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "not a format we accept" in html
    assert 'value="My carefully typed title"' in html
    assert "Long show notes I don&#x27;t want to lose" in html
    assert not ContentItem.objects.exists()


def test_upload_page_without_communities_says_join_first(client, outsider):
    client.force_login(outsider)
    assert "Join a community first" in client.get("/podcasts/new/").content.decode()


def test_kind_chooser_leads_to_the_upload_page(client, member):
    client.force_login(member)
    response = client.get("/content/new/?kind=episode&community=x")
    assert response.status_code == 302 and response["Location"] == "/podcasts/new/?community=x"


def test_audio_is_served_with_headers_and_counts_a_listen(client, expert, member, community):
    item = make_episode(expert, community)
    client.force_login(member)
    response = client.get(f"/content/{item.pk}/audio/")
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert b"".join(response.streaming_content).startswith(b"RIFF")
    assert Episode.objects.get(item=item).listen_count == 1


def test_audio_byte_ranges(client, expert, member, community):
    item = make_episode(expert, community)
    size = Episode.objects.get(item=item).size
    client.force_login(member)
    response = client.get(f"/content/{item.pk}/audio/", HTTP_RANGE="bytes=8-15")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 8-15/{size}"
    assert b"".join(response.streaming_content) == b"WAVEfmt "
    assert Episode.objects.get(item=item).listen_count == 0  # seeking is not a new listen
    tail = client.get(f"/content/{item.pk}/audio/", HTTP_RANGE="bytes=-4")
    assert tail.status_code == 206 and len(b"".join(tail.streaming_content)) == 4
    beyond = client.get(f"/content/{item.pk}/audio/", HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416
    start = client.get(f"/content/{item.pk}/audio/", HTTP_RANGE="bytes=0-")
    assert start.status_code == 206
    assert Episode.objects.get(item=item).listen_count == 1


def test_private_audio_is_404_for_non_members_and_anonymous(
    client, community_manager, member, outsider, staff, private_community
):
    item = make_episode(member, private_community)
    url = f"/content/{item.pk}/audio/"
    assert client.get(url).status_code == 404  # anonymous
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    bad = feed_token(user=outsider, community=private_community)
    assert client.get(f"{url}?token={bad}").status_code == 404
    client.force_login(community_manager)
    assert client.get(url).status_code == 200
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.logout()
    token = feed_token(user=member, community=private_community)
    assert client.get(f"{url}?token={token}").status_code == 200
    assert client.get(f"{url}?token={token}x").status_code == 404


def test_public_audio_is_open_to_podcast_apps(client, expert, community):
    item = make_episode(expert, community)
    assert client.get(f"/content/{item.pk}/audio/").status_code == 200


def test_community_episodes_page(client, expert, member, community, community_manager):
    make_episode(expert, community, title="Gland packing in five minutes")
    client.force_login(member)
    html = client.get(f"/c/{community.slug}/episodes/").content.decode()
    assert "Gland packing in five minutes" in html
    assert f"/c/{community.slug}/podcast.xml" in html
    assert "Podcast settings" not in html
    assert client.post(f"/c/{community.slug}/episodes/", {"max_minutes": 3}).status_code == 404
    client.force_login(community_manager)
    response = client.post(f"/c/{community.slug}/episodes/", {"max_minutes": 3})
    assert response.status_code == 302
    assert PodcastSettings.objects.get(community=community).max_minutes == 3


def test_empty_episodes_page(client, member, community):
    client.force_login(member)
    assert "No episodes yet" in client.get(f"/c/{community.slug}/episodes/").content.decode()


def test_private_episodes_page_shows_a_secret_feed_to_members_only(
    client, member, outsider, private_community
):
    client.force_login(outsider)
    assert client.get(f"/c/{private_community.slug}/episodes/").status_code == 404
    client.force_login(member)
    html = client.get(f"/c/{private_community.slug}/episodes/").content.decode()
    assert "podcast.xml?token=" in html


# --- feeds ------------------------------------------------------------------------------------


def _feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own feed


def test_public_feed_has_enclosures_and_itunes_tags(client, expert, community):
    item = make_episode(expert, community, title="Seal <faces> & springs", body="**Bold** tip")
    rss = _feed(client.get(f"/c/{community.slug}/podcast.xml"))  # no sign-in needed
    channel = rss.find("channel")
    assert channel.findtext("title") == "Supply Chain Practice — podcast"
    assert channel.findtext(f"{ITUNES}author") == "Supply Chain Practice"
    entry = channel.find("item")
    assert entry.findtext("title") == "Seal <faces> & springs"
    assert channel.find(f"{ITUNES}image").get("href").endswith("/podcast-artwork.png")
    assert channel.find(f"{ITUNES}category").get("text") == "Education"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "guildhall@localhost"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}name") == "Guildhall"
    enclosure = entry.find("enclosure")
    assert enclosure.get("url").endswith(f"/content/{item.pk}/audio/seal-faces-springs.wav")
    assert client.get(enclosure.get("url")).status_code == 200
    assert enclosure.get("type") == "audio/wav"
    assert int(enclosure.get("length")) == Episode.objects.get(item=item).size
    assert entry.findtext(f"{ITUNES}duration") == "00:00:01"
    assert entry.findtext(f"{ITUNES}author") == "Eric Expert"
    assert entry.findtext(f"{ITUNES}summary") == "Bold tip"


def test_feed_description_is_text_not_markdown(client, community, community_manager):
    from guildhall.communities.services import community_update

    community_update(
        actor=community_manager, community=community, purpose="Tips on **pumps** & seals"
    )
    rss = _feed(client.get(f"/c/{community.slug}/podcast.xml"))
    assert rss.findtext("channel/description") == "Tips on pumps & seals"
    assert rss.findtext(f"channel/{ITUNES}summary") == "Tips on pumps & seals"


def test_head_answers_on_the_feed_and_the_audio(client, expert, member, community):
    item = make_episode(expert, community)
    feed = client.head(f"/c/{community.slug}/podcast.xml")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/rss+xml")
    client.force_login(member)
    audio = client.head(f"/content/{item.pk}/audio/")
    assert audio.status_code == 200
    assert int(audio["Content-Length"]) == Episode.objects.get(item=item).size
    assert not Event.objects.filter(verb="listen", actor=member).exists()  # nothing was played


def test_private_feed_needs_a_members_token(client, member, outsider, private_community):
    item = make_episode(member, private_community)
    url = f"/c/{private_community.slug}/podcast.xml"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}?token=nonsense").status_code == 404
    outsider_token = feed_token(user=outsider, community=private_community)
    assert client.get(f"{url}?token={outsider_token}").status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    token = feed_token(user=member, community=private_community)
    rss = _feed(client.get(f"{url}?token={token}"))
    enclosure = rss.find("channel/item/enclosure").get("url")
    assert enclosure.endswith(f"/content/{item.pk}/audio/checking-pump-seals.wav?token={token}")
    path = enclosure.split("://", 1)[1].split("/", 1)[1]
    path = "/" + path
    assert client.get(path).status_code == 200


def test_a_token_for_another_community_does_not_open_a_feed(
    client, member, community, private_community
):
    token = feed_token(user=member, community=community)
    assert client.get(f"/c/{private_community.slug}/podcast.xml?token={token}").status_code == 404


def test_leaving_revokes_the_token(client, member, private_community):
    from guildhall.communities.models import Membership

    token = feed_token(user=member, community=private_community)
    Membership.objects.filter(user=member, community=private_community).delete()
    assert client.get(f"/c/{private_community.slug}/podcast.xml?token={token}").status_code == 404


def test_unknown_feed_is_404(client, db):
    assert client.get("/c/nowhere/podcast.xml").status_code == 404


# --- API ----------------------------------------------------------------------------------


def test_api_creates_an_episode_with_multipart(client, expert, community):
    response = client.post(
        "/api/v1/content",
        {
            "kind": "episode",
            "community": community.slug,
            "title": "Seal tip via API",
            "body": "Show *notes*",
            "tags": "seals, pumps",
            "file": upload("tip.mp3", fixture_bytes("tone.mp3")),
        },
        **bearer(expert),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "episode"
    assert data["duration_seconds"] == 2
    assert data["audio_url"] == f"/content/{data['id']}/audio/"
    assert data["tags"] == ["pumps", "seals"]
    assert data["body_html"].strip() == "<p>Show <em>notes</em></p>"
    listed = client.get("/api/v1/content?kind=episode", **bearer(expert)).json()
    assert listed["items"][0]["audio_url"] == data["audio_url"]


def test_api_refuses_a_renamed_file_with_422(client, expert, community, settings):
    response = client.post(
        "/api/v1/content",
        {
            "kind": "episode",
            "community": community.slug,
            "title": "T",
            "file": upload("a.mp3", PNG),
        },
        **bearer(expert),
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("file: ")
    assert not ContentItem.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_api_missing_file_and_json_for_episode(client, expert, community):
    response = client.post(
        "/api/v1/content",
        {"kind": "episode", "community": community.slug, "title": "T"},
        **bearer(expert),
    )
    assert response.status_code == 422 and "file" in response.json()["detail"]
    response = client.post(
        "/api/v1/content",
        {"kind": "episode", "community": community.slug, "title": "T"},
        content_type="application/json",
        **bearer(expert),
    )
    assert response.status_code == 422


def test_api_private_community_is_422_for_outsiders(client, outsider, private_community):
    response = client.post(
        "/api/v1/content",
        {
            "kind": "episode",
            "community": private_community.slug,
            "title": "T",
            "file": upload("a.wav", wav_bytes()),
        },
        **bearer(outsider),
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "community: No such community."


def test_api_podcast_settings(client, community, community_manager, member, outsider):
    url = f"/api/v1/communities/{community.slug}/podcast"
    assert client.get(url, **bearer(member)).json()["max_minutes"] == 10
    denied = client.put(url, {"max_minutes": 5}, content_type="application/json", **bearer(member))
    assert denied.status_code == 403
    ok = client.put(
        url, {"max_minutes": 5}, content_type="application/json", **bearer(community_manager)
    )
    assert ok.status_code == 200 and ok.json()["max_minutes"] == 5
    bad = client.put(
        url, {"max_minutes": 999}, content_type="application/json", **bearer(community_manager)
    )
    assert bad.status_code == 422


def test_api_hides_private_episodes(client, member, outsider, private_community):
    item = make_episode(member, private_community)
    assert client.get(f"/api/v1/content/{item.pk}", **bearer(outsider)).status_code == 404
    assert client.get(f"/api/v1/content/{item.pk}", **bearer(member)).json()["audio_url"]


def test_audio_url_works_with_a_bearer_token(client, member, outsider, private_community):
    item = make_episode(member, private_community)
    assert client.get(f"/content/{item.pk}/audio/", **bearer(member)).status_code == 200
    assert client.get(f"/content/{item.pk}/audio/", **bearer(outsider)).status_code == 404
