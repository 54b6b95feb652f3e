"""sitrep.web layer."""
