"""``dueprocess verify [--case ID | --chain ID]``: recompute the record and name the first broken link.

Exit status: 0 when everything holds, 1 when anything is broken, 2 for arguments that name nothing.
"""

from __future__ import annotations

import uuid

from django.core.management.base import BaseCommand, CommandError

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
        self.stdout.write(f"{len(chains)} chain(s) verified, {broken} problem(s).")
        if broken:
            raise CommandError("The record is not intact.", returncode=1)

    def _chains(self, case: str | None, chain: str | None) -> list[Chain]:
        if case is None and chain is None:
            return list(Chain.objects.order_by("kind", "created_at", "id"))
        try:
            ident = uuid.UUID(case or chain)
        except ValueError:
            raise CommandError(f"{case or chain!r} is not a UUID.", returncode=2) from None
        found = Chain.objects.filter(**({"subject_key": f"case:{ident}"} if case else {"public_id": ident}))
        if not found:
            raise CommandError(f"No record exists for {'case' if case else 'chain'} {ident}.", returncode=2)
        return list(found)

    def _report(self, result: VerificationResult) -> None:
        name = f"{result.subject_key} (chain {result.chain})"
        if result.ok:
            self.stdout.write(
                f"OK      {name}: {result.events_checked} events, {result.documents_checked} documents, "
                f"head {result.head_sequence} {result.head_hash}"
            )
        else:
            self.stdout.write(f"BROKEN  {name}: {describe(result.broken)}")

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
