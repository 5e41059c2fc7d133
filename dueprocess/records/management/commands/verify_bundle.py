"""``dueprocess verify-bundle out.zip [--key FINGERPRINT]``: check an evidence bundle offline.

The same checker that travels inside every bundle (records/bundle/verify_bundle.py) does the work;
it needs no database. Exit status 1 when the bundle fails, naming the file (and the event).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dueprocess.records.bundle import verify_bundle


class Command(BaseCommand):
    help = "Check an evidence bundle: every file's hash, the signature, and the chain of events."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("bundle", metavar="BUNDLE.zip")
        parser.add_argument("--key", help="the fingerprint of the key the bundle must be signed with")

    def handle(self, *args, **options) -> None:
        try:
            manifest = verify_bundle.verify(options["bundle"], options["key"])
        except verify_bundle.BundleError as error:
            raise CommandError(f"FAILED  {error}", returncode=1) from None
        chain = manifest["chain"]
        key = verify_bundle.fingerprint(bytes.fromhex(manifest["public_key"]["ed25519"]))
        self.stdout.write(
            f"OK  {chain['subject']}: {len(manifest['files'])} files, {chain['head_sequence']} events, "
            f"head {chain['head_hash']}\n    signed by Ed25519 key {key}"
        )
