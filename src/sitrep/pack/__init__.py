"""sitrep.pack layer."""
