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


class AssessmentForm(forms.Form):
    """The manager's assessment; for a submitted review, the same fields make a correction."""

    manager_assessment = forms.CharField(
        label=_("Manager's assessment"), widget=forms.Textarea(attrs={"rows": 5})
    )
    rating = forms.ModelChoiceField(label=_("Overall rating"), queryset=None)

    def __init__(self, *args, review, correcting: bool, **kwargs):
        super().__init__(*args, **kwargs)
        levels = review.cycle.scale.levels.all()
        self.fields["rating"].queryset = levels
        self.goals = list(review.goals.all())
        for goal in self.goals:
            self.fields[f"result_{goal.pk}"] = forms.CharField(
                label=_("Result: %(goal)s") % {"goal": goal.title}, required=False, initial=goal.result
            )
            self.fields[f"rating_{goal.pk}"] = forms.ModelChoiceField(
                label=_("Rating: %(goal)s") % {"goal": goal.title}, queryset=levels, required=False,
                initial=goal.rating_id,
            )  # fmt: skip
        if correcting:
            self.fields["reason"] = forms.CharField(
                label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3})
            )

    def goal_results(self) -> dict:
        data = self.cleaned_data
        return {
            g.pk: {"result": data[f"result_{g.pk}"], "rating": data[f"rating_{g.pk}"]} for g in self.goals
        }
