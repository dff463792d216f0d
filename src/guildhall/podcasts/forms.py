from django import forms

from guildhall.content.forms import UploadItemForm


class EpisodeForm(UploadItemForm):
    file = forms.FileField(
        label="Audio file",
        help_text="MP3, M4A/AAC, OGG or WAV. We check the file's content, length and size.",
    )
    body = forms.CharField(
        label="Show notes",
        required=False,
        widget=forms.Textarea(attrs={"class": "editor", "rows": 10}),
        help_text="Markdown: what the tip covers, links, timestamps.",
    )


class PodcastSettingsForm(forms.Form):
    max_minutes = forms.IntegerField(
        label="Longest episode (minutes)",
        min_value=1,
        max_value=180,
        help_text="Uploads longer than this are refused with a message saying so.",
    )
