"""Full-text search over documents and sentences, on SQLite and PostgreSQL alike.

The read queries ask one question — "which documents / which events' source sentences contain
every word of q?" — and this module answers it in the dialect at hand, so no query branches on
the backend. SQLite uses FTS5 tables kept by triggers (migration 0002); PostgreSQL uses GIN
expression indexes over ``to_tsvector`` with a text-search configuration that, like FTS5's
``unicode61 remove_diacritics 2`` tokenizer, folds case and accents and does not stem, so the
same words find the same rows. Index and query share the expressions below: PostgreSQL only
uses an expression index when the query repeats the indexed expression.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from ..errors import Errors, SitrepError

# PostgreSQL: a copy of the ``simple`` configuration (lowercase, no stemming, no stop words)
# with ``unaccent`` in front when the extension can be created, so "Menaka" finds "Ménaka"
CONFIG = "sitrep_text"
DOCUMENT_TSV = (f"to_tsvector('{CONFIG}'::regconfig, "
                "coalesce(documents.title, '') || ' ' || documents.text)")
TITLE_TSV = f"to_tsvector('{CONFIG}'::regconfig, coalesce(documents.title, ''))"
SENTENCE_TSV = f"to_tsvector('{CONFIG}'::regconfig, sentences.text)"


def search_words(q: str) -> list[str]:
    """The words of a search (letters and digits runs); operators and quotes are dropped, so
    user input can never inject query syntax. No word at all is a user error."""
    words = re.findall(r"\w+", q)
    if not words:
        raise SitrepError(Errors.E501, name="q", value=q, detail="no words to search for",
                          fix="Search for at least one word, e.g. q=Djibo.")
    return words


def _fts5(q: str) -> str:
    """Every word must occur, each quoted as a literal FTS5 string."""
    return " ".join(f'"{w}"' for w in search_words(q))


def _tsquery(q: str) -> tuple[str, dict[str, str]]:
    """Every word must occur: ``plainto_tsquery`` ANDs the words' lexemes, parsed by the same
    configuration as the index. Returns the SQL and its parameter."""
    return (f"plainto_tsquery('{CONFIG}'::regconfig, :tsq)",
            {"tsq": " ".join(search_words(q))})


def match_documents(conn: Connection, q: str) -> Any:
    """A WHERE condition on ``documents``: its title and text together hold every word of q."""
    if conn.dialect.name == "sqlite":
        return text("documents.rowid IN (SELECT rowid FROM documents_fts WHERE "
                    "documents_fts MATCH :m)").bindparams(m=_fts5(q))
    tsq, params = _tsquery(q)
    return text(f"{DOCUMENT_TSV} @@ {tsq}").bindparams(**params)


def match_events(conn: Connection, q: str) -> Any:
    """A WHERE condition on ``events``: one of its source spans lies in a sentence that holds
    every word of q, or one of its source documents' titles does. A source quote is always
    within its document's sentences, so the sentence index finds it."""
    if conn.dialect.name == "sqlite":
        match = _fts5(q)
        return text(
            "(events.id IN (SELECT es.event_id FROM event_sources es JOIN sentences s"
            " ON s.document_id = es.document_id AND s.start < es.\"end\" AND s.\"end\" > es.start"
            " WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :fts_s))"
            " OR events.id IN (SELECT es.event_id FROM event_sources es JOIN documents d"
            " ON d.id = es.document_id WHERE d.rowid IN"
            " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_t)))"
        ).bindparams(fts_s=match, fts_t="{title} : (" + match + ")")
    tsq, params = _tsquery(q)
    return text(
        "(events.id IN (SELECT es.event_id FROM event_sources es JOIN sentences"
        " ON sentences.document_id = es.document_id AND sentences.start < es.\"end\""
        f" AND sentences.\"end\" > es.start WHERE {SENTENCE_TSV} @@ {tsq})"
        " OR events.id IN (SELECT es.event_id FROM event_sources es JOIN documents"
        f" ON documents.id = es.document_id WHERE {TITLE_TSV} @@ {tsq}))"
    ).bindparams(**params)


def create_indexes(conn: Connection) -> None:
    """PostgreSQL's half of migration 0002: the text-search configuration and GIN indexes.

    ``unaccent`` is a trusted extension (a database owner may create it); where it cannot be
    created the configuration still folds case, and accented words match only as written."""
    if conn.dialect.name != "postgresql":
        return
    exists = conn.execute(text("SELECT 1 FROM pg_ts_config WHERE cfgname = :n AND "
                               "cfgnamespace = current_schema()::regnamespace"),
                          {"n": CONFIG}).first()
    if not exists:
        conn.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)"))
        try:
            with conn.begin_nested():
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
                conn.execute(text(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
                                  "hword, hword_part, word WITH unaccent, simple"))
        except DBAPIError:  # no extension here: keep the plain configuration
            pass
    for name, table, expr in (("ix_documents_fts", "documents", DOCUMENT_TSV),
                              ("ix_documents_title_fts", "documents", TITLE_TSV),
                              ("ix_sentences_fts", "sentences", SENTENCE_TSV)):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN ({expr})"))
