"""lib/ingest/archives.py: zip members are inputs of their own; unsafe or oversized members are refused by name."""

from __future__ import annotations

import pytest

from lib.schema.limits import Limits
from tests.ingest.reading import PNG, TEXT, read, zip_bytes


def test_zip_members_nested_zip_and_path_traversal() -> None:
    inner = zip_bytes({"inner.txt": (TEXT + " Inner.").encode()})
    data = zip_bytes(
        {
            "one.txt": TEXT.encode(),
            "folder/two.csv": f'text\n"{TEXT} Two."\n'.encode(),
            "../evil.txt": b"Evil text that must never be read from outside the archive.",
            "/etc/passwd.txt": b"root",
            "nested.zip": inner,
            "image.png": PNG,
        }
    )
    articles, report = read("bundle.zip", data)
    assert [a.source for a in articles] == [
        "bundle.zip!one.txt",
        "bundle.zip!folder/two.csv#row 1",
        "bundle.zip!nested.zip!inner.txt",
    ]
    assert report == [
        ("bundle.zip!../evil.txt", "unsafe path"),
        ("bundle.zip!/etc/passwd.txt", "unsafe path"),
        ("bundle.zip!image.png", "unsupported file type"),
    ]
    assert not any("Evil" in a.text for a in articles)


def test_zip_limits() -> None:
    members = {f"{i}.txt": f"{TEXT} {i}.".encode() for i in range(3)}
    articles, report = read("many.zip", zip_bytes(members), Limits(max_zip_members=2))
    assert len(articles) == 2
    assert report == [("many.zip!2.txt", "too many archive members")]

    articles, report = read("big.zip", zip_bytes({"big.txt": b"a" * 2000}), Limits(max_zip_member_bytes=1000))
    assert (articles, report) == ([], [("big.zip!big.txt", "too large")])

    articles, report = read("total.zip", zip_bytes(members), Limits(max_zip_total_bytes=2 * len(members["0.txt"])))
    assert len(articles) == 2
    assert report == [("total.zip!2.txt", "archive too large")]

    bomb = zip_bytes({"bomb.txt": b"0" * 2_000_000})
    articles, report = read("bomb.zip", bomb)
    assert (articles, report) == ([], [("bomb.zip!bomb.txt", "suspicious compression ratio")])

    deep = zip_bytes({"a.zip": zip_bytes({"b.zip": zip_bytes({"c.txt": TEXT.encode()})})})
    articles, report = read("deep.zip", deep)
    assert (articles, report) == ([], [("deep.zip!a.zip!b.zip", "archive nested too deep")])

    articles, report = read("empty.zip", zip_bytes({}))
    assert (articles, report) == ([], [("empty.zip", "empty")])


@pytest.mark.parametrize(
    ("member", "refused"),
    [
        ("2024-11-08 12:30 Wire.txt", False),  # a colon inside a name is a character
        ("folder/10:45 update.txt", False),
        ("C:/windows/system.txt", True),  # a drive
        ("c:relative.txt", True),  # a drive-relative path
        ("/absolute.txt", True),
        ("a/../../up.txt", True),
        ("..\\back.txt", True),
    ],
)
def test_unsafe_member_paths(member: str, refused: bool) -> None:
    articles, report = read("a.zip", zip_bytes({member: TEXT.encode()}))
    assert report == ([(f"a.zip!{member}", "unsafe path")] if refused else [])
    assert len(articles) == (0 if refused else 1)


def test_a_damaged_member_is_its_own_entry_and_the_others_are_read() -> None:
    import struct

    data = bytearray(zip_bytes({"first.txt": TEXT.encode(), "second.txt": (TEXT + " Two.").encode()}))
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)
    struct.pack_into("<I", data, second + 42, 0xFFFFFF00)  # its local header lies past the end
    articles, report = read("a.zip", bytes(data))
    assert [a.source for a in articles] == ["a.zip!first.txt"]
    assert report == [("a.zip!second.txt", "unreadable archive member")]
