"""Questions the pages ask that are not about one object."""

from __future__ import annotations

from dueprocess.accounts import policy


def record_chain(user, case):
    """The case's chain, for the link to its record and evidence bundle, if the user may read it."""
    from dueprocess.records.models import Chain

    if not policy.can_view_record(user):
        return None
    return Chain.objects.filter(subject_key=case.chain_key).first()
