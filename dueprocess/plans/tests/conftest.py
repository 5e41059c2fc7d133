"""Plans tests share the reviews tests' frozen day and event capture."""

from dueprocess.reviews.tests.conftest import _frozen_today, events, zhang

__all__ = ["_frozen_today", "events", "zhang"]
