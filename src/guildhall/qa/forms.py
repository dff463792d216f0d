from django import forms

from guildhall.qa.services import MAX_ANSWER


class AskForm(forms.Form):
    community = forms.ChoiceField(label="Community", help_text="Who should answer?")
    title = forms.CharField(
        label="Your question",
        max_length=200,
        help_text="One line, as you would ask a colleague: “How do I…?”",
    )
    body = forms.CharField(
        label="Details",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="What you tried, what you expected. Markdown works: **bold**, lists, `code`.",
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=400,
        help_text="Up to 10, separated by commas or spaces: valves, commissioning",
    )

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", "Choose a community…")] + [
            (c.slug, c.name) for c in communities
        ]


class AnswerForm(forms.Form):
    body = forms.CharField(
        label="Your answer",
        max_length=MAX_ANSWER,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Markdown works here too.",
        error_messages={"required": "Write your answer first."},
    )
