"""Downloading an invitation: the meeting as it stands now, for a calendar that missed the e-mail."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation

from dueprocess.accounts import policy
from dueprocess.cases.models import Hearing
from dueprocess.plans.models import ScheduledCheckIn
from dueprocess.reminders import calendar


def ics_response(meeting: calendar.Meeting, name: str) -> HttpResponse:
    content = calendar.ics(
        meeting, calendar.PUBLISH, calendar.current_sequence(meeting.uid), translation.get_language()
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


@login_required
def hearing_ics(request, public_id):
    hearing = get_object_or_404(Hearing.objects.select_related("case__employee"), public_id=public_id)
    if not policy.can_download_hearing_invitation(request.user, hearing):
        raise Http404
    return ics_response(calendar.hearing_meeting(hearing), f"hearing-{hearing.public_id}")


@login_required
def check_in_ics(request, public_id):
    scheduled = get_object_or_404(
        ScheduledCheckIn.objects.select_related("plan__employee"), public_id=public_id
    )
    if not policy.can_download_check_in_invitation(request.user, scheduled):
        raise Http404
    return ics_response(calendar.check_in_meeting(scheduled), f"check-in-{scheduled.public_id}")
