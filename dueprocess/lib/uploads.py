"""Checking an uploaded file before it is kept: its size, and that its bytes are what its name says.

The browser's content type is not trusted, nor is the name alone: the extension must be one we accept
and the content must look like that kind of file (magic bytes, the parts of a zip-based office file,
text that decodes). The content type we store comes from our own table. Every form and action that
keeps an upload goes through ``check`` (forms through ``UploadField`` or ``validate``).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD = 4096
CHUNK = 1024 * 1024
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls and Outlook's .msg
HEADER_LINE = re.compile(rb"[!-9;-~]+:")  # an RFC 5322 header field name, then a colon


class UploadRejected(ValueError):
    """The message says which file and what is wrong with it, in the user's language."""


@dataclass(frozen=True)
class Sample:
    head: bytes
    stream: IO[bytes]


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    matches: Callable[[Sample], bool]


def _starts(*magics: bytes) -> Callable[[Sample], bool]:
    return lambda sample: sample.head.startswith(magics)


def _pdf(sample: Sample) -> bool:
    return b"%PDF-" in sample.head[:1024]  # readers allow a little junk before the header


def _riff(form: bytes) -> Callable[[Sample], bool]:
    return lambda sample: sample.head[:4] == b"RIFF" and sample.head[8:12] == form


def _iso_media(*brands: bytes) -> Callable[[Sample], bool]:
    return lambda sample: sample.head[4:8] == b"ftyp" and sample.head[8:12] in brands


def _mp3(sample: Sample) -> bool:
    head = sample.head
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _zip_holding(folder: str) -> Callable[[Sample], bool]:
    """An Office Open XML file: a zip with its content-types part and the application's folder."""

    def matches(sample: Sample) -> bool:
        names = _zip_names(sample)
        return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)

    return matches


def _open_document(mimetype: bytes) -> Callable[[Sample], bool]:
    """An OpenDocument file: a zip whose first entry, ``mimetype``, names the kind."""

    def matches(sample: Sample) -> bool:
        return (
            sample.head[:2] == b"PK" and sample.head[30:38] == b"mimetype" and mimetype in sample.head[:100]
        )

    return matches


def _zip_names(sample: Sample) -> set[str]:
    if sample.head[:4] != b"PK\x03\x04":
        return set()
    try:
        with zipfile.ZipFile(sample.stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _text(sample: Sample) -> bool:
    """UTF-8 (or UTF-16 with its byte-order mark), or GB18030, which Chinese Windows still writes."""
    if sample.head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decodes(sample.stream, "utf-16")
    return _decodes(sample.stream, "utf-8-sig", refuse_nul=True) or _decodes(
        sample.stream, "gb18030", refuse_nul=True
    )


def _email(sample: Sample) -> bool:
    first = sample.head.lstrip(b"\r\n").split(b"\n", 1)[0]
    return bool(HEADER_LINE.match(first)) and _text(sample)


def _decodes(stream: IO[bytes], encoding: str, refuse_nul: bool = False) -> bool:
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := stream.read(CHUNK):
            if refuse_nul and b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"
KINDS: dict[str, Kind] = {
    ".pdf": Kind("PDF", "application/pdf", _pdf),
    ".doc": Kind("Word", "application/msword", _starts(OLE)),
    ".docx": Kind("Word", f"{_OOXML}.wordprocessingml.document", _zip_holding("word/")),
    ".odt": Kind("OpenDocument", f"{_ODF}.text", _open_document(f"{_ODF}.text".encode())),
    ".rtf": Kind("RTF", "application/rtf", _starts(b"{\\rtf")),
    ".xls": Kind("Excel", "application/vnd.ms-excel", _starts(OLE)),
    ".xlsx": Kind("Excel", f"{_OOXML}.spreadsheetml.sheet", _zip_holding("xl/")),
    ".ods": Kind("OpenDocument", f"{_ODF}.spreadsheet", _open_document(f"{_ODF}.spreadsheet".encode())),
    ".pptx": Kind("PowerPoint", f"{_OOXML}.presentationml.presentation", _zip_holding("ppt/")),
    ".txt": Kind("text", "text/plain", _text),
    ".csv": Kind("CSV", "text/csv", _text),
    ".eml": Kind("e-mail", "message/rfc822", _email),
    ".msg": Kind("Outlook", "application/vnd.ms-outlook", _starts(OLE)),
    ".jpg": Kind("JPEG", "image/jpeg", _starts(b"\xff\xd8\xff")),
    ".jpeg": Kind("JPEG", "image/jpeg", _starts(b"\xff\xd8\xff")),
    ".png": Kind("PNG", "image/png", _starts(b"\x89PNG")),
    ".gif": Kind("GIF", "image/gif", _starts(b"GIF87a", b"GIF89a")),
    ".webp": Kind("WebP", "image/webp", _riff(b"WEBP")),
    ".heic": Kind("HEIC", "image/heic", _iso_media(b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis")),
    ".tif": Kind("TIFF", "image/tiff", _starts(b"II*\x00", b"MM\x00*")),
    ".tiff": Kind("TIFF", "image/tiff", _starts(b"II*\x00", b"MM\x00*")),
    ".m4a": Kind("M4A", "audio/mp4", _iso_media(b"M4A ", b"M4B ", b"mp42", b"isom")),
    ".mp3": Kind("MP3", "audio/mpeg", _mp3),
    ".wav": Kind("WAV", "audio/wav", _riff(b"WAVE")),
}


def accepted() -> str:
    """The accepted extensions, for an ``accept`` attribute or a message."""
    return ",".join(KINDS)


def check(name: str, content: bytes | IO[bytes], *, max_bytes: int | None = None) -> str:
    """The content type to store ``content`` under, or UploadRejected saying what is wrong.

    A stream is read from the start and left at the start; it must be seekable (Django's uploads are).
    """
    limit = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    stream = io.BytesIO(content) if isinstance(content, bytes | bytearray | memoryview) else content
    kind = KINDS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise UploadRejected(
            _("“%(name)s” is not a kind of file accepted here. Accepted: %(kinds)s.")
            % {"name": name, "kinds": ", ".join(KINDS)}
        )
    size = _size(stream)
    if size == 0:
        raise UploadRejected(_("“%(name)s” is empty.") % {"name": name})
    if size > limit:
        raise UploadRejected(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    try:
        stream.seek(0)
        if not kind.matches(Sample(stream.read(HEAD), stream)):
            raise UploadRejected(
                _("“%(name)s” is not really a %(kind)s file: its content does not match its name.")
                % {"name": name, "kind": kind.label}
            )
    finally:
        stream.seek(0)
    return kind.content_type


def _size(stream: IO[bytes]) -> int:
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def validate(upload: Any, field_label: str, field: str | None = None) -> str:
    """Check a Django upload, naming the field in the error; returns the content type to store.

    With ``field`` the error is keyed by it, as actions raise theirs, for a view to put by the field.
    """
    try:
        return check(upload.name, upload)
    except UploadRejected as problem:
        message = _("%(field)s: %(problem)s") % {"field": field_label, "problem": problem}
        raise ValidationError({field: [message]} if field else message, code="upload") from None


class UploadField(forms.FileField):
    """A file field that checks size and kind; afterwards ``content_type`` is ours, not the browser's."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accepted()}))
        kwargs.setdefault(
            "help_text",
            format_lazy(
                gettext_lazy("PDF, Word, Excel, text, e-mail, images or audio; {limit} at most."),
                limit=filesizeformat(settings.UPLOAD_MAX_BYTES),
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload:
            upload.content_type = validate(upload, str(self.label or _("File")))
        return upload
