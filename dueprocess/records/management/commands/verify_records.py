"""``dueprocess verify [--case ID | --chain ID]``: recompute the record and name the first broken link.

Exit status: 0 when everything holds, 1 when anything is broken, 2 for arguments that name nothing.
"""

from __future__ import annotations

import uuid

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dueprocess.records import guard
from dueprocess.records.actions import verify_and_keep
from dueprocess.records.models import Chain
from dueprocess.records.verification import DocumentCache, VerificationResult, describe, stray_documents


class Command(BaseCommand):
    help = "Recompute every hash chain and every stored document, and name the first broken link."

    def add_arguments(self, parser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--case", metavar="ID", help="Verify only this case's chain (the case's UUID).")
        which.add_argument("--chain", metavar="ID", help="Verify only the chain with this UUID.")

    def handle(self, *args, **options) -> None:
        chains = self._chains(options["case"], options["chain"])
        cache = DocumentCache()
        broken = 0
        for chain in chains:
            result = verify_and_keep(chain, actor=None, documents=cache)
            broken += not result.ok
            self._report(result)
        if not (options["case"] or options["chain"]):
            broken += self._strays(cache)
        if not guard.installed():
            broken += 1
            self.stderr.write(
                "The database no longer refuses changes to the record: its triggers are missing."
            )
        summary = _("Chains verified: %(chains)s. Problems found: %(problems)s.")
        self.stdout.write(summary % {"chains": len(chains), "problems": broken})
        if broken:
            raise CommandError("The record is not intact.", returncode=1)

    def _chains(self, case: str | None, chain: str | None) -> list[Chain]:
        if case is None and chain is None:
            return list(Chain.objects.order_by("kind", "created_at", "id"))
        try:
            ident = uuid.UUID(case or chain)
        except ValueError:
            raise CommandError(
                _("%(value)s is not a UUID.") % {"value": case or chain}, returncode=2
            ) from None
        found = Chain.objects.filter(**({"subject_key": f"case:{ident}"} if case else {"public_id": ident}))
        if not found:
            message = _("No record exists for the case %(id)s.") if case else _("No chain has the id %(id)s.")
            raise CommandError(message % {"id": ident}, returncode=2)
        return list(found)

    def _report(self, result: VerificationResult) -> None:
        values = {
            "subject": result.subject_key, "chain": result.chain, "events": result.events_checked,
            "documents": result.documents_checked, "sequence": result.head_sequence, "hash": result.head_hash,
        }  # fmt: skip
        if result.ok:
            line = _("OK      %(subject)s (chain %(chain)s): %(events)s events and %(documents)s documents "
                     "hold; the last is event %(sequence)s, hash %(hash)s.")  # fmt: skip
            self.stdout.write(line % values)
        else:
            line = _("BROKEN  %(subject)s (chain %(chain)s): %(problem)s")
            self.stdout.write(line % {**values, "problem": describe(result.broken)})

    def _strays(self, cache: DocumentCache) -> int:
        problems = 0
        for document, found in stray_documents(cache):
            problems += 1
            state = (
                "is missing from the store"
                if found is None
                else f"has been altered: its bytes hash to {found}"
            )
            self.stdout.write(f"BROKEN  document {document.sha256} ({document.original_name}) {state}.")
        return problems
