"""An upload is kept only if its name is a kind we accept, its bytes are that kind, and it is not too big."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dueprocess.lib import uploads
from dueprocess.lib.uploads import UploadField, UploadRejected, check


def office(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def open_document(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


GOOD = {
    "scan.pdf": (b"%PDF-1.7\n...", "application/pdf"),
    "photo.JPG": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    "chart.png": (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    "anim.gif": (b"GIF89a\x01\x00", "image/gif"),
    "pic.webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
    "notes.txt": ("会议纪要：第三次发布延期。".encode(), "text/plain"),
    "notes-gbk.txt": ("会议纪要：第三次发布延期。".encode("gb18030"), "text/plain"),
    "wide.txt": ("会议纪要".encode("utf-16"), "text/plain"),
    "log.csv": (b"\xef\xbb\xbfrelease,shipped\nR1,D+21\n", "text/csv"),
    "complaint.eml": (b"From: customer@example.com\nSubject: late\n\nIt was late.", "message/rfc822"),
    "letter.docx": (office("[Content_Types].xml", "word/document.xml"), uploads.KINDS[".docx"].content_type),
    "wages.xlsx": (office("[Content_Types].xml", "xl/workbook.xml"), uploads.KINDS[".xlsx"].content_type),
    "minutes.odt": (
        open_document("application/vnd.oasis.opendocument.text"),
        uploads.KINDS[".odt"].content_type,
    ),
    "old.doc": (uploads.OLE + b"\x00" * 32, "application/msword"),
    "hearing.m4a": (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", "audio/mp4"),
    "hearing.mp3": (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
    "hearing.wav": (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/wav"),
}


@pytest.mark.parametrize("name", GOOD)
def test_each_accepted_kind_passes_with_our_content_type(name):
    content, content_type = GOOD[name]
    assert check(name, content) == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", b"MZ\x90\x00 a Windows program"),
        ("photo.jpg", b"%PDF-1.7"),
        ("page.txt", b"<html>\x00\x01\x02\xff\xfe binary"),
        ("letter.docx", office("[Content_Types].xml", "xl/workbook.xml")),
        ("letter.docx", b"PK\x03\x04 not really a zip"),
        ("wages.xlsx", office("payload.js")),
        ("mail.eml", b"<script>alert(1)</script>"),
        ("chart.png", b"GIF89a"),
    ],
)
def test_content_that_does_not_match_its_name_is_refused(name, content):
    with pytest.raises(UploadRejected, match="content does not match its name"):
        check(name, content)


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "image.svg", "archive.zip", "no-extension"])
def test_kinds_we_do_not_keep_are_refused_by_name(name):
    with pytest.raises(UploadRejected, match="not a kind of file accepted here"):
        check(name, b"%PDF-1.7")


def test_too_big_is_refused_with_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(UploadRejected, match=r"is 2\.0\xa0KB; files may be at most 1\.0\xa0KB"):
        check("scan.pdf", b"%PDF-" + b"0" * 2043)


def test_empty_is_refused():
    with pytest.raises(UploadRejected, match="is empty"):
        check("scan.pdf", b"")


def test_a_stream_is_left_at_its_start():
    stream = io.BytesIO("第一行\n第二行\n".encode())
    stream.seek(5)
    assert check("notes.txt", stream) == "text/plain"
    assert stream.tell() == 0


def test_the_browsers_content_type_is_replaced_by_ours():
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan", content_type="text/html")
    cleaned = UploadField(label="Evidence document").clean(upload)
    assert cleaned.content_type == "application/pdf"


def test_the_error_names_the_field_and_the_file():
    upload = SimpleUploadedFile("scan.pdf", b"MZ program", content_type="application/pdf")
    with pytest.raises(ValidationError) as raised:
        UploadField(label="Evidence document").clean(upload)
    (message,) = raised.value.messages
    assert message.startswith("Evidence document: “scan.pdf” is not really a PDF file")


def test_an_action_style_error_is_keyed_by_the_field():
    upload = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError) as raised:
        uploads.validate(upload, "Evidence", field="evidence")
    assert list(raised.value.message_dict) == ["evidence"]
