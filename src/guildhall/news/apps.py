from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "guildhall.news"
    label = "news"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import kinds
        from guildhall.home.contributions import contributions as home
        from guildhall.news import permissions, selectors, services

        home.provide("latest_news")(selectors.latest_news)
        communities.provide("community_news")(selectors.community_news)

        kinds.register(
            kinds.Kind(
                name="announcement",
                label="Announcement",
                label_plural="Announcements",
                description="News from a community's managers, or company-wide news from staff.",
                community_required=False,
                create_url="news:create",
                create=services.announcement_create,
                can_create=permissions.can_create_announcement,
                detail_template="news/partials/news_detail.html",
                detail_context=_detail_context,
            )
        )


def _detail_context(request, item) -> dict:
    from guildhall.news.selectors import is_current, news_info_get

    info = news_info_get(item=item)
    item.news = info
    return {"news_info": info, "news_current": is_current(item) if info else False}
