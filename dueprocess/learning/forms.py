"""Forms of the learning pages. They parse input; the actions decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts.models import User
from dueprocess.learning.early_warning import SIGNALS
from dueprocess.learning.models import ActionStatus, Area, Effect
from dueprocess.reviews.forms import DATE, add_action_errors

__all__ = [
    "ActionForm", "CompleteForm", "EvaluationForm", "FindingForm", "RiskFilterForm", "StatusForm",
    "add_action_errors",
]  # fmt: skip

TEXT = {"rows": 3}


class FindingForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices, widget=forms.HiddenInput)
    went_well = forms.CharField(label=_("What went well"), widget=forms.Textarea(attrs=TEXT))
    went_wrong = forms.CharField(label=_("What went wrong"), widget=forms.Textarea(attrs=TEXT))
    root_cause = forms.CharField(label=_("Root cause"), widget=forms.Textarea(attrs=TEXT))


class ActionForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    title = forms.CharField(label=_("Action"), max_length=200)
    changes = forms.CharField(
        label=_("Policy or process it changes"),
        max_length=200,
        help_text=_("e.g. the improvement-plan template"),
    )
    description = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs=TEXT), required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    evaluate_every_days = forms.IntegerField(
        label=_("Evaluate every (days)"),
        min_value=1,
        max_value=3650,
        required=False,
        help_text=_(
            "First an interval after the due date, then again after each evaluation. Empty: 90 days."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Anyone with an account may own an action, except an account that is only an employee's.
        self.fields["owner"].queryset = (
            User.objects.filter(is_active=True).exclude(role="employee").order_by("username")
        )


class CompleteForm(forms.Form):
    summary = forms.CharField(
        label=_("What was learnt, in a few sentences"), widget=forms.Textarea(attrs=TEXT)
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        help_text=_("Needed when the action is dropped."),
    )  # fmt: skip


class EvaluationForm(forms.Form):
    was_done = forms.TypedChoiceField(
        label=_("Was it done?"),
        choices=[("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    effect = forms.ChoiceField(label=_("Did it work?"), choices=Effect.choices, widget=forms.RadioSelect)
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the rating rests on: numbers, documents, cases since."),
    )
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=DATE)


class RiskFilterForm(forms.Form):
    signal = forms.ChoiceField(label=_("Signal"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signal"].choices = [("", _("all signals"))] + [
            (code, item.label) for code, item in SIGNALS.items()
        ]
