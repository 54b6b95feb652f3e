"""One catalogue of user-facing errors.

Every error a user can meet has a stable code, a message that says what went wrong and a fix that
says what to do about it (the way spaCy's ``Errors`` catalogue works).  Code raises
``SitrepError(Errors.E001, path=...)`` and the CLI prints ``[E001] message  Fix: ...`` with no
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    message: str
    fix: str

    def format(self, **kwargs: Any) -> str:
        try:
            msg = self.message.format(**kwargs)
            fix = self.fix.format(**kwargs)
        except (KeyError, IndexError):
            msg, fix = self.message, self.fix
        return f"[{self.code}] {msg}" + (f"  Fix: {fix}" if fix else "")


class Errors:
    """The catalogue. Add new entries at the end; never reuse a code."""

    # --- store (E0xx)
    E001 = ErrorSpec("E001", "Cannot open database {path}: {reason}.",
                     "Check the path and permissions, or pass another file with --db.")
    E002 = ErrorSpec("E002",
                     "Database {path} was written by a newer sitrep (unknown migration {name}).",
                     "Upgrade sitrep, or use another database file.")
    E003 = ErrorSpec("E003", "Unsupported database URL {url}.",
                     "Use a file path (SQLite) or a postgresql:// URL.")
    E004 = ErrorSpec("E004", "No {kind} with id {id!r} in {path}.",
                     "List what is there with `sitrep {kind}s`.")
    # PostgreSQL store (E020-E029)
    E020 = ErrorSpec("E020", "{url} needs the PostgreSQL driver psycopg 3, which is not installed.",
                     "Install it with `pip install 'sitrep[postgres]'` (or `pip install "
                     "'psycopg[binary]'`), or use a SQLite file path instead.")
    E021 = ErrorSpec("E021", "Cannot connect to PostgreSQL at {url}: {reason}.",
                     "Check that the server is running and the URL's host, port, user, password "
                     "and database are right (create the database with `createdb NAME`).")
    # --- sources (E1xx): reasons a document is set aside
    E101 = ErrorSpec("E101", "File is binary or not valid text ({detail}).",
                     "Convert it to UTF-8 text, HTML or JSONL before ingesting.")
    E102 = ErrorSpec("E102", "File is empty or has no article text after cleaning.",
                     "Remove it from the input, or check that it holds an article.")
    E103 = ErrorSpec("E103", "File is too large ({size} bytes; the limit is {limit}).",
                     "Split it, or raise the limit with --max-bytes.")
    E104 = ErrorSpec("E104", "Malformed JSON on line {line}: {detail}.",
                     "Fix that line of the manifest; the other lines were ingested.")
    E105 = ErrorSpec("E105", "Manifest entry on line {line} has neither 'path' nor 'text'.",
                     "Give each manifest object a 'path' (relative to the manifest), a 'text', "
                     "or an http(s) 'url' to fetch.")
    E106 = ErrorSpec("E106", "Could not fetch {url}: {detail}.",
                     "Check the address and your network, then ingest it again.")
    E107 = ErrorSpec("E107", "Malformed HTML or feed: {detail}.",
                     "Save the page again or ingest its text as .txt.")
    E108 = ErrorSpec("E108", "Path does not exist: {path}.",
                     "Check the spelling; give files, folders, manifests or http(s) URLs.")
    E109 = ErrorSpec("E109", "Unsupported file type {suffix!r}.",
                     "Use .txt, .md, .html, .htm, .jsonl or RSS/Atom .xml files.")
    E110 = ErrorSpec("E110", "Invalid publication date {value!r}.",
                     "Use YYYY, YYYY-MM or YYYY-MM-DD.")
    E111 = ErrorSpec("E111", "Unexpected failure while reading it ({detail}).",
                     "It was set aside and the batch went on; please report it with the file.")
    # --- knowledge pack (E2xx)
    E201 = ErrorSpec("E201", "Knowledge pack file {path} is invalid: {detail}.",
                     "Fix the entry named above; `sitrep pack validate` lists every problem.")
    E202 = ErrorSpec("E202", "Knowledge pack {name!r} not found.",
                     "Build it with `python scripts/build_gazetteer.py` or check SITREP_PACK.")
    E203 = ErrorSpec("E203", "No actor {id!r} in the knowledge pack.",
                     "List actors with `sitrep actors`, or search a name with `sitrep actor NAME`.")
    E204 = ErrorSpec("E204", "No place named {name!r} in the gazetteer{where}.",
                     "Check the spelling (accents and hyphens do not matter), or drop --country.")
    E205 = ErrorSpec("E205", "Knowledge pack {name!r} has {count} error(s).",
                     "Run `sitrep pack validate` to list them, fix the data files, run it again.")
    E206 = ErrorSpec("E206", "Gazetteer file {path} is missing or unreadable ({detail}).",
                     "Rebuild it with `python scripts/build_gazetteer.py`.")
    E207 = ErrorSpec("E207", "No actor matches {name!r}.",
                     "List actors with `sitrep actors`; names match any alias, any spelling.")
    # --- pipeline (E3xx)
    E301 = ErrorSpec("E301", "Pipeline stage {name!r} is not registered.",
                     "Registered stages: {known}.")
    E302 = ErrorSpec("E302", "Stage {name!r} needs {needs!r}, which no earlier stage adds.",
                     "Put a stage that adds {needs!r} before it.")
    E303 = ErrorSpec("E303", "Stage {name!r} failed on document {doc}: {detail}.",
                     "The document was set aside; report this with the document if it repeats.")
    E304 = ErrorSpec("E304", "Event lexicon {path} is invalid: {detail}.",
                     "Fix the entry named above (types must be ACLED types/sub-types).")
    E305 = ErrorSpec("E305", "Unknown export format {value!r}.",
                     "Use one of: jsonl, acled-csv, geojson.")
    # --- relations (E330-E349)
    E330 = ErrorSpec("E330", "{name!r} matches {count} actors ({some}).",
                     "Give the actor's id (see `sitrep actors`) or a longer name.")
    E331 = ErrorSpec("E331", "Unknown relation origin {value!r}.",
                     "Use one of: text, event, pack, analyst.")
    # --- eval (E4xx)
    E401 = ErrorSpec("E401", "Gold file {path} is invalid: {detail}.",
                     "See docs/gold-format.md for the format.")
    E402 = ErrorSpec("E402", "Predictions file {path} line {line} is not a JSON object: {detail}.",
                     "Give the output of `sitrep export events --format jsonl` (one object "
                     "per line).")
    E403 = ErrorSpec("E403", "Cannot run the extraction pipeline for scoring: {detail}.",
                     "Score an exported file instead with --predictions FILE, or finish "
                     "installing the sources/pipeline layers.")
    E404 = ErrorSpec("E404", "No gold files for split {split!r} (looked in {where}).",
                     "Pass gold YAML files as arguments, or run from the repository root.")
    E405 = ErrorSpec("E405", "Corpus {path} named by gold file {gold} is missing.",
                     "Restore the corpus, or score exported predictions with --predictions.")
    # --- CLI / API input (E5xx)
    E501 = ErrorSpec("E501", "Invalid value for {name}: {value!r} ({detail}).", "{fix}")
    E502 = ErrorSpec("E502", "No page or endpoint at {path}.",
                     "See /openapi.json for the API and the navigation bar for pages.")
    E503 = ErrorSpec("E503", "Internal error while answering {path}: {detail}.",
                     "This is a bug; report it with the address you asked for.")
    E504 = ErrorSpec("E504", "Web assets are missing in {path}.",
                     "Run `npm ci && .venv/bin/python scripts/copy_assets.py` (scripts/setup.sh "
                     "does both); the API works without them.")
    E505 = ErrorSpec("E505", "Method {method} is not allowed on {path}.",
                     "The API is read-only: use GET.")
    # --- fusion (E6xx)
    E601 = ErrorSpec("E601", "A merge needs at least two different events (got {ids}).",
                     "Give two event ids: `sitrep merge EVENT_ID OTHER_EVENT_ID`.")
    E602 = ErrorSpec("E602", "Document {document!r} is not a source of event {event_id}.",
                     "See the event's sources with `sitrep event {event_id}`; give the document "
                     "id or the file name/URL shown there.")
    E603 = ErrorSpec("E603", "Event {event_id} has no source other than {document!r}: nothing "
                     "to split it from.",
                     "Split only events with sources in several documents.")
    E604 = ErrorSpec("E604", "No judgement #{id} in {path}.",
                     "List judgements with `sitrep judgements`.")
    E605 = ErrorSpec("E605", "Judgement #{id} was already undone (at {when}).",
                     "Nothing to do; `sitrep judgements` shows the current ones.")
    E606 = ErrorSpec("E606", "Judgement #{id} is an automatic merge, recomputed on every fusion.",
                     "To separate a report from that event, split its document out: "
                     "`sitrep split EVENT_ID --document DOC`.")


class SitrepError(Exception):
    """An error meant for the user: carries a catalogue entry and its arguments."""

    def __init__(self, spec: ErrorSpec, **kwargs: Any) -> None:
        self.spec = spec
        self.kwargs = kwargs
        super().__init__(spec.format(**kwargs))

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def reason(self) -> str:
        """The message without the fix: what a rejects listing shows."""
        return self.spec.message.format(**self.kwargs) if self.kwargs else self.spec.message
