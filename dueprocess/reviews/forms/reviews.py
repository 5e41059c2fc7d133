"""Forms for review cycles, reviews with their goals, and 360 feedback."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from dueprocess.reviews.forms import DATE
from dueprocess.reviews.forms.fields import EmployeeField
from dueprocess.reviews.models import RatingScale, Relationship, ReviewCycle


class CycleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, help_text=_("e.g. 2026 first half"))
    period_starts_on = forms.DateField(label=_("Start of the period reviewed"), widget=DATE)
    period_ends_on = forms.DateField(label=_("End of the period reviewed"), widget=DATE)
    due_on = forms.DateField(label=_("Due date"), widget=DATE)
    scale = forms.ModelChoiceField(label=_("Rating scale"), queryset=RatingScale.objects.all())
    template = forms.CharField(
        label=_("Template"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The questions and guidance every review in this cycle uses."),
    )  # fmt: skip
    anonymous_feedback = forms.BooleanField(
        label=_("Anonymous 360 feedback"), required=False, initial=True,
        help_text=_("Feedback is shown without names, and only once enough people have answered."),
    )  # fmt: skip
    min_anonymous_responses = forms.IntegerField(
        label=_("Minimum responses before anonymous feedback is shown"), initial=3, min_value=1, max_value=50
    )


class ReviewForm(forms.Form):
    cycle = forms.ModelChoiceField(label=_("Review cycle"), queryset=ReviewCycle.objects.all())
    employee = EmployeeField(label=_("Employee"), queryset=None)

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal or key result area"), max_length=200)
    weight = forms.DecimalField(
        label=_("Weight (%)"), max_digits=5, decimal_places=2, min_value=Decimal("0.01"), max_value=100
    )
    target = forms.CharField(label=_("Target"), widget=forms.Textarea(attrs={"rows": 2}))


# Blank extra rows are ignored; the action refuses a review with no goal.
GoalFormSet = forms.formset_factory(GoalForm, extra=4)


def goal_specs(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data]


class FeedbackRequestForm(forms.Form):
    respondent = EmployeeField(label=_("Colleague"), queryset=None)
    relationship = forms.ChoiceField(label=_("How they work with the employee"), choices=Relationship.choices)
    due_on = forms.DateField(label=_("Answer by"), widget=DATE)

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].queryset = employees


class FeedbackAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your feedback"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )
    rating = forms.ModelChoiceField(label=_("Rating (optional)"), queryset=None, required=False)

    def __init__(self, *args, scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = scale.levels.all()
