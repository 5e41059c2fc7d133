"""``dueprocess export-bundle CASE_ID out.zip [--lang en|zh-Hans]``: a signed evidence bundle.

CASE_ID is the case's UUID (or a chain's UUID, or "organisation"). Exit status 1 when the chain
does not verify (no bundle is written), 2 when the arguments name nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dueprocess.records.actions import export_bundle
from dueprocess.records.bundle.export import BundleRefused
from dueprocess.records.events import ORGANISATION_KEY
from dueprocess.records.models import Chain


class Command(BaseCommand):
    help = "Export a case's record as a signed evidence bundle (zip) that can be checked offline."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "case", metavar="CASE_ID", help="the case's UUID, a chain's UUID, or 'organisation'"
        )
        parser.add_argument("target", metavar="OUT.zip", type=Path)
        parser.add_argument("--lang", default="zh-Hans", choices=["en", "zh-Hans", "zh-hans"])

    def handle(self, *args, **options) -> None:
        chain = find_chain(options["case"])
        target: Path = options["target"]
        if not target.parent.is_dir():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": target.parent}, returncode=2
            )
        try:
            manifest = export_bundle(chain, target, actor=None, lang=options["lang"])
        except BundleRefused as refusal:
            message = _("The record does not verify, so no bundle was written: %(problem)s")
            raise CommandError(message % {"problem": refusal}, returncode=1) from None
        head = manifest["chain"]
        line = _(
            "Wrote %(file)s: %(events)s events and %(documents)s documents, ending at hash %(hash)s, "
            "signed with the key %(fingerprint)s."
        )
        values = {"file": target, "events": head["head_sequence"], "documents": len(manifest["exhibits"])}
        self.stdout.write(
            line % {**values, "hash": head["head_hash"], "fingerprint": manifest["public_key"]["fingerprint"]}
        )


def find_chain(ident: str) -> Chain:
    if ident == ORGANISATION_KEY:
        chain = Chain.objects.filter(subject_key=ORGANISATION_KEY).first()
    else:
        try:
            key = uuid.UUID(ident)
        except ValueError:
            raise CommandError(_("%(value)s is not a UUID.") % {"value": ident}, returncode=2) from None
        chain = (
            Chain.objects.filter(subject_key=f"case:{key}").first()
            or Chain.objects.filter(public_id=key).first()
        )
    if chain is None:
        raise CommandError(_("No record exists for %(id)s.") % {"id": ident}, returncode=2)
    return chain
