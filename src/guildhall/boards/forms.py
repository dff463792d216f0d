from django import forms


class PinForm(forms.Form):
    community = forms.ChoiceField(label="Board", choices=())
    title = forms.CharField(label="Title", max_length=200)
    url = forms.CharField(
        label="Link",
        required=False,
        max_length=2000,
        help_text=(
            "A web address (https://…) or an item here (/content/123/). Leave empty for a note."
        ),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )
    body = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why is this useful? Markdown works. A few lines are plenty.",
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=400,
        help_text="Up to 10, separated by commas or spaces.",
    )

    def __init__(self, *args, communities=(), fixed_community=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_community is not None:
            del self.fields["community"]
        else:
            self.fields["community"].choices = [("", "Choose a community…")] + [
                (c.slug, c.name) for c in communities
            ]
