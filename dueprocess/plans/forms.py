"""Forms for improvement plans. They parse input; the actions decide what is allowed."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.lib.uploads import UploadField
from dueprocess.plans.actions.schedule import MAX_MINUTES
from dueprocess.plans.models import AGENDA_MAX_LENGTH, Outcome, Progress, SupportKind
from dueprocess.reviews.forms import DATE, TextForm, add_action_errors

__all__ = [
    "CancelCheckInForm", "CheckInForm", "GoalFormSet", "OutcomeForm", "PlanForm", "ScheduleCheckInForm",
    "SupportDoneForm", "SupportForm", "TextForm", "add_action_errors",
]  # fmt: skip

# The browser's own date and time picker; read in the organisation's time zone (settings.TIME_ZONE).
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PlanForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the plan"), widget=forms.Textarea(attrs={"rows": 4}))
    starts_on = forms.DateField(label=_("Start"), widget=DATE)
    ends_on = forms.DateField(label=_("End"), widget=DATE)
    change_reason = forms.CharField(
        label=_("What changed and why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Needed once the plan is published; the employee sees it and acknowledges again."),
    )


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    metric = forms.CharField(label=_("Metric"), max_length=200)
    baseline = forms.CharField(label=_("Baseline"), max_length=100)
    target = forms.CharField(label=_("Target"), max_length=100)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    measured_by = forms.CharField(label=_("How it is measured"), widget=forms.Textarea(attrs={"rows": 2}))


# Blank extra rows are ignored; the action refuses a plan with no measurable goal.
GoalFormSet = forms.formset_factory(GoalForm, extra=2)


class CheckInForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendees"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 4}))
    employee_comments = forms.CharField(
        label=_("The employee's comments"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, goals=(), attendees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = attendees
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"progress_{goal.pk}"] = forms.ChoiceField(label=goal.title, choices=Progress.choices)
            self.fields[f"measured_{goal.pk}"] = forms.CharField(
                label=_("Measured value for “%(goal)s”") % {"goal": goal.title},
                max_length=100,
                required=False,
            )

    def progress(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"goal": g, "status": data[f"progress_{g.pk}"], "measured": data[f"measured_{g.pk}"]}
            for g in self.goals
        ]


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    summary = forms.CharField(label=_("Evidence and reasons"), widget=forms.Textarea(attrs={"rows": 5}))
    check_ins = forms.ModelMultipleChoiceField(
        label=_("Check-ins relied on"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    evidence = UploadField(label=_("Evidence document"), required=False)
    new_ends_on = forms.DateField(label=_("New end date (extension only)"), widget=DATE, required=False)

    def __init__(self, *args, check_ins=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check_ins"].queryset = check_ins


class SupportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SupportKind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    provider = forms.CharField(label=_("Given by"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Start"), widget=DATE)
    ends_on = forms.DateField(label=_("End"), widget=DATE)
    offered = forms.BooleanField(label=_("Offered, awaiting the employee's answer"), required=False)


class SupportDoneForm(forms.Form):
    happened = forms.TypedChoiceField(
        label=_("Did it happen?"), coerce=lambda value: value == "yes",
        choices=[("yes", _("Yes, it happened")), ("no", _("No, it did not happen"))],
    )  # fmt: skip
    completed_on = forms.DateField(label=_("On"), widget=DATE)
    note = forms.CharField(label=_("What happened, or why not"), required=False, max_length=2000)


class ScheduleCheckInForm(forms.Form):
    """Arranging or moving a check-in. Who is invited follows from the plan (the employee, their
    manager, whoever arranges it), as the calendar invitation says; the action checks the dates."""

    scheduled_at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    place = forms.CharField(
        label=_("Place or link"),
        max_length=200,
        help_text=_("A room, or the address of the video call."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=1, max_value=MAX_MINUTES, initial=60
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=AGENDA_MAX_LENGTH,
        help_text=_("What will be discussed, so that the employee can prepare; sent with the invitation."),
    )

    def __init__(self, *args, within=None, **kwargs):
        """``within``: the plan's version in force, whose dates bound the browser's date picker (the
        action still decides)."""
        super().__init__(*args, **kwargs)
        if within is not None:
            earliest = max(
                timezone.localtime(), timezone.make_aware(dt.datetime.combine(within.starts_on, dt.time()))
            )
            self.fields["scheduled_at"].widget.attrs.update(
                min=f"{earliest:%Y-%m-%dT%H:%M}", max=f"{within.ends_on:%Y-%m-%d}T23:59"
            )

    @classmethod
    def to_move(cls, scheduled, data=None, within=None) -> ScheduleCheckInForm:
        """Moving one arranged check-in: filled in as it stands, prefixed with its id (one per check-in
        on the page)."""
        initial = {name: getattr(scheduled, name) for name in cls.base_fields}
        return cls(data, prefix=f"reschedule-{scheduled.public_id}", initial=initial, within=within)


class CancelCheckInForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("The cancellation sent to everyone invited gives this reason."),
    )

    @classmethod
    def of(cls, scheduled, data=None) -> CancelCheckInForm:
        return cls(data, prefix=f"cancel-{scheduled.public_id}")
