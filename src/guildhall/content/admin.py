from django.contrib import admin

from guildhall.content.models import ContentItem, Tag


@admin.register(ContentItem)
class ContentItemAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "author", "community", "status", "published_at")
    list_filter = ("kind", "status", "visibility")
    search_fields = ("title", "author__username")
    date_hierarchy = "published_at"
    list_select_related = ("author", "community")
    readonly_fields = [f.name for f in ContentItem._meta.fields]

    def has_add_permission(self, request):
        return False  # items are written through the product's services

    def has_delete_permission(self, request, obj=None):
        # Staff delete an item from its page, with a reason its author is told (audited).
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)
