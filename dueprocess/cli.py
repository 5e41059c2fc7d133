"""The ``dueprocess`` console script: a thin front over Django's management commands.

Every management command is reachable as ``dueprocess <command>``. A few friendly names map to the
house's ``verb_noun`` commands; ``assess`` runs the pure law engine without starting Django, so that
it works on a machine with no database at all.
"""

from __future__ import annotations

import os
import sys

# The public names that other tools rely on, mapped to the management commands behind them.
ALIASES = {
    "import": "import_people",
    "export": "export_people",
    "seed": "seed_organisation",
    "verify": "verify_records",
    "export-bundle": "export_bundle",
    "verify-bundle": "verify_bundle",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "assess":
        from dueprocess.law.cli import main as assess_main

        return assess_main(argv[2:])
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueprocess.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "dueprocess"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
