"""The learning app's thresholds and intervals, each with a default that an installation may change
in its settings (``LEARNING_<NAME>``, e.g. ``LEARNING_RETROSPECTIVE_DAYS = 21``).

Every early-warning threshold is here and nowhere else, so a flag's reason can name the rule that
raised it, and an organisation can tune a rule without touching code."""

from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, int | float] = {
    # A retrospective is due this many days after the case closes.
    "RETROSPECTIVE_DAYS": 14,
    # An improvement action is evaluated this long after its due date, then again at this interval.
    "EVALUATION_INTERVAL_DAYS": 90,
    # Early warning: ratings that fell at each of the last N cycles (N ratings, N-1 falls).
    "RATING_CYCLES": 3,
    # Early warning: this many incidents within the window.
    "INCIDENTS": 2,
    "INCIDENT_WINDOW_DAYS": 180,
    # Early warning: a review still not submitted this many days after its cycle's due date.
    "REVIEW_GRACE_DAYS": 7,
    # Early warning: an active plan this many days old with no support action offered.
    "SUPPORT_GRACE_DAYS": 14,
    # Early warning: an active plan with no check-in for this many days.
    "CHECK_IN_GAP_DAYS": 21,
    # Early warning: a manager with this many cases opened in their team within the window.
    "MANAGER_CASES": 3,
    "MANAGER_CASE_WINDOW_DAYS": 365,
    # Consistency: groups compared only where each side has at least this many cases, and flagged
    # where the outcome rates differ by at least this much (0.3 = 30 percentage points).
    "CONSISTENCY_MIN_CASES": 5,
    "CONSISTENCY_GAP": 0.3,
}


def setting(name: str) -> int | float:
    return getattr(settings, f"LEARNING_{name}", DEFAULTS[name])
