"""An incremental analysis store: Parquet files keyed by each input's content hash.

Layout (every file written to a temporary name, then renamed, so a killed run never leaves a
half-written part behind):

    STORE/base/part-*.parquet              taxonomy-independent analysis, one row per input
    STORE/tags/<taxonomy fingerprint>/part-*.parquet   topics for that taxonomy
    STORE/files/part-*.parquet             which input key each whole file was analysed as
    STORE/sound-parts.json                 parts read in full and found sound (part_check.py)
    STORE/damaged/                         damaged parts set aside once their inputs are re-analysed

Base rows are valid for one analysis version and sentiment engine (`engine_key`); tags for one
taxonomy fingerprint. So an unchanged corpus is read back instead of analysed, new files are
the only ones analysed, and a taxonomy edit re-tags from stored sentences and sentence
polarities without scoring sentiment again.

A damaged part (lib.pipeline.part_check) is left out by every reader at once: its inputs are not
"known", so the file index stops vouching for them and they are analysed again in the same run.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib.annotate.article import tag_article
from lib.annotate.sentiment import ENGINES, SentimentEngine, get_engine
from lib.pipeline.part_check import OUTDATED, PartKind, SoundParts, part_fault
from lib.reference.taxonomy import Taxonomy
from lib.schema.columns import COLUMNS, EXTRA_PREFIX
from lib.schema.topic_table import polarity_column, tagged_column

# Bump when the analysis would give different base rows for the same input.
ANALYSIS_VERSION = "2026.12.5"

# Arrow type of each declared column dtype; dates are stored at day precision.
_ARROW_TYPES = {
    "string": pa.string(),
    "datetime64[ns]": pa.date32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "list": pa.list_(pa.string()),
}
BASE_SCHEMA = pa.schema(
    [("input_key", pa.string()), ("engine_key", pa.string())]
    + [(c.name, _ARROW_TYPES[c.dtype]) for c in COLUMNS if c.stage == "base"]
    + [
        # Not frame columns: what tagging needs, kept so a taxonomy edit can re-tag.
        ("sentences", pa.list_(pa.string())),
        ("sentence_polarity", pa.list_(pa.float64())),
        ("extra", pa.string()),  # unknown input columns, as a JSON object
    ]
)
TAG_SCHEMA = pa.schema(
    [
        ("input_key", pa.string()),
        ("topics", pa.list_(pa.string())),
        ("topic_scores", pa.string()),  # JSON list of per-topic records
    ]
)
# Which input key a file had when analysed, by path, size and modification time: a re-run
# passes an unchanged file on without reading or hashing it.
FILE_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("input_key", pa.string()),
    ]
)
SENTENCE_COLUMNS = ("sentences", "sentence_polarity")


def _written_by_this_version(engine_keys: pa.ChunkedArray) -> bool:
    return pc.any(pc.starts_with(engine_keys, f"{ANALYSIS_VERSION}/")).as_py() is True


PART_KINDS = {
    "base": PartKind(
        "base",
        BASE_SCHEMA,
        not_null=("input_key", "engine_key", "article_id", "source", "n_words"),
        json_columns={"extra": dict},
        current=lambda keys: _written_by_this_version(keys),
        version_column="engine_key",
    ),
    "tags": PartKind(
        "tags",
        TAG_SCHEMA,
        not_null=("input_key", "topics", "topic_scores"),
        json_columns={"topic_scores": list},
        prefixed={"topic:": pa.bool_(), "topic_polarity:": pa.float64()},
    ),
    "files": PartKind("files", FILE_SCHEMA, not_null=tuple(FILE_SCHEMA.names)),
}


def engine_key(engine: SentimentEngine) -> str:
    return f"{ANALYSIS_VERSION}/{engine.name}/{engine.version}"


def tag_row(key: str, tags: dict) -> dict:
    """A tag row: topics, the full per-topic records as JSON (for the article view), and flat
    `topic:<key>` / `topic_polarity:<key>` columns the dashboard reads without parsing JSON."""
    row = {
        "input_key": key,
        "topics": list(tags["topics"]),
        "topic_scores": json.dumps(tags["topic_scores"], ensure_ascii=False),
    }
    for score in tags["topic_scores"]:
        row[tagged_column(score["key"])] = bool(score["tagged"])
        row[polarity_column(score["key"])] = score["polarity"]
    return row


def tag_schema(rows: list[dict]) -> pa.Schema:
    """TAG_SCHEMA plus the flat columns of this taxonomy's topics (the same in every row)."""
    fields = list(TAG_SCHEMA)
    for name in rows[0] if rows else ():
        if name.startswith("topic:"):
            fields.append(pa.field(name, pa.bool_()))
        elif name.startswith("topic_polarity:"):
            fields.append(pa.field(name, pa.float64()))
    return pa.schema(fields)


def split_record(record: dict, key: str, engine: str) -> tuple[dict, dict]:
    """A full analysis record as a base row and a tag row for the store."""
    extra = {k[len(EXTRA_PREFIX) :]: v for k, v in record.items() if k.startswith(EXTRA_PREFIX)}
    base = {name: record.get(name) for name in BASE_SCHEMA.names}
    base.update(input_key=key, engine_key=engine, extra=json.dumps(extra, ensure_ascii=False))
    return base, tag_row(key, record)


def _loads(text: str):
    """JSON written by json.dumps, read back with orjson (reading a store back is mostly this
    decoding; orjson is several times faster). json.dumps may write NaN, which orjson refuses."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def base_to_record(row: dict) -> dict:
    """A stored base row back as an analysis record (without topics)."""
    record = {k: v for k, v in row.items() if k not in ("input_key", "engine_key", "extra")}
    record.update({f"{EXTRA_PREFIX}{k}": v for k, v in _loads(row["extra"] or "{}").items()})
    return record


def tags_to_record(row: dict) -> dict:
    return {"topics": list(row["topics"]), "topic_scores": _loads(row["topic_scores"])}


class ArticleStore:
    def __init__(self, root: str | os.PathLike, engine: SentimentEngine) -> None:
        self.root = Path(root)
        self.engine_key = engine_key(engine)
        self.problems: list[str] = []  # unreadable parts, said to the user, never fatal
        self._sound = SoundParts(self.root / "sound-parts.json")
        self._verdicts: dict[Path, bool] = {}  # parts checked by this instance: sound or not
        self._damaged: list[Path] = []

    # --- writing ------------------------------------------------------------------------------

    def _write(self, folder: Path, rows: list[dict], schema: pa.Schema) -> None:
        if not rows:
            return
        folder.mkdir(parents=True, exist_ok=True)
        name = f"part-{time.time_ns()}-{os.getpid()}.parquet"
        temporary = folder / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), temporary, write_page_checksum=True)
        os.replace(temporary, folder / name)  # atomic: readers see all of a part or none
        self._sound.add(self._name(folder / name), (folder / name).stat())
        self._verdicts[folder / name] = True

    def write(
        self,
        records: Iterable[tuple[str, dict]],
        taxonomy_fingerprint: str,
        files: Iterable[tuple[str, int, int, str]] = (),
    ) -> None:
        """Store (input_key, full record) pairs: their base rows and their tags; and, for inputs
        that were whole files, (source, size, mtime_ns, input_key) so a re-run can skip them.
        The file index is written last: it never points at rows that are not stored."""
        bases, tags = [], []
        for key, record in records:
            base, tag = split_record(record, key, self.engine_key)
            bases.append(base)
            tags.append(tag)
        self._write(self.base_dir, bases, BASE_SCHEMA)
        self._write(self.tags_dir(taxonomy_fingerprint), tags, tag_schema(tags))
        rows = [dict(zip(FILE_SCHEMA.names, entry, strict=True)) for entry in files]
        self._write(self.files_dir, rows, FILE_SCHEMA)
        self._set_damaged_aside(self.base_dir, self.tags_dir(taxonomy_fingerprint), self.files_dir)

    def _set_damaged_aside(self, *folders: Path) -> None:
        """Move the damaged parts found in `folders` to STORE/damaged/ (kept for a look, no
        longer warned about) once what they held is written again: their inputs were not
        "known", so this run analysed those it was given again (or re-tagged them)."""
        for part in [p for p in self._damaged if p.parent in folders]:
            self._damaged.remove(part)
            aside = self.root / "damaged" / self._name(part).replace("/", "-")
            try:
                aside.parent.mkdir(parents=True, exist_ok=True)
                os.replace(part, aside)
            except OSError:
                continue  # left in place: found again, and warned about, next time
        self._sound.save()

    def retag(self, bases: dict[str, dict], taxonomy: Taxonomy) -> dict[str, dict]:
        """Tag stored base rows (with their sentences) for `taxonomy` and store the tags: a
        taxonomy edit costs topic matching only, never sentiment scoring."""
        tags = {key: tag_article(base, taxonomy) for key, base in bases.items()}
        rows = [tag_row(key, tagged) for key, tagged in tags.items()]
        self._write(self.tags_dir(taxonomy.fingerprint), rows, tag_schema(rows))
        self._set_damaged_aside(self.tags_dir(taxonomy.fingerprint))
        return tags

    @property
    def base_dir(self) -> Path:
        return self.root / "base"

    @property
    def files_dir(self) -> Path:
        return self.root / "files"

    def tags_dir(self, taxonomy_fingerprint: str) -> Path:
        return self.root / "tags" / taxonomy_fingerprint

    # --- reading ------------------------------------------------------------------------------

    def version(self, taxonomy_fingerprint: str) -> tuple[int, int]:
        """Changes whenever a part is added to or removed from the base or this taxonomy's tags:
        parts are only ever renamed into place or deleted, never rewritten, so the folders'
        modification times say it with two stats (a reader need not stat every part)."""

        def changed(folder: Path) -> int:
            try:
                return folder.stat().st_mtime_ns
            except OSError:
                return 0

        return changed(self.base_dir), changed(self.tags_dir(taxonomy_fingerprint))

    def parts(self, folder: Path) -> list[Path]:
        """The sound parts of `folder`, each checked in full once (lib.pipeline.part_check);
        damaged ones are reported in `problems` and left out by every reader."""
        if not folder.is_dir():
            return []
        kind = PART_KINDS[self._name(folder).split("/")[0]]
        sound = [part for part in sorted(folder.glob("part-*.parquet")) if self._is_sound(part, kind)]
        self._sound.save()
        return sound

    def _name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _is_sound(self, part: Path, kind: PartKind) -> bool:
        if part not in self._verdicts:
            try:
                stat = part.stat()
            except OSError:
                return False  # moved aside by another run meanwhile
            if self._sound.holds(self._name(part), stat):
                self._verdicts[part] = True
            else:
                fault = part_fault(part, kind)
                self._verdicts[part] = fault is None
                if fault is None:
                    self._sound.add(self._name(part), stat)
                elif fault != OUTDATED:
                    self.problems.append(f"{self._name(part)}: {fault}; left out, its articles are analysed again")
                    self._damaged.append(part)
        return self._verdicts[part]

    def read_part(self, part: Path, columns: list[str] | None = None) -> pa.Table | None:
        try:
            return pq.read_table(part, columns=columns)
        except Exception as error:  # a damaged file costs a re-analysis, never the corpus
            self.problems.append(f"{part}: unreadable ({type(error).__name__}); its articles are analysed again")
            return None

    def engines_stored(self) -> set[str]:
        """Names of the sentiment engines this store holds current analyses by (this analysis
        version and each engine's current version), so a view can offer only those."""
        current = {engine_key(get_engine(name)): name for name in ENGINES}
        found: set[str] = set()
        for part in self.parts(self.base_dir):
            table = self.read_part(part, ["engine_key"])
            if table is not None:
                found.update(pc.unique(table.column("engine_key")).to_pylist())
        return {current[key] for key in found if key in current}

    def known_keys(self) -> set[str]:
        """Input keys with base rows for this analysis version and engine."""
        keys: set[str] = set()
        for part in self.parts(self.base_dir):
            table = self.read_part(part, ["input_key", "engine_key"])
            if table is not None:
                engines = table.column("engine_key").to_pylist()
                keys.update(
                    k
                    for k, e in zip(table.column("input_key").to_pylist(), engines, strict=True)
                    if e == self.engine_key
                )
        return keys

    def file_lookup(self, known: set[str]) -> Callable[[str, int, int], str | None]:
        """(path, size, mtime_ns) -> the input key the store analysed that file as, if that key
        is among `known` (analysed by this version and engine); for lib.ingest.readers.walk_paths."""
        index: dict[tuple[str, int, int], str] = {}
        for part in self.parts(self.files_dir):
            table = self.read_part(part, list(FILE_SCHEMA.names))
            if table is not None:
                for source, size, mtime, key in zip(
                    *(table.column(n).to_pylist() for n in FILE_SCHEMA.names), strict=True
                ):
                    if key in known:
                        index[(source, size, mtime)] = key
        return lambda source, size, mtime_ns: index.get((source, size, mtime_ns))

    def read_base(self, keys: set[str], *, with_sentences: bool = True) -> dict[str, dict]:
        """Base rows for `keys`. Without sentences (what tagging needs) a read-back of a corpus
        whose tags are stored reads half as much."""
        columns = None if with_sentences else [n for n in BASE_SCHEMA.names if n not in SENTENCE_COLUMNS]
        wanted = pa.array(list(keys), pa.string())
        found: dict[str, dict] = {}
        for part in self.parts(self.base_dir):
            table = self.read_part(part, columns)
            if table is None:
                continue
            table = table.filter(
                pc.and_(
                    pc.is_in(table.column("input_key"), wanted), pc.equal(table.column("engine_key"), self.engine_key)
                )
            )
            for row in table.to_pylist():
                found[row["input_key"]] = base_to_record(row)
        return found

    def read_tags(self, keys: set[str], taxonomy_fingerprint: str) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for part in self.parts(self.tags_dir(taxonomy_fingerprint)):
            table = self.read_part(part, list(TAG_SCHEMA.names))
            if table is None:
                continue
            for row in table.to_pylist():
                if row["input_key"] in keys:
                    found[row["input_key"]] = tags_to_record(row)
        return found
