"""store_document: files kept by the hash of their bytes, once."""

import io

import pytest
from django.core.files.storage import default_storage

from dueprocess.records.documents import open_document, store_document
from dueprocess.records.events import record_event
from dueprocess.records.models import AppendOnlyError, Document

pytestmark = pytest.mark.django_db

HELLO_SHA256 = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"


def test_a_file_is_stored_under_its_sha256():
    document = store_document(b"hello world", name="hello.txt", content_type="text/plain")
    assert document.sha256 == HELLO_SHA256 and document.size == 11
    assert document.path == f"documents/b9/4d/{HELLO_SHA256}"
    with open_document(document) as handle:
        assert handle.read() == b"hello world"


def test_the_same_bytes_stored_twice_are_stored_once():
    first = store_document(b"hello world", name="hello.txt", content_type="text/plain")
    second = store_document(io.BytesIO(b"hello world"), name="copy.txt", content_type="text/plain")
    assert first == second and Document.objects.count() == 1
    assert default_storage.listdir("documents/b9/4d")[1] == [HELLO_SHA256]
    assert second.original_name == "hello.txt"


def test_a_large_stream_is_hashed_as_it_is_copied(tmp_path):
    import hashlib

    content = bytes(range(256)) * 40_000  # 10 MB, beyond what is spooled in memory
    path = tmp_path / "scan.pdf"
    path.write_bytes(content)
    with path.open("rb") as handle:
        document = store_document(handle, name="scan.pdf", content_type="application/pdf")
    assert document.sha256 == hashlib.sha256(content).hexdigest() and document.size == len(content)


def test_a_truncated_leftover_is_replaced_by_the_whole_file():
    default_storage.save(f"documents/b9/4d/{HELLO_SHA256}", io.BytesIO(b"hello"))
    document = store_document(b"hello world", name="hello.txt", content_type="text/plain")
    with open_document(document) as handle:
        assert handle.read() == b"hello world"


def test_text_is_not_a_file():
    with pytest.raises(TypeError):
        store_document(io.StringIO("hello"), name="hello.txt", content_type="text/plain")


def test_a_stored_document_never_changes():
    document = store_document(b"hello world", name="hello.txt", content_type="text/plain")
    document.original_name = "renamed.txt"
    with pytest.raises(AppendOnlyError):
        document.save()
    with pytest.raises(AppendOnlyError):
        document.delete()


def test_an_event_holds_the_documents_it_adds_by_hash():
    document = store_document(b"hello world", name="hello.txt", content_type="text/plain")
    event = record_event(None, "letter.sent", actor=None, data={"letter": document})
    assert event.data == {"letter": HELLO_SHA256} and event.documents == [HELLO_SHA256]
