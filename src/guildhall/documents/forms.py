from django import forms

from guildhall.content.forms import UploadItemForm


class DocumentForm(UploadItemForm):
    file = forms.FileField(
        label="File",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF, WebP) "
        "or text (.txt, .md, .csv). We check the file's content, not its name.",
    )
    body = forms.CharField(
        label="Notes",
        required=False,
        widget=forms.Textarea(attrs={"class": "editor", "rows": 8}),
        help_text="Markdown: what the document is, which revision, who it is for.",
    )
