"""Forms for reviews and conduct. They parse input; the actions decide what is allowed."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dueprocess.reviews.models import WarningLevel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_action_errors(form: forms.Form, error: ValidationError) -> None:
    """Show an action's refusal on the form: beside the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class TextForm(forms.Form):
    """One piece of writing: a self-assessment, an explanation, a response."""

    text = forms.CharField(label=_("Your text"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)


class WarningForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=WarningLevel.choices)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    expectations = forms.CharField(
        label=_("What is expected from now on"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    investigation = forms.ModelChoiceField(label=_("Investigation"), queryset=None, required=False)

    def __init__(self, *args, investigations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["investigation"].queryset = investigations
