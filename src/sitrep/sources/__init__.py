"""sitrep.sources layer."""
