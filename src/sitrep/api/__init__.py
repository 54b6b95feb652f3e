"""sitrep.api layer."""
