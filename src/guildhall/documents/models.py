from django.db import models


class Document(models.Model):
    """An uploaded file of one `ContentItem` of kind "document" (notes = body)."""

    item = models.OneToOneField(
        "content.ContentItem", on_delete=models.CASCADE, primary_key=True, related_name="document"
    )
    file = models.FileField(max_length=300)
    original_name = models.CharField(max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    # Text of PDFs and text files, for search (bounded: see documents.text).
    text = models.TextField(blank=True)
    download_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.original_name

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower()

    @property
    def is_pdf(self) -> bool:
        return self.mime_type == "application/pdf"

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")
