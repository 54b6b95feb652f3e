"""Table definitions (SQLAlchemy Core, no ORM) shared by SQLite and PostgreSQL.

These describe the *current* shape. Migrations (``migrations.py``) create and alter tables; a
migration that changes a table here must do so explicitly so old databases follow.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations = Table(
    "migrations", metadata,
    Column("name", String, primary_key=True),
    Column("applied_at", String, nullable=False),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String, nullable=False),
    Column("started_at", String, nullable=False),
    Column("finished_at", String),
    Column("status", String, nullable=False, default="running"),  # running|done|failed
    Column("extractor_version", String),
    Column("stats", Text),  # JSON
)

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),  # content hash of the clean text
    # what the user pointed at (file path / URL / manifest id): "document" in exports
    Column("origin", String, nullable=False),
    Column("title", Text),
    Column("source", String),  # outlet
    Column("url", Text),
    Column("path", Text),
    Column("published", String),  # YYYY, YYYY-MM or YYYY-MM-DD
    Column("published_precision", String),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("fingerprint", String),  # near-duplicate signature (hex)
    Column("near_duplicate_of", String, ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("part_of", String),  # origin of a multi-article file this document was split from
    Column("meta", Text),  # JSON: cleaning notes, manifest extras
    Column("extracted_version", String),  # extractor version that last processed it
    Column("ingested_at", String, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
)
Index("ix_documents_origin", documents.c.origin)
Index("ix_documents_published", documents.c.published)

rejects = Table(
    "rejects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("code", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    UniqueConstraint("origin", "code", name="uq_rejects_origin_code"),
)

# LSH index for near-duplicate lookup (migration 0010): one row per MinHash band of a document.
document_bands = Table(
    "document_bands", metadata,
    Column("band", Integer, nullable=False),
    Column("hash", String, nullable=False),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    UniqueConstraint("band", "hash", "document_id", name="uq_document_bands"),
)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "idx", name="uq_sentences_doc_idx"),
)

statements = Table(
    "statements", metadata,
    Column("id", String, primary_key=True),  # stable hash of subject/property/value/doc/span
    Column("subject", String, nullable=False),  # e.g. "event:ab12..", "actor:jnim", "relation:.."
    Column("property", String, nullable=False),
    Column("value", Text, nullable=False),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE")),
    Column("start", Integer),
    Column("end", Integer),
    Column("quote", Text),
    Column("attribution", Text),
    Column("modality", String, nullable=False, default="asserted"),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("extractor", String, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", String, nullable=False),
)
Index("ix_statements_subject", statements.c.subject)
Index("ix_statements_document", statements.c.document_id)
Index("ix_statements_property_value", statements.c.property, statements.c.value)

actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("country", String),
    Column("data", Text),  # JSON: the pack entry (facts, sources)
)

aliases = Table(
    "aliases", metadata,
    Column("actor_id", String, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Column("lang", String),
    UniqueConstraint("actor_id", "norm", name="uq_aliases_actor_norm"),
)
Index("ix_aliases_norm", aliases.c.norm)

places = Table(
    "places", metadata,
    Column("id", String, primary_key=True),  # "geonames:2460596" or "sitrep:boulkessi"
    Column("name", Text, nullable=False),
    Column("country", String),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("feature_class", String),
    Column("feature_code", String),
    Column("population", Integer),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("event_date", String),  # ISO, first day of the period
    Column("date_precision", String),
    Column("date_end", String),  # last day of the period (for interval matching)
    Column("event_type", String),
    Column("sub_event_type", String),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("claimed_by", Text),  # JSON list
    Column("country", String),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("place_id", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injured", Integer),
    Column("abducted", Integer),
    Column("background", Boolean, nullable=False, default=False),
    Column("modality", String),
    Column("notes", Text),
    Column("data", Text),  # JSON: reconciliation detail
    Column("updated_at", String, nullable=False),
)
Index("ix_events_date", events.c.event_date)
Index("ix_events_country_date", events.c.country, events.c.event_date)
Index("ix_events_type", events.c.event_type)
# migration 0030: the dashboards' group-bys (stats) read these covering indexes, not the table
Index("ix_events_live_date_type", events.c.background, events.c.event_date, events.c.event_type,
      events.c.fatalities)
Index("ix_events_live_country", events.c.background, events.c.country)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("mention_id", String, nullable=False),  # the per-document event mention
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    UniqueConstraint("event_id", "mention_id", name="uq_event_sources"),
)
Index("ix_event_sources_document", event_sources.c.document_id)
Index("ix_event_sources_mention", event_sources.c.mention_id)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", String, nullable=False),
    Column("role", String, nullable=False),  # actor1|assoc_actor_1|actor2|assoc_actor_2|claimed_by
    # migration 0032: copies of the event's, kept by SQLite triggers (writers leave them out),
    # so an actor's events read in date order from one index
    Column("event_date", String),
    Column("background", Boolean),
    UniqueConstraint("event_id", "actor_id", "role", name="uq_event_actors"),
)
Index("ix_event_actors_actor", event_actors.c.actor_id)

relations = Table(
    "relations", metadata,
    Column("id", String, primary_key=True),
    Column("subject", String, nullable=False),  # actor id
    Column("predicate", String, nullable=False),
    Column("object", String, nullable=False),  # actor id
    Column("start", String),
    Column("start_precision", String),
    Column("end", String),
    Column("end_precision", String),
    Column("modality", String),
    Column("origin", String, nullable=False, default="text"),  # text|event|pack|analyst
    Column("data", Text),
)
Index("ix_relations_subject", relations.c.subject)
Index("ix_relations_object", relations.c.object)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),  # merge|split|correct|reject ...
    Column("target", String, nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("author", String, nullable=False),
    Column("reason", Text),
    Column("created_at", String, nullable=False),
    Column("undone_at", String),
)
Index("ix_judgements_target", judgements.c.target)

# fusion state (migration 0040): per-document events ("mentions" to fusion), the fused event
# each belongs to (NULL = waiting for ``fuse_events``), what clustering needs (``record`` JSON,
# keywords included, so the incremental path never re-reads quotes) and the source rows.
fusion_mentions = Table(
    "fusion_mentions", metadata,
    Column("mention_id", String, primary_key=True),  # the document event id
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("event_id", String),  # the fused event; NULL until fused
    Column("record", Text, nullable=False),  # JSON MentionRecord
    Column("sources", Text, nullable=False),  # JSON [{mention_id, start, end, quote}]
)
Index("ix_fusion_mentions_event", fusion_mentions.c.event_id)
Index("ix_fusion_mentions_document", fusion_mentions.c.document_id)

# blocking buckets of each fused mention: ``register`` rows are what a cluster is filed under,
# the others what a mention looks up (``sitrep.fusion.cluster``)
fusion_keys = Table(
    "fusion_keys", metadata,
    Column("key", String, nullable=False),
    Column("mention_id", String, nullable=False),
    Column("register", Boolean, nullable=False),
    UniqueConstraint("key", "mention_id", name="uq_fusion_keys"),
)
Index("ix_fusion_keys_mention", fusion_keys.c.mention_id)

# events that lost a member (re-extraction, undo) and must be re-fused
fusion_queue = Table(
    "fusion_queue", metadata,
    Column("event_id", String, primary_key=True),
)

# relations whose evidence changed and whose row is not rebuilt yet (extraction queues them and
# assembles each once per run, not once per document)
relation_queue = Table(
    "relation_queue", metadata,
    Column("subject", String, primary_key=True),
    Column("predicate", String, primary_key=True),
    Column("object", String, primary_key=True),
)
