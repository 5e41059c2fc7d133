"""A separate process that appends to one chain; run by test_concurrent_appends.

python -m dueprocess.records.tests.append_worker CHAIN_KEY COUNT START_FILE
"""

from __future__ import annotations

import os
import sys
import time


def main(chain_key: str, count: int, start_file: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueprocess.settings")
    import django

    django.setup()
    from dueprocess.records.events import chain_for, record_event

    chain = chain_for(chain_key)
    while not os.path.exists(start_file):  # every worker starts appending at the same moment
        time.sleep(0.005)
    for index in range(count):
        record_event(None, "plan.checked_in", actor=None, data={"pid": os.getpid(), "i": index}, chain=chain)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
